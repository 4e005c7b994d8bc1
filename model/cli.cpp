#include "cli.h"
#include "cli_quiz.h"
#include "compare.h"

#include "json_reader.h"
#include "lesson.h"
#include "report_io.h"
#include "scenario_json.h"
#include "simulation.h"
#include "work.h"

#include <filesystem>
#include <iostream>
#include <ostream>

namespace model {
namespace {

namespace fs = std::filesystem;

struct Usage {
    std::string message;
};

std::uint64_t parse_seed(const std::string &text) {
    if (text.empty() || text.size() > 20 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw Usage{"--seed needs a non-negative integer, found \"" + text + "\""};
    try {
        return std::stoull(text);
    } catch (...) {
        throw Usage{"--seed is too large: \"" + text + "\""};
    }
}

// What kind of Failover Lab file this is, from its "format" field ("" if none or not JSON).
std::string file_format(const std::string &path) {
    Problems ignore;
    auto text = read_text_file(path, kMaxScenarioBytes, ignore);
    if (!text)
        return {};
    const auto j = parse_json_text(*text, path, ignore);
    if (j && j->is_object() && j->contains("format") && (*j)["format"].is_string())
        return (*j)["format"].get<std::string>();
    return {};
}

// A Failover Lab file that is not a scenario (a lesson, a report...). Anything else, a typo in
// "format" included, is read as a scenario so that the reader can say what is wrong.
bool other_kind(const std::string &format) {
    for (const char *k : {"failover-lab-lesson", "failover-lab-report", "failover-lab-quiz",
                          "failover-lab-progress"})
        if (format == k)
            return true;
    return false;
}

int simulate_command(const std::vector<std::string> &args, std::ostream &out, std::ostream &err) {
    std::string file, format = "text";
    RunOptions options;
    std::vector<std::string> figures;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        const auto value = [&]() -> const std::string & {
            if (i + 1 >= args.size())
                throw Usage{a + " needs a value"};
            return args[++i];
        };
        if (a == "--seed")
            options.seed = parse_seed(value());
        else if (a == "--until") {
            const std::string &v = value();
            options.until = parse_duration(v);
            if (!options.until || *options.until <= 0 || *options.until > 24 * kHour)
                throw Usage{"--until needs a duration such as 90s, 30m or 2h (at most 24h), "
                            "found \"" +
                            v + "\""};
        } else if (a == "--format") {
            format = value();
            if (format != "text" && format != "json" && format != "csv")
                throw Usage{"--format is text, json or csv, found \"" + format + "\""};
        } else if (a == "--figure")
            figures.push_back(value());
        else if (!a.empty() && a[0] == '-')
            throw Usage{"unknown option " + a};
        else if (file.empty())
            file = a;
        else
            throw Usage{"simulate takes one scenario file"};
    }
    if (file.empty())
        throw Usage{"simulate needs a scenario file"};
    const std::string kind = file_format(file);
    if (other_kind(kind)) {
        err << file << ": this is a \"" << kind << "\" file, not a scenario\n";
        return kExitUsage;
    }
    ScenarioLoad load = load_scenario_file(file);
    if (!load.scenario) {
        for (const auto &p : load.problems)
            err << p.text() << '\n';
        return kExitBadInput;
    }
    // Refused before anything is allocated: --until may ask for more than the file's duration.
    if (const auto refusal = work_refusal(*load.scenario, options.until)) {
        err << Problem(file, refusal->where, refusal->message).text() << '\n';
        return kExitBadInput;
    }
    const Report report = simulate(*load.scenario, options);
    for (const auto &e : report.run.internal_errors)
        err << "internal error in scenario \"" << load.scenario->name << "\" (" << file
            << ") at t = " << e.t_ms << " ms: " << e.what << '\n';
    const int status = report.run.internal_errors.empty() ? kExitOk : kExitInternal;
    if (!figures.empty()) {
        for (const auto &name : figures) {
            const auto v = query_figure(report, name);
            out << name << '=';
            if (v)
                out << Json(*v).dump();
            else
                out << "null";
            out << '\n';
        }
        return status;
    }
    if (format == "json")
        out << report_json(report);
    else if (format == "csv")
        out << report_csv(report);
    else
        out << report_text(report);
    return status;
}

// Runs two scenario files and prints the figure-by-figure difference of their reports.
int compare_command(const std::vector<std::string> &args, std::ostream &out, std::ostream &err) {
    std::vector<std::string> files;
    RunOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--seed") {
            if (i + 1 >= args.size())
                throw Usage{a + " needs a value"};
            options.seed = parse_seed(args[++i]);
        } else if (!a.empty() && a[0] == '-') {
            throw Usage{"unknown option " + a};
        } else {
            files.push_back(a);
        }
    }
    if (files.size() != 2)
        throw Usage{"compare takes two scenario files, A and B"};
    std::vector<Report> reports;
    int status = kExitOk;
    for (const std::string &file : files) {
        const std::string kind = file_format(file);
        if (other_kind(kind)) {
            err << file << ": this is a \"" << kind << "\" file, not a scenario\n";
            return kExitUsage;
        }
        ScenarioLoad load = load_scenario_file(file);
        if (!load.scenario) {
            for (const auto &p : load.problems)
                err << p.text() << '\n';
            return kExitBadInput;
        }
        reports.push_back(simulate(*load.scenario, options));
        for (const auto &e : reports.back().run.internal_errors) {
            err << "internal error in scenario \"" << load.scenario->name << "\" (" << file
                << ") at t = " << e.t_ms << " ms: " << e.what << '\n';
            status = kExitInternal;
        }
    }
    out << compare_text(reports[0], reports[1], files[0], files[1]);
    return status;
}

