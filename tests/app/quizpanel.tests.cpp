// The quiz panel: questions asked off the GUI thread and graded by the model, a prediction
// marked wrong with what it left out, red flags marked on the map, an interview round to its
// score and review.
#include "app/quizpanel.h"
#include "model/quiz.h"
#include "widgets/mapview.h"

#include <catch2/catch.hpp>

#include "event_wait.h"

namespace {

std::vector<model::Quiz> test_quizzes() {
    model::QuizLoad load =
        model::load_quiz_file(FAILOVER_SOURCE_DIR "/tests/data/quizzes/good.json");
    REQUIRE(load.quiz);
    return {*load.quiz};
}

// Lets the event loop run until the question on show has been asked.
void settle(app::QuizPanel &panel) {
    testing::run_events_until([&] { return !panel.busy() && panel.asked() != nullptr; }, 12000);
    REQUIRE(panel.asked());
    REQUIRE(panel.asked()->ok());
}

const model::Asked &go_to(app::QuizPanel &panel, const std::string &id) {
    for (int i = 0; i < panel.count(); ++i) {
        settle(panel);
        if (panel.asked()->question->id == id)
            return *panel.asked();
        panel.answer({});
        panel.next();
    }
    FAIL("no question " << id);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("A chapter's questions are asked in order and graded at once", "[quiz][app]") {
    app::QuizPanel panel(test_quizzes());
    std::vector<std::pair<QString, bool>> recorded;
    QObject::connect(&panel, &app::QuizPanel::question_answered,
                     [&](int chapter, const QString &id, bool right) {
                         CHECK(chapter == 7);
                         recorded.emplace_back(id, right);
                     });
    REQUIRE(panel.start_chapter(7));
    CHECK_FALSE(panel.start_chapter(3) == true); // no questions for chapter 3 in this file
    REQUIRE(panel.start_chapter(7));
    CHECK(panel.count() == 6);
    // Asked off the GUI thread: nothing is there the moment it starts.
    CHECK(panel.asked() == nullptr);
    settle(panel);
    CHECK(panel.asked()->question->id == "one-right");
    panel.answer(model::right_answer(*panel.asked()));
    CHECK(panel.score() == 1);
    CHECK(panel.result_text().contains("Cached answers keep pointing")); // every option explained
    REQUIRE(recorded.size() == 1);
    CHECK(recorded[0] == std::pair<QString, bool>("one-right", true));
    panel.answer({}); // a second answer to the same question does not count
    CHECK(recorded.size() == 1);
}

TEST_CASE("A wrong prediction is marked wrong and says what it left out; a right one is right",
          "[quiz][app]") {
    app::QuizPanel panel(test_quizzes());
    REQUIRE(panel.start_chapter(7));
    const model::Asked &asked = go_to(panel, "predict-rto");
    REQUIRE(asked.report);
    const model::Breakdown &b = asked.report->summary.read.breakdown;
    // The textbook estimate without the clients' caches.
    const double estimate = static_cast<double>(b.detection + b.propagation) / 1000.0;
    const int before = panel.score();
    panel.answer({estimate, {}, {}, {}});
    CHECK(panel.score() == before);
    CHECK(panel.result_text().contains("Not quite"));
    CHECK(panel.result_text().contains("clients holding cached answers"));
    // Asked again (the chapter restarted), the model's own figure is right.
    REQUIRE(panel.start_chapter(7));
    const model::Asked &again = go_to(panel, "predict-rto");
    panel.answer({*again.expected, {}, {}, {}});
    CHECK(panel.result_text().contains("Right"));
}

TEST_CASE("Red flags are marked by clicking parts on the map", "[quiz][app]") {
    app::QuizPanel panel(test_quizzes());
    REQUIRE(panel.start_chapter(7));
    go_to(panel, "flags");
    emit panel.map()->selection_changed("us-east-1");
    emit panel.map()->selection_changed("us-east-1"); // one click selecting twice marks once
    CHECK(panel.marked() == std::set<std::string>{"us-east-1"});
    emit panel.map()->selection_changed("");
    emit panel.map()->selection_changed("us-west-2");
    emit panel.map()->selection_changed("");
    emit panel.map()->selection_changed("us-east-1"); // a second click unmarks
    CHECK(panel.marked() == std::set<std::string>{"us-west-2"});
    const int before = panel.score();
    panel.answer({std::nullopt, {}, {"us-west-2"}, {}});
    CHECK(panel.score() == before + 1);
}

TEST_CASE("An interview round ends with its score and a review of every answer", "[quiz][app]") {
    app::QuizPanel panel(test_quizzes());
    panel.start_interview(4, 8, 11);
    CHECK(panel.count() == 4);
    CHECK(panel.seconds_left() == 8 * 60 - 1); // the clock shows 8:00 and counts down
    int right = 0;
    for (int i = 0; i < 4; ++i) {
        settle(panel);
        const bool answer_right = i % 2 == 0;
        panel.answer(answer_right ? model::right_answer(*panel.asked()) : model::Answer{});
        right += answer_right ? 1 : 0;
        panel.next();
    }
    CHECK(panel.finished());
    CHECK(panel.score() == right);
    const QString review = panel.review_html();
    CHECK(review.contains(QStringLiteral("Score: %1 / 4").arg(right)));
    CHECK(review.count(QStringLiteral("<hr>")) == 4);
}
