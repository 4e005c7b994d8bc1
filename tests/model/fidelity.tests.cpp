// Principles the figures rest on, checked over generated scenarios (sizes, step lengths, fault
// offsets, seeds): capacity is a ceiling, time is continuous, cost multipliers belong to the
// pattern, writers of the same keys conflict wherever they are, and Evaluate Target Health
// follows the load balancer's own checks.
#include "builders.h"

#include "model/cost.h"
#include "model/event_queue.h"
#include "model/random.h"
#include "model/scenario_json.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

using namespace model;

namespace {

std::string scenario_label(const Scenario &s) {
    std::ostringstream o;
    o << s.name << " (seed " << s.settings.seed << ", step " << s.settings.step_ms << " ms)";
    return o.str();
}

// A global database in us-east-1 with an asynchronous replica in us-west-2 that lags by a fixed
// `lag` (median = p99, so no random draw), promoted automatically; both tiers use it.
Scenario replicated_pair(Ms lag, double writes_per_s) {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    Database db;
    db.id = "db";
    db.kind = DbKind::global;
    db.writer = "us-east-1";
    db.promotion = PromotionMode::automated;
    db.detection_ms = 30 * kSecond;
    db.promotion_ms = kMinute;
    db.replicas = {DbReplica{"us-west-2", Replication::async, LagSpec{lag, lag}}};
    s.databases = {db};
    for (auto &t : s.app_tiers)
        t.depends_on = {"db"};
    s.populations[0].rps = writes_per_s * 2;
    s.populations[0].write_share = 0.5;
    return s;
}

// Served requests per tier and step, over every population.
std::int64_t served(const Report &r, std::size_t tier, std::size_t step) {
    std::int64_t n = 0;
    for (const auto &p : r.run.population_steps)
        n += p.tier_requests[tier][step] - p.tier_failed[tier][step];
    return n;
}

} // namespace

TEST_CASE("A tier never serves more than its capacity, whatever the retry count",
          "[properties][capacity]") {
    Random rng(2024);
    for (int trial = 0; trial < 40; ++trial) {
        Scenario s = testing::failover_pair(30 * kSecond, 3, 60 * kSecond);
        s.name = "capacity trial " + std::to_string(trial);
        s.settings.duration_ms = 10 * kMinute;
        s.settings.step_ms = static_cast<Ms>(rng.between(1, 10)) * kSecond;
        const int capacity = static_cast<int>(rng.between(100, 5000));
        s.app_tiers[0].capacity_rps = capacity;
        Population &pop = s.populations[0];
        pop.rps = capacity * (1.2 + 8.8 * rng.unit());
        pop.retries = static_cast<int>(rng.below(6));
        double brown = 0;
        if (rng.below(2) == 0) {
            Fault f;
            f.id = "brown";
            f.kind = FaultKind::brownout;
            f.target = "app-east";
            f.error_share = brown = 0.5 * rng.unit();
            s.faults.push_back(f);
        }
        INFO(scenario_label(s) << ": capacity " << capacity << " rps, demand " << pop.rps
                               << " rps, retries " << pop.retries << ", brownout " << brown);
        const Report r = simulate(s);
        const double step_s = static_cast<double>(s.settings.step_ms) / 1000.0;
        std::int64_t ok = 0, sent = 0;
        for (std::size_t k = 0; k < r.run.population_steps[0].reads_ok.size(); ++k) {
            // Whole requests per step, rounded from rates: one request of slack per cell.
            CHECK(static_cast<double>(served(r, 0, k)) <= capacity * step_s * (1.0 - brown) + 2);
            ok += served(r, 0, k);
            sent += r.run.population_steps[0].tier_requests[0][k];
        }
        // Success is at most capacity / demand (the demand counted without retries).
        CHECK(static_cast<double>(ok) / static_cast<double>(sent) <=
              capacity * (1.0 - brown) / pop.rps + 0.001);
    }
}

