#include "simulation.h"

#include "engine.h"
#include "work.h"

namespace model {

Run simulate_raw(const Scenario &scenario, const RunOptions &options) {
    const std::uint64_t seed = options.seed.value_or(scenario.settings.seed);
    const Ms until = options.until.value_or(scenario.settings.duration_ms);
    // A loaded scenario is within the limits; a run past its duration may not be. Rather than
    // allocate what the limits forbid, run a single step and say why.
    const auto refusal =
        until > scenario.settings.step_ms ? work_refusal(scenario, until) : std::nullopt;
    if (refusal) {
        Run refused = simulate_raw(
            scenario, RunOptions{options.seed, scenario.settings.step_ms, options.stop});
        refused.internal_errors.push_back(
            InternalError{0, "the run was not made: " + refusal->message});
        return refused;
    }
    engine::Engine engine(scenario, seed, until > 0 ? until : scenario.settings.step_ms);
    return engine.run(options.stop);
}

Report simulate(const Scenario &scenario, const RunOptions &options) {
    return build_report(scenario, simulate_raw(scenario, options));
}

} // namespace model
