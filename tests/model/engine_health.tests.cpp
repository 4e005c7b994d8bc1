#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;
using testing::fail_east;
using testing::failover_pair;
using testing::first_event;

namespace {

using testing::kFault;

struct C15 {
    Report report;
    Ms detection = 0;   // outage -> endpoint declared unhealthy
    Ms propagation = 0; // unhealthy -> DNS answer changed
    Ms last_moved = 0;  // outage -> the last client reached the secondary
};

C15 run_c15(Ms ttl) {
    Scenario s = failover_pair(10 * kSecond, 2, ttl);
    fail_east(s, kFault);
    C15 c{simulate(s)};
    const auto unhealthy = first_event(c.report, EventKind::endpoint_unhealthy, "hc-east");
    const auto answer = first_event(c.report, EventKind::dns_answer_changed);
    REQUIRE(unhealthy);
    REQUIRE(answer);
    c.detection = *unhealthy - kFault;
    c.propagation = *answer - *unhealthy;
    REQUIRE(c.report.populations.at(0).figures.moved99_ms);
    for (const auto &w : c.report.run.populations.at(0).waves)
        if (w.started_ms >= kFault && w.t100)
            c.last_moved = *w.t100 - kFault;
    return c;
}

} // namespace

TEST_CASE("C15: interval 10 s with threshold 2 and TTL 300 s", "[health][dns][c15]") {
    const C15 c = run_c15(300 * kSecond);
    // Two consecutive failures 10 s apart; the 13th of 15 unsynchronised checkers decides.
    CHECK(c.detection >= 10 * kSecond);
    CHECK(c.detection <= 20 * kSecond);
    // The verdict reaches the answers within the 60 s propagation bound.
    CHECK(c.propagation >= 0);
    CHECK(c.propagation <= 60 * kSecond);
    // Clients honour the TTL exactly: the last one moves within 300 s of the answer change.
    CHECK(c.last_moved <= c.detection + c.propagation + 300 * kSecond);
    CHECK(c.last_moved >= c.detection + c.propagation + 250 * kSecond);

    const Rto &rto = c.report.summary.read;
    REQUIRE(rto.status == model::RtoStatus::ok);
    REQUIRE(rto.ms);
    CHECK(*rto.ms >= c.last_moved - 5 * kSecond);
    CHECK(*rto.ms <= c.last_moved + 2 * kSecond);
    CHECK(rto.breakdown.total() == *rto.ms);
    CHECK(rto.breakdown.detection == c.detection);
    CHECK(rto.breakdown.propagation == c.propagation);
    CHECK(rto.breakdown.client_cache > 250 * kSecond);
    CHECK(rto.breakdown.client_cache <= 300 * kSecond);
    CHECK(rto.breakdown.promotion == 0);
}

TEST_CASE("C15: a 60 s TTL takes about 240 s off the RTO", "[health][dns][c15]") {
    const C15 slow = run_c15(300 * kSecond);
    const C15 fast = run_c15(60 * kSecond);
    REQUIRE(slow.report.summary.read.ms);
    REQUIRE(fast.report.summary.read.ms);
    const Ms gain = *slow.report.summary.read.ms - *fast.report.summary.read.ms;
    CHECK(gain >= 210 * kSecond);
    CHECK(gain <= 270 * kSecond);
    CHECK(fast.report.summary.read.breakdown.client_cache <= 60 * kSecond);
}

TEST_CASE("Route 53's 18 % rule on 15 checkers", "[health]") {
    // 15 checkers spread round-robin over the 8 checker regions: 2 each, 1 in sa-east-1.
    const auto run_with_impaired = [](std::vector<std::string> regions) {
        Scenario s = failover_pair(10 * kSecond, 1, 60 * kSecond);
        Fault f;
        f.id = "checkers";
        f.kind = FaultKind::health_checker_impaired;
        f.regions = std::move(regions);
        f.at_ms = kFault;
        s.faults.push_back(f);
        return simulate(s);
    };
    SECTION("3 healthy reports out of 15 keep the endpoint healthy") {
        const Report r = run_with_impaired({"us-east-1", "us-west-1", "us-west-2", "eu-west-1",
                                            "ap-southeast-1", "ap-southeast-2"});
        CHECK(first_event(r, EventKind::health_check_failed, "hc-east"));
        CHECK_FALSE(first_event(r, EventKind::endpoint_unhealthy, "hc-east"));
    }
    SECTION("2 healthy reports out of 15 make it unhealthy") {
        const Report r = run_with_impaired({"us-east-1", "us-west-1", "us-west-2", "eu-west-1",
                                            "ap-southeast-1", "ap-southeast-2", "sa-east-1"});
        CHECK(first_event(r, EventKind::endpoint_unhealthy, "hc-east"));
    }
}

