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

TEST_CASE("The events list follows the playhead without asking to seek", "[events][playback]") {
    const auto &run = testing::built_in("dns-ttl-floor");
    widgets::EventList list;
    list.resize(600, 300);
    list.show();
    list.show_report(run.report);
    int seeks = 0;
    QObject::connect(&list, &widgets::EventList::event_chosen, [&seeks] { ++seeks; });
    const std::vector<model::Event> &events = run.report->run.events;
    REQUIRE(events.size() > 10);
    for (std::size_t i : {std::size_t{3}, events.size() / 2, events.size() - 2}) {
        const model::Ms t = events[i].t_ms;
        list.set_playhead(t);
        const int row = list.current_row();
        REQUIRE(row >= 0);
        INFO("event " << i);
        CHECK(events[static_cast<std::size_t>(row)].t_ms == t);
        CHECK((static_cast<std::size_t>(row) + 1 == events.size() ||
               events[static_cast<std::size_t>(row) + 1].t_ms > t));
        // Scrolled into view.
        CHECK(list.viewport()->rect().intersects(list.visualItemRect(list.topLevelItem(row))));
    }
    list.set_playhead(events.front().t_ms - 1);
    if (events.front().t_ms > 0)
        CHECK(list.current_row() == -1);
    CHECK(seeks == 0);
}