TEST_CASE("A tier at a fifth of its demand serves a fifth, with or without retries", "[capacity]") {
    for (int retries : {0, 1, 3}) {
        Scenario s = testing::failover_pair(30 * kSecond, 3, 60 * kSecond);
        s.settings.duration_ms = 10 * kMinute;
        s.app_tiers[0].capacity_rps = 1000;
        s.populations[0].rps = 5000;
        s.populations[0].retries = retries;
        const Report r = simulate(s);
        INFO("retries " << retries);
        CHECK(r.summary.availability == Approx(0.2).margin(0.002));
    }
}

TEST_CASE("The RPO is the lag at the failure instant, at any offset in a step of any length",
          "[properties][replication][time]") {
    Random rng(77);
    for (int trial = 0; trial < 40; ++trial) {
        const Ms lag = static_cast<Ms>(rng.between(50, 5000));
        const double writes_per_s = static_cast<double>(rng.between(20, 2000));
        Scenario s = replicated_pair(lag, writes_per_s);
        s.name = "rpo trial " + std::to_string(trial);
        s.settings.step_ms = static_cast<Ms>(rng.between(1, 10)) * kSecond;
        const Ms offset =
            static_cast<Ms>(rng.below(static_cast<std::uint64_t>(s.settings.step_ms)));
        const Ms at = static_cast<Ms>(rng.between(3, 8)) * kMinute + offset;
        testing::fail_east(s, at);
        INFO(scenario_label(s) << ": lag " << lag << " ms, " << writes_per_s
                               << " writes/s, fault at " << at << " ms (" << offset
                               << " ms into its step)");
        const Report r = simulate(s);
        REQUIRE(r.summary.rpo_ms);
        CHECK(std::abs(*r.summary.rpo_ms - lag) <= 1);
        const double expected = writes_per_s * static_cast<double>(lag) / 1000.0;
        CHECK(std::abs(static_cast<double>(r.summary.lost_writes) - expected) <= 1.0);
    }
}

TEST_CASE("A longer sample step moves times by at most a step and counts by at most rate x step",
          "[properties][time]") {
    Random rng(5);
    for (int trial = 0; trial < 12; ++trial) {
        const Ms lag = static_cast<Ms>(rng.between(100, 3000));
        const double writes_per_s = static_cast<double>(rng.between(20, 500));
        Scenario fine = replicated_pair(lag, writes_per_s);
        fine.name = "step trial " + std::to_string(trial);
        fine.settings.seed = rng.between(1, 1000000);
        fine.settings.duration_ms = 30 * kMinute;
        testing::fail_east(fine, static_cast<Ms>(rng.between(120000, 900000)));
        fine.settings.step_ms = kSecond;
        Scenario coarse = fine;
        coarse.settings.step_ms = 5 * kSecond;
        INFO(scenario_label(fine) << ": lag " << lag << " ms, fault at " << fine.faults[0].at_ms);
        const Report a = simulate(fine);
        const Report b = simulate(coarse);
        const Ms step = coarse.settings.step_ms;
        std::map<EventKind, Ms> first_a, first_b;
        for (const auto &e : a.run.events)
            first_a.emplace(e.kind, e.t_ms);
        for (const auto &e : b.run.events)
            first_b.emplace(e.kind, e.t_ms);
        for (const auto &[kind, t] : first_a) {
            INFO(to_string(kind));
            REQUIRE(first_b.count(kind) == 1);
            CHECK(std::abs(first_b[kind] - t) <= step);
        }
        CHECK(first_a.size() == first_b.size());
        const double step_s = static_cast<double>(step) / 1000.0;
        CHECK(std::abs(a.summary.lost_writes - b.summary.lost_writes) <= writes_per_s * step_s);
        CHECK(std::abs(a.summary.failed - b.summary.failed) <= fine.populations[0].rps * step_s);
        REQUIRE(a.summary.rpo_ms);
        REQUIRE(b.summary.rpo_ms);
        CHECK(std::abs(*a.summary.rpo_ms - *b.summary.rpo_ms) <= step);
    }
}

