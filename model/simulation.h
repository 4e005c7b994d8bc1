#pragma once
// The one entry point that runs a scenario: the command line, the GUI, the lessons' "try this"
// checks and the tests all call simulate().

#include "report.h"
#include "scenario.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <stdexcept>

namespace model {

struct RunOptions {
    std::optional<std::uint64_t> seed; // default: the scenario's settings.seed
    std::optional<Ms> until;           // default: the scenario's settings.duration_s
    // Set by another thread to stop the run: the engine looks at it once a step and, once it
    // is set, throws RunStopped. A stopped run has no result; an unstopped run is unaffected.
    const std::atomic<bool> *stop = nullptr;
};

// What simulate() throws when RunOptions::stop was set during the run.
class RunStopped : public std::runtime_error {
public:
    RunStopped() : std::runtime_error("the run was stopped") {}
};

Run simulate_raw(const Scenario &scenario, const RunOptions &options = {});
Report simulate(const Scenario &scenario, const RunOptions &options = {});

} // namespace model