int validate_command(const std::vector<std::string> &args, std::ostream &out, std::ostream &err) {
    bool require_coverage = false;
    std::vector<std::string> files;
    for (const auto &a : args) {
        if (a == "--require-coverage") {
            require_coverage = true;
            continue;
        }
        if (!a.empty() && a[0] == '-')
            throw Usage{"unknown option " + a};
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<std::string> found;
            for (const auto &entry : fs::recursive_directory_iterator(a, ec))
                if (entry.is_regular_file() && entry.path().extension() == ".json")
                    found.push_back(entry.path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(a);
        }
    }
    if (files.empty())
        throw Usage{"validate needs at least one file or folder"};
    int problems = 0;
    bool other_kinds = false;
    int quizzes = 0;
    std::vector<Lesson> lessons;
    const auto report = [&](const Problems &ps) {
        for (const auto &p : ps)
            err << p.text() << '\n';
        problems += static_cast<int>(problem_count(ps));
    };
    for (const auto &f : files) {
        const std::string kind = file_format(f);
        if (kind == kLessonFormat) {
            LessonLoad load = load_lesson_file(f);
            report(load.problems);
            if (load.lesson) {
                report(check_lesson_runs(*load.lesson));
                lessons.push_back(std::move(*load.lesson));
            }
            continue;
        }
        if (kind == kQuizFormat) {
            QuizLoad load = load_quiz_file(f);
            report(load.problems);
            if (load.quiz) {
                for (const Question &q : load.quiz->questions)
                    report(check_question(q, *load.quiz));
                ++quizzes;
            }
            continue;
        }
        if (other_kind(kind)) {
            err << f << ": a \"" << kind << "\" file is not something validate checks\n";
            other_kinds = true;
            continue;
        }
        report(load_scenario_file(f).problems);
    }
    if (require_coverage) {
        const auto missing = uncovered_ids(lessons);
        if (!missing.empty()) {
            std::string list;
            for (const auto &m : missing)
                list += (list.empty() ? "" : ", ") + m;
            err << "curriculum coverage: no lesson covers " << list << '\n';
            problems += static_cast<int>(missing.size());
        }
    }
    if (problems > 0) {
        err << problems << " problem" << (problems == 1 ? "" : "s") << " in " << files.size()
            << " file" << (files.size() == 1 ? "" : "s") << '\n';
        return kExitBadInput;
    }
    if (other_kinds)
        return kExitUsage;
    out << files.size() << " file" << (files.size() == 1 ? "" : "s") << " checked";
    if (!lessons.empty())
        out << " (" << lessons.size() << " lesson" << (lessons.size() == 1 ? "" : "s")
            << ", every try-this expectation holds)";
    if (quizzes > 0)
        out << " (" << quizzes << " quiz file" << (quizzes == 1 ? "" : "s")
            << ", every question answerable)";
    out << ", no problems\n";
    return kExitOk;
}

} // namespace

