// A lesson step's actions (set, add_fault, remove_fault, add, link, seed, play_until) applied
// to a built-in scenario: any list is read and applied without crashing, and whatever the
// actions leave behind is a scenario that passes every check and is within the limits.
#include "fuzz_support.h"

#include "model/json_reader.h"
#include "model/lesson.h"
#include "model/simulation.h"
#include "model/work.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const model::Scenario base = [] {
        const auto load =
            model::parse_scenario(fuzz::source_file("lessons/scenarios/pattern-warm-standby.json"),
                                  "pattern-warm-standby.json");
        fuzz::require(load.scenario.has_value(), "the built-in scenario loads");
        return *load.scenario;
    }();
    const std::string text(reinterpret_cast<const char *>(data), size);
    model::Problems problems;
    const auto list = model::parse_json_text(text, "actions.json", problems);
    if (!list)
        return 0;
    const model::Json step{{"actions", *list}};
    model::JsonReader reader(step, "", "actions.json", problems);
    const std::vector<model::LessonAction> actions =
        model::read_lesson_actions(reader, step, "actions.json", problems);
    if (!problems.empty())
        return 0;
    model::Scenario s = base;
    model::RunOptions options;
    const model::EditResult applied = model::apply_actions(s, actions, options);
    (void)applied;
    fuzz::require(model::check_scenario(s, "").empty(),
                  "the actions leave a scenario that passes the checks");
    fuzz::require(!model::work_refusal(s).has_value(), "the actions keep within the limits");
    return 0;
}
