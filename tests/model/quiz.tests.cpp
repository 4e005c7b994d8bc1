// The quiz engine: every kind graded, parameterised questions reproduced from their seed,
// predictions that name what they missed, red flags, rubrics, the checks and the terminal quiz.
#include "builders.h"

#include "model/cli.h"
#include "model/cli_quiz.h"
#include "model/lesson.h"
#include "model/progress.h"
#include "model/quiz.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace model;

namespace {

Quiz test_quiz() {
    QuizLoad load = load_quiz_file(testing::source_path("tests/data/quizzes/good.json"));
    INFO(testing::problems_text(load.problems));
    REQUIRE(load.quiz);
    return std::move(*load.quiz);
}

const Question &question(const Quiz &quiz, const std::string &id) {
    for (const Question &q : quiz.questions)
        if (q.id == id)
            return q;
    FAIL("no question " << id);
    throw std::logic_error("unreachable");
}

// One line of an answers file that parse_answer() reads back as `a`.
std::string line_of(const Asked &asked, const Answer &a) {
    std::ostringstream out;
    const Question &q = *asked.question;
    if (q.kind == QuestionKind::red_flags) {
        for (std::size_t i = 0; i < a.marked.size(); ++i)
            out << (i ? "," : "") << a.marked[i];
    } else if (q.kind == QuestionKind::open) {
        for (std::size_t i = 0; i < a.rubric_ticks.size(); ++i)
            out << (i ? "," : "") << (a.rubric_ticks[i] ? "y" : "n");
    } else if (!q.options.empty()) {
        for (std::size_t i = 0; i < a.chosen.size(); ++i)
            out << (i ? "," : "") << a.chosen[i] + 1;
    } else if (a.number) {
        out.precision(17);
        out << *a.number;
    }
    return out.str();
}

} // namespace

TEST_CASE("Choice questions are right only with exactly the right options", "[quiz]") {
    const Quiz quiz = test_quiz();
    const Asked one = ask(question(quiz, "one-right"), quiz, 0);
    REQUIRE(one.ok());
    CHECK(grade(one, {std::nullopt, {0}, {}, {}}).correct);
    CHECK_FALSE(grade(one, {std::nullopt, {1}, {}, {}}).correct);
    CHECK_FALSE(grade(one, {}).correct);
    const Asked two = ask(question(quiz, "two-right"), quiz, 0);
    CHECK(two.question->multiple());
    CHECK(grade(two, {std::nullopt, {1, 0}, {}, {}}).correct);
    CHECK_FALSE(grade(two, {std::nullopt, {0}, {}, {}}).correct);
    CHECK_FALSE(grade(two, {std::nullopt, {0, 1, 2}, {}, {}}).correct);
}

TEST_CASE("A parameterised question draws its values from the seed and recomputes the answer",
          "[quiz][properties]") {
    const Quiz quiz = test_quiz();
    const Question &q = question(quiz, "ttl-rto");
    std::set<double> answers;
    for (std::uint64_t seed = 0; seed < 12; ++seed) {
        const Asked a = ask(q, quiz, seed);
        INFO("seed " << seed << ": " << a.failure);
        REQUIRE(a.ok());
        REQUIRE(a.drawn.size() == 1);
        const double ttl = a.drawn[0].second;
        CHECK(ttl >= 60);
        CHECK(ttl <= 600);
        CHECK(std::fmod(ttl, 60.0) == 0);
        CHECK(a.prompt.find(std::to_string(static_cast<int>(ttl)) + " s") != std::string::npos);
        REQUIRE(a.expected);
        // The same seed asks the same question with the same answer.
        const Asked again = ask(q, quiz, seed);
        CHECK(again.prompt == a.prompt);
        CHECK(again.expected == a.expected);
        // The TTL is a floor under the recovery.
        CHECK(*a.expected >= ttl);
        answers.insert(*a.expected);
        CHECK(grade(a, right_answer(a)).correct);
        CHECK(grade(a, {*a.expected + 29, {}, {}, {}}).correct);
        CHECK_FALSE(grade(a, {*a.expected + 31, {}, {}, {}}).correct);
    }
    CHECK(answers.size() >= 3); // it cannot be memorised
}

