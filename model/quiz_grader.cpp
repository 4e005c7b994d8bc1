// Questions made concrete and graded: parameters drawn from a seed, the scenario run, the
// expected figure read from the report, answers compared with it; and the checks of
// `failover-lab quiz check`.
#include "quiz.h"

#include "edit.h"
#include "find.h"
#include "lesson_applier.h"
#include "random.h"
#include "scenario_json.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

namespace model {

namespace {

std::string quiz_number(double v) {
    std::ostringstream out;
    if (std::abs(v) < 1e15 && std::abs(v - std::round(v)) < 1e-9)
        out << static_cast<long long>(std::llround(v));
    else
        out << v;
    return out.str();
}

std::string replace_all(std::string text, const std::string &from, const std::string &to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// The RTO a figure name speaks of, if it is one: "rto_read_s", "populations.<id>.rto_write_s",
// "faults.<id>.rto_read_s".
const Rto *rto_of(const Report &r, const std::string &figure) {
    const bool read = figure.find("rto_read") != std::string::npos;
    const bool write = figure.find("rto_write") != std::string::npos;
    if (!read && !write)
        return nullptr;
    const Figures *f = &r.summary;
    for (const char *prefix : {"populations.", "faults."}) {
        if (figure.rfind(prefix, 0) != 0)
            continue;
        const std::string rest = figure.substr(std::string(prefix).size());
        const std::string id = rest.substr(0, rest.find('.'));
        if (prefix[0] == 'p') {
            for (const auto &p : r.populations)
                if (p.id == id)
                    f = &p.figures;
        } else {
            for (const auto &x : r.faults)
                if (x.id == id)
                    f = &x.figures;
        }
    }
    return read ? &f->read : &f->write;
}

Missed missed_part(const Asked &asked, double answer) {
    if (!asked.expected || !asked.report)
        return Missed::nothing;
    const Question &q = *asked.question;
    return missed_by(*asked.report, q.figure, *asked.expected, q.tolerance, answer);
}

std::set<int> correct_options(const Question &q) {
    std::set<int> out;
    for (std::size_t i = 0; i < q.options.size(); ++i)
        if (q.options[i].correct)
            out.insert(static_cast<int>(i));
    return out;
}

std::optional<Scenario> load_design(const Question &q, const Quiz &quiz, const FileReader &read,
                                    std::string &failure) {
    const std::string path =
        (std::filesystem::path(quiz.file).parent_path() / q.scenario).lexically_normal().string();
    const auto text = read(path);
    if (!text) {
        failure = "cannot read the scenario " + q.scenario;
        return std::nullopt;
    }
    ScenarioLoad load = parse_scenario(*text, path);
    if (!load.scenario) {
        failure = "the scenario " + q.scenario + " does not load: " +
                  (load.problems.empty() ? std::string() : load.problems.front().text());
        return std::nullopt;
    }
    return std::move(load.scenario);
}

} // namespace

Missed missed_by(const Report &report, const std::string &figure, double expected, double tolerance,
                 double answer) {
    if (std::abs(answer - expected) <= tolerance + 1e-9)
        return Missed::nothing;
    if (answer > expected + tolerance)
        return Missed::too_high;
    if (figure.find("lost_writes") != std::string::npos || figure.find("rpo") != std::string::npos)
        return Missed::replication_lag;
    const Rto *rto = rto_of(report, figure);
    if (!rto || !rto->ms)
        return Missed::nothing;
    const Breakdown &b = rto->breakdown;
    const std::pair<Ms, Missed> parts[] = {{b.detection, Missed::detection},
                                           {b.propagation, Missed::propagation},
                                           {b.client_cache, Missed::client_cache},
                                           {b.promotion, Missed::promotion},
                                           {b.warmup, Missed::warmup},
                                           {b.other, Missed::other}};
    // The figures are in seconds; the first part that carries the recovery past the answer.
    Ms sum = 0;
    for (const auto &[ms, part] : parts) {
        sum += ms;
        if (static_cast<double>(sum) / 1000.0 > answer + tolerance)
            return part;
    }
    return Missed::other;
}

Grade grade_prediction(const Prediction &prediction, const Report &report, double answer) {
    Grade g;
    g.expected = query_figure(report, prediction.figure);
    if (!g.expected)
        return g;
    g.tolerance =
        std::max(prediction.tolerance, std::abs(*g.expected) * prediction.tolerance_pct / 100.0);
    g.correct = std::abs(answer - *g.expected) <= g.tolerance + 1e-9;
    g.score = g.correct ? 1.0 : 0.0;
    g.missed = missed_by(report, prediction.figure, *g.expected, g.tolerance, answer);
    return g;
}

Asked ask(const Question &q, const Quiz &quiz, std::uint64_t seed, const FileReader &read,
          const std::atomic<bool> *stop) {
    Asked a;
    a.question = &q;
    a.seed = seed;
    a.prompt = q.prompt;
    Random rng(seed);
    std::vector<LessonAction> actions = q.actions;
    for (const QuizParameter &p : q.parameters) {
        const auto count =
            static_cast<std::uint64_t>(std::floor((p.max - p.min) / p.step + 1e-9)) + 1;
        const double v = p.min + p.step * static_cast<double>(rng.below(count));
        a.drawn.emplace_back(p.name, v);
        a.prompt = replace_all(a.prompt, "{{" + p.name + "}}", quiz_number(v));
        LessonAction set;
        set.kind = LessonAction::Kind::set;
        set.component = p.component;
        set.field = p.field;
        set.value = v;
        actions.push_back(std::move(set));
    }
    if (q.scenario.empty())
        return a;
    a.scenario = load_design(q, quiz, read, a.failure);
    if (!a.scenario)
        return a;
    if (const EditResult r = apply_actions(*a.scenario, actions, a.options); !r.ok) {
        a.failure = "an action is refused: " + r.message;
        return a;
    }
    if (q.kind == QuestionKind::red_flags)
        return a;
    RunOptions run = a.options;
    run.stop = stop; // for this run only: the options are kept with the question
    a.report = simulate(*a.scenario, run);
    if (!q.figure.empty()) {
        a.expected = query_figure(*a.report, q.figure);
        if (!a.expected)
            a.failure = "the figure " + q.figure + " is unknown or null in this run";
    }
    return a;
}

Grade grade(const Asked &asked, const Answer &answer) {
    const Question &q = *asked.question;
    Grade g;
    g.expected = asked.expected;
    g.tolerance = q.tolerance;
    const bool by_figure =
        (q.kind == QuestionKind::numeric || q.kind == QuestionKind::predict) && !q.figure.empty();
    if (by_figure) {
        g.correct = answer.number && asked.expected &&
                    std::abs(*answer.number - *asked.expected) <= q.tolerance + 1e-9;
        if (!g.correct && answer.number)
            g.missed = missed_part(asked, *answer.number);
    } else if (q.kind == QuestionKind::red_flags) {
        const std::set<std::string> marked(answer.marked.begin(), answer.marked.end());
        std::set<std::string> flawed;
        for (const RedFlag &f : q.flags)
            flawed.insert(f.component);
        for (const std::string &c : flawed)
            if (!marked.count(c))
                g.flags_missed.push_back(c);
        for (const std::string &c : marked)
            if (!flawed.count(c))
                g.flags_wrong.push_back(c);
        g.correct = g.flags_missed.empty() && g.flags_wrong.empty();
    } else if (q.kind == QuestionKind::open) {
        const auto met = std::count(answer.rubric_ticks.begin(), answer.rubric_ticks.end(), true);
        g.score = q.rubric.empty()
                      ? 0.0
                      : static_cast<double>(met) / static_cast<double>(q.rubric.size());
        g.correct = 2 * met >= static_cast<std::ptrdiff_t>(q.rubric.size());
        return g;
    } else {
        const std::set<int> chosen(answer.chosen.begin(), answer.chosen.end());
        g.correct = chosen == correct_options(q);
    }
    g.score = g.correct ? 1.0 : 0.0;
    return g;
}

Answer right_answer(const Asked &asked) {
    const Question &q = *asked.question;
    Answer a;
    a.number = asked.expected;
    const std::set<int> right = correct_options(q);
    a.chosen.assign(right.begin(), right.end());
    for (const RedFlag &f : q.flags)
        a.marked.push_back(f.component);
    a.rubric_ticks.assign(q.rubric.size(), true);
    return a;
}

Problems check_question(const Question &q, const Quiz &quiz, const FileReader &read) {
    Problems out;
    const std::string where = "/questions/" + q.id;
    const auto problem = [&](const std::string &message) {
        out.push_back({quiz.file, where, message});
    };
    // Parameterised questions are checked at a few seeds: every draw must be answerable.
    const std::vector<std::uint64_t> seeds =
        q.parameterised() ? std::vector<std::uint64_t>{0, 1, 2, 3} : std::vector<std::uint64_t>{0};
    for (std::uint64_t seed : seeds) {
        const Asked a = ask(q, quiz, seed, read);
        if (!a.ok()) {
            problem("seed " + std::to_string(seed) + ": " + a.failure);
            continue;
        }
        if (!grade(a, right_answer(a)).correct)
            problem("seed " + std::to_string(seed) + ": the right answer is not graded right");
        if (a.expected) {
            // Twice the figure, or half of it, is clearly wrong (10 more or less, so that a
            // figure of zero is not its own double).
            for (const double off : {*a.expected * 2 + 10, *a.expected / 2 - 10}) {
                Answer wrong;
                wrong.number = off;
                if (grade(a, wrong).correct)
                    problem("the tolerance " + quiz_number(q.tolerance) +
                            " accepts a clearly wrong answer (" + quiz_number(off) + ")");
            }
        }
        if (!q.options.empty()) {
            Answer none;
            if (grade(a, none).correct)
                problem("choosing nothing is graded right");
        }
        if (q.kind == QuestionKind::red_flags && a.scenario) {
            const Report before = simulate(*a.scenario, a.options);
            for (const RedFlag &f : q.flags) {
                if (kind_of(*a.scenario, f.component).empty()) {
                    problem("the red flag \"" + f.component + "\" is not a part of the design");
                    continue;
                }
                Scenario broken = *a.scenario;
                if (const EditResult r = add_fault(broken, f.fault); !r.ok) {
                    problem("the fault of the red flag \"" + f.component +
                            "\" is refused: " + r.message);
                    continue;
                }
                const Report after = simulate(broken, a.options);
                const bool damage =
                    after.summary.failed > before.summary.failed ||
                    after.summary.lost_writes > before.summary.lost_writes ||
                    after.summary.divergent_writes > before.summary.divergent_writes;
                if (!damage)
                    problem("the fault of the red flag \"" + f.component +
                            "\" does no damage: no more failed requests or lost writes");
            }
        }
    }
    return out;
}

} // namespace model
