// Faults and operator actions: what each one does to the world, seen through simulate() on
// small scenarios (model/engine_faults.cpp).
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
constexpr Ms kFaultEnd = kFault + 10 * kMinute;

Fault partition_of_east(bool users_reach, bool checkers_reach) {
    Fault f;
    f.id = "cut";
    f.kind = FaultKind::partition;
    f.regions = {"us-east-1"};
    f.users_reach = users_reach;
    f.checkers_reach = checkers_reach;
    f.at_ms = kFault;
    f.until_ms = kFaultEnd;
    return f;
}

Fault brownout_of_east(double error_share, Ms extra_latency) {
    Fault f;
    f.id = "brown";
    f.kind = FaultKind::brownout;
    f.target = "app-east";
    f.error_share = error_share;
    f.extra_latency_ms = extra_latency;
    f.at_ms = kFault;
    f.until_ms = kFaultEnd;
    return f;
}

// Requests that reached a region over the steps from `from` to `to`.
std::int64_t region_requests(const Report &r, const std::string &region, Ms from, Ms to) {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < r.run.region_ids.size(); ++i)
        if (r.run.region_ids[i] == region)
            for (auto k = static_cast<std::size_t>(from / r.run.step_ms);
                 k < r.run.region_requests[i].size() && static_cast<Ms>(k) * r.run.step_ms < to;
                 ++k)
                n += r.run.region_requests[i][k];
    return n;
}

} // namespace

TEST_CASE("A partition that lets users in keeps serving them on the cut-off side",
          "[faults][partition]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.faults = {partition_of_east(true, true)};
    const Report r = simulate(s);
    CHECK(first_event(r, EventKind::fault_started, "us-east-1"));
    CHECK_FALSE(first_event(r, EventKind::endpoint_unhealthy));
    CHECK(tally(r, 0, s.settings.duration_ms).failed == 0);
    const std::int64_t during = region_requests(r, "us-east-1", kFault, kFaultEnd);
    CHECK(during == Approx(500 * 600).epsilon(0.01));
    CHECK(region_requests(r, "us-west-2", kFault, kFaultEnd) == 0);
}

TEST_CASE("A partition that shuts users out fails them until the checkers notice",
          "[faults][partition]") {
    SECTION("checkers still reach the cut-off side: it stays in the answers, every request fails") {
        Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
        s.faults = {partition_of_east(false, true)};
        const Report r = simulate(s);
        CHECK_FALSE(first_event(r, EventKind::endpoint_unhealthy));
        CHECK_FALSE(first_event(r, EventKind::dns_answer_changed));
        CHECK(tally(r, kFault, kFaultEnd).failed_share() == 1.0);
        CHECK(testing::failed_because(r, FailReason::unreachable) == tally(r, 0, kHour).failed);
        // The partition heals at its end, and the same region serves again.
        CHECK(first_event(r, EventKind::fault_ended, "us-east-1") == kFaultEnd);
        CHECK(tally(r, kFaultEnd, s.settings.duration_ms).failed == 0);
    }
    SECTION("checkers cut off too: the endpoint is declared unhealthy and users move") {
        Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
        s.faults = {partition_of_east(false, false)};
        const Report r = simulate(s);
        const auto unhealthy = first_event(r, EventKind::endpoint_unhealthy, "hc-east");
        REQUIRE(unhealthy);
        CHECK(*unhealthy - kFault <= 30 * kSecond);
        CHECK(first_event(r, EventKind::dns_answer_changed));
        CHECK(r.summary.read.status == model::RtoStatus::ok);
        CHECK(region_requests(r, "us-west-2", kFault, kFaultEnd) > 0);
    }
}

TEST_CASE("A brownout fails its share of attempts; each retry is another draw",
          "[faults][brownout]") {
    for (int retries : {0, 1, 2}) {
        CAPTURE(retries);
        Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
        s.populations[0].retries = retries;
        s.faults = {brownout_of_east(0.5, 0)};
        const Report r = simulate(s);
        // Shallow health checks do not see it: the traffic stays.
        CHECK_FALSE(first_event(r, EventKind::endpoint_unhealthy));
        double expected = 1;
        for (int i = 0; i <= retries; ++i)
            expected *= 0.5;
        CHECK(tally(r, kFault, kFaultEnd).failed_share() == Approx(expected).margin(0.005));
        CHECK(testing::failed_because(r, FailReason::brownout) == tally(r, 0, kHour).failed);
        CHECK(tally(r, 0, kFault).failed == 0);
        CHECK(tally(r, kFaultEnd, s.settings.duration_ms).failed == 0);
    }
}

TEST_CASE("A brownout's extra latency shows in the served requests", "[faults][brownout]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.faults = {brownout_of_east(0, 300)};
    const Report r = simulate(s);
    const auto &p50 = r.run.population_steps[0].p50_ms;
    const auto before = p50[static_cast<std::size_t>(kFault / kSecond) - 1];
    const auto during = p50[static_cast<std::size_t>(kFault / kSecond) + 60];
    const auto after = p50[static_cast<std::size_t>(kFaultEnd / kSecond) + 60];
    CHECK(during - before == 300);
    CHECK(after == before);
    CHECK(r.summary.failed == 0);
}

