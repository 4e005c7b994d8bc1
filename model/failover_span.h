#pragma once
// Which stretch of a run is "the failover": from the first fault to the last recovery, with a
// little time either side, so that a view zoomed to it shows the calm before and after.

#include "report.h"

#include <optional>

namespace model {

struct TimeSpan {
    Ms from_ms = 0;
    Ms to_ms = 0;
    Ms length() const { return to_ms - from_ms; }
    bool operator==(const TimeSpan &) const = default;
};

// The margin either side: a tenth of the failover, at least 5 s.
constexpr Ms kFailoverMinMarginMs = 5 * kSecond;

// From the first fault (every fault and operator action of the report counts) to the last of:
// the times the read and write success rates came back (for the run and for each population),
// the expiry of the last client cache still holding an old answer at that point, and the end
// of the run when something never recovered. A fault that hurt nobody spans two minutes. The
// span is widened by the margin and held inside the run. Nothing when the run has no fault.
std::optional<TimeSpan> failover_span(const Report &report);

} // namespace model
