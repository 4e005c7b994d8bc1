#include "simulation.h"

#include "engine.h"

namespace model {

Run simulate_raw(const Scenario &scenario, const RunOptions &options) {
    const std::uint64_t seed = options.seed.value_or(scenario.settings.seed);
    const Ms until = options.until.value_or(scenario.settings.duration_ms);
    engine::Engine engine(scenario, seed, until > 0 ? until : scenario.settings.step_ms);
    return engine.run();
}

Report simulate(const Scenario &scenario, const RunOptions &options) {
    return build_report(scenario, simulate_raw(scenario, options));
}

} // namespace model
