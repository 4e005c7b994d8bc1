#pragma once
// The lines the charts panel plots, read from a run's per-step samples: each point is a step's
// start (minutes into the run) and the value the model recorded for that step.

#include "model/run.h"
#include "timechart.h"

#include <vector>

namespace widgets {

// Per population: requests that succeeded, in % of those issued (steps with none: no point).
std::vector<ChartLine> success_lines(const model::Run &run);
// Per population: the 99th percentile latency of served requests, ms (none served: no point).
std::vector<ChartLine> p99_lines(const model::Run &run);
// Per region: requests that reached an app tier there, per second.
std::vector<ChartLine> region_lines(const model::Run &run);
// Per replica ("database/region"): replication lag, s.
std::vector<ChartLine> lag_lines(const model::Run &run);
// Lost writes and conflicts so far, all databases.
std::vector<ChartLine> loss_lines(const model::Run &run);
// Per population entering through a distribution, per second: cache hits, misses the primary
// and the secondary served, misses that failed over, and failed requests.
std::vector<ChartLine> cdn_lines(const model::Run &run);

} // namespace widgets
