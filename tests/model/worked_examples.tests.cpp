// The worked examples' rules: inputs that reach every part of the scenario, a textbook floor,
// patterns priced the same way the calculator's table shows, and a verdict that agrees with it.
#include "builders.h"

#include "model/random.h"
#include "model/scenario_json.h"
#include "model/simulation.h"
#include "model/worked_examples.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("The RTO example's inputs reach every health check and DNS name", "[worked]") {
    const Scenario s = testing::load_builtin(std::string(kRtoExampleScenario) + ".json");
    const RtoInputs start = rto_inputs_of(s);
    CHECK(start.ttl_ms == s.dns.front().ttl_ms);
    Scenario t = s;
    const RtoInputs in{10 * kSecond, 2, 120 * kSecond};
    REQUIRE(apply_rto_inputs(t, in).ok);
    for (const auto &hc : t.health_checks) {
        CHECK(hc.interval_ms == 10 * kSecond);
        CHECK(hc.failure_threshold == 2);
    }
    for (const auto &d : t.dns)
        CHECK(d.ttl_ms == 120 * kSecond);
    CHECK(textbook_rto_floor(in) == 140 * kSecond);
    // A value the scenario reader refuses leaves the scenario as it was.
    Scenario refused = s;
    CHECK_FALSE(apply_rto_inputs(refused, {30 * kSecond, 0, 60 * kSecond}).ok);
    CHECK(write_scenario(refused) == write_scenario(s));
}

TEST_CASE("A longer TTL never shortens the example's RTO", "[worked][properties]") {
    const Scenario s = testing::load_builtin(std::string(kRtoExampleScenario) + ".json");
    for (Ms interval : {10 * kSecond, 30 * kSecond})
        for (int threshold : {1, 3}) {
            std::optional<Ms> last;
            for (Ms ttl : {0 * kSecond, 60 * kSecond, 300 * kSecond}) {
                Scenario t = s;
                REQUIRE(apply_rto_inputs(t, {interval, threshold, ttl}).ok);
                const Rto rto = simulate(t).summary.read;
                INFO("interval " << interval << " threshold " << threshold << " ttl " << ttl);
                REQUIRE(rto.ms);
                if (last)
                    CHECK(*rto.ms >= *last);
                last = rto.ms;
            }
        }
}

TEST_CASE("One region is down as long as its outage lasts; the others fail over", "[worked]") {
    const MoneyInputs in{5000, 50000, 2, 4 * kHour};
    std::array<PatternCost, 4> rows;
    for (std::size_t i = 0; i < kPatterns.size(); ++i) {
        Scenario s = testing::load_builtin(std::string(pattern_scenario(kPatterns[i])) + ".json");
        REQUIRE(price_pattern(s, kPatterns[i], in).ok);
        CHECK(s.cost.revenue_per_minute == 5000);
        rows[i] = pattern_cost(simulate(s));
    }
    CHECK(rows[0].downtime_min >= 240);
    CHECK(rows[0].downtime_per_year == Approx(rows[0].downtime_min * 5000 * 2));
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK(rows[i].downtime_min < rows[0].downtime_min);
        CHECK(rows[i].cost_multiplier > rows[0].cost_multiplier);
    }
    const BreakEvenTable b = break_even_table(rows);
    CHECK(b.cheapest != Pattern::single_region); // four hours of 5,000 a minute, twice a year
}

TEST_CASE("The verdict names the pattern with the lowest yearly total", "[worked][properties]") {
    Random rng(7);
    for (int n = 0; n < 500; ++n) {
        std::array<PatternCost, 4> rows;
        for (PatternCost &r : rows) {
            r.extra_per_year = rng.unit() * 1e6;
            r.downtime_per_year = rng.unit() * 1e6;
        }
        const BreakEvenTable b = break_even_table(rows);
        const PatternCost &best = b.rows[static_cast<std::size_t>(b.cheapest)];
        for (const PatternCost &r : rows)
            CHECK(best.total() <= r.total());
        CHECK(b.warm_standby_worth >= 0);
        CHECK(b.warm_standby_extra >= 0);
        CHECK(b.active_active_gap >= 0);
        CHECK(b.active_active_pays == (b.cheapest == Pattern::active_active));
        if (b.active_active_pays)
            CHECK(b.active_active_gap == 0);
    }
}
