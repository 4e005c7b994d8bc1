// The scenario's own settings as one edit.
#include "edit.h"

#include "edit_checked.h"

#include <nlohmann/json.hpp>

namespace model {

ScenarioSettings scenario_settings_of(const Scenario &s) {
    return {s.name, s.settings.duration_ms, s.settings.step_ms, s.settings.seed, s.settings.slo};
}

EditResult set_scenario_settings(Scenario &s, const ScenarioSettings &settings) {
    // Through the reader, so that every value is checked as a file's would be.
    nlohmann::json all = nlohmann::json::parse(write_scenario(s));
    all["name"] = settings.name;
    nlohmann::json &run = all["settings"];
    run["duration_s"] = static_cast<double>(settings.duration_ms) / 1000.0;
    run["step_ms"] = settings.step_ms;
    run["seed"] = settings.seed;
    run["slo"] = settings.slo;
    ScenarioLoad load = parse_scenario(all.dump(), "");
    if (!load.scenario)
        return edit_detail::refused(std::move(load.problems));
    s = std::move(*load.scenario);
    return {true, "scenario settings changed", "settings"};
}

} // namespace model
