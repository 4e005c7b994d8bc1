#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;
using testing::fail_east;
using testing::failover_pair;
using testing::first_event;

namespace {

constexpr Ms kFault = 10 * kMinute;

Scenario with_replica(PromotionMode mode, Replication replication, LagSpec lag) {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    Database db;
    db.id = "db";
    db.writer = "us-east-1";
    db.replicas = {DbReplica{"us-west-2", replication, lag}};
    db.promotion = mode;
    db.operator_delay_ms = 10 * kMinute;
    db.promotion_ms = 5 * kMinute;
    s.databases = {db};
    for (auto &t : s.app_tiers)
        t.depends_on = {"db"};
    return s;
}

} // namespace

TEST_CASE("A read replica needs promotion: reads come back before writes", "[data][c12]") {
    Scenario s = with_replica(PromotionMode::manual, Replication::async, LagSpec{500, 1500});
    fail_east(s, kFault);
    const Report r = simulate(s);
    REQUIRE(r.summary.read.ms);
    REQUIRE(r.summary.write.ms);
    CHECK(*r.summary.read.ms < *r.summary.write.ms);
    // Writes wait for the operator (10 min) and the promotion (5 min), then the endpoint.
    CHECK(*r.summary.write.ms >= 15 * kMinute);
    CHECK(*r.summary.write.ms <= 17 * kMinute);
    const Breakdown &b = r.summary.write.breakdown;
    CHECK(b.promotion == 5 * kMinute);
    CHECK(b.detection >= 9 * kMinute);
    CHECK(b.total() == *r.summary.write.ms);
    CHECK(first_event(r, EventKind::writer_endpoint_refreshed, "app-west"));
}

TEST_CASE("Asynchronous replication loses about write rate x lag", "[data][c9]") {
    for (Ms lag : {1000, 5000, 20000}) {
        Scenario s = with_replica(PromotionMode::automated, Replication::async, LagSpec{lag, lag});
        fail_east(s, kFault);
        const Report r = simulate(s);
        const double write_rate = 500 * 0.1;
        INFO("lag " << lag);
        CHECK(static_cast<double>(r.summary.lost_writes) ==
              Approx(write_rate * static_cast<double>(lag) / 1000.0).epsilon(0.1).margin(10));
        REQUIRE(r.summary.rpo_ms);
        CHECK(*r.summary.rpo_ms == Approx(lag).margin(200));
    }
}

TEST_CASE("A writer endpoint cached forever never finds the new writer", "[data]") {
    Scenario s = with_replica(PromotionMode::automated, Replication::async, LagSpec{500, 1500});
    s.databases[0].endpoint_cache = EndpointCache::forever;
    fail_east(s, kFault);
    const Report r = simulate(s);
    CHECK(first_event(r, EventKind::promotion_finished));
    CHECK(r.summary.read.status == "ok");
    CHECK(r.summary.write.status == "not_recovered");
}

TEST_CASE("An AZ outage under a Multi-AZ writer loses nothing", "[data][c2]") {
    Scenario s = with_replica(PromotionMode::none, Replication::async, LagSpec{500, 1500});
    Fault f;
    f.id = "az";
    f.kind = FaultKind::az_outage;
    f.region = "us-east-1";
    f.az = 0;
    f.at_ms = kFault;
    s.faults = {f};
    const Report r = simulate(s);
    CHECK(r.summary.lost_writes == 0);
    REQUIRE(r.summary.write.ms);
    CHECK(*r.summary.write.ms <= 2 * kMinute);
    CHECK(first_event(r, EventKind::az_failover_finished));
}
