#include "lesson_text.h"

#include "failover_config.h"
#include "lesson_applier.h"
#include "scenario_json.h"
#include "simulation.h"

#include <cmath>
#include <cstdio>
#include <functional>

namespace model {
namespace {

constexpr const char *kConfig = "config";
constexpr const char *kStep = "step ";

std::string trimmed(std::string s) {
    while (!s.empty() && s.front() == ' ')
        s.erase(s.begin());
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

std::string figure_text(const std::string &name, double v) {
    const auto ends_with = [&](const std::string &tail) {
        return name.size() >= tail.size() &&
               name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    };
    char buf[48];
    // A duration within a thousand years; anything longer is written as a plain number.
    if ((ends_with("_s") || name.rfind("first.", 0) == 0) && std::fabs(v) < 3.2e10)
        return format_duration(static_cast<Ms>(std::llround(v * 1000.0)));
    if (ends_with("availability") || ends_with("error_budget_used")) {
        std::snprintf(buf, sizeof buf, "%.3g %%", v * 100.0);
        return buf;
    }
    if (ends_with("cost_multiplier")) {
        std::snprintf(buf, sizeof buf, "%.2f", v);
        return buf;
    }
    // Counts and sums of money: every digit, grouped; a sum is rounded to a whole number.
    if ((v == std::floor(v) || std::fabs(v) >= 1000) && std::fabs(v) < 1e15) {
        std::string digits = std::to_string(std::llround(std::fabs(v)));
        for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
            digits.insert(static_cast<std::size_t>(at), ",");
        return (v < 0 ? "-" : "") + digits;
    }
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

// What one placeholder stands for, given the part before the colon ("" without one) and the
// part after it; nothing when it cannot be filled.
using Resolve =
    std::function<std::optional<std::string>(const std::string &scenario, const std::string &name)>;

std::string fill(const std::string &text, const Resolve &resolve,
                 std::vector<std::string> *missing) {
    std::string out;
    std::size_t at = 0;
    while (true) {
        const std::size_t open = text.find("{{", at);
        const std::size_t close = open == std::string::npos ? open : text.find("}}", open + 2);
        if (close == std::string::npos) {
            out += text.substr(at);
            return out;
        }
        out += text.substr(at, open - at);
        const std::string inside = text.substr(open + 2, close - open - 2);
        const std::size_t colon = inside.find(':');
        const std::string scenario =
            colon == std::string::npos ? std::string() : trimmed(inside.substr(0, colon));
        const std::string name =
            trimmed(colon == std::string::npos ? inside : inside.substr(colon + 1));
        if (auto v = resolve(scenario, name)) {
            out += *v;
        } else {
            out += "n/a";
            if (missing)
                missing->push_back(trimmed(inside));
        }
        at = close + 2;
    }
}

std::optional<std::string> figure_of(const Report *report, const std::string &name) {
    if (!report)
        return std::nullopt;
    const std::optional<double> v = query_figure(*report, name);
    if (!v)
        return std::nullopt;
    return figure_text(name, *v);
}

} // namespace

ScenarioRuns::ScenarioRuns(const Lesson &lesson, FileReader read)
    : lesson_(lesson), read_(std::move(read)) {}

const ScenarioRuns::Entry *ScenarioRuns::entry(const std::string &name) {
    auto it = entries_.find(name);
    if (it == entries_.end()) {
        std::optional<Entry> e;
        ScenarioLoad load;
        if (!name.empty())
            load = load_lesson_scenario(lesson_, "scenarios/" + name + ".json", read_);
        if (load.scenario) {
            Report r = simulate(*load.scenario);
            e = Entry{std::move(*load.scenario), std::move(r)};
        }
        it = entries_.emplace(name, std::move(e)).first;
    }
    return it->second ? &*it->second : nullptr;
}

const Scenario *ScenarioRuns::scenario(const std::string &name) {
    const Entry *e = entry(name);
    return e ? &e->scenario : nullptr;
}

const Report *ScenarioRuns::report(const std::string &name) {
    const Entry *e = entry(name);
    return e ? &e->report : nullptr;
}

const Report *ScenarioRuns::step(const std::string &id) {
    auto it = steps_.find(id);
    if (it == steps_.end()) {
        std::optional<Report> r;
        for (std::size_t i = 0; i < lesson_.try_this.size(); ++i) {
            if (lesson_.try_this[i].id != id)
                continue;
            const PreparedStep step = prepare_step(lesson_, i, read_);
            if (step.scenario)
                r = simulate(*step.scenario, step.options);
        }
        it = steps_.emplace(id, std::move(r)).first;
    }
    return it->second ? &*it->second : nullptr;
}

std::string fill_text(const std::string &text, ScenarioRuns &runs, const Report *own,
                      std::vector<std::string> *missing) {
    if (text.find("{{") == std::string::npos)
        return text;
    return fill(
        text,
        [&](const std::string &scenario, const std::string &name) -> std::optional<std::string> {
            if (scenario.empty())
                return figure_of(own, name);
            if (scenario == kConfig) {
                const Scenario *s = runs.scenario(name);
                if (!s)
                    return std::nullopt;
                const FailoverConfig config = failover_config(*s);
                if (config.empty())
                    return std::nullopt;
                return to_markdown(config);
            }
            if (scenario.rfind(kStep, 0) == 0)
                return figure_of(runs.step(trimmed(scenario.substr(5))), name);
            return figure_of(runs.report(scenario), name);
        },
        missing);
}

std::string fill_figures(const std::string &text, const Report &report,
                         std::vector<std::string> *missing) {
    return fill(
        text,
        [&](const std::string &scenario, const std::string &name) {
            return scenario.empty() ? figure_of(&report, name) : std::nullopt;
        },
        missing);
}

namespace {

// Calls `visit` with every lesson-level text and the JSON path of its field.
template <typename L, typename Visit> void each_lesson_text(L &l, Visit visit) {
    visit(l.body, std::string("/body_file"));
    for (std::size_t i = 0; i < l.try_this.size(); ++i)
        visit(l.try_this[i].text, "/try_this/" + std::to_string(i) + "/text");
    for (std::size_t i = 0; i < l.takeaways.size(); ++i)
        visit(l.takeaways[i], "/takeaways/" + std::to_string(i));
    for (std::size_t i = 0; i < l.glossary.size(); ++i)
        visit(l.glossary[i].second, "/glossary/" + std::to_string(i) + "/definition");
    visit(l.how_it_comes_up, std::string("/interview/how_it_comes_up"));
    const auto list = [&](auto &items, const char *field) {
        for (std::size_t i = 0; i < items.size(); ++i)
            visit(items[i], "/interview/" + std::string(field) + "/" + std::to_string(i));
    };
    list(l.strong_answer, "strong_answer");
    list(l.red_flags, "red_flags");
    list(l.questions_to_ask, "questions_to_ask");
}

} // namespace

void fill_lesson_text(Lesson &lesson, const FileReader &read) {
    ScenarioRuns runs(lesson, read);
    each_lesson_text(lesson, [&](std::string &text, const std::string &) {
        text = fill_text(text, runs, nullptr);
    });
}

std::string fill_show(const TryThis &step, const Report &step_run, ScenarioRuns &runs,
                      std::vector<std::string> *missing) {
    return fill_text(step.show, runs, &step_run, missing);
}

std::string fill_show(const Lesson &lesson, const TryThis &step, const Report &step_run,
                      const FileReader &read) {
    ScenarioRuns runs(lesson, read);
    return fill_show(step, step_run, runs);
}

Problems lesson_text_problems(const Lesson &lesson, ScenarioRuns &runs) {
    Problems out;
    each_lesson_text(lesson, [&](const std::string &text, const std::string &where) {
        std::vector<std::string> missing;
        fill_text(text, runs, nullptr, &missing);
        for (const std::string &inside : missing) {
            std::string why;
            if (inside.find(':') == std::string::npos)
                why = "this text has no run of its own: name a scenario of the lessons folder, "
                      "{{scenario-name: figure}}";
            else if (inside.rfind(kConfig, 0) == 0)
                why = "no such scenario in the lessons folder, or it has no health check, record "
                      "or replicated database to show";
            else if (inside.rfind(kStep, 0) == 0)
                why = "no \"try this\" step with that id in this lesson, its actions do not "
                      "apply, or the figure is unknown or null in its run";
            else
                why = "no such scenario in the lessons folder, or the figure is unknown or null "
                      "in its run; see failover-lab figures";
            out.push_back({lesson.file, where, "\"{{" + inside + "}}\" cannot be filled: " + why});
        }
    });
    return out;
}

} // namespace model
