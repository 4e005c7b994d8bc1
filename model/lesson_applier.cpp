#include "lesson_applier.h"

#include "find.h"

#include <algorithm>

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

namespace {

std::optional<Ms> fault_at(const Scenario &s, const std::string &id) {
    if (const Fault *f = find_by_id(s.faults, id))
        return f->at_ms;
    return std::nullopt;
}

std::optional<Ms> first_event(const Run &run, EventKind kind) {
    for (const auto &e : run.events)
        if (e.kind == kind)
            return e.t_ms;
    return std::nullopt;
}

} // namespace

Ms step_focus_ms(const TryThis &step, const Scenario &applied, const Run &run) {
    constexpr const char *kFaults = "faults.";
    if (step.expect && step.expect->figure.rfind(kFaults, 0) == 0) {
        const std::string rest = step.expect->figure.substr(std::string(kFaults).size());
        if (auto at = fault_at(applied, rest.substr(0, rest.find('.'))))
            return *at;
    }
    for (const auto &a : step.actions) {
        if (a.kind == LessonAction::Kind::add_fault)
            return a.fault.at_ms;
        if (a.kind == LessonAction::Kind::play_until)
            if (auto at = first_event(run, a.event))
                return *at;
    }
    std::optional<Ms> earliest;
    for (const auto &f : applied.faults)
        earliest = earliest ? std::min(*earliest, f.at_ms) : f.at_ms;
    return earliest.value_or(0);
}

Ms step_watch_from_ms(const TryThis &step, const Scenario &applied, const Run &run) {
    return std::max<Ms>(0, step_focus_ms(step, applied, run) - kWatchLeadMs);
}

} // namespace model
