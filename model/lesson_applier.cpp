#include "lesson_applier.h"

namespace model {

EditResult apply_actions(Scenario &s, const std::vector<LessonAction> &actions,
                         RunOptions &options) {
    for (const auto &a : actions) {
        EditResult r{true, "", ""};
        switch (a.kind) {
        case LessonAction::Kind::set:
            r = set_field(s, a.component, a.field, a.value);
            break;
        case LessonAction::Kind::add_fault:
            r = add_fault(s, a.fault);
            break;
        case LessonAction::Kind::remove_fault:
            r = remove_fault(s, a.id);
            break;
        case LessonAction::Kind::add:
            r = add_component(s, a.add_kind, {}, a.region, a.database);
            break;
        case LessonAction::Kind::link:
            r = link_components(s, a.from, a.to);
            break;
        case LessonAction::Kind::seed:
            options.seed = a.seed;
            break;
        case LessonAction::Kind::play_until:
            break;
        }
        if (!r.ok)
            return r;
    }
    return {true, "", ""};
}

PreparedStep prepare_step(const Lesson &lesson, std::size_t step, const FileReader &read) {
    PreparedStep out;
    const TryThis &t = lesson.try_this.at(step);
    ScenarioLoad load = load_lesson_scenario(lesson, t.scenario, read);
    if (!load.scenario) {
        out.failure = PreparedStep::Failure::scenario;
        out.detail = load.problems.empty() ? std::string() : load.problems.front().text();
        return out;
    }
    const EditResult r = apply_actions(*load.scenario, t.actions, out.options);
    if (!r.ok) {
        out.failure = PreparedStep::Failure::action;
        out.detail = r.message;
        return out;
    }
    out.scenario = std::move(load.scenario);
    return out;
}

} // namespace model
