// `failover-lab quiz check` and `failover-lab quiz`: the same ask() and grade() the app uses.
#include "cli_quiz.h"

#include "cli.h"
#include "random.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace model {

namespace {

std::vector<std::string> split(const std::string &line, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(line);
    while (std::getline(in, part, sep)) {
        part.erase(0, part.find_first_not_of(" \t\r"));
        part.erase(part.find_last_not_of(" \t\r") + 1);
        if (!part.empty())
            out.push_back(part);
    }
    return out;
}

std::string cli_number(double v) {
    std::ostringstream out;
    out.precision(6);
    out << v;
    return out.str();
}

const char *missed_words(Missed m) {
    switch (m) {
    case Missed::detection:
        return "the time to detect the failure";
    case Missed::propagation:
        return "the time for DNS answers to change";
    case Missed::client_cache:
        return "clients holding cached answers until their TTL runs out";
    case Missed::promotion:
        return "the promotion of a replica";
    case Missed::warmup:
        return "the warm-up of the standby";
    case Missed::other:
        return "the rest of the recovery";
    case Missed::replication_lag:
        return "the replication lag at the moment of promotion";
    case Missed::too_high:
        return "nothing: the answer was above the model's figure";
    case Missed::nothing:
        break;
    }
    return "";
}

void print_question(std::ostream &out, std::size_t n, std::size_t total, const Asked &a) {
    const Question &q = *a.question;
    out << "\nQuestion " << n << " of " << total << " (" << to_string(q.kind);
    for (const std::string &c : q.covers)
        out << ", " << c;
    out << ")\n" << a.prompt << '\n';
    for (std::size_t i = 0; i < q.options.size(); ++i)
        out << "  " << i + 1 << ") " << q.options[i].text << '\n';
    if (q.kind == QuestionKind::red_flags) {
        out << "  Parts of the design:";
        for (const auto &r : a.scenario->regions)
            out << ' ' << r.id;
        for (const auto &t : a.scenario->app_tiers)
            out << ' ' << t.id;
        for (const auto &d : a.scenario->databases)
            out << ' ' << d.id;
        for (const auto &s : a.scenario->data_stores)
            out << ' ' << s.id;
        out << "\n  Answer with the flawed parts' ids, separated by commas.\n";
    } else if (q.kind == QuestionKind::open) {
        out << "  Answer aloud or on paper, then tick the rubric (y/n per line, commas):\n";
        for (const std::string &line : q.rubric)
            out << "    - " << line << '\n';
    } else if (q.options.empty()) {
        out << "  Answer with a number" << (q.unit.empty() ? "" : " in " + q.unit) << ".\n";
    } else {
        out << "  Answer with the option number" << (q.multiple() ? "s, separated by commas" : "")
            << ".\n";
    }
}

void print_grade(std::ostream &out, const Asked &a, const Grade &g) {
    const Question &q = *a.question;
    out << (g.correct ? "Right." : "Not quite.");
    if (g.expected)
        out << " The model's answer: " << cli_number(*g.expected)
            << (q.unit.empty() ? "" : " " + q.unit) << " (accepted within "
            << cli_number(q.tolerance) << ").";
    if (g.missed != Missed::nothing)
        out << " Left out: " << missed_words(g.missed) << '.';
    if (!g.flags_missed.empty()) {
        out << " Flaws not marked:";
        for (const std::string &c : g.flags_missed)
            out << ' ' << c;
        out << '.';
    }
    if (!g.flags_wrong.empty()) {
        out << " Marked but sound:";
        for (const std::string &c : g.flags_wrong)
            out << ' ' << c;
        out << '.';
    }
    out << '\n';
    for (const QuizOption &o : q.options)
        out << "  - " << o.text << ": " << o.explanation << '\n';
    for (const RedFlag &f : q.flags)
        out << "  - " << f.component << ": " << f.why << '\n';
    if (!q.model_answer.empty())
        out << "  A strong answer: " << q.model_answer << '\n';
    if (!q.explanation.empty())
        out << "  " << q.explanation << '\n';
}

int check(const std::vector<std::string> &paths, std::ostream &out, std::ostream &err) {
    Problems problems;
    std::size_t questions = 0, quizzes = 0;
    for (const std::string &path : paths) {
        std::vector<Quiz> loaded;
        if (std::filesystem::is_directory(path)) {
            loaded = load_quizzes(path, problems);
        } else {
            QuizLoad l = load_quiz_file(path);
            problems.insert(problems.end(), l.problems.begin(), l.problems.end());
            if (l.quiz)
                loaded.push_back(std::move(*l.quiz));
        }
        for (const Quiz &quiz : loaded) {
            ++quizzes;
            for (const Question &q : quiz.questions) {
                ++questions;
                const Problems p = check_question(q, quiz);
                problems.insert(problems.end(), p.begin(), p.end());
            }
        }
    }
    for (const Problem &p : problems)
        err << p.text() << '\n';
    out << questions << " question(s) in " << quizzes << " quiz file(s) checked, "
        << problems.size() << " problem(s)\n";
    return problems.empty() && questions > 0 ? kExitOk : kExitBadInput;
}

} // namespace

