#include "app/calculators.h"
#include "builtins.h"
#include "model/edit.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

TEST_CASE("The RTO worked example shows what the model computes for the sliders' values") {
    app::Calculators calc;
    calc.set_rto_inputs(10, 2, 300);
    REQUIRE(calc.rto_report().has_value());
    const auto long_ttl = calc.rto_report()->summary.read;
    calc.set_rto_inputs(10, 2, 60);
    const auto short_ttl = calc.rto_report()->summary.read;
    REQUIRE(long_ttl.ms);
    REQUIRE(short_ttl.ms);
    CHECK(*short_ttl.ms + 180000 < *long_ttl.ms); // the TTL is a floor under the RTO

    // The same edits made by hand give the same figure: nothing is computed on the side.
    model::Scenario s = testing::built_in("dns-ttl-floor").scenario;
    for (const auto &hc : testing::built_in("dns-ttl-floor").scenario.health_checks) {
        REQUIRE(model::set_field(s, hc.id, "interval_s", 30).ok);
        REQUIRE(model::set_field(s, hc.id, "failure_threshold", 5).ok);
    }
    const std::string dns_id = s.dns.front().id; // a copy: set_field replaces the scenario
    REQUIRE(model::set_field(s, dns_id, "ttl_s", 120).ok);
    calc.set_rto_inputs(30, 5, 120);
    const model::Report direct = model::simulate(s);
    CHECK(calc.rto_report()->summary.read.ms == direct.summary.read.ms);
    CHECK(calc.rto_report()->summary.read.breakdown.detection ==
          direct.summary.read.breakdown.detection);
    CHECK(calc.rto_text().contains("30 x 5 + 120 s"));
}

TEST_CASE("The break-even example picks the cheapest pattern from the model's figures") {
    app::Calculators calc;
    calc.set_money_inputs(0, 50000, 1.0, 60);
    // Downtime is free: the cheapest design is the one with the smallest multiplier.
    CHECK(calc.cheapest() == 0);
    for (const auto &row : calc.patterns())
        CHECK(row.downtime_per_year == 0);

    calc.set_money_inputs(50000, 50000, 2.0, 240);
    CHECK(calc.cheapest() != 0); // four hours of a large shop's revenue twice a year
    // The sentence names the same winner as the table.
    CHECK(calc.verdict_text().contains(
        "Cheapest a year: " + calc.patterns()[static_cast<std::size_t>(calc.cheapest())].name));
    // The warm standby's downtime is the model's RTO for its own scenario.
    model::Scenario warm = testing::built_in("pattern-warm-standby").scenario;
    REQUIRE(model::set_field(warm, "cost", "baseline_monthly", 50000).ok);
    REQUIRE(model::set_field(warm, "cost", "revenue_per_minute", 50000).ok);
    REQUIRE(model::set_field(warm, "cost", "outages_per_year", 2.0).ok);
    const model::Report r = model::simulate(warm);
    REQUIRE(r.break_even);
    CHECK(calc.patterns()[1].downtime_min == Approx(r.break_even->downtime_min_per_outage));
    CHECK(calc.patterns()[1].extra_per_year == Approx(r.break_even->extra_cost_per_year));
    // One region is down for as long as the region is: four hours at least.
    CHECK(calc.patterns()[0].downtime_min >= 240);
}
