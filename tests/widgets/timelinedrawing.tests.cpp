#include "widgets/timelinedrawing.h"
#include "builtins.h"
#include "widgets/eventlist.h"
#include "widgets/timelinelanes.h"

#include <QApplication>
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using testing::built_in;
using testing::BuiltIn;

TEST_CASE("A marker's tooltip carries its event's sentence", "[timeline][lanes]") {
    const BuiltIn &run = built_in("read-replica-promotion");
    widgets::TimelineDrawing drawing;
    drawing.set_report(run.report, run.scenario);
    drawing.lay_out(QSizeF(1000, 480), QApplication::font());
    const auto &events = run.report->run.events;
    const auto lost = std::find_if(events.begin(), events.end(), [](const model::Event &e) {
        return e.kind == model::EventKind::writes_lost;
    });
    REQUIRE(lost != events.end());
    const QString sentence = widgets::event_sentence(*lost).toHtmlEscaped();
    const double x = drawing.scale().x_of(lost->t_ms);
    bool found = false;
    for (double y = 0; y < 480 && !found; y += 1)
        found = drawing.tooltip_at(QPointF(x, y)).contains(sentence);
    CHECK(found);
    CHECK(widgets::category_of(lost->kind) == widgets::EventCategory::data_loss);
}

TEST_CASE("A short timeline keeps two lanes and gives up its legend, then its RTO bars",
          "[timeline][layout]") {
    using Bottom = widgets::TimelineDrawing::Bottom;
    const BuiltIn &run = built_in("dns-ttl-floor");
    widgets::TimelineDrawing drawing;
    drawing.set_report(run.report, run.scenario);
    const QFont font = QApplication::font();
    const double tall = drawing.preferred_size(1000, font).height();
    drawing.lay_out(QSizeF(1000, tall), font);
    CHECK(drawing.bottom_shown() == Bottom::all);
    const QFont small = [&] {
        QFont f = font;
        f.setPointSizeF(f.pointSizeF() * 0.9); // the lanes' labels

        return f;
    }();
    const double two_lanes = 2 * (QFontMetricsF(small).height() + 2) - 0.01;
    int was = static_cast<int>(Bottom::all);
    std::set<Bottom> seen;
    for (double h = tall; h >= 40; h -= 5) {
        INFO("height " << h);
        drawing.lay_out(QSizeF(1000, h), font);
        seen.insert(drawing.bottom_shown());
        // Lower never shows more.
        CHECK(static_cast<int>(drawing.bottom_shown()) >= was);
        was = static_cast<int>(drawing.bottom_shown());
        if (drawing.bottom_shown() != Bottom::none)
            CHECK(drawing.lanes_view().height() >= two_lanes);
    }
    CHECK(seen == std::set<Bottom>{Bottom::all, Bottom::rto_only, Bottom::none});
}
