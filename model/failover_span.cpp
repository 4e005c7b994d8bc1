#include "failover_span.h"

#include <algorithm>

namespace model {

std::optional<TimeSpan> failover_span(const Report &report) {
    const Run &run = report.run;
    std::optional<Ms> first;
    for (const FaultFigures &f : report.faults)
        first = std::min(first.value_or(f.at_ms), f.at_ms);
    if (!first || *first >= run.end_ms)
        return std::nullopt;

    Ms last = *first;
    bool measured = false;
    const auto take = [&](const Rto &rto) {
        if (rto.status == RtoStatus::not_recovered) {
            last = run.end_ms;
            measured = true;
        } else if (rto.hurt() && rto.restored_at_ms) {
            last = std::max(last, *rto.restored_at_ms);
            measured = true;
        }
    };
    take(report.summary.read);
    take(report.summary.write);
    for (const PopulationFigures &p : report.populations) {
        take(p.figures.read);
        take(p.figures.write);
    }
    if (!measured)
        last = std::min(run.end_ms, *first + 2 * kMinute);
    // Clients still on an old answer when service came back: their caches are part of it.
    Ms expiry = last;
    for (const CacheRecord &c : run.caches)
        if (c.t_ms >= *first && c.t_ms <= last && c.expires_by_ms > expiry)
            expiry = c.expires_by_ms;
    last = std::min(run.end_ms, expiry);

    const Ms margin = std::max(kFailoverMinMarginMs, (last - *first) / 10);
    return TimeSpan{std::max<Ms>(0, *first - margin), std::min(run.end_ms, last + margin)};
}

} // namespace model