TEST_CASE("The four patterns cost what C4 says, at any size", "[properties][cost]") {
    const std::vector<std::pair<std::string, std::pair<double, double>>> patterns = {
        {"pattern-single-region-multi-az.json", {1.5, 1.5}},
        {"pattern-warm-standby.json", {1.8, 1.8}},
        {"pattern-hot-standby.json", {2.0, 2.0}},
        {"pattern-active-active.json", {2.5, 3.0}},
    };
    for (const auto &[file, range] : patterns) {
        const Scenario base = testing::load_builtin(file);
        INFO(file);
        const double m = estimate_cost(base).multiplier;
        CHECK(m >= range.first - 0.15);
        CHECK(m <= range.second + 0.15);
        double demand = 0;
        for (const auto &p : base.populations)
            demand += p.rps;
        double lo = 1e9, hi = 0;
        for (double target : {500.0, 1000.0, 2000.0, 5000.0, 20000.0}) {
            Scenario s = base;
            const double f = target / demand;
            for (auto &t : s.app_tiers)
                t.capacity_rps = static_cast<int>(std::lround(t.capacity_rps * f));
            for (auto &p : s.populations)
                p.rps *= f;
            const double v = estimate_cost(s).multiplier;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        CHECK(hi - lo <= 0.05);
    }
}

TEST_CASE("Populations that write the same keys conflict wherever they are", "[properties][lww]") {
    Random rng(11);
    for (int trial = 0; trial < 12; ++trial) {
        Scenario s = testing::failover_pair(30 * kSecond, 3, 60 * kSecond);
        s.name = "keys trial " + std::to_string(trial);
        s.settings.duration_ms = 10 * kMinute;
        s.settings.step_ms = static_cast<Ms>(rng.between(1, 5)) * kSecond;
        Database db;
        db.id = "db";
        db.kind = DbKind::multi_writer;
        db.writers = {"us-east-1", "us-west-2"};
        const Ms lag = static_cast<Ms>(rng.between(100, 2000));
        db.lag = LagSpec{lag, lag};
        db.clock_skew_ms = static_cast<Ms>(rng.below(100));
        db.hot_keys = static_cast<int>(rng.between(100, 100000));
        s.databases = {db};
        for (auto &t : s.app_tiers)
            t.depends_on = {"db"};
        // Each population has a name whose primary is its own region.
        DnsName west = s.dns[0];
        west.id = "west.example.com";
        std::swap(west.records[0].target, west.records[1].target);
        std::swap(west.records[0].health_check, west.records[1].health_check);
        s.dns.push_back(west);
        Population a = s.populations[0];
        a.id = "east-users";
        a.rps = static_cast<double>(rng.between(50, 1000));
        Population b = a;
        b.id = "west-users";
        b.where = {45.5, -122.7};
        b.entry = "west.example.com";
        b.rps = static_cast<double>(rng.between(50, 1000));
        s.populations = {a, b};
        INFO(scenario_label(s) << ": lag " << lag << " ms, " << db.hot_keys << " keys");

        const Report apart = simulate(s);
        CHECK(apart.summary.conflicts == 0); // each writes a partition of its own

        for (auto &p : s.populations)
            p.keys = "carts";
        const Report shared = simulate(s);
        // What one population split across the two writers would meet, step by step.
        const double window = static_cast<double>(lag + db.clock_skew_ms);
        const double step = static_cast<double>(s.settings.step_ms);
        double expected = 0;
        const auto &sa = shared.run.population_steps[0], &sb = shared.run.population_steps[1];
        for (std::size_t k = 0; k < sa.writes_ok.size(); ++k) {
            const double wa = sa.writes_ok[k], wb = sb.writes_ok[k];
            expected += std::min(wa * wb * 2.0 * window / (db.hot_keys * step), std::min(wa, wb));
        }
        CHECK(shared.summary.conflicts > 0);
        CHECK(std::abs(static_cast<double>(shared.summary.conflicts) - expected) <= 1.0);
    }
    const Report home = simulate(testing::load_builtin("active-active-home-region.json"));
    CHECK(home.summary.conflicts == 0);
}

TEST_CASE("Evaluate Target Health follows the load balancer's checks, then a modelled read",
          "[properties][eth]") {
    Random rng(3);
    for (int trial = 0; trial < 30; ++trial) {
        Scenario s = testing::failover_pair(30 * kSecond, 10, 60 * kSecond);
        s.name = "eth trial " + std::to_string(trial);
        for (auto &r : s.regions)
            r.azs = 1;
        for (auto &rec : s.dns[0].records) {
            rec.alias = true;
            rec.evaluate_target_health = true;
        }
        AppTier &east = s.app_tiers[0];
        east.lb_interval_ms = static_cast<Ms>(rng.between(5, 300)) * kSecond;
        east.lb_unhealthy_threshold = static_cast<int>(rng.between(2, 10));
        s.settings.eth_read_delay_ms = static_cast<Ms>(rng.between(0, 60)) * kSecond;
        s.settings.lb_region_loss_ms = static_cast<Ms>(rng.between(0, 120)) * kSecond;
        s.settings.duration_ms = 2 * kHour;
        Fault f;
        f.id = "down";
        f.at_ms = static_cast<Ms>(rng.between(60000, 600000)) + static_cast<Ms>(rng.below(1000));
        const bool whole_region = rng.below(2) == 0;
        f.kind = whole_region ? FaultKind::region_outage : FaultKind::az_outage;
        f.region = "us-east-1";
        s.faults = {f};
        INFO(scenario_label(s) << (whole_region ? ": region lost" : ": the tier's only AZ lost"));
        const Report r = simulate(s);
        const auto seen = testing::first_event(r, EventKind::target_health_changed, "app-east");
        REQUIRE(seen);
        if (whole_region) {
            CHECK(*seen - f.at_ms == s.settings.lb_region_loss_ms);
        } else {
            const Ms lb = east.lb_interval_ms * east.lb_unhealthy_threshold;
            const auto verdict =
                testing::first_event(r, EventKind::load_balancer_health_changed, "app-east");
            REQUIRE(verdict);
            CHECK(*verdict - f.at_ms == lb);
            CHECK(*seen - f.at_ms == lb + s.settings.eth_read_delay_ms);
        }
    }
}

TEST_CASE("An event asked for in the past is reported, not run, and nothing aborts", "[engine]") {
    Agenda<int> agenda;
    agenda.schedule(100, 1);
    agenda.schedule(50, 2);
    REQUIRE(agenda.pop().payload == 2);
    REQUIRE(agenda.now() == 50);
    agenda.schedule(10, 3); // before now
    REQUIRE(agenda.errors().size() == 1);
    CHECK(agenda.errors()[0].asked == 10);
    CHECK(agenda.errors()[0].now == 50);
    CHECK(agenda.pop().payload == 1);
    CHECK(agenda.empty());
    // A real run reports none.
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    testing::fail_east(s, 5 * kMinute);
    CHECK(simulate(s).run.internal_errors.empty());
}

TEST_CASE("Version 1 scenarios load, their fixed ETH delay made explicit", "[format]") {
    const std::string v1 = R"({"format": "failover-lab-scenario", "version": 1,
        "settings": {"eth_delay_s": 25},
        "regions": [{"id": "us-east-1"}],
        "app_tiers": [{"id": "app", "region": "us-east-1"}],
        "dns": [{"id": "a.example.com", "policy": "weighted",
                 "records": [{"id": "r", "target": "app", "weight": 1}]}],
        "populations": [{"id": "p", "lat": 40, "lon": -75, "entry": "a.example.com"}]})";
    const ScenarioLoad old = parse_scenario(v1, "v1.json");
    REQUIRE(old.problems.empty());
    REQUIRE(old.scenario);
    CHECK(old.scenario->settings.eth_read_delay_ms == 25 * kSecond);
    CHECK(old.scenario->settings.lb_region_loss_ms == 25 * kSecond);
    const std::string v2 = write_scenario(*old.scenario);
    CHECK(v2.find("\"version\": 3") != std::string::npos); // saved in the current version
    CHECK(v2.find("eth_delay_s") == std::string::npos);
    // Version 2 no longer knows the old field.
    std::string bad = v1;
    bad.replace(bad.find("\"version\": 1"), 12, "\"version\": 2");
    CHECK_FALSE(parse_scenario(bad, "v2.json").scenario);
}