TEST_CASE("A wrong prediction is marked wrong and names the part of the RTO it left out",
          "[quiz]") {
    const Quiz quiz = test_quiz();
    const Asked a = ask(question(quiz, "predict-rto"), quiz, 0);
    REQUIRE(a.ok());
    REQUIRE(a.report);
    const Breakdown &b = a.report->summary.read.breakdown;
    const double detection = static_cast<double>(b.detection) / 1000.0;
    const double through_dns = static_cast<double>(b.detection + b.propagation) / 1000.0;
    REQUIRE(b.client_cache > 20 * kSecond);
    // Only the TTL-less textbook part: the client caches are what it missed.
    Grade g = grade(a, {through_dns, {}, {}, {}});
    CHECK_FALSE(g.correct);
    CHECK(g.missed == Missed::client_cache);
    g = grade(a, {detection - 11, {}, {}, {}});
    CHECK(g.missed == Missed::detection);
    g = grade(a, {*a.expected * 3, {}, {}, {}});
    CHECK_FALSE(g.correct);
    CHECK(g.missed == Missed::too_high);
    g = grade(a, right_answer(a));
    CHECK(g.correct);
    CHECK(g.missed == Missed::nothing);
}

TEST_CASE("A red-flag answer that misses a flaw, or marks a sound part, is wrong", "[quiz]") {
    const Quiz quiz = test_quiz();
    const Asked a = ask(question(quiz, "flags"), quiz, 0);
    REQUIRE(a.ok());
    REQUIRE(a.scenario);
    CHECK_FALSE(a.report); // the design is shown, not run
    Grade g = grade(a, {std::nullopt, {}, {}, {}});
    CHECK_FALSE(g.correct);
    CHECK(g.flags_missed == std::vector<std::string>{"us-west-2"});
    g = grade(a, {std::nullopt, {}, {"us-west-2", "us-east-1"}, {}});
    CHECK_FALSE(g.correct);
    CHECK(g.flags_wrong == std::vector<std::string>{"us-east-1"});
    CHECK(grade(a, {std::nullopt, {}, {"us-west-2"}, {}}).correct);
}

TEST_CASE("An open question scores the share of its rubric the learner met", "[quiz]") {
    const Quiz quiz = test_quiz();
    const Asked a = ask(question(quiz, "interview"), quiz, 0);
    Grade g = grade(a, {std::nullopt, {}, {}, {true, false, false, false}});
    CHECK(g.score == Approx(0.25));
    CHECK_FALSE(g.correct);
    g = grade(a, {std::nullopt, {}, {}, {true, true, false, true}});
    CHECK(g.score == Approx(0.75));
    CHECK(g.correct);
}

TEST_CASE("Every question of the test quiz passes the checks; a bad file is named with its place",
          "[quiz][bad-input]") {
    const Quiz quiz = test_quiz();
    for (const Question &q : quiz.questions) {
        const Problems p = check_question(q, quiz);
        INFO(q.id << "\n" << testing::problems_text(p));
        CHECK(p.empty());
    }
    const std::string bad = testing::source_path("tests/data/quizzes/bad-no-explanation.json");
    const QuizLoad load = load_quiz_file(bad);
    CHECK_FALSE(load.quiz);
    const std::string text = testing::problems_text(load.problems);
    INFO(text);
    CHECK(text.find(bad) != std::string::npos);
    CHECK(text.find("/questions/0/options/0") != std::string::npos); // no explanation
    CHECK(text.find("tolerence") != std::string::npos);              // unknown key
    // A tolerance that takes anything is caught.
    Quiz loose = quiz;
    for (Question &q : loose.questions)
        if (q.id == "predict-rto")
            q.tolerance = 1e9;
    CHECK_FALSE(check_question(question(loose, "predict-rto"), loose).empty());
}

