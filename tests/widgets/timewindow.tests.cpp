// The time window the timeline and the charts share: zoom keeps the time under the mouse, and
// the charts follow.
#include "widgets/timewindow.h"
#include "widgets/charts.h"
#include "widgets/timechart.h"
#include "widgets/timeline.h"

#include "builtins.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWheelEvent>

#include <catch2/catch.hpp>

#include <cmath>

using testing::built_in;
using widgets::TimeWindow;

namespace {

void ctrl_wheel(QWidget &w, QPointF at, int notches) {
    QWheelEvent event(at, w.mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&w, &event);
}

} // namespace

TEST_CASE("A time window zooms around an anchor and stays inside the run", "[timewindow]") {
    const model::Ms end = 30 * model::kMinute;
    const TimeWindow whole = TimeWindow::whole(end);
    CHECK(whole.is_whole());
    const TimeWindow in = whole.zoomed(4.0, 10.0 * model::kMinute);
    CHECK(in.length() == end / 4);
    // The anchor keeps its share of the window: a third of the way along, before and after.
    const double before = 10.0 * model::kMinute / static_cast<double>(whole.length());
    const double after = (10.0 * model::kMinute - static_cast<double>(in.from_ms)) /
                         static_cast<double>(in.length());
    CHECK(after == Approx(before).margin(1e-6));
    // Never shorter than the least length, never outside the run.
    CHECK(whole.zoomed(1e9, 0).length() == TimeWindow::kMinLengthMs);
    CHECK(in.panned(-end).from_ms == 0);
    CHECK(in.panned(end).to_ms == end);
    CHECK(in.zoomed(0.001, 0).is_whole());
    // A new run keeps a zoomed window, and the whole of it if it showed the whole.
    CHECK(whole.with_end(end / 2).is_whole());
    CHECK(in.with_end(end * 2).from_ms == in.from_ms);
}

TEST_CASE("Ctrl+wheel zooms the timeline keeping the time under the mouse, to the pixel",
          "[timeline][timewindow]") {
    const auto &run = built_in("dns-ttl-floor");
    widgets::Timeline timeline;
    timeline.resize(1100, 420);
    timeline.set_report(run.report, run.scenario);
    for (double x : {0.3, 0.5, 0.77}) {
        const widgets::TimeScale before = timeline.scale();
        const double px = before.left() + x * before.width();
        const double t = before.exact_time_at(px);
        ctrl_wheel(timeline, QPointF(px, 200), 2);
        const widgets::TimeScale &after = timeline.scale();
        CHECK(after.ms_per_px() < before.ms_per_px());
        CHECK(std::abs(after.x_of(static_cast<model::Ms>(std::llround(t))) - px) <= 1.0);
    }
    const model::Ms zoomed = timeline.time_window()->window().length();
    ctrl_wheel(timeline, QPointF(500, 200), -1);
    CHECK(timeline.time_window()->window().length() > zoomed);
    // 0 shows the whole run again; + and - zoom around the playhead.
    QKeyEvent zero(QEvent::KeyPress, Qt::Key_0, Qt::NoModifier, QStringLiteral("0"));
    QApplication::sendEvent(&timeline, &zero);
    CHECK(timeline.time_window()->window().is_whole());
    timeline.set_playhead(10 * model::kMinute);
    const double playhead_x = timeline.scale().x_of(10 * model::kMinute);
    QKeyEvent plus(QEvent::KeyPress, Qt::Key_Plus, Qt::NoModifier, QStringLiteral("+"));
    QApplication::sendEvent(&timeline, &plus);
    const TimeWindow w = timeline.time_window()->window();
    CHECK(w.length() < run.report->run.end_ms);
    CHECK(w.contains(10 * model::kMinute));
    CHECK(std::abs(timeline.scale().x_of(10 * model::kMinute) - playhead_x) <= 1.0);
}

TEST_CASE("The charts follow the timeline's window", "[timeline][charts][timewindow]") {
    const auto &run = built_in("dns-ttl-floor");
    widgets::SharedTimeWindow window;
    widgets::Timeline timeline;
    widgets::ChartsPanel charts;
    timeline.set_time_window(&window);
    charts.set_time_window(&window);
    timeline.resize(1000, 400);
    charts.resize(800, 400);
    timeline.set_report(run.report, run.scenario);
    charts.set_report(run.report, run.scenario);
    window.set_span(5 * model::kMinute, 9 * model::kMinute);
    CHECK(timeline.scale().from_ms() == 5 * model::kMinute);
    CHECK(timeline.scale().to_ms() == 9 * model::kMinute);
    for (const widgets::TimeChart *chart : charts.charts()) {
        CHECK(chart->window_from() == 5 * model::kMinute);
        CHECK(chart->window_to() == 9 * model::kMinute);
    }
    window.reset();
    for (const widgets::TimeChart *chart : charts.charts()) {
        CHECK(chart->window_from() == 0);
        CHECK(chart->window_to() == run.report->run.end_ms);
    }
}

TEST_CASE("A replay leaving a zoomed window turns its page", "[timeline][timewindow]") {
    const auto &run = built_in("dns-ttl-floor");
    widgets::Timeline timeline;
    timeline.resize(1000, 400);
    timeline.set_report(run.report, run.scenario);
    timeline.time_window()->set_span(2 * model::kMinute, 4 * model::kMinute);
    timeline.set_playhead(3 * model::kMinute);
    timeline.set_playhead(4 * model::kMinute + 500);
    const TimeWindow w = timeline.time_window()->window();
    CHECK(w.contains(4 * model::kMinute + 500));
    CHECK(w.length() == 2 * model::kMinute);
}
