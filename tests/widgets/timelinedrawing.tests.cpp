#include "widgets/timelinedrawing.h"
#include "builtins.h"
#include "widgets/eventlist.h"
#include "widgets/timelinelanes.h"

#include <QApplication>
#include <catch2/catch.hpp>

#include <algorithm>

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