TEST_CASE("An AZ outage takes that AZ's share of the capacity", "[faults][az]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.regions[0].azs = 2;
    s.app_tiers[0].capacity_rps = 800; // 400 in each AZ, for a demand of 500
    Fault f;
    f.id = "az";
    f.kind = FaultKind::az_outage;
    f.region = "us-east-1";
    f.az = 1;
    f.at_ms = kFault;
    f.until_ms = kFaultEnd;
    s.faults = {f};
    const Report r = simulate(s);
    // Half the capacity is left: 400 of the 500 requests a second are served, the rest shed.
    const testing::Tally during = tally(r, kFault, kFaultEnd);
    CHECK(static_cast<double>(during.ok) == Approx(400.0 * 600).epsilon(0.01));
    CHECK(testing::failed_because(r, FailReason::shed) == during.failed);
    // The tier still answers its health checks: the traffic does not move.
    CHECK_FALSE(first_event(r, EventKind::endpoint_unhealthy));
    CHECK(tally(r, 0, kFault).failed == 0);
    CHECK(tally(r, kFaultEnd, s.settings.duration_ms).failed == 0);

    // With three AZs the same outage leaves two thirds, more than the demand.
    s.regions[0].azs = 3;
    s.app_tiers[0].capacity_rps = 900;
    CHECK(simulate(s).summary.failed == 0);
}

TEST_CASE("A region outage ends at its end and the region's endpoint is healthy again",
          "[faults][region]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    fail_east(s, kFault);
    s.faults[0].until_ms = kFaultEnd;
    const Report r = simulate(s);
    CHECK(first_event(r, EventKind::fault_started, "us-east-1") == kFault);
    CHECK(first_event(r, EventKind::fault_ended, "us-east-1") == kFaultEnd);
    CHECK(testing::failed_because(r, FailReason::unreachable) > 0);
    const auto healthy = first_event(r, EventKind::endpoint_healthy, "hc-east");
    REQUIRE(healthy);
    CHECK(*healthy > kFaultEnd);
    CHECK(*healthy - kFaultEnd <= 60 * kSecond);
}

TEST_CASE("A crashed writer stops the writes until a replica is promoted", "[faults][data]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    Database db;
    db.id = "db";
    db.writer = "us-east-1";
    db.replicas = {DbReplica{"us-west-2", Replication::async, LagSpec{500, 500}}};
    db.promotion = PromotionMode::automated;
    s.databases = {db};
    for (auto &t : s.app_tiers)
        t.depends_on = {"db"};
    Fault crash;
    crash.id = "crash";
    crash.kind = FaultKind::writer_crash;
    crash.database = "db";
    crash.at_ms = kFault;
    s.faults = {crash};
    const Report r = simulate(s);
    const Event *down = nullptr;
    for (const auto &e : r.run.events)
        if (e.kind == EventKind::writer_unavailable && !down)
            down = &e;
    REQUIRE(down);
    CHECK(down->t_ms == kFault);
    CHECK(down->text("reason") == "crash");
    CHECK(first_event(r, EventKind::promotion_started) == kFault + db.detection_ms);
    CHECK(testing::failed_because(r, FailReason::dependency) > 0);
    REQUIRE(r.summary.write.ms);
    CHECK(*r.summary.write.ms >= db.detection_ms + db.promotion_ms);
    CHECK(r.summary.write.breakdown.total() == *r.summary.write.ms);
}

TEST_CASE("A lagging replica falls behind by the fault's lag, and catches up after it",
          "[faults][data]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    Database db;
    db.id = "db";
    db.writer = "us-east-1";
    db.replicas = {DbReplica{"us-west-2", Replication::async, LagSpec{500, 500}}};
    s.databases = {db};
    for (auto &t : s.app_tiers)
        t.depends_on = {"db"};
    Fault slow;
    slow.id = "slow";
    slow.kind = FaultKind::replication_lagging;
    slow.database = "db";
    slow.replica = "us-west-2";
    slow.lag_ms = 2 * kMinute;
    slow.at_ms = kFault;
    slow.until_ms = kFaultEnd;
    s.faults = {slow};
    const Report r = simulate(s);
    REQUIRE(r.run.lags.size() == 1);
    const auto &lag = r.run.lags[0].lag_ms;
    const auto at = [&](Ms t) { return lag[static_cast<std::size_t>(t / r.run.step_ms)]; };
    CHECK(at(kFault - kMinute) == 500);
    CHECK(at(kFault + 5 * kMinute) >= 2 * kMinute);
    CHECK(at(kFaultEnd + 5 * kMinute) == 500);
    CHECK(r.summary.failed == 0);
}

TEST_CASE("A manual DNS edit fails while the control plane is impaired", "[dns][faults]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    for (auto &rec : s.dns[0].records)
        rec.health_check.clear(); // no automation: an operator has to act
    fail_east(s, kFault);
    Fault cp;
    cp.id = "control-plane";
    cp.kind = FaultKind::dns_control_plane_impaired;
    cp.at_ms = kFault;
    cp.until_ms = kFault + 2 * kHour;
    Fault edit;
    edit.id = "edit";
    edit.kind = FaultKind::manual_dns_change;
    edit.at_ms = kFault + 2 * kMinute;
    edit.dns_name = "app.example.com";
    edit.record = "primary";
    edit.set_target = "app-west";
    s.faults = {s.faults[0], cp, edit};
    const Report r = simulate(s);
    CHECK(first_event(r, EventKind::dns_change_failed));
    CHECK_FALSE(first_event(r, EventKind::dns_answer_changed));

    s.faults = {s.faults[0], edit};
    const Report ok = simulate(s);
    const auto applied = first_event(ok, EventKind::dns_change_applied);
    REQUIRE(applied);
    CHECK(*applied - edit.at_ms <= 60 * kSecond);
    CHECK(ok.summary.read.status == model::RtoStatus::ok);
}
