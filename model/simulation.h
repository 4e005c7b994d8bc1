#pragma once
// The one entry point that runs a scenario: the command line, the GUI, the lessons' "try this"
// checks and the tests all call simulate().

#include "report.h"
#include "scenario.h"

#include <cstdint>
#include <optional>

namespace model {

struct RunOptions {
    std::optional<std::uint64_t> seed; // default: the scenario's settings.seed
    std::optional<Ms> until;           // default: the scenario's settings.duration_s
};

Run simulate_raw(const Scenario &scenario, const RunOptions &options = {});
Report simulate(const Scenario &scenario, const RunOptions &options = {});

} // namespace model
