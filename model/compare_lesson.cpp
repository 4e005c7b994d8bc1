#include "compare_lesson.h"

#include "lesson_applier.h"
#include "scenario_json.h"

namespace model {
namespace {

// Applies actions to s; a seed they set becomes the scenario's own. Empty when they applied.
std::optional<std::string> apply_to_design(Scenario &s, const std::vector<LessonAction> &actions) {
    RunOptions options;
    const EditResult r = apply_actions(s, actions, options);
    if (!r.ok)
        return r.message;
    if (options.seed)
        s.settings.seed = *options.seed;
    return std::nullopt;
}

void make_b(PreparedComparison &out, Scenario a, const CompareSpec &spec) {
    out.a_label = spec.a;
    out.b_label = spec.b;
    Scenario b = a;
    if (auto why = apply_to_design(b, spec.actions)) {
        out.failed_at = "compare/actions";
        out.detail = *why;
        return;
    }
    if (write_scenario(a) == write_scenario(b)) {
        out.failed_at = "compare/actions";
        out.detail = "the comparison's actions leave design B the same as design A";
        return;
    }
    out.a = std::move(a);
    out.b = std::move(b);
}

} // namespace

PreparedComparison prepare_try_comparison(const Lesson &lesson, std::size_t step,
                                          const FileReader &read) {
    PreparedComparison out;
    const TryThis &t = lesson.try_this.at(step);
    if (!t.compare) {
        out.failed_at = "compare";
        out.detail = "the step opens no comparison";
        return out;
    }
    ScenarioLoad load = load_lesson_scenario(lesson, t.scenario, read);
    if (!load.scenario) {
        out.failed_at = "scenario";
        out.detail = load_failure(t.scenario, load);
        return out;
    }
    make_b(out, std::move(*load.scenario), *t.compare);
    return out;
}

PreparedComparison prepare_walk_comparison(const Lesson &lesson, std::size_t walkthrough,
                                           std::size_t step, const FileReader &read) {
    PreparedComparison out;
    const Walkthrough &walk = lesson.walkthroughs.at(walkthrough);
    const WalkStep &st = walk.steps.at(step);
    if (!st.compare) {
        out.failed_at = "compare";
        out.detail = "the step opens no comparison";
        return out;
    }
    ScenarioLoad load = load_lesson_scenario(lesson, walk.scenario, read);
    if (!load.scenario) {
        out.failed_at = "scenario";
        out.detail = load_failure(walk.scenario, load);
        return out;
    }
    for (std::size_t k = 0; k <= step; ++k)
        if (auto why = apply_to_design(*load.scenario, walk.steps[k].actions)) {
            out.failed_at = "actions";
            out.detail = *why;
            return out;
        }
    make_b(out, std::move(*load.scenario), *st.compare);
    return out;
}

} // namespace model
