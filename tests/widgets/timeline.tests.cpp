#include "widgets/timeline.h"
#include "model/scenario_json.h"
#include "model/simulation.h"
#include "widgets/charts.h"

#include "builtins.h"
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QTabWidget>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using testing::built_in;
using testing::BuiltIn;

namespace {

void send_mouse(QWidget &w, QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
    QMouseEvent event(type, at, w.mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(&w, &event);
}

void press_key(QWidget &w, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QKeyEvent event(QEvent::KeyPress, key, modifiers);
    QApplication::sendEvent(&w, &event);
}

// A timeline wired the way the main window wires it: a seek moves the playhead.
struct Wired {
    widgets::Timeline timeline;
    std::vector<model::Ms> seeks;
    Wired() {
        QObject::connect(&timeline, &widgets::Timeline::seek_requested, [this](model::Ms t) {
            seeks.push_back(t);
            timeline.set_playhead(t);
        });
    }
};

} // namespace

TEST_CASE("The timeline and the charts show the same playhead", "[timeline][charts][playback]") {
    const BuiltIn &run = built_in("read-replica-promotion");
    widgets::Timeline timeline;
    widgets::ChartsPanel charts;
    timeline.set_report(run.report, run.scenario);
    charts.set_report(run.report, run.scenario);
    for (model::Ms t : {model::Ms{0}, 20 * model::kMinute + 500, run.report->run.end_ms}) {
        timeline.set_playhead(t);
        charts.set_playhead(t);
        CHECK(timeline.playhead() == t);
        CHECK(charts.playhead() == t);
    }
}

TEST_CASE("A click or a drag on the timeline asks for the time under the mouse", "[timeline]") {
    const BuiltIn &run = built_in("read-replica-promotion");
    Wired w;
    w.timeline.resize(1000, 420);
    w.timeline.set_report(run.report, run.scenario);
    const widgets::TimeScale &scale = w.timeline.scale();
    REQUIRE(scale.end_ms() == run.report->run.end_ms);
    const double axis_y = 12; // the tick labels, above the lanes: no marker there

    const model::Ms wanted = 20 * model::kMinute;
    send_mouse(w.timeline, QEvent::MouseButtonPress, {scale.x_of(wanted), axis_y}, Qt::LeftButton);
    REQUIRE(w.seeks.size() == 1);
    CHECK(std::abs(w.seeks[0] - wanted) <= static_cast<model::Ms>(scale.ms_per_px()) + 1);
    CHECK(w.timeline.playhead() == w.seeks[0]);

    send_mouse(w.timeline, QEvent::MouseMove, {scale.x_of(30 * model::kMinute), axis_y},
               Qt::LeftButton);
    send_mouse(w.timeline, QEvent::MouseMove, {scale.right() + 50, axis_y}, Qt::LeftButton);
    send_mouse(w.timeline, QEvent::MouseButtonRelease, {scale.right() + 50, axis_y}, Qt::NoButton);
    REQUIRE(w.seeks.size() == 3);
    CHECK(std::abs(w.seeks[1] - 30 * model::kMinute) <= scale.ms_per_px() + 1);
    CHECK(w.seeks[2] == run.report->run.end_ms); // a drag past the end stops at the end

    send_mouse(w.timeline, QEvent::MouseButtonPress, {2, axis_y}, Qt::LeftButton);
    CHECK(w.seeks.size() == 3); // the lane labels are not the time axis
}

TEST_CASE("The keyboard moves the timeline's playhead", "[timeline]") {
    const BuiltIn &run = built_in("read-replica-promotion");
    Wired w;
    w.timeline.resize(1000, 420);
    w.timeline.set_report(run.report, run.scenario);
    CHECK(w.timeline.focusPolicy() == Qt::StrongFocus);
    const model::Ms step = run.report->run.step_ms;

    w.timeline.set_playhead(10 * model::kMinute);
    press_key(w.timeline, Qt::Key_Right);
    CHECK(w.timeline.playhead() == 10 * model::kMinute + step);
    press_key(w.timeline, Qt::Key_Left);
    press_key(w.timeline, Qt::Key_Left);
    CHECK(w.timeline.playhead() == 10 * model::kMinute - step);
    press_key(w.timeline, Qt::Key_End);
    CHECK(w.timeline.playhead() == run.report->run.end_ms);
    press_key(w.timeline, Qt::Key_Home);
    CHECK(w.timeline.playhead() == 0);
    press_key(w.timeline, Qt::Key_Left);
    CHECK(w.timeline.playhead() == 0);

    // Shift+Right lands on the first event: the outage at 10:00.
    press_key(w.timeline, Qt::Key_Right, Qt::ShiftModifier);
    CHECK(w.timeline.playhead() == run.report->run.events.front().t_ms);
}

TEST_CASE("The timeline exports PNG and SVG files", "[timeline][export]") {
    const BuiltIn &run = built_in("read-replica-promotion");
    widgets::Timeline timeline;
    timeline.set_report(run.report, run.scenario);
    timeline.set_playhead(20 * model::kMinute);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString png = dir.filePath("timeline.png"), svg = dir.filePath("timeline.svg");
    REQUIRE(timeline.export_png(png));
    REQUIRE(timeline.export_svg(svg));
    CHECK(QFileInfo(png).size() > 1000);
    CHECK(QFileInfo(svg).size() > 1000);
    QFile f(svg);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    CHECK(text.contains("<svg"));
    CHECK(text.contains("orders-db"));
}

TEST_CASE("Timeline and charts timing on the longest built-in scenario", "[.benchmark]") {
    const BuiltIn &run = built_in("dns-vs-accelerator");
    widgets::Timeline timeline;
    widgets::ChartsPanel charts;
    timeline.resize(1200, 420);
    charts.resize(1200, 420);
    timeline.show();
    charts.show();
    QElapsedTimer clock;
    clock.start();
    timeline.set_report(run.report, run.scenario);
    const double timeline_report_ms = clock.nsecsElapsed() / 1e6;
    clock.restart();
    charts.set_report(run.report, run.scenario);
    QApplication::processEvents();
    const double charts_report_ms = clock.nsecsElapsed() / 1e6;
    // What a frame costs: the cursor moved, then the timeline and the chart on show painted.
    QWidget *chart = charts.findChild<QTabWidget *>()->currentWidget();
    (void)timeline.grab();
    (void)chart->grab();
    constexpr int frames = 60;
    double timeline_ms = 0, charts_ms = 0;
    for (int i = 0; i < frames; ++i) {
        const model::Ms t = run.report->run.end_ms * i / frames;
        clock.restart();
        timeline.set_playhead(t);
        (void)timeline.grab();
        timeline_ms += clock.nsecsElapsed() / 1e6;
        clock.restart();
        charts.set_playhead(t);
        (void)chart->grab();
        charts_ms += clock.nsecsElapsed() / 1e6;
    }
    WARN("set_report: timeline " << timeline_report_ms << " ms, charts " << charts_report_ms
                                 << " ms; set_playhead + grab: timeline " << timeline_ms / frames
                                 << " ms, charts " << charts_ms / frames << " ms");
}
