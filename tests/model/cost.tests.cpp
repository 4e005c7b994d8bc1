#include "builders.h"

#include "model/cost.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("The four patterns of C4 cost what the table says", "[cost][c4]") {
    const auto multiplier = [](const char *file) {
        return estimate_cost(testing::load_builtin(file)).multiplier;
    };
    CHECK(multiplier("pattern-single-region-multi-az.json") == Approx(1.5).margin(0.15));
    CHECK(multiplier("pattern-warm-standby.json") == Approx(1.8).margin(0.15));
    CHECK(multiplier("pattern-hot-standby.json") == Approx(2.0).margin(0.15));
    // Active-active is 2.5 to 3 in the table.
    const double aa = multiplier("pattern-active-active.json");
    CHECK(aa >= 2.5 - 0.15);
    CHECK(aa <= 3.0 + 0.15);
}

TEST_CASE("The cost counts each part against one region sized for the same load", "[cost]") {
    // Two hot tiers of 2,000 rps and their health checks: the baseline is one tier.
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    for (auto &t : s.app_tiers)
        t.capacity_rps = 2000;
    CostFigures c = estimate_cost(s);
    CHECK(c.baseline == Approx(2.0));
    CHECK(c.units == Approx(2.0 + 2.0 + 2 * 0.005));
    CHECK(c.multiplier == Approx(c.units / c.baseline));

    // A warm standby runs a quarter of its capacity.
    s.app_tiers[1].standby = Standby::warm;
    c = estimate_cost(s);
    CHECK(c.units == Approx(2.0 + 0.5 + 2 * 0.005));

    // A Multi-AZ writer used by both tiers doubles the database; an asynchronous replica adds
    // a quarter of it, and only the writer is in the baseline.
    Database db;
    db.id = "db";
    db.writer = "us-east-1";
    db.replicas = {DbReplica{"us-west-2", Replication::async, {}}};
    s.databases = {db};
    for (auto &t : s.app_tiers)
        t.depends_on = {"db"};
    c = estimate_cost(s);
    CHECK(c.baseline == Approx(2.0 + 2.0));
    CHECK(c.units == Approx(2.0 + 0.5 + 2 * 0.005 + 2.0 * 2.0 + 2.0 * 0.25));
}

TEST_CASE("The report carries the cost the cost model gives", "[cost][report]") {
    const Scenario s = testing::load_builtin("pattern-warm-standby.json");
    const CostFigures c = estimate_cost(s);
    const Report r = simulate(s);
    CHECK(r.summary.cost_multiplier == c.multiplier);
    CHECK(r.cost_units == c.units);
    CHECK(r.cost_baseline == c.baseline);
}
