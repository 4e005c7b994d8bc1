#include "lesson_grader.h"

#include "compare_lesson.h"
#include "lesson_applier.h"
#include "lesson_text.h"
#include "simulation.h"

#include <set>

namespace model {
namespace {

std::string lesson_number(double v) {
    // The range first: converting a double outside long long's range is undefined.
    if (v > -1e15 && v < 1e15 && v == static_cast<double>(static_cast<long long>(v)))
        return std::to_string(static_cast<long long>(v));
    return nlohmann::json(v).dump();
}

// Each "try this" step applies, its expectation holds, and its `show` text can be filled.
void check_steps(const Lesson &l, const FileReader &read, ScenarioRuns &runs, Problems &out) {
    for (std::size_t i = 0; i < l.try_this.size(); ++i) {
        const TryThis &t = l.try_this[i];
        const std::string at = "/try_this/" + std::to_string(i);
        PreparedStep step = prepare_step(l, i, read);
        if (step.failure == PreparedStep::Failure::scenario)
            out.push_back({l.file, at + "/scenario", load_failure(t.scenario, step.detail)});
        if (step.failure == PreparedStep::Failure::action)
            out.push_back({l.file, at + "/actions", "an action cannot be applied: " + step.detail});
        if (t.compare) {
            const PreparedComparison c = prepare_try_comparison(l, i, read);
            if (!c.a && c.failed_at == "compare/actions")
                out.push_back({l.file, at + "/compare/actions",
                               "the comparison cannot be made: " + c.detail});
        }
        if (!step.scenario)
            continue;
        const bool quotes = t.show.find("{{") != std::string::npos;
        if (!t.expect && !quotes && !t.predict)
            continue;
        const Report report = simulate(*step.scenario, step.options);
        const StepGrade grade = grade_step(t, report);
        if (t.predict && !query_figure(report, t.predict->figure))
            out.push_back({l.file, at + "/predict/figure",
                           "the figure \"" + t.predict->figure +
                               "\" is unknown or null in this step's run, so the prediction "
                               "could not be graded"});
        if (t.expect && !grade.held)
            out.push_back(
                {l.file, at + "/expect",
                 "expected " + describe(*t.expect) + ", but the model computes " +
                     (grade.actual ? lesson_number(*grade.actual) : std::string("null"))});
        // What the step shows quotes its own run and the lesson's scenarios.
        std::vector<std::string> missing;
        fill_show(t, report, runs, &missing);
        for (const std::string &inside : missing)
            out.push_back(
                {l.file, at + "/show",
                 "\"{{" + inside +
                     "}}\" names no figure of this step's run or of a scenario of the "
                     "lessons folder (unknown, or null there); see failover-lab figures"});
    }
}

// Every walkthrough step applies, and every figure its caption and notes quote exists.
void check_walkthroughs(const Lesson &l, const FileReader &read, Problems &out) {
    for (std::size_t w = 0; w < l.walkthroughs.size(); ++w) {
        const Walkthrough &walk = l.walkthroughs[w];
        ScenarioLoad load = load_lesson_scenario(l, walk.scenario, read);
        if (!load.scenario) {
            out.push_back({l.file, "/walkthroughs/" + std::to_string(w) + "/scenario",
                           load_failure(walk.scenario, load)});
            continue;
        }
        Scenario &s = *load.scenario;
        RunOptions options;
        for (std::size_t k = 0; k < walk.steps.size(); ++k) {
            const std::string at =
                "/walkthroughs/" + std::to_string(w) + "/steps/" + std::to_string(k);
            const EditResult r = apply_actions(s, walk.steps[k].actions, options);
            if (!r.ok) {
                out.push_back({l.file, at, "a step cannot be applied: " + r.message});
                continue;
            }
            if (walk.steps[k].compare) {
                const PreparedComparison c = prepare_walk_comparison(l, w, k, read);
                if (!c.a && c.failed_at == "compare/actions")
                    out.push_back({l.file, at + "/compare/actions",
                                   "the comparison cannot be made: " + c.detail});
            }
            const std::string &caption = walk.steps[k].caption, &notes = walk.steps[k].notes;
            if (caption.find("{{") == std::string::npos && notes.find("{{") == std::string::npos)
                continue;
            const Report report = simulate(s, options);
            for (const char *field : {"caption", "notes"}) {
                std::vector<std::string> missing;
                fill_figures(field[0] == 'c' ? caption : notes, report, &missing);
                for (const std::string &name : missing)
                    out.push_back({l.file, at + "/" + field,
                                   "\"{{" + name +
                                       "}}\" names no figure of this step's run (unknown, or "
                                       "null here); see failover-lab figures"});
            }
        }
    }
}

} // namespace

bool expectation_holds(const Expect &e, std::optional<double> actual) {
    if (!e.value)
        return e.op == "==" ? !actual.has_value() : actual.has_value();
    if (!actual)
        return e.op == "!=";
    const double a = *actual, v = *e.value;
    if (e.op == "<")
        return a < v;
    if (e.op == "<=")
        return a <= v;
    if (e.op == ">")
        return a > v;
    if (e.op == ">=")
        return a >= v;
    if (e.op == "==")
        return a >= v - e.tolerance && a <= v + e.tolerance;
    return a < v - e.tolerance || a > v + e.tolerance;
}

std::string describe(const Expect &e) {
    std::string out = e.figure + " " + e.op + " " + (e.value ? lesson_number(*e.value) : "null");
    if (e.tolerance > 0)
        out += " (+-" + lesson_number(e.tolerance) + ")";
    return out;
}

StepGrade grade_step(const TryThis &step, const Report &run) {
    StepGrade out;
    if (!step.expect)
        return out;
    out.actual = query_figure(run, step.expect->figure);
    out.held = expectation_holds(*step.expect, out.actual);
    return out;
}

Problems check_lesson_runs(const Lesson &l, const FileReader &read) {
    Problems out;
    // Figures the text quotes from the lesson's scenarios must all exist.
    ScenarioRuns runs(l, read);
    const Problems text = lesson_text_problems(l, runs);
    out.insert(out.end(), text.begin(), text.end());
    for (std::size_t i = 0; i < l.scenarios.size(); ++i) {
        ScenarioLoad load = load_lesson_scenario(l, l.scenarios[i], read);
        if (load.scenario)
            (void)simulate(*load.scenario);
        else
            out.push_back(
                {l.file, "/scenarios/" + std::to_string(i), load_failure(l.scenarios[i], load)});
    }
    check_steps(l, read, runs, out);
    check_walkthroughs(l, read, out);
    return out;
}

std::vector<std::string> uncovered_ids(const std::vector<Lesson> &lessons) {
    std::set<std::string> covered;
    for (const auto &l : lessons)
        covered.insert(l.covers.begin(), l.covers.end());
    std::vector<std::string> missing;
    for (int i = 1; i <= 26; ++i)
        if (!covered.count("C" + std::to_string(i)))
            missing.push_back("C" + std::to_string(i));
    return missing;
}

} // namespace model
