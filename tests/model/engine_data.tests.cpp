#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;
using testing::fail_east;
using testing::failover_pair;
using testing::first_event;

namespace {

using testing::kFault;

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
    s.databases[0].endpoint_cache = EndpointCache::for_good;
    fail_east(s, kFault);
    const Report r = simulate(s);
    CHECK(first_event(r, EventKind::promotion_finished));
    CHECK(r.summary.read.status == model::RtoStatus::ok);
    CHECK(r.summary.write.status == model::RtoStatus::not_recovered);
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

namespace {

std::int64_t failed_writes(const Report &r) {
    std::int64_t n = 0;
    for (const auto &ps : r.run.population_steps)
        for (auto v : ps.writes_failed)
            n += v;
    return n;
}

Fault region_down(const std::string &region, Ms at) {
    Fault f;
    f.id = region + "-down";
    f.kind = FaultKind::region_outage;
    f.region = region;
    f.at_ms = at;
    return f;
}

} // namespace

TEST_CASE("Synchronous replication loses nothing and pays the round trip", "[data][c8]") {
    Scenario s = with_replica(PromotionMode::automated, Replication::sync, LagSpec{0, 0});
    const Report calm = simulate(s);
    REQUIRE(calm.summary.p99_write_latency_ms);
    Scenario async = with_replica(PromotionMode::automated, Replication::async, LagSpec{500, 1500});
    const Report quick = simulate(async);
    REQUIRE(quick.summary.p99_write_latency_ms);
    // us-east-1 <-> us-west-2 is 64 ms (measured); every write waits for it.
    CHECK(*calm.summary.p99_write_latency_ms - *quick.summary.p99_write_latency_ms >= 64);

    for (const char *region : {"us-east-1", "us-west-2"}) {
        INFO(region);
        Scenario one = s;
        one.faults = {region_down(region, kFault)};
        const Report r = simulate(one);
        CHECK(r.summary.lost_writes == 0);
        for (const auto &w : r.run.writes)
            CHECK(w.acknowledged == w.present);
    }
}

TEST_CASE("A synchronous peer that cannot be reached: block or degrade", "[data][c8]") {
    const auto run = [](SyncUnreachable mode) {
        Scenario s = with_replica(PromotionMode::none, Replication::sync, LagSpec{0, 0});
        s.databases[0].sync_unreachable = mode;
        s.databases[0].sync_timeout_ms = 10 * kSecond;
        Fault f;
        f.id = "link";
        f.kind = FaultKind::replication_broken;
        f.database = "db";
        f.replica = "us-west-2";
        f.at_ms = kFault;
        s.faults = {f};
        return simulate(s);
    };
    const Report block = run(SyncUnreachable::block);
    CHECK(block.summary.write.status == model::RtoStatus::not_recovered);
    CHECK(block.summary.read.status == model::RtoStatus::ok);
    const Report degrade = run(SyncUnreachable::degrade_to_async);
    REQUIRE(degrade.summary.write.ms);
    CHECK(*degrade.summary.write.ms >= 10 * kSecond);
    CHECK(*degrade.summary.write.ms <= 12 * kSecond);
    CHECK(failed_writes(degrade) > 0);
}

TEST_CASE("A change-data-capture stream loses about write rate x stream lag", "[data][c10]") {
    Scenario s = with_replica(PromotionMode::automated, Replication::cdc, LagSpec{4000, 4000});
    fail_east(s, kFault);
    const Report r = simulate(s);
    CHECK(static_cast<double>(r.summary.lost_writes) == Approx(50.0 * 4.0).epsilon(0.15));
    // A broken stream stops the copy: everything written since is lost.
    Scenario broken = s;
    Fault f;
    f.id = "stream";
    f.kind = FaultKind::replication_broken;
    f.database = "db";
    f.replica = "us-west-2";
    f.at_ms = kFault - 2 * kMinute;
    broken.faults.insert(broken.faults.begin(), f);
    const Report b = simulate(broken);
    CHECK(static_cast<double>(b.summary.lost_writes) == Approx(50.0 * 124.0).epsilon(0.1));
    REQUIRE(b.summary.rpo_ms);
    CHECK(*b.summary.rpo_ms >= 2 * kMinute);
}

TEST_CASE("Global database: failover loses the unreplicated writes and switchover none",
          "[data][global]") {
    Scenario s = with_replica(PromotionMode::manual, Replication::async, LagSpec{800, 2000});
    s.databases[0].kind = DbKind::global;
    s.databases[0].operator_delay_ms = 2 * kMinute;
    s.databases[0].promotion_ms = kMinute;
    Scenario failover = s;
    fail_east(failover, kFault);
    const Report f = simulate(failover);
    CHECK(f.summary.lost_writes > 0);
    REQUIRE(f.summary.rpo_ms);
    CHECK(*f.summary.rpo_ms <= 3 * kSecond);

    Scenario planned = s;
    Fault sw;
    sw.id = "switch";
    sw.kind = FaultKind::switchover;
    sw.database = "db";
    sw.region = "us-west-2";
    sw.at_ms = kFault;
    planned.faults = {sw};
    const Report p = simulate(planned);
    CHECK(p.summary.lost_writes == 0);
    CHECK(first_event(p, EventKind::switchover_finished));
    CHECK(failed_writes(p) > 0); // writes pause while roles change
    for (const auto &w : p.run.writes)
        CHECK(w.acknowledged == w.present);
}

TEST_CASE("A fenced old writer takes no writes after a partition and an unfenced one does",
          "[data][split-brain]") {
    const auto run = [](Fencing fencing) {
        Scenario s = with_replica(PromotionMode::automated, Replication::async, LagSpec{500, 1500});
        s.databases[0].fencing = fencing;
        s.databases[0].endpoint_cache = EndpointCache::for_good;
        Fault p;
        p.id = "cut";
        p.kind = FaultKind::partition;
        p.regions = {"us-east-1"};
        p.users_reach = true;
        p.checkers_reach = true;
        p.at_ms = kFault;
        p.until_ms = kFault + 20 * kMinute;
        s.faults = {p};
        return simulate(s);
    };
    const Report unfenced = run(Fencing::none);
    CHECK(first_event(unfenced, EventKind::promotion_finished));
    CHECK(unfenced.summary.divergent_writes > 0);
    CHECK(first_event(unfenced, EventKind::split_brain_write));
    const Report fenced = run(Fencing::token);
    CHECK(first_event(fenced, EventKind::promotion_finished));
    CHECK(fenced.summary.divergent_writes == 0);
    CHECK(first_event(fenced, EventKind::writes_rejected_by_fencing));
    for (const Report *r : {&unfenced, &fenced})
        for (const auto &w : r->run.writes)
            CHECK(w.acknowledged == w.present + w.lost + w.divergent);
}

TEST_CASE("Last writer wins: overlapping writers conflict and separate ones do not",
          "[data][c11]") {
    const auto run = [](int west_weight, Ms skew) {
        Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
        DnsName &n = s.dns[0];
        n.policy = RoutingPolicy::weighted;
        n.records[0].role.clear();
        n.records[1].role.clear();
        n.records[0].weight = 100;
        n.records[1].weight = west_weight;
        Database db;
        db.id = "db";
        db.kind = DbKind::multi_writer;
        db.writers = {"us-east-1", "us-west-2"};
        db.lag = LagSpec{1000, 1000};
        db.clock_skew_ms = skew;
        db.hot_keys = 2000;
        s.databases = {db};
        for (auto &t : s.app_tiers)
            t.depends_on = {"db"};
        return simulate(s);
    };
    const Report overlap = run(100, 50);
    CHECK(overlap.summary.conflicts > 0);
    CHECK(first_event(overlap, EventKind::conflict));
    for (const auto &w : overlap.run.writes)
        CHECK(w.lost_updates == w.conflicts);
    const Report separate = run(0, 0);
    CHECK(separate.summary.conflicts == 0);
}

TEST_CASE("A consensus database pays the quorum round trip on every write", "[data][c11]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.regions.push_back(Region{"us-east-2", "Ohio", {39.96, -83.00}});
    Database db;
    db.id = "db";
    db.kind = DbKind::consensus;
    db.writers = {"us-east-1", "us-east-2", "us-west-2"};
    s.databases = {db};
    for (auto &t : s.app_tiers)
        t.depends_on = {"db"};
    const Report r = simulate(s);
    REQUIRE(r.summary.p99_write_latency_ms);
    Scenario local = s;
    local.databases[0].kind = DbKind::single_writer;
    local.databases[0].writer = "us-east-1";
    local.databases[0].writers.clear();
    const Report plain = simulate(local);
    REQUIRE(plain.summary.p99_write_latency_ms);
    // Leader in us-east-1; its nearest voter, us-east-2, is 15 ms away and completes the majority.
    const auto extra = *r.summary.p99_write_latency_ms - *plain.summary.p99_write_latency_ms;
    CHECK(extra >= 15);
    CHECK(extra <= 25);
    // Losing the leader's region: a new leader with a majority, no write lost.
    Scenario outage = s;
    fail_east(outage, kFault);
    const Report o = simulate(outage);
    CHECK(o.summary.lost_writes == 0);
    CHECK(first_event(o, EventKind::promotion_finished));
}

TEST_CASE("The C4 patterns survive the fault each one names", "[data][c4]") {
    const Report single = simulate(testing::load_builtin("pattern-single-region-multi-az.json"));
    CHECK(single.summary.lost_writes == 0);
    REQUIRE(single.summary.write.ms);
    CHECK(*single.summary.write.ms < 5 * kMinute);
    const Report warm = simulate(testing::load_builtin("pattern-warm-standby.json"));
    REQUIRE(warm.summary.write.ms);
    CHECK(*warm.summary.write.ms >= 15 * kMinute);
    CHECK(*warm.summary.write.ms <= 60 * kMinute);
    const Report hot = simulate(testing::load_builtin("pattern-hot-standby.json"));
    REQUIRE(hot.summary.read.ms);
    CHECK(*hot.summary.read.ms < 5 * kMinute);
    const Report aa = simulate(testing::load_builtin("pattern-active-active.json"));
    REQUIRE(aa.summary.read.ms);
    CHECK(*aa.summary.read.ms < *hot.summary.read.ms);
}
