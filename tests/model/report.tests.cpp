// build_report on runs made by hand: the figures follow from the counts and milestones given,
// with no simulation in between.
#include "model/report.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace model;

namespace {

struct StepCounts {
    std::int32_t reads_ok = 0, reads_failed = 0, writes_ok = 0, writes_failed = 0;
};

// A run of `steps` one-second steps for one population, with the counts `at(step)` gives.
Run run_of(int steps, const std::function<StepCounts(int)> &at) {
    Run run;
    run.step_ms = kSecond;
    run.steps = steps;
    run.end_ms = steps * kSecond;
    run.seed = 5;
    run.populations = {PopulationRun{}};
    run.populations[0].id = "users";
    PopulationSteps ps;
    for (int k = 0; k < steps; ++k) {
        const StepCounts c = at(k);
        ps.reads_ok.push_back(c.reads_ok);
        ps.reads_failed.push_back(c.reads_failed);
        ps.writes_ok.push_back(c.writes_ok);
        ps.writes_failed.push_back(c.writes_failed);
        ps.p50_ms.push_back(-1);
        ps.p99_ms.push_back(-1);
    }
    run.population_steps = {ps};
    return run;
}

Fault fault(const std::string &id, FaultKind kind, Ms at) {
    Fault f;
    f.id = id;
    f.kind = kind;
    f.at_ms = at;
    return f;
}

const Event *find_event(const Report &r, EventKind kind, const std::string &subject) {
    for (const auto &e : r.run.events)
        if (e.kind == kind && e.subject == subject)
            return &e;
    return nullptr;
}

} // namespace

TEST_CASE("Report figures follow from the counts", "[report]") {
    // 100 reads and 10 writes a second; steps 3 and 4 fail half the reads, step 3 every write.
    Run run = run_of(10, [](int k) {
        StepCounts c{100, 0, 10, 0};
        if (k == 3 || k == 4)
            c.reads_ok = c.reads_failed = 50;
        if (k == 3)
            c = {50, 50, 0, 10};
        return c;
    });
    run.populations[0].write_latency_ms = {{20, 98}, {500, 2}};
    WriteAccounts w;
    w.database = "db";
    w.acknowledged = 100;
    w.present = 93;
    w.lost = 7;
    w.rpo_ms = 1500;
    run.writes = {w};
    Scenario s;
    s.name = "by hand";
    s.settings.slo = 0.999;

    const Report r = build_report(s, run);
    CHECK(r.scenario_name == "by hand");
    CHECK(r.seed == 5);
    CHECK(r.summary.requests == 1100);
    CHECK(r.summary.failed == 110);
    CHECK(r.summary.availability == Approx(0.9));
    CHECK(r.summary.error_budget_used == Approx(0.1 / 0.001));
    // Downtime counts each step's failed share of a step: 60 of 110, then 50 of 110.
    CHECK(r.summary.downtime_ms == 1000 * 60 / 110 + 1000 * 50 / 110);
    // 98 % of the writes at 20 ms: the 99th percentile is the slow tail's 500 ms.
    CHECK(r.summary.p99_write_latency_ms == 500);
    CHECK(r.summary.lost_writes == 7);
    CHECK(r.summary.rpo_ms == 1500);
    // Without a fault there is no recovery to measure.
    CHECK(r.summary_fault.empty());
    CHECK_FALSE(r.summary.read.ms);
    CHECK(r.summary.read.status == model::RtoStatus::not_applicable);
    REQUIRE(r.populations.size() == 1);
    CHECK(r.populations[0].id == "users");
    CHECK(r.populations[0].figures.requests == 1100);
    CHECK(r.populations[0].figures.lost_writes == 7);
    CHECK(r.fingerprint.size() == 16);

    // The fingerprint covers the counts: one request more is another trace.
    Run other = run;
    other.population_steps[0].reads_ok[7] += 1;
    CHECK(build_report(s, other).fingerprint != r.fingerprint);
    CHECK(build_report(s, run).fingerprint == r.fingerprint);
}

