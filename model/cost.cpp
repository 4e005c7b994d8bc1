#include "cost.h"

#include <algorithm>

namespace model {
namespace {

constexpr double kAppPer1000Rps = 1.0;
constexpr double kDbInstance = 1.0;     // a writer (or a node that takes writes)
constexpr double kMultiAzStandby = 1.0; // its synchronous standby in a second AZ
constexpr double kReadReplica = 0.25;   // an asynchronous or streamed copy, transfer included
constexpr double kStoreCopy = 0.02;
constexpr double kHealthCheck = 0.005;
constexpr double kAccelerator = 0.05;

} // namespace

CostFigures estimate_cost(const Scenario &s) {
    CostFigures c;
    double peak = 0;
    for (const auto &a : s.app_tiers) {
        const double full = a.capacity_rps / 1000.0 * kAppPer1000Rps;
        peak = std::max(peak, full);
        c.units += a.standby == Standby::hot ? full : full * a.warm_fraction;
    }
    for (const auto &d : s.databases) {
        const bool multi = d.kind == DbKind::multi_writer || d.kind == DbKind::consensus;
        const double writers = multi ? static_cast<double>(d.writers.size()) : 1.0;
        c.units += writers * (kDbInstance + (d.multi_az ? kMultiAzStandby : 0.0));
        for (const auto &r : d.replicas)
            c.units += r.mode == Replication::sync ? kDbInstance : kReadReplica;
    }
    for (const auto &st : s.data_stores)
        c.units += kStoreCopy * (1.0 + static_cast<double>(st.replicas.size()));
    c.units += kHealthCheck * static_cast<double>(s.health_checks.size());
    c.units += kAccelerator * static_cast<double>(s.accelerators.size());
    c.baseline = peak + kDbInstance * static_cast<double>(s.databases.size()) +
                 kStoreCopy * static_cast<double>(s.data_stores.size());
    c.multiplier = c.baseline > 0 ? c.units / c.baseline : 1.0;
    return c;
}

} // namespace model
