#include "app/presentation.h"
#include "model/lesson.h"
#include "model/scenario_json.h"
#include "widgets/mapview.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <catch2/catch.hpp>

#include <string>

namespace {

model::Lesson test_lesson() {
    const model::LessonLoad load =
        model::load_lesson_file(FAILOVER_SOURCE_DIR "/tests/data/lessons/good.json");
    std::string problems;
    for (const auto &p : load.problems)
        problems += p.text() + "\n";
    INFO(problems);
    REQUIRE(load.lesson);
    return *load.lesson;
}

void press(QWidget *w, int key) {
    QKeyEvent down(QEvent::KeyPress, key, Qt::NoModifier);
    QCoreApplication::sendEvent(w, &down);
}

} // namespace

TEST_CASE("A walkthrough answers a clicker's keys", "[lessons][presentation]") {
    const model::Lesson lesson = test_lesson();
    auto *p = new app::Presentation(lesson, 0);
    CHECK(p->step() == 0);
    CHECK(p->caption() == "The outage");
    press(p, Qt::Key_PageDown);
    CHECK(p->step() == 1);
    // Step 2 waits for the endpoint to be declared unhealthy, which happens in this run.
    CHECK(p->notice().isEmpty());
    press(p, Qt::Key_Space);
    CHECK(p->step() == 2);
    press(p, Qt::Key_PageUp);
    CHECK(p->step() == 1);
    // Back is at the step's scripted moment at once (the detection event, after 10:00), not
    // replayed from the start.
    const model::Ms scripted_at = p->playhead();
    CHECK(scripted_at > 600 * model::kSecond);
    press(p, Qt::Key_B);
    CHECK(p->blanked());
    press(p, Qt::Key_B);
    CHECK_FALSE(p->blanked());
    // The presenter goes off script: fails us-west-2 from the map; Backspace restores.
    const std::string scripted = model::write_scenario(p->scenario());
    auto *map = p->findChild<widgets::MapView *>();
    REQUIRE(map);
    emit map->context_action("us-west-2", "fail_now");
    CHECK(p->off_script());
    CHECK(model::write_scenario(p->scenario()) != scripted);
    press(p, Qt::Key_Backspace);
    CHECK_FALSE(p->off_script());
    CHECK(model::write_scenario(p->scenario()) == scripted);
    CHECK(p->playhead() == scripted_at);
    press(p, Qt::Key_Escape);
}

TEST_CASE("A wait for an event that never comes says so", "[lessons][presentation]") {
    model::Lesson lesson = test_lesson();
    lesson.walkthroughs[0].steps[1].wait_for = model::EventKind::split_brain_write;
    lesson.walkthroughs[0].steps[1].timeout_ms = 60 * model::kSecond;
    app::Presentation p(lesson, 0);
    p.next();
    CHECK(p.notice().contains("did not happen in this run"));
}
