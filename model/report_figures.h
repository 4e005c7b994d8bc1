#pragma once
// The figures of a report, computed from the raw run: availability and downtime over a window,
// the RTOs after a fault (report_rto.h), how fast the clients moved, and the p99 write latency.
// Used by build_report (report.h).

#include "report.h"
#include "report_rto.h"
#include "run.h"
#include "scenario.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace model {

// The request counts per step that the figures are computed from.
struct RunCounts {
    StepCounts reads, writes;                      // all populations
    std::vector<StepCounts> pop_reads, pop_writes; // per population
};
RunCounts count_requests(const Run &run);

// A fault's window ends at the next fault after t, or at the end of the run.
Ms window_end_after(const Scenario &scenario, const Run &run, Ms t);

// Requests, availability and downtime over [window_start, window_end); with a fault time, the
// RTOs measured from it. population -1: all of them.
Figures figures_for(const Scenario &scenario, const Run &run, const StepCounts &reads,
                    const StepCounts &writes, std::optional<Ms> t_fault, Ms window_start,
                    Ms window_end, int population);

// Times after the fault at which 50/90/99 % of the clients that had to move had moved.
void moved_times(Figures &f, const std::vector<MoveWave> &waves, Ms t_fault, Ms window_end);

// The 99th percentile of a latency histogram (latency -> count).
std::optional<std::int32_t> p99_of(const std::map<std::int32_t, std::int64_t> &hist);

} // namespace model