TEST_CASE("The RTO is taken apart along the chain recovery waited on, and adds up", "[report]") {
    // A region outage at 10 s. Reads fail until 40 s, writes until 100 s.
    Run run = run_of(300, [](int k) {
        const bool reads_fail = k >= 10 && k < 40, writes_fail = k >= 10 && k < 100;
        return StepCounts{reads_fail ? 0 : 90, reads_fail ? 90 : 0, writes_fail ? 0 : 10,
                          writes_fail ? 10 : 0};
    });
    run.milestones = {
        {20 * kSecond, Chain::route, Stage::detection, -1},
        {25 * kSecond, Chain::route, Stage::propagation, -1},
        {30 * kSecond, Chain::writer, Stage::detection, -1},
        // The last client moved 400 ms into the first good step: the real moment of recovery.
        {40 * kSecond + 400, Chain::route, Stage::client_cache, -1},
        {100 * kSecond, Chain::writer, Stage::promotion, -1},
    };
    Scenario s;
    s.faults = {fault("east-down", FaultKind::region_outage, 10 * kSecond)};

    const Report r = build_report(s, run);
    CHECK(r.summary_fault == "east-down");
    const Rto &read = r.summary.read;
    REQUIRE(read.status == model::RtoStatus::ok);
    REQUIRE(read.ms);
    CHECK(*read.ms == 30 * kSecond + 400);
    CHECK(read.restored_at_ms == 40 * kSecond + 400);
    CHECK(read.breakdown.detection == 10 * kSecond);
    CHECK(read.breakdown.propagation == 5 * kSecond);
    CHECK(read.breakdown.client_cache == 15 * kSecond + 400);
    CHECK(read.breakdown.promotion == 0);
    CHECK(read.breakdown.other == 0);
    CHECK(read.breakdown.total() == *read.ms);

    // Writes waited on the writer, which finished last: its chain is the critical one.
    const Rto &write = r.summary.write;
    REQUIRE(write.status == model::RtoStatus::ok);
    REQUIRE(write.ms);
    CHECK(*write.ms == 90 * kSecond);
    CHECK(write.breakdown.detection == 20 * kSecond);
    CHECK(write.breakdown.promotion == 70 * kSecond);
    CHECK(write.breakdown.client_cache == 0);
    CHECK(write.breakdown.total() == *write.ms);

    // The trace gains the moments of degradation and recovery, in time order.
    const Event *degraded = find_event(r, EventKind::service_degraded, "reads");
    REQUIRE(degraded);
    CHECK(degraded->t_ms == 10 * kSecond);
    const Event *restored = find_event(r, EventKind::service_restored, "writes");
    REQUIRE(restored);
    CHECK(restored->t_ms == 100 * kSecond);
    CHECK(restored->number("rto_ms") == 90 * kSecond);
    for (std::size_t i = 1; i < r.run.events.size(); ++i) {
        CAPTURE(i);
        CHECK(r.run.events[i - 1].t_ms <= r.run.events[i].t_ms);
        CHECK(r.run.events[i].seq == static_cast<std::int64_t>(i));
    }
}

TEST_CASE("Leftover time with no milestone to explain it is 'other'", "[report]") {
    Run run = run_of(200, [](int k) {
        StepCounts c{100, 0, 0, 0};
        if (k >= 10 && k < 50)
            c = {0, 100, 0, 0};
        return c;
    });
    run.milestones = {{30 * kSecond, Chain::route, Stage::detection, -1},
                      {45 * kSecond, Chain::capacity, Stage::warmup, -1}};
    Scenario s;
    s.faults = {fault("f", FaultKind::region_outage, 10 * kSecond)};
    const Rto &read = build_report(s, run).summary.read;
    REQUIRE(read.ms);
    CHECK(*read.ms == 40 * kSecond);
    CHECK(read.breakdown.detection == 20 * kSecond);
    CHECK(read.breakdown.warmup == 15 * kSecond);
    CHECK(read.breakdown.other == 5 * kSecond);
    CHECK(read.breakdown.total() == *read.ms);
}

TEST_CASE("A service still failing at the end, or healthy for less than a minute, is not "
          "recovered",
          "[report]") {
    Scenario s;
    s.faults = {fault("f", FaultKind::region_outage, 10 * kSecond)};
    // Back 30 s before the end: less than the minute of good steps recovery asks for.
    const Run late = run_of(100, [](int k) {
        return k >= 10 && k < 70 ? StepCounts{0, 100, 0, 0} : StepCounts{100, 0, 0, 0};
    });
    const Rto read = build_report(s, late).summary.read;
    CHECK(read.status == model::RtoStatus::not_recovered);
    CHECK_FALSE(read.ms);
    // Already below 99 % in the minute before the fault: there is no baseline to return to.
    const Run sick = run_of(100, [](int k) {
        return k < 10 ? StepCounts{90, 10, 0, 0} : StepCounts{100, 0, 0, 0};
    });
    CHECK(build_report(s, sick).summary.read.status == model::RtoStatus::baseline_below_threshold);
}

