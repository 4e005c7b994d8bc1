#pragma once
// What a report writes into its run's trace: the moments service degraded and was restored
// after each fault, the events in their final order and numbering, and the fingerprint of the
// result (report.h). Used by build_report.

#include "report.h"
#include "report_rto.h"
#include "run.h"

#include <string>
#include <vector>

namespace model {

// Adds a service_degraded event at the first step below 99 % after each fault, and a
// service_restored event where its RTO ends, for reads and for writes; window_ends[i] is where
// faults[i]'s window ends. Then sorts the events by (time, sequence) and numbers them afresh.
void mark_service_changes(Run &run, const std::vector<FaultFigures> &faults,
                          const std::vector<Ms> &window_ends, const StepCounts &reads,
                          const StepCounts &writes);

// The fingerprint as written in reports: 16 hex digits.
std::string fingerprint_hex(const Run &run);

} // namespace model
