#pragma once
// Recovery measured from the per-step request counts: when service came back after a fault,
// and that RTO taken apart along the chain of milestones recovery waited on. Used by
// build_report (report.h).

#include "report.h"
#include "run.h"

#include <cstdint>
#include <vector>

namespace model {

// Served and failed requests per sample step (reads or writes, one population or all).
struct StepCounts {
    std::vector<std::int64_t> ok, failed;
};

enum class Op : std::uint8_t { reads, writes };

// Request-weighted recovery from a fault at t_fault, looked for until window_end.
Rto measure_rto(const StepCounts &counts, Ms step, Ms t_fault, Ms window_end);

// The RTO with its breakdown; a milestone inside the first good step places the recovery
// more exactly than the step boundary. population -1: all of them.
Rto recovery(const StepCounts &counts, const Run &run, Ms t_fault, Ms window_end, Op op,
             int population);

} // namespace model
