#pragma once
// The rules of a CloudFront-like distribution (FACTS.md section 5) that the scenario reader, the
// engine, the report and the views share: which status codes an origin group may fail over on,
// how long a miss waits before it fails over, which requests may fail over at all, which edge
// serves a population, and which populations enter through a distribution.

#include "scenario.h"

#include <string>

namespace model {

// The status codes an origin group can be set to fail over on: 400, 403, 404, 416, 500, 502,
// 503 and 504.
bool is_failover_status_code(int code);
bool fails_over_on(const Distribution &d, int status_code);

// How long a miss waits on a primary that cannot be connected to before it fails over:
// connection attempts x connection timeout (3 x 10 s = 30 s by default).
Ms connection_failover_delay(const Distribution &d);

// Only GET, HEAD and OPTIONS fail over; a write (POST, PUT) stays with the primary.
enum class Method : std::uint8_t { read, write };
constexpr bool method_fails_over(Method m) {
    return m == Method::read;
}

// The status an origin answers with when it is up but cannot serve: a brownout's own failure,
// and a tier whose dependency or capacity is gone (its load balancer answers 503).
constexpr int kBrownoutStatus = 500;
constexpr int kUnavailableStatus = 503;

// The share of an edge's cached objects still within their TTL at t, when no origin has been
// able to fill its cache since `ageing_since` (-1: it is being filled, all fresh). Fetched at
// evenly spread moments, the objects run out evenly over the TTL.
double cache_freshness(const Distribution &d, Ms ageing_since, Ms t);

// The edge nearest to a place (index into d.edges), -1 when the distribution has none.
int nearest_edge(const Distribution &d, LatLon where);

// The distribution a population enters through: its entry names one, or names a DNS name whose
// single record is an alias to one. nullptr otherwise.
const Distribution *entry_distribution(const Scenario &s, const std::string &entry);

} // namespace model
