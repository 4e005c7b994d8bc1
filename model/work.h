#pragma once
// What a run of a scenario will cost, worked out from the scenario alone before the run
// allocates anything: the per-step series it records and the health-check probes it may make.
// A run over the limits (limits.h) is refused with a message saying what to change.

#include "scenario.h"

#include <cstdint>
#include <optional>
#include <string>

namespace model {

struct WorkEstimate {
    std::int64_t steps = 0;         // sample steps of the run
    std::uint64_t series_cells = 0; // per-step values the run records
    std::uint64_t series_bytes = 0; // the memory those values take
    std::uint64_t probes = 0;       // health-check probes if every checker probed throughout
};

// The work of a run to `until` (the scenario's duration when not given).
WorkEstimate estimate_work(const Scenario &scenario, std::optional<Ms> until = std::nullopt);

struct WorkRefusal {
    std::string where;   // the JSON pointer of the setting to change first
    std::string message; // what the run would cost, the limit, and what to change
};

// Why a run to `until` is over the limits, or nothing when it is within them.
std::optional<WorkRefusal> work_refusal(const Scenario &scenario,
                                        std::optional<Ms> until = std::nullopt);

} // namespace model
