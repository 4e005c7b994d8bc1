// The reader of quiz files (format "failover-lab-quiz"): every key checked, every problem named
// with its file and JSON pointer.
#include "quiz.h"

#include "json_reader.h"
#include "limits.h"
#include "scenario_json.h"

#include <algorithm>
#include <filesystem>

namespace model {

const std::vector<std::pair<const char *, QuestionKind>> &question_kind_names() {
    static const std::vector<std::pair<const char *, QuestionKind>> names = {
        {"choice", QuestionKind::choice},   {"numeric", QuestionKind::numeric},
        {"predict", QuestionKind::predict}, {"red_flags", QuestionKind::red_flags},
        {"open", QuestionKind::open},
    };
    return names;
}

const char *to_string(QuestionKind kind) {
    for (const auto &[name, k] : question_kind_names())
        if (k == kind)
            return name;
    return "choice";
}

bool Question::multiple() const {
    return std::count_if(options.begin(), options.end(),
                         [](const QuizOption &o) { return o.correct; }) > 1;
}

namespace {

namespace fs = std::filesystem;

void read_quiz_covers(JsonReader &r, std::vector<std::string> &covers) {
    r.strings("covers", covers);
    if (covers.empty())
        r.fail("covers", "a question names the curriculum ids it tests (C1 to C26)");
    for (const std::string &c : covers) {
        int n = 0;
        bool ok = c.size() >= 2 && c.size() <= 3 && c[0] == 'C';
        for (std::size_t k = 1; ok && k < c.size(); ++k) {
            ok = c[k] >= '0' && c[k] <= '9';
            n = n * 10 + (c[k] - '0');
        }
        if (!ok || n < 1 || n > 26)
            r.fail("covers", "expected curriculum ids C1 to C26, found \"" + c + "\"");
    }
}

void read_options(JsonReader &r, Question &q) {
    r.objects("options", [&](JsonReader &o, std::size_t) {
        QuizOption opt;
        o.string("text", opt.text, true);
        o.boolean("correct", opt.correct);
        o.string("explanation", opt.explanation, true);
        q.options.push_back(std::move(opt));
    });
}

void read_parameters(JsonReader &r, Question &q) {
    r.objects("parameters", [&](JsonReader &p, std::size_t) {
        QuizParameter par;
        p.id("name", par.name);
        p.string("component", par.component, true);
        p.string("field", par.field, true);
        p.number("min", par.min, -1e12, 1e12, true);
        p.number("max", par.max, -1e12, 1e12, true);
        p.number("step", par.step, 1e-9, 1e12, true);
        if (par.max < par.min)
            p.fail("max", "expected max at least min");
        q.parameters.push_back(std::move(par));
    });
    for (const QuizParameter &par : q.parameters)
        if (q.prompt.find("{{" + par.name + "}}") == std::string::npos)
            r.fail("parameters", "the prompt never shows the parameter \"" + par.name +
                                     "\" (write {{" + par.name + "}} where it goes)");
}

void read_flags(JsonReader &r, const Json &raw, Question &q, const std::string &file,
                Problems &problems) {
    r.objects("flags", [&](JsonReader &f, std::size_t i) {
        RedFlag flag;
        f.string("component", flag.component, true);
        f.string("why", flag.why, true);
        f.mark("fault");
        const Json &one = raw.at("flags").at(i);
        if (!one.is_object() || !one.contains("fault")) {
            f.fail("", "a red flag names the fault that shows it (\"fault\")");
        } else {
            JsonReader fr(one.at("fault"), f.child("fault"), file, problems);
            if (fr.is_object()) {
                read_fault(fr, flag.fault, 0);
                fr.finish();
            }
        }
        q.flags.push_back(std::move(flag));
    });
}

Question read_question(JsonReader &r, const Json &raw, const std::string &file,
                       Problems &problems) {
    Question q;
    r.id("id", q.id);
    r.enumeration("kind", q.kind, question_kind_names(), true);
    read_quiz_covers(r, q.covers);
    r.string("prompt", q.prompt, true);
    r.string("explanation", q.explanation);
    read_options(r, q);
    r.string("scenario", q.scenario);
    q.actions = read_lesson_actions(r, raw, file, problems);
    r.string("figure", q.figure);
    r.string("unit", q.unit);
    r.number("tolerance", q.tolerance, 0, 1e12);
    read_parameters(r, q);
    read_flags(r, raw, q, file, problems);
    r.string("model_answer", q.model_answer);
    r.strings("rubric", q.rubric);
    r.strings("red_flag_answers", q.red_flag_answers);
    // What each kind needs.
    const bool with_options = !q.options.empty();
    switch (q.kind) {
    case QuestionKind::choice:
        if (q.options.size() < 2)
            r.fail("options", "a choice question has at least two options");
        break;
    case QuestionKind::numeric:
    case QuestionKind::predict:
        if (q.scenario.empty())
            r.fail("scenario", "a " + std::string(to_string(q.kind)) +
                                   " question names the scenario the model runs");
        if (q.figure.empty() && !(q.kind == QuestionKind::predict && with_options))
            r.fail("figure", "expected the figure of the run that answers the question");
        break;
    case QuestionKind::red_flags:
        if (q.scenario.empty())
            r.fail("scenario", "a red-flag question names the design to look at");
        if (q.flags.empty())
            r.fail("flags", "a red-flag question lists at least one flaw");
        break;
    case QuestionKind::open:
        if (q.model_answer.empty())
            r.fail("model_answer", "an open question has a model answer");
        if (q.rubric.empty())
            r.fail("rubric", "an open question has a rubric to tick");
        break;
    }
    if (with_options && !std::any_of(q.options.begin(), q.options.end(),
                                     [](const QuizOption &o) { return o.correct; }))
        r.fail("options", "no option is marked \"correct\": true");
    return q;
}

} // namespace

QuizLoad load_quiz_file(const std::string &path, const FileReader &read) {
    QuizLoad out;
    const auto text = read(path);
    if (!text) {
        out.problems.push_back({path, "", "cannot read the quiz file"});
        return out;
    }
    if (text->size() > limits::kLessonBytes) {
        out.problems.push_back({path, "",
                                "the file is " + std::to_string(text->size()) +
                                    " bytes; a quiz file is at most " +
                                    std::to_string(limits::kLessonBytes) + " bytes (4 MiB)"});
        return out;
    }
    const auto json = parse_json_text(*text, path, out.problems);
    if (!json)
        return out;
    JsonReader r(*json, "", path, out.problems);
    if (!r.is_object())
        return out;
    Quiz quiz;
    quiz.file = path;
    std::string format;
    int version = 0;
    r.string("format", format, true);
    if (!format.empty() && format != kQuizFormat)
        r.fail("format", "expected \"" + std::string(kQuizFormat) + "\", found \"" + format + "\"");
    r.integer("version", version, 1, 1000, true);
    if (version > kQuizVersion)
        r.fail("version", "this quiz has version " + std::to_string(version) +
                              "; this Failover Lab reads version " + std::to_string(kQuizVersion));
    r.string("title", quiz.title, true);
    r.integer("chapter", quiz.chapter, 0, 99, true);
    r.objects(
        "questions",
        [&](JsonReader &q, std::size_t i) {
            quiz.questions.push_back(
                read_question(q, json->at("questions").at(i), path, out.problems));
        },
        true);
    for (std::size_t i = 0; i < quiz.questions.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (quiz.questions[i].id == quiz.questions[j].id)
                add_problem(out.problems, {path, "/questions/" + std::to_string(i) + "/id",
                                           "the id \"" + quiz.questions[i].id +
                                               "\" is taken by question " + std::to_string(j)});
    r.finish();
    cap_problems(out.problems);
    if (out.problems.empty())
        out.quiz = std::move(quiz);
    return out;
}

std::vector<Quiz> load_quizzes(const std::string &folder, Problems &problems,
                               const FileReader &read) {
    std::vector<std::string> paths;
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(folder, ec))
        if (e.path().extension() == ".json")
            paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    std::vector<Quiz> out;
    for (const std::string &p : paths) {
        QuizLoad load = load_quiz_file(p, read);
        problems.insert(problems.end(), load.problems.begin(), load.problems.end());
        if (load.quiz)
            out.push_back(std::move(*load.quiz));
    }
    return out;
}

} // namespace model