TEST_CASE("The summary measures the first fault that hurt, never an operator action", "[report]") {
    // An action at 2 s, a fault nobody noticed at 5 s, a fault that hurt at 100 s (reads fail
    // until 130 s), and one after the end of the run.
    const Run run = run_of(300, [](int k) {
        return k >= 100 && k < 130 ? StepCounts{0, 100, 10, 0} : StepCounts{100, 0, 10, 0};
    });
    Scenario s;
    s.faults = {fault("hurt", FaultKind::region_outage, 100 * kSecond),
                fault("unnoticed", FaultKind::replication_lagging, 5 * kSecond),
                fault("operator", FaultKind::manual_promotion, 2 * kSecond),
                fault("too-late", FaultKind::region_outage, 400 * kSecond)};
    const Report r = build_report(s, run);
    CHECK(r.summary_fault == "hurt");
    REQUIRE(r.summary.read.ms);
    CHECK(*r.summary.read.ms == 30 * kSecond);
    REQUIRE(r.summary.write.ms);
    CHECK(*r.summary.write.ms == 0);
    // Every fault within the run has its own figures, in time order.
    REQUIRE(r.faults.size() == 3);
    CHECK(r.faults[0].id == "operator");
    CHECK(r.faults[0].figures.read.status ==
          model::RtoStatus::not_applicable); // an action has no RTO
    CHECK(r.faults[1].id == "unnoticed");
    REQUIRE(r.faults[1].figures.read.ms);
    CHECK(*r.faults[1].figures.read.ms == 0);
    CHECK(r.faults[2].id == "hurt");
    CHECK(r.faults[2].kind == "region_outage");

    // When no fault hurt, the summary falls back to the first fault.
    const Run calm = run_of(300, [](int) { return StepCounts{100, 0, 10, 0}; });
    CHECK(build_report(s, calm).summary_fault == "unnoticed");
}

TEST_CASE("The break-even prices the slower RTO against the extra regions", "[report][cost]") {
    const Run run = run_of(300, [](int k) {
        return StepCounts{k >= 10 && k < 70 ? 0 : 100, k >= 10 && k < 70 ? 100 : 0, 10, 0};
    });
    Scenario s;
    s.faults = {fault("f", FaultKind::region_outage, 10 * kSecond)};
    CHECK_FALSE(build_report(s, run).break_even);
    s.cost = Cost{10000, 2, 500};
    const Report r = build_report(s, run);
    REQUIRE(r.break_even);
    REQUIRE(r.summary.read.ms == kMinute);
    CHECK(r.break_even->downtime_min_per_outage == Approx(1.0));
    CHECK(r.break_even->outage_cost_per_year == Approx(2 * 1.0 * 500));
    CHECK(r.break_even->monthly_cost == Approx(10000 * r.summary.cost_multiplier));
    CHECK(r.break_even->extra_cost_per_year ==
          Approx(10000 * (r.summary.cost_multiplier - 1) * 12));
}

TEST_CASE("An RTO says whether the fault hurt, and spells its status for the report", "[report]") {
    model::Rto none;
    CHECK_FALSE(none.hurt());
    CHECK(std::string(to_string(none.status)) == "not_applicable");
    model::Rto unnoticed;
    unnoticed.status = model::RtoStatus::ok;
    unnoticed.ms = 0;
    CHECK_FALSE(unnoticed.hurt());
    model::Rto measured = unnoticed;
    measured.ms = 1000;
    CHECK(measured.hurt());
    model::Rto lost;
    lost.status = model::RtoStatus::not_recovered;
    CHECK(lost.hurt());
    CHECK(std::string(to_string(lost.status)) == "not_recovered");
    CHECK(std::string(to_string(model::RtoStatus::baseline_below_threshold)) ==
          "baseline_below_threshold");
}
