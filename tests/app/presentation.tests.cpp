// Presentation mode on its live run: the clicker keys, captions that arrive with the map,
// figures from the script, and Backspace restoring the view as well as the scenario.
#include "app/presentation.h"
#include "model/lesson.h"
#include "model/scenario_json.h"
#include "widgets/mapview.h"

#include "builtins.h"
#include "event_wait.h"
#include <QCoreApplication>
#include <QEventLoop>
#include <QKeyEvent>
#include <QTimer>

#include <catch2/catch.hpp>

#include <string>

namespace {

// Waits (a bounded time) for the run of the step asked for, which goes off the GUI thread.
void settle(app::Presentation &p) {
    testing::run_events_until([&] { return !p.busy(); }, 10000, 5);
    REQUIRE_FALSE(p.busy());
}

void press(app::Presentation *p, int key) {
    QKeyEvent down(QEvent::KeyPress, key, Qt::NoModifier);
    QCoreApplication::sendEvent(p, &down);
    if (key != Qt::Key_Escape)
        settle(*p);
}

// Runs the event loop for ms milliseconds (timers fire, queued results land).
void wait_ms(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Lets the clock run until the presentation's animation has stopped.
void until_arrived(app::Presentation &p) {
    settle(p);
    for (int i = 0; i < 500 && p.live_run()->clock()->playing(); ++i)
        wait_ms(20);
}

} // namespace

TEST_CASE("A walkthrough answers a clicker's keys", "[lessons][presentation]") {
    const model::Lesson lesson = testing::good_lesson();
    auto *p = new app::Presentation(lesson, 0);
    CHECK(p->step() == 0);
    CHECK(p->busy()); // its first step runs off the GUI thread
    settle(*p);
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
    emit map->quick_action({model::QuickAction::fail_region, "us-west-2", {}, 0});
    CHECK(p->off_script());
    CHECK(model::write_scenario(p->scenario()) != scripted);
    press(p, Qt::Key_Backspace);
    CHECK_FALSE(p->off_script());
    CHECK(model::write_scenario(p->scenario()) == scripted);
    CHECK(p->playhead() == scripted_at);
    press(p, Qt::Key_Escape);
}

TEST_CASE("A wait for an event that never comes says so", "[lessons][presentation]") {
    model::Lesson lesson = testing::good_lesson();
    lesson.walkthroughs[0].steps[1].wait_for = model::EventKind::split_brain_write;
    lesson.walkthroughs[0].steps[1].timeout_ms = 60 * model::kSecond;
    app::Presentation p(lesson, 0);
    settle(p);
    p.next();
    settle(p);
    CHECK(p.notice().contains("did not happen in this run"));
}

TEST_CASE("A step's caption arrives with the map, not before", "[presentation][defect]") {
    app::Presentation p(testing::good_lesson(), 0);
    until_arrived(p);
    REQUIRE(p.caption() == "The outage");
    press(&p, Qt::Key_PageDown); // "Detection": the map animates to the unhealthy verdict
    CHECK(p.step() == 1);
    REQUIRE(p.live_run()->clock()->playing());
    CHECK(p.shown_step() == 0);
    CHECK(p.caption() == "The outage"); // still what the map shows
    CHECK(p.counter_text().startsWith("Step 1 of"));
    until_arrived(p);
    CHECK(p.shown_step() == 1);
    CHECK(p.caption() == "Detection");
    CHECK(p.counter_text().startsWith("Step 2 of"));
}

TEST_CASE("Going off script keeps the script's figures in the caption", "[presentation][defect]") {
    model::Lesson lesson = testing::good_lesson();
    lesson.walkthroughs[0].steps[0].caption = "Reads are back after {{rto_read_s}}";
    app::Presentation p(lesson, 0);
    until_arrived(p);
    const QString scripted = p.caption();
    REQUIRE_FALSE(scripted.contains("n/a"));
    // Failing the other region too leaves no recovery in the new run: its RTO is null.
    emit p.map()->quick_action({model::QuickAction::fail_region, "us-west-2", {}, 0});
    for (int i = 0; i < 200 && p.report() && p.report()->faults.size() < 2; ++i)
        wait_ms(10);
    REQUIRE(p.off_script());
    REQUIRE(p.report()->faults.size() == 2);
    CHECK(p.caption() == scripted);
}

TEST_CASE("Backspace restores the framing of the map as well as the script",
          "[presentation][defect]") {
    app::Presentation p(testing::good_lesson(), 0);
    p.resize(1280, 720);
    p.map()->fit_to_content();
    until_arrived(p);
    const QTransform framed = p.map()->transform();
    p.map()->scale(2.0, 2.0); // the presenter zoomed in
    REQUIRE(p.map()->transform() != framed);
    press(&p, Qt::Key_Backspace);
    CHECK(p.map()->transform() == framed);
}
