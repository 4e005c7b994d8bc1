// Scenario files: any text is read and checked without crashing, and a scenario that loads is
// saved and read back to the same text; a small one is also run for a short while.
#include "fuzz_support.h"

#include "model/simulation.h"
#include "model/work.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    const model::ScenarioLoad load = model::parse_scenario(text, "fuzz.json");
    fuzz::require(load.scenario.has_value() != !load.problems.empty(),
                  "a scenario loads exactly when there is no problem");
    fuzz::require(load.problems.size() <= model::limits::kProblemsPerFile + 1,
                  "problems are capped");
    if (!load.scenario)
        return 0;
    const model::Scenario &s = *load.scenario;
    const std::string saved = model::write_scenario(s);
    const model::ScenarioLoad again = model::parse_scenario(saved, "saved.json");
    fuzz::require(again.scenario.has_value(), "a saved scenario loads");
    fuzz::require(model::write_scenario(*again.scenario) == saved,
                  "saving what was loaded from a save gives the same text");
    fuzz::require(!model::work_refusal(s).has_value(), "a loaded scenario is within the limits");
    if (fuzz::small_run(s)) {
        model::RunOptions options;
        options.until = std::min<model::Ms>(s.settings.duration_ms, 10 * model::kMinute);
        const model::Report report = model::simulate(s, options);
        fuzz::require(report.run.internal_errors.empty(), "the run reports no internal error");
    }
    return 0;
}
