// Presentation mode on its live run: captions arrive with the map, figures come from the
// script, and Backspace restores the view as well as the scenario.
#include "app/presentation.h"
#include "model/lesson.h"
#include "widgets/mapview.h"

#include <QApplication>
#include <QEventLoop>
#include <QKeyEvent>
#include <QTimer>
#include <catch2/catch.hpp>

namespace {

model::Lesson walk_lesson() {
    const model::LessonLoad load =
        model::load_lesson_file(FAILOVER_SOURCE_DIR "/tests/data/lessons/good.json");
    REQUIRE(load.lesson);
    return *load.lesson;
}

void press(QWidget *w, int key) {
    QKeyEvent down(QEvent::KeyPress, key, Qt::NoModifier);
    QCoreApplication::sendEvent(w, &down);
}

// Runs the event loop for ms milliseconds (timers fire, queued results land).
void wait_ms(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Lets the clock run until the presentation's animation has stopped.
void until_arrived(app::Presentation &p) {
    for (int i = 0; i < 500 && p.live_run()->clock()->playing(); ++i)
        wait_ms(20);
}

} // namespace

TEST_CASE("A step's caption arrives with the map, not before", "[presentation][defect]") {
    app::Presentation p(walk_lesson(), 0);
    until_arrived(p);
    REQUIRE(p.caption() == "The outage");
    press(&p, Qt::Key_PageDown); // "Detection": the map animates to the unhealthy verdict
    CHECK(p.step() == 1);
    REQUIRE(p.live_run()->clock()->playing());
    CHECK(p.shown_step() == 0);
    CHECK(p.caption() == "The outage"); // still what the map shows
    until_arrived(p);
    CHECK(p.shown_step() == 1);
    CHECK(p.caption() == "Detection");
}

TEST_CASE("Going off script keeps the script's figures in the caption", "[presentation][defect]") {
    model::Lesson lesson = walk_lesson();
    lesson.walkthroughs[0].steps[0].caption = "Reads are back after {{rto_read_s}}";
    app::Presentation p(lesson, 0);
    until_arrived(p);
    const QString scripted = p.caption();
    REQUIRE_FALSE(scripted.contains("n/a"));
    // Failing the other region too leaves no recovery in the new run: its RTO is null.
    emit p.map()->context_action("us-west-2", "fail_now");
    for (int i = 0; i < 200 && p.report() && p.report()->faults.size() < 2; ++i)
        wait_ms(10);
    REQUIRE(p.off_script());
    REQUIRE(p.report()->faults.size() == 2);
    CHECK(p.caption() == scripted);
}

TEST_CASE("Backspace restores the framing of the map as well as the script",
          "[presentation][defect]") {
    app::Presentation p(walk_lesson(), 0);
    p.resize(1280, 720);
    p.map()->fit_to_content();
    until_arrived(p);
    const QTransform framed = p.map()->transform();
    p.map()->scale(2.0, 2.0); // the presenter zoomed in
    REQUIRE(p.map()->transform() != framed);
    press(&p, Qt::Key_Backspace);
    CHECK(p.map()->transform() == framed);
}