TEST_CASE("Both failover records unhealthy: the primary is answered", "[health][dns]") {
    Scenario s = failover_pair(10 * kSecond, 1, 60 * kSecond);
    Fault f;
    f.id = "checkers";
    f.kind = FaultKind::health_checker_impaired;
    f.regions = {"us-east-1",      "us-west-1",      "us-west-2",      "eu-west-1",
                 "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"};
    f.at_ms = kFault;
    s.faults.push_back(f);
    const Report r = simulate(s);
    const auto east = first_event(r, EventKind::endpoint_unhealthy, "hc-east");
    const auto west = first_event(r, EventKind::endpoint_unhealthy, "hc-west");
    REQUIRE(east);
    REQUIRE(west);
    // While only one verdict had flipped the answer may have moved; once both are unhealthy
    // it is the primary's again.
    std::string last_answer = "app-east";
    for (const auto &e : r.run.events)
        if (e.kind == EventKind::dns_answer_changed)
            last_answer = e.text("to");
    CHECK(last_answer == "app-east");
    const auto &steps = r.run.population_steps[0];
    const std::size_t last = steps.reads_ok.size() - 1;
    CHECK(steps.reads_failed[last] == 0);
    CHECK(steps.reads_ok[last] > 0);
}

TEST_CASE("Secondary without a health check is answered whenever the primary is unhealthy",
          "[health][dns]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.dns[0].records[1].health_check.clear();
    fail_east(s, kFault);
    // us-west-2 fails too, but nothing checks it.
    Fault west;
    west.id = "west-down";
    west.kind = FaultKind::region_outage;
    west.region = "us-west-2";
    west.at_ms = kFault;
    s.faults.push_back(west);
    const Report r = simulate(s);
    REQUIRE(first_event(r, EventKind::dns_answer_changed));
    CHECK(r.summary.read.status == model::RtoStatus::not_recovered);
}

TEST_CASE("Evaluate Target Health decides whether a dead alias target is answered",
          "[health][dns][eth]") {
    const auto run = [](bool eth) {
        Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
        for (auto &rec : s.dns[0].records) {
            rec.alias = true;
            rec.evaluate_target_health = eth;
            rec.health_check.clear();
        }
        fail_east(s, kFault);
        return simulate(s);
    };
    const Report off = run(false);
    CHECK_FALSE(first_event(off, EventKind::dns_answer_changed));
    CHECK(off.summary.read.status == model::RtoStatus::not_recovered);
    const Report on = run(true);
    CHECK(first_event(on, EventKind::dns_answer_changed));
    CHECK(on.summary.read.status == model::RtoStatus::ok);
}

TEST_CASE("A brownout that shallow checks miss and deep checks catch", "[health][brownout]") {
    const auto run = [](bool deep) {
        Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
        for (auto &h : s.health_checks)
            h.deep = deep;
        Fault f;
        f.id = "brown";
        f.kind = FaultKind::brownout;
        f.target = "app-east";
        f.error_share = 0.9;
        f.at_ms = kFault;
        s.faults.push_back(f);
        return simulate(s);
    };
    const Report shallow = run(false);
    CHECK_FALSE(first_event(shallow, EventKind::endpoint_unhealthy));
    CHECK(shallow.summary.read.status == model::RtoStatus::not_recovered);
    const Report deep = run(true);
    CHECK(first_event(deep, EventKind::endpoint_unhealthy, "hc-east"));
    CHECK(deep.summary.read.status == model::RtoStatus::ok);
}