std::vector<std::pair<const Quiz *, const Question *>>
draw_questions(const std::vector<Quiz> &quizzes, std::optional<int> chapter, std::uint64_t seed,
               std::size_t count) {
    std::vector<std::pair<const Quiz *, const Question *>> all;
    for (const Quiz &quiz : quizzes)
        if (!chapter || quiz.chapter == *chapter)
            for (const Question &q : quiz.questions)
                all.emplace_back(&quiz, &q);
    Random rng(seed);
    for (std::size_t i = all.size(); i > 1; --i)
        std::swap(all[i - 1], all[static_cast<std::size_t>(rng.below(i))]);
    if (all.size() > count)
        all.resize(count);
    return all;
}

Answer parse_answer(const Asked &asked, const std::string &line) {
    const Question &q = *asked.question;
    Answer a;
    const std::vector<std::string> parts = split(line, ',');
    switch (q.kind) {
    case QuestionKind::red_flags:
        a.marked = parts;
        break;
    case QuestionKind::open:
        for (const std::string &p : parts)
            a.rubric_ticks.push_back(p == "y" || p == "Y" || p == "yes");
        break;
    default:
        if (!q.options.empty()) {
            for (const std::string &p : parts)
                if (p.find_first_not_of("0123456789") == std::string::npos && p.size() < 4)
                    a.chosen.push_back(std::stoi(p) - 1);
        } else if (!parts.empty()) {
            try {
                std::size_t used = 0;
                const double v = std::stod(parts.front(), &used);
                if (used == parts.front().size())
                    a.number = v;
            } catch (...) {
            }
        }
    }
    return a;
}

int quiz_command(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
                 std::ostream &err) {
    const auto usage = [&](const std::string &message) {
        err << "failover-lab quiz: " << message
            << "\nUsage: failover-lab quiz check PATH...\n"
               "       failover-lab quiz [--chapter N] [--seed S] [--count N] [--answers FILE] "
               "[FOLDER]\n";
        return kExitUsage;
    };
    if (!args.empty() && args[0] == "check") {
        const std::vector<std::string> paths(args.begin() + 1, args.end());
        if (paths.empty())
            return usage("check needs quiz files or folders");
        return check(paths, out, err);
    }
    std::optional<int> chapter;
    std::uint64_t seed = 1;
    std::size_t count = 10;
    std::string answers_file, folder = "lessons/quizzes";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        const bool has_value = i + 1 < args.size();
        try {
            if (a == "--chapter" && has_value)
                chapter = std::stoi(args[++i]);
            else if (a == "--seed" && has_value)
                seed = std::stoull(args[++i]);
            else if (a == "--count" && has_value)
                count = static_cast<std::size_t>(std::max(1, std::stoi(args[++i])));
            else if (a == "--answers" && has_value)
                answers_file = args[++i];
            else if (!a.empty() && a[0] != '-')
                folder = a;
            else
                return usage("unknown option " + a);
        } catch (...) {
            return usage(a + " needs a whole number");
        }
    }
    Problems problems;
    const std::vector<Quiz> quizzes = load_quizzes(folder, problems);
    for (const Problem &p : problems)
        err << p.text() << '\n';
    const auto drawn = draw_questions(quizzes, chapter, seed, count);
    if (drawn.empty()) {
        err << "failover-lab quiz: no questions in " << folder
            << (chapter ? " for chapter " + std::to_string(*chapter) : std::string()) << '\n';
        return kExitBadInput;
    }
    std::ifstream file;
    if (!answers_file.empty()) {
        file.open(answers_file);
        if (!file) {
            err << "failover-lab quiz: cannot read " << answers_file << '\n';
            return kExitBadInput;
        }
    }
    std::istream &answers = answers_file.empty() ? in : file;
    int right = 0, asked = 0;
    for (std::size_t n = 0; n < drawn.size(); ++n) {
        const Asked a = ask(*drawn[n].second, *drawn[n].first, seed + n);
        if (!a.ok()) {
            err << drawn[n].first->file << ": question " << drawn[n].second->id << ": " << a.failure
                << '\n';
            continue;
        }
        print_question(out, n + 1, drawn.size(), a);
        out << "> " << std::flush;
        std::string line;
        std::getline(answers, line);
        const Grade g = grade(a, parse_answer(a, line));
        right += g.correct ? 1 : 0;
        ++asked;
        print_grade(out, a, g);
    }
    out << "\nScore: " << right << " / " << asked << '\n';
    return asked > 0 ? kExitOk : kExitBadInput;
}

} // namespace model
