#include "model/sim_time.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("Durations parse as <integer>(ms|s|m|h)", "[time]") {
    CHECK(parse_duration("250ms") == 250);
    CHECK(parse_duration("90s") == 90000);
    CHECK(parse_duration("30m") == 30 * kMinute);
    CHECK(parse_duration("2h") == 2 * kHour);
    CHECK_FALSE(parse_duration("2"));
    CHECK_FALSE(parse_duration("1.5h"));
    CHECK_FALSE(parse_duration("-3s"));
    CHECK_FALSE(parse_duration("s"));
    CHECK_FALSE(parse_duration("10 m"));
}

TEST_CASE("Spans of time read the way the sentences write them", "[time]") {
    CHECK(format_duration(350) == "350 ms");
    CHECK(format_duration(2500) == "2.5 s");
    CHECK(format_duration(20000) == "20 s");
    CHECK(format_duration(14 * kMinute + 10 * kSecond) == "14 min 10 s");
    CHECK(format_duration(5 * kMinute) == "5 min");
    CHECK(format_duration(kHour + 2 * kMinute) == "1 h 2 min");
    CHECK(format_clock(10 * kMinute + 250) == "00:10:00.250");
}
