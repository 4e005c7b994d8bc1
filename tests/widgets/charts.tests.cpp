#include "widgets/charts.h"
#include "model/scenario_json.h"
#include "model/simulation.h"
#include "widgets/timechart.h"

#include "builtins.h"
#include <QApplication>
#include <QChart>
#include <QFileInfo>
#include <QLineSeries>
#include <QMouseEvent>
#include <QTabWidget>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <map>

using testing::built_in;
using testing::BuiltIn;

namespace {

QList<widgets::TimeChart *> charts_of(widgets::ChartsPanel &panel) {
    return panel.findChildren<widgets::TimeChart *>();
}

// The playhead cursor: the series with two points at the same x, drawn last.
QLineSeries *cursor_of(widgets::TimeChart *chart) {
    return qobject_cast<QLineSeries *>(chart->chart()->series().back());
}

} // namespace

TEST_CASE("Chart series hold about two points per pixel column of the plot", "[charts]") {
    const BuiltIn &run = built_in("dns-vs-accelerator");
    REQUIRE(run.report->run.steps >= 3600);
    widgets::ChartsPanel panel;
    panel.resize(900, 420);
    panel.show();
    panel.set_report(run.report, run.scenario);
    QApplication::processEvents();
    for (int width : {900, 520}) {
        panel.resize(width, 420);
        QApplication::processEvents();
        int lines = 0;
        auto *tabs = panel.findChild<QTabWidget *>();
        REQUIRE(tabs);
        for (int tab = 0; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab); // a hidden tab is laid out when it is shown
            QApplication::processEvents();
            auto *chart = qobject_cast<widgets::TimeChart *>(tabs->currentWidget());
            REQUIRE(chart);
            const double plot = chart->chart()->plotArea().width();
            INFO(chart->chart()->title().toStdString() << ", plot " << plot << " px");
            REQUIRE(plot > 100);
            CHECK(chart->sampled_columns() == static_cast<int>(plot));
            for (QAbstractSeries *s : chart->chart()->series()) {
                const auto *line = qobject_cast<QLineSeries *>(s);
                REQUIRE(line);
                CHECK(line->count() <= 2 * static_cast<int>(plot) + 2);
                lines += line->count() > 2 ? 1 : 0;
            }
        }
        CHECK(lines >= 5);
    }
}

TEST_CASE("The charts' cursor follows the playhead", "[charts][playback]") {
    const BuiltIn &run = built_in("read-replica-promotion");
    widgets::ChartsPanel panel;
    panel.set_report(run.report, run.scenario);
    panel.set_playhead(20 * model::kMinute);
    for (widgets::TimeChart *chart : charts_of(panel)) {
        QLineSeries *cursor = cursor_of(chart);
        REQUIRE(cursor->count() == 2);
        CHECK(cursor->at(0).x() == Approx(20.0));
        CHECK(cursor->at(1).x() == Approx(20.0));
        CHECK(chart->cursor() == 20 * model::kMinute);
    }
}

TEST_CASE("A click on a chart asks to seek to the time under it", "[charts]") {
    const BuiltIn &run = built_in("read-replica-promotion");
    widgets::ChartsPanel panel;
    panel.resize(900, 420);
    panel.show();
    panel.set_report(run.report, run.scenario);
    QApplication::processEvents();
    std::vector<model::Ms> seeks;
    QObject::connect(&panel, &widgets::ChartsPanel::seek_requested,
                     [&seeks](model::Ms t) { seeks.push_back(t); });
    // The chart on show: the others are filled when their tab is opened.
    auto *tabs = panel.findChild<QTabWidget *>();
    REQUIRE(tabs);
    auto *chart = qobject_cast<widgets::TimeChart *>(tabs->currentWidget());
    REQUIRE(chart);
    const QRectF plot = chart->chart()->plotArea();
    const QPointF in_chart(plot.left() + plot.width() / 3, plot.center().y());
    const QPointF at = chart->mapFromScene(chart->chart()->mapToScene(in_chart));
    QMouseEvent press(QEvent::MouseButtonPress, at, chart->viewport()->mapToGlobal(at),
                      Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(chart->viewport(), &press);
    REQUIRE(seeks.size() == 1);
    const double ms_per_px = static_cast<double>(run.report->run.end_ms) / plot.width();
    CHECK(std::abs(static_cast<double>(seeks[0]) - run.report->run.end_ms / 3.0) <= ms_per_px + 1);
}

TEST_CASE("The charts follow a dark palette", "[charts][theme]") {
    widgets::ChartsPanel panel;
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, Qt::white);
    panel.setPalette(dark);
    for (widgets::TimeChart *chart : charts_of(panel))
        CHECK(chart->chart()->theme() == QChart::ChartThemeDark);
    panel.setPalette(QPalette(Qt::white));
    for (widgets::TimeChart *chart : charts_of(panel))
        CHECK(chart->chart()->theme() == QChart::ChartThemeLight);
}

TEST_CASE("The charts export as one PNG", "[charts][export]") {
    const BuiltIn &run = built_in("read-replica-promotion");
    widgets::ChartsPanel panel;
    panel.set_report(run.report, run.scenario);
    panel.set_playhead(20 * model::kMinute);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString png = dir.filePath("charts.png");
    REQUIRE(panel.export_png(png));
    CHECK(QFileInfo(png).size() > 1000);
}

TEST_CASE("A new run fills the chart on show, and the others when their tab opens",
          "[charts][performance]") {
    const BuiltIn &one = built_in("read-replica-promotion");
    const BuiltIn &two = built_in("dns-vs-accelerator");
    widgets::ChartsPanel panel;
    panel.resize(900, 420);
    panel.set_report(one.report, one.scenario);
    CHECK(panel.charts_filled() == 0); // hidden: nothing is drawn yet
    panel.show();
    QApplication::processEvents();
    CHECK(panel.charts_filled() == 1);
    auto *tabs = panel.findChild<QTabWidget *>();
    REQUIRE(tabs);
    const auto shown = [&] { return qobject_cast<widgets::TimeChart *>(tabs->currentWidget()); };
    CHECK(shown()->chart()->title() == QLatin1String("Requests that succeeded, per population"));
    tabs->setCurrentIndex(2);
    CHECK(panel.charts_filled() == 2);
    panel.set_report(two.report, two.scenario);
    CHECK(panel.charts_filled() == 1);
    // Another tab opened later shows the new run, never the old one.
    tabs->setCurrentIndex(0);
    CHECK(panel.charts_filled() == 2);
    CHECK(shown()->chart()->axes(Qt::Horizontal).front()->property("max").toDouble() ==
          Approx(static_cast<double>(two.report->run.end_ms) / model::kMinute));
    // An export draws every chart.
    QTemporaryDir dir;
    REQUIRE(panel.export_png(dir.filePath("charts.png")));
    CHECK(panel.charts_filled() == 6);
}
