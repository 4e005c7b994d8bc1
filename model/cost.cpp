#include "cost.h"

#include <algorithm>

namespace model {
namespace {

// Every constant is a share of what serving the load costs, so a design's multiplier depends on
// its pattern and not on its size. Their reasoning is in REPORT_FORMAT.md, section "cost".
constexpr double kAppPer1000Rps = 1.0;  // an app tier, per 1,000 requests/s of capacity
constexpr double kDbWriter = 1.0;       // a database instance sized for a tier of the same load
constexpr double kMultiAzStandby = 1.0; // its synchronous standby in a second AZ: a second instance
constexpr double kSyncReplica = 1.0;    // a synchronous copy in another region: a full instance
constexpr double kAsyncReplica = 0.25;  // an asynchronous or streamed copy, transfer included
constexpr double kStoreCopy = 0.02;     // one copy of a bucket, secret, cache, queue or key
constexpr double kAccelerator = 0.05;   // an accelerator's data-transfer premium
constexpr double kHealthCheck = 0.005;  // a fixed monthly fee per health check, whatever the load

} // namespace

CostFigures estimate_cost(const Scenario &s) {
    CostFigures c;
    double peak = 0; // the load the design is sized for, in units of 1,000 requests/s
    for (const auto &a : s.app_tiers) {
        const double full = a.capacity_rps / 1000.0 * kAppPer1000Rps;
        peak = std::max(peak, full);
        c.units += a.standby == Standby::hot ? full : full * a.warm_fraction;
    }
    double baseline_dbs = 0;
    for (const auto &d : s.databases) {
        // A database is sized for the largest tier that uses it.
        double size = 0;
        for (const auto &a : s.app_tiers)
            if (std::find(a.depends_on.begin(), a.depends_on.end(), d.id) != a.depends_on.end())
                size = std::max(size, a.capacity_rps / 1000.0);
        if (size == 0)
            size = peak;
        const bool multi = d.kind == DbKind::multi_writer || d.kind == DbKind::consensus;
        const double writers = multi ? static_cast<double>(d.writers.size()) : 1.0;
        c.units += writers * size * (kDbWriter + (d.multi_az ? kMultiAzStandby : 0.0));
        for (const auto &r : d.replicas)
            c.units += size * (r.mode == Replication::sync ? kSyncReplica : kAsyncReplica);
        baseline_dbs += size * kDbWriter;
    }
    for (const auto &st : s.data_stores)
        c.units += peak * kStoreCopy * (1.0 + static_cast<double>(st.replicas.size()));
    c.units += kHealthCheck * static_cast<double>(s.health_checks.size());
    c.units += peak * kAccelerator * static_cast<double>(s.accelerators.size());
    c.baseline =
        peak + baseline_dbs + peak * kStoreCopy * static_cast<double>(s.data_stores.size());
    c.multiplier = c.baseline > 0 ? c.units / c.baseline : 1.0;
    return c;
}

} // namespace model
