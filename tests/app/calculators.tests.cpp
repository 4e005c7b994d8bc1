#include "app/calculators.h"
#include "builtins.h"
#include "model/edit.h"
#include "model/simulation.h"
#include "model/worked_examples.h"

#include <QEventLoop>
#include <QTimer>
#include <catch2/catch.hpp>

namespace {

// The calculators run the model off the GUI thread: lets the event loop run until the figures
// for the current inputs are shown.
void settle(app::Calculators &calc) {
    for (int i = 0; i < 600 && calc.busy(); ++i) {
        QEventLoop loop;
        QObject::connect(&calc, &app::Calculators::updated, &loop, &QEventLoop::quit);
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    REQUIRE_FALSE(calc.busy());
}

} // namespace

TEST_CASE("The RTO worked example shows what the model computes for the sliders' values") {
    app::Calculators calc;
    settle(calc);
    REQUIRE(calc.rto_report().has_value()); // the scenario's own values, at first
    calc.set_rto_inputs(10, 2, 300);
    settle(calc);
    REQUIRE(calc.rto_report().has_value());
    const auto long_ttl = calc.rto_report()->summary.read;
    calc.set_rto_inputs(10, 2, 60);
    settle(calc);
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
    settle(calc);
    const model::Report direct = model::simulate(s);
    CHECK(calc.rto_report()->summary.read.ms == direct.summary.read.ms);
    CHECK(calc.rto_report()->summary.read.breakdown.detection ==
          direct.summary.read.breakdown.detection);
    CHECK(calc.rto_text().contains("30 x 5 + 120 s"));
}

TEST_CASE("The break-even example picks the cheapest pattern from the model's figures") {
    app::Calculators calc;
    settle(calc);
    calc.set_money_inputs(0, 50000, 1.0, 60);
    settle(calc);
    // Downtime is free: the cheapest design is the one with the smallest multiplier.
    CHECK(calc.cheapest() == 0);
    for (const auto &row : calc.patterns())
        CHECK(row.downtime_per_year == 0);

    calc.set_money_inputs(50000, 50000, 2.0, 240);

    settle(calc);
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

TEST_CASE("Sliders moved quickly show the figures of their last position only",
          "[worked][runner]") {
    app::Calculators calc;
    int shown = 0;
    QObject::connect(&calc, &app::Calculators::updated, [&](model::WorkedExample page) {
        shown += page == model::WorkedExample::rto;
    });
    for (int ttl : {0, 60, 120, 180, 240, 300})
        calc.set_rto_inputs(30, 3, ttl);
    settle(calc);
    REQUIRE(calc.rto_report().has_value());
    // Whatever ran first, what is shown is the run of TTL 300.
    model::Scenario s = testing::built_in("dns-ttl-floor").scenario;
    REQUIRE(model::apply_rto_inputs(s, {30 * model::kSecond, 3, 300 * model::kSecond}).ok);
    CHECK(calc.rto_report()->summary.read.ms == model::simulate(s).summary.read.ms);
    CHECK(calc.rto_text().contains("30 x 3 + 300 s"));
    CHECK(shown == 1); // superseded runs never reach the screen
}
