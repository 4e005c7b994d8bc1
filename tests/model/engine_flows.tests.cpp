// Request traffic: what each population's requests meet where their answer sends them
// (model/engine_flows.cpp), seen through simulate() on small scenarios.
#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;
using testing::fail_east;
using testing::failover_pair;
using testing::first_event;
using testing::tally;

namespace {

using testing::kFault;

// Requests app-west served in one step.
std::int64_t served_by_west(const Report &r, Ms t) {
    const auto k = static_cast<std::size_t>(t / r.run.step_ms);
    std::int64_t n = 0;
    for (const auto &ps : r.run.population_steps)
        n += ps.tier_requests[1][k] - ps.tier_failed[1][k];
    return n;
}

} // namespace

TEST_CASE("A secret kept only in the failed region breaks the surviving region",
          "[dependencies][c19]") {
    const auto run = [](bool replicated) {
        Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
        DataStore secret;
        secret.id = "db-password";
        secret.kind = StoreKind::secret;
        secret.region = "us-east-1";
        if (replicated)
            secret.replicas = {"us-west-2"};
        s.data_stores = {secret};
        Database db;
        db.id = "db";
        db.writer = "us-east-1";
        db.replicas = {DbReplica{"us-west-2", Replication::async, {}}};
        db.promotion = PromotionMode::automated;
        s.databases = {db};
        for (auto &t : s.app_tiers)
            t.depends_on = {"db-password", "db"};
        fail_east(s, 10 * kMinute);
        return simulate(s);
    };
    const Report hidden = run(false);
    // The database in us-west-2 survived and was promoted...
    CHECK(testing::first_event(hidden, EventKind::promotion_finished));
    // ...but every request in us-west-2 fails on the missing secret.
    CHECK(hidden.summary.read.status == model::RtoStatus::not_recovered);
    CHECK(hidden.populations[0].reasons[static_cast<int>(FailReason::dependency)] > 0);

    const Report fixed = run(true);
    CHECK(fixed.summary.read.status == model::RtoStatus::ok);
    CHECK(fixed.summary.write.status == model::RtoStatus::ok);
}

TEST_CASE("Demand above capacity is shed, and retries do not raise what is served",
          "[flows][capacity]") {
    for (int retries : {0, 3}) {
        CAPTURE(retries);
        Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
        s.app_tiers[0].capacity_rps = 300; // for a demand of 500 requests a second
        s.populations[0].retries = retries;
        const Report r = simulate(s);
        const testing::Tally all = tally(r, 0, s.settings.duration_ms);
        const double seconds = static_cast<double>(s.settings.duration_ms) / 1000.0;
        // Each accepted attempt succeeds, and the tier accepts its capacity: 300 of 500.
        CHECK(static_cast<double>(all.ok) == Approx(300 * seconds).epsilon(0.01));
        CHECK(all.failed_share() == Approx(0.4).margin(0.01));
        CHECK(testing::failed_because(r, FailReason::shed) == all.failed);
    }
}

TEST_CASE("Reads and writes follow the population's write share", "[flows]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.populations[0].write_share = 0.25;
    const Report r = simulate(s);
    const auto &ps = r.run.population_steps[0];
    std::int64_t reads = 0, writes = 0;
    for (std::size_t k = 0; k < ps.reads_ok.size(); ++k) {
        reads += ps.reads_ok[k] + ps.reads_failed[k];
        writes += ps.writes_ok[k] + ps.writes_failed[k];
    }
    CHECK(static_cast<double>(writes) / static_cast<double>(reads + writes) ==
          Approx(0.25).margin(0.001));
}

TEST_CASE("A warm standby serves its warm share until it has scaled up", "[flows][warm]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    AppTier &west = s.app_tiers[1];
    west.capacity_rps = 1000;
    west.standby = Standby::warm;
    west.warm_fraction = 0.25; // 250 requests a second while warm, for a demand of 500
    west.scale_up_ms = 5 * kMinute;
    fail_east(s, kFault);
    const Report r = simulate(s);
    const auto started = first_event(r, EventKind::capacity_scaling_started, "app-west");
    const auto ready = first_event(r, EventKind::capacity_ready, "app-west");
    REQUIRE(started);
    REQUIRE(ready);
    CHECK(*ready - *started == 5 * kMinute);
    // Every client has moved two minutes after the answer changed (TTL 60 s).
    for (Ms t = *started + 2 * kMinute; t < *ready; t += 10 * kSecond) {
        CAPTURE(t);
        CHECK(served_by_west(r, t) <= 251);
        CHECK(served_by_west(r, t) >= 249);
    }
    CHECK(served_by_west(r, *ready + kMinute) == Approx(500).margin(2));
    CHECK(tally(r, *ready + kSecond, s.settings.duration_ms).failed == 0);
    CHECK(r.summary.read.breakdown.warmup > 0);
}

TEST_CASE("Requests slower than the client waits fail as timeouts", "[flows][latency]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.populations[0].where = {35.7, 139.7}; // Tokyo, reaching us-east-1
    const Report patient = simulate(s);
    CHECK(patient.summary.failed == 0);
    const auto p50 = patient.run.population_steps[0].p50_ms[100];
    REQUIRE(p50 > 100);
    s.populations[0].timeout_ms = p50 - 50;
    const Report hasty = simulate(s);
    CHECK(hasty.summary.failed == hasty.summary.requests);
    CHECK(testing::failed_because(hasty, FailReason::timeout) == hasty.summary.failed);
}

TEST_CASE("A slower service shows in the served latency", "[flows][latency]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    const auto quick = simulate(s).run.population_steps[0].p50_ms[100];
    s.app_tiers[0].service_ms += 200;
    const auto slow = simulate(s).run.population_steps[0].p50_ms[100];
    // The service time itself, and a queueing term that grows with it.
    CHECK(slow - quick >= 200);
    CHECK(slow - quick <= 230);
}