TEST_CASE("quiz --answers scores nothing for wrong answers and full marks for right ones",
          "[quiz][cli]") {
    const std::string folder = testing::source_path("tests/data/quizzes");
    Problems problems;
    const std::vector<Quiz> quizzes = load_quizzes(folder, problems);
    REQUIRE(quizzes.size() == 1); // the bad file is reported, not used
    CHECK_FALSE(problems.empty());
    const std::uint64_t seed = 5;
    const auto drawn = draw_questions(quizzes, 7, seed, 10);
    REQUIRE(drawn.size() == quizzes[0].questions.size());
    std::ostringstream right, wrong;
    for (std::size_t n = 0; n < drawn.size(); ++n) {
        const Asked a = ask(*drawn[n].second, *drawn[n].first, seed + n);
        REQUIRE(a.ok());
        right << line_of(a, right_answer(a)) << '\n';
        Answer bad;
        const Question &q = *a.question;
        if (q.kind == QuestionKind::open)
            bad.rubric_ticks.assign(q.rubric.size(), false);
        else if (q.kind == QuestionKind::red_flags)
            bad.marked = {"no-such-part"};
        else if (!q.options.empty())
            bad.chosen = {static_cast<int>(q.options.size()) - 1};
        else
            bad.number = *a.expected * 10 + 1000;
        wrong << line_of(a, bad) << '\n';
    }
    const auto run = [&](const std::string &answers) {
        const std::string file = testing::source_path("build-quiz-answers.txt");
        std::ofstream(file) << answers;
        std::istringstream none;
        std::ostringstream out, err;
        const int code = quiz_command(
            {"--chapter", "7", "--seed", std::to_string(seed), "--answers", file, folder}, none,
            out, err);
        std::remove(file.c_str());
        CHECK(code == kExitOk);
        return out.str();
    };
    const std::string total = std::to_string(drawn.size());
    CHECK(run(right.str()).find("Score: " + total + " / " + total) != std::string::npos);
    CHECK(run(wrong.str()).find("Score: 0 / " + total) != std::string::npos);
}

TEST_CASE("A step's prediction is graded against the step's run; the first one stands",
          "[quiz][lesson][progress]") {
    const Report r = simulate(testing::load_builtin("dns-ttl-floor.json"));
    REQUIRE(r.summary.read.ms);
    Prediction p{"read RTO?", "rto_read_s", "s", 0, 20};
    const double expected = static_cast<double>(*r.summary.read.ms) / 1000.0;
    Grade g = grade_prediction(p, r, expected * 1.1);
    CHECK(g.correct);
    CHECK(g.tolerance == Approx(expected * 0.2));
    // The textbook estimate without the clients' caches falls short by them.
    const Breakdown &b = r.summary.read.breakdown;
    g = grade_prediction(p, r, static_cast<double>(b.detection + b.propagation) / 1000.0);
    CHECK_FALSE(g.correct);
    CHECK(g.missed == Missed::client_cache);
    // Progress keeps the first prediction, and the step is done only once predicted.
    Lesson lesson;
    lesson.id = "l";
    TryThis step;
    step.id = "s";
    step.predict = p;
    lesson.try_this = {step};
    Progress progress;
    progress.mark_tried("l", "s");
    CHECK(steps_done(lesson, progress.chapter("l")) == 0);
    CHECK(progress.mark_predicted("l", "s", false));
    CHECK_FALSE(progress.mark_predicted("l", "s", true));
    CHECK(progress.chapter("l").predictions.at("s") == false);
    CHECK(steps_done(lesson, progress.chapter("l")) == 1);
    const ProgressLoad back = parse_progress(write_progress(progress), "p.json");
    REQUIRE(back.progress);
    CHECK(*back.progress == progress);
}

TEST_CASE("Every prediction of the course is graded against a figure its step computes",
          "[quiz][lesson]") {
    int predictions = 0;
    for (const auto &entry : std::filesystem::directory_iterator(testing::source_path("lessons")))
        if (entry.path().extension() == ".json") {
            const LessonLoad load = load_lesson_file(entry.path().string());
            REQUIRE(load.lesson);
            for (const TryThis &t : load.lesson->try_this)
                predictions += t.predict ? 1 : 0;
        }
    // The TTL floor, a replica's write RTO, lost writes under lag, the checkers' verdict and a
    // hidden dependency (validate checks that each one's figure is computed).
    CHECK(predictions >= 5);
}
