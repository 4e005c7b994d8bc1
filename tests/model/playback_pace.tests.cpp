// "Slow at events": real time near events, the chosen speed elsewhere.
#include "builders.h"

#include "model/playback_pace.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("The pace is 1x within 10 s of an event and the chosen speed elsewhere",
          "[playback_pace]") {
    const std::vector<Ms> events = {60 * kSecond, 65 * kSecond, 300 * kSecond};
    CHECK(pace_at(events, 0, 20.0) == 20.0);
    CHECK(pace_at(events, 49 * kSecond, 20.0) == 20.0);
    CHECK(pace_at(events, 50 * kSecond, 20.0) == 1.0);
    CHECK(pace_at(events, 70 * kSecond, 20.0) == 1.0); // the two zones merge
    CHECK(pace_at(events, 75 * kSecond, 20.0) == 1.0);
    CHECK(pace_at(events, 75 * kSecond + 1, 20.0) == 20.0);
    CHECK(pace_at(events, 300 * kSecond, 20.0) == 1.0);
    CHECK(pace_at(events, 310 * kSecond + 1, 20.0) == 20.0);
    // A chosen speed under 1x stays as slow near events.
    CHECK(pace_at(events, 60 * kSecond, 0.5) == 0.5);
    CHECK(pace_at({}, 60 * kSecond, 5.0) == 5.0);
}

TEST_CASE("Advancing the playhead integrates the pace across zone boundaries", "[playback_pace]") {
    const std::vector<Ms> events = {60 * kSecond};
    // 10x from 0: 5 s of wall time reach the zone at 50 s.
    CHECK(advance_playhead(events, 0, 5000, 10.0) == 50 * kSecond);
    // 1 s more of wall time inside the zone moves 1 s.
    CHECK(advance_playhead(events, 50 * kSecond, 1000, 10.0) == 51 * kSecond);
    // Through the whole zone (20 s at 1x) and 1 s of wall time after it at 10x.
    CHECK(advance_playhead(events, 50 * kSecond, 21000, 10.0) == 80 * kSecond);
    // Split into frames, the same wall time lands at the same place.
    Ms t = 0;
    for (int frame = 0; frame < 26000 / 16; ++frame)
        t = advance_playhead(events, t, 16, 10.0);
    CHECK(std::abs(t - advance_playhead(events, 0, 26000, 10.0)) <= 1000);
    // Past the last zone, the chosen speed for good.
    CHECK(advance_playhead(events, 100 * kSecond, 1000, 10.0) == 110 * kSecond);
    // Never backwards.
    CHECK(advance_playhead(events, 55 * kSecond, 0, 10.0) == 55 * kSecond);
}

TEST_CASE("The times to slow at are the run's events, without the waves of moving clients",
          "[playback_pace]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    testing::fail_east(s, 5 * kMinute);
    const Report r = simulate(s);
    const std::vector<Ms> times = slow_event_times(r.run);
    REQUIRE_FALSE(times.empty());
    CHECK(std::is_sorted(times.begin(), times.end()));
    CHECK(std::adjacent_find(times.begin(), times.end()) == times.end());
    CHECK(times.front() == 5 * kMinute); // the outage
    for (const Event &e : r.run.events) {
        const bool listed = std::binary_search(times.begin(), times.end(), e.t_ms);
        if (e.kind == EventKind::fault_started || e.kind == EventKind::dns_answer_changed)
            CHECK(listed);
    }
}