std::string cli_help() {
    return R"(Failover Lab: learn multi-region failover by breaking things.

Usage:
  failover-lab [SCENARIO]            open the app (on its default lesson, or on SCENARIO)
  failover-lab simulate FILE [--seed N] [--until DURATION] [--format text|json|csv]
                                     [--figure NAME]...
      Run a scenario headless. text: the timeline and summary; json: the full report;
      csv: the sampled series as t_ms,series,subject,value. DURATION is <integer>(ms|s|m|h).
      --figure prints one figure by name, e.g. rto_read_s, rto_write_s, rpo_s,
      lost_writes, populations.<id>.rto_read_s, faults.<id>.rpo_s,
      rto_breakdown.read.client_cache_s, first.endpoint_unhealthy, count.clients_moved.
  failover-lab validate [--require-coverage] PATH...
      Check scenario, lesson and quiz files, or every .json under folders. For a lesson: its
      schema, its body and scenario files, that every scenario runs and every "try this"
      expectation holds. --require-coverage: the lessons together cover C1-C26.
  failover-lab compare A B [--seed N]
      Run two scenario files and print each figure for A and B, the change (B - A) and
      whether B is better, worse or the same.
  failover-lab figures               list the figure names --figure accepts
  failover-lab quiz check PATH...
      Check every question of the quiz files (or every .json under folders): its answer is
      computable, every option explains itself, the tolerance accepts the model's answer and
      refuses a clearly wrong one, every red flag's fault does damage.
  failover-lab quiz [--chapter N] [--seed S] [--count N] [--answers FILE] [FOLDER]
      A short quiz in the terminal (10 questions from lessons/quizzes by default), each
      answer graded by the model at once; --answers reads one answer a line from FILE.
      It ends with the score.
  failover-lab --help | --version

Exit status: 0 success, 1 bad input (the message names the file and the place),
2 usage error or a file of another kind, 3 the model reported an internal error
(the run finished without the event it names).
)";
}

bool is_cli_command(const std::vector<std::string> &args) {
    if (args.empty())
        return false;
    const std::string &a = args.front();
    return a == "simulate" || a == "compare" || a == "validate" || a == "figures" || a == "quiz" ||
           a == "--help" || a == "-h" || a == "help" || a == "--version";
}

int run_cli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        out << cli_help();
        return kExitOk;
    }
    if (args[0] == "--version") {
        out << "failover-lab " << FAILOVER_LAB_VERSION << '\n';
        return kExitOk;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    try {
        if (args[0] == "simulate")
            return simulate_command(rest, out, err);
        if (args[0] == "validate")
            return validate_command(rest, out, err);
        if (args[0] == "compare")
            return compare_command(rest, out, err);
        if (args[0] == "quiz")
            return quiz_command(rest, std::cin, out, err);
        if (args[0] == "figures") {
            for (const auto &n : figure_names())
                out << n << '\n';
            return kExitOk;
        }
        throw Usage{"unknown command " + args[0]};
    } catch (const Usage &u) {
        err << "failover-lab: " << u.message << "\nTry 'failover-lab --help'.\n";
        return kExitUsage;
    }
}

} // namespace model
