// Which stretch of a run is the failover.
#include "builders.h"
#include "generator.h"

#include "model/failover_span.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("The failover runs from the fault to the last recovery, with a margin",
          "[failover_span]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    testing::fail_east(s, 5 * kMinute);
    const Report r = simulate(s);
    REQUIRE(r.summary.read.restored_at_ms);
    const std::optional<TimeSpan> span = failover_span(r);
    REQUIRE(span);
    const Ms restored =
        std::max(*r.summary.read.restored_at_ms, r.summary.write.restored_at_ms.value_or(0));
    const Ms margin = std::max(kFailoverMinMarginMs, (restored - 5 * kMinute) / 10);
    CHECK(span->from_ms <= 5 * kMinute - kFailoverMinMarginMs);
    CHECK(span->from_ms >= 5 * kMinute - margin * 2);
    CHECK(span->to_ms >= restored + kFailoverMinMarginMs);
    CHECK(span->to_ms < s.settings.duration_ms);
    // Every client cache that held the old answer has expired inside it.
    for (const CacheRecord &c : r.run.caches)
        if (c.t_ms <= restored && c.expires_by_ms >= 0)
            CHECK(c.expires_by_ms <= span->to_ms);
}

TEST_CASE("A run without a fault has no failover", "[failover_span]") {
    const Report r = simulate(testing::failover_pair(10 * kSecond, 2, 60 * kSecond));
    CHECK_FALSE(failover_span(r));
}

TEST_CASE("The failover span lies in the run and holds its first fault", "[failover_span]"
                                                                         "[properties]") {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const Scenario s = testing::generate_scenario(seed);
        const Report r = simulate(s);
        INFO("generator seed " << seed);
        const std::optional<TimeSpan> span = failover_span(r);
        if (r.faults.empty()) {
            CHECK_FALSE(span);
            continue;
        }
        REQUIRE(span);
        CHECK(span->from_ms >= 0);
        CHECK(span->to_ms <= r.run.end_ms);
        CHECK(span->from_ms < span->to_ms);
        Ms first = r.faults.front().at_ms;
        for (const FaultFigures &f : r.faults)
            first = std::min(first, f.at_ms);
        CHECK(span->from_ms <= first);
        for (const Rto *rto : {&r.summary.read, &r.summary.write})
            if (rto->hurt() && rto->restored_at_ms)
                CHECK(span->to_ms >= std::min(r.run.end_ms, *rto->restored_at_ms));
    }
}
