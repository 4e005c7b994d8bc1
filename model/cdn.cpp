// The shared rules of a CloudFront-like distribution.
#include "cdn.h"

#include "find.h"

#include <algorithm>

namespace model {

bool is_failover_status_code(int code) {
    constexpr int kCodes[] = {400, 403, 404, 416, 500, 502, 503, 504};
    return std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes);
}

bool fails_over_on(const Distribution &d, int status_code) {
    return std::find(d.failover_status_codes.begin(), d.failover_status_codes.end(), status_code) !=
           d.failover_status_codes.end();
}

Ms connection_failover_delay(const Distribution &d) {
    return static_cast<Ms>(d.connection_attempts) * d.connection_timeout_ms;
}

double cache_freshness(const Distribution &d, Ms ageing_since, Ms t) {
    if (ageing_since < 0 || t < ageing_since)
        return 1.0;
    if (d.cache_ttl_ms <= 0)
        return 0.0;
    return std::max(0.0, 1.0 - static_cast<double>(t - ageing_since) /
                                   static_cast<double>(d.cache_ttl_ms));
}

int nearest_edge(const Distribution &d, LatLon where) {
    int best = -1;
    double best_km = 0;
    for (std::size_t i = 0; i < d.edges.size(); ++i) {
        const double km = great_circle_km(where, d.edges[i].where);
        if (best < 0 || km < best_km) {
            best = static_cast<int>(i);
            best_km = km;
        }
    }
    return best;
}

const Distribution *entry_distribution(const Scenario &s, const std::string &entry) {
    if (const Distribution *d = find_by_id(s.distributions, entry))
        return d;
    const DnsName *n = find_by_id(s.dns, entry);
    if (n && n->records.size() == 1 && n->records.front().alias)
        return find_by_id(s.distributions, n->records.front().target);
    return nullptr;
}

} // namespace model
