// The event list: one row per event of the run, filled when the list is on show.
#include "widgets/eventlist.h"
#include "builtins.h"

#include <catch2/catch.hpp>

TEST_CASE("A hidden event list fills its rows when it is shown, the last report only",
          "[events][performance]") {
    const auto &one = testing::built_in("pattern-warm-standby");
    const auto &two = testing::built_in("start-here");
    REQUIRE(one.report->run.events.size() != two.report->run.events.size());
    widgets::EventList list;
    list.show_report(one.report);
    list.show_report(two.report);
    CHECK_FALSE(list.up_to_date());
    CHECK(list.topLevelItemCount() == 0);
    list.show();
    CHECK(list.up_to_date());
    CHECK(list.topLevelItemCount() == static_cast<int>(two.report->run.events.size()));
    list.show_report(one.report);
    CHECK(list.topLevelItemCount() == static_cast<int>(one.report->run.events.size()));
    CHECK(list.topLevelItem(0)->text(1) == widgets::event_sentence(one.report->run.events[0]));
}

TEST_CASE("The clock column is wide enough for a clock time with milliseconds", "[events]") {
    widgets::EventList list;
    const QString widest =
        QString::fromStdString(model::format_clock(widgets::EventList::kWidestClockMs));
    CHECK(widest == QStringLiteral("23:59:59.999"));
    CHECK(list.columnWidth(0) > list.fontMetrics().horizontalAdvance(widest));
}
