// The typed world at a playhead: what the views draw, decided in the model.
#include "builders.h"

#include "model/simulation.h"
#include "model/world_at.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("Answers, routes and client caches follow the failover", "[world]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    testing::fail_east(s, 5 * kMinute);
    const Report r = simulate(s);
    const WorldAt before = world_at(s, r, 4 * kMinute);
    REQUIRE(before.answers.size() == 1);
    REQUIRE(before.answers[0].tiers.size() == 1);
    CHECK(before.answers[0].tiers[0].tier == 0); // app-east
    CHECK(before.routes == std::vector<RouteAt>{{"app.example.com", "app-east"}});
    CHECK(before.caches[0].stale_share == 0);
    CHECK(before.region_down == std::vector<bool>{false, false});

    const auto flipped = testing::first_event(r, EventKind::dns_answer_changed);
    REQUIRE(flipped);
    const WorldAt during = world_at(s, r, *flipped + 1);
    CHECK(during.region_down == std::vector<bool>{true, false});
    CHECK(during.answers[0].tiers[0].tier == 1); // app-west
    CHECK(during.routes == std::vector<RouteAt>{{"app.example.com", "app-west"}});
    // Right after the answer changed, clients still hold the old one, for at most the TTL.
    CHECK(during.caches[0].stale_share > 0.5);
    REQUIRE(during.caches[0].expires_in_ms);
    CHECK(*during.caches[0].expires_in_ms <= 60 * kSecond);
    const WorldAt later = world_at(s, r, *flipped + 2 * kMinute);
    CHECK(later.caches[0].stale_share == 0);
    CHECK_FALSE(later.caches[0].expires_in_ms);
    // The outage's span is in force from its start to the end of the run.
    REQUIRE(later.faults.size() == 1);
    CHECK(later.faults[0].in_force);
    CHECK(later.faults[0].from_ms == 5 * kMinute);
    CHECK(later.faults[0].subjects == std::vector<std::string>{"us-east-1"});
}

TEST_CASE("Database roles and broken replication are the model's to say", "[world]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    Database db;
    db.id = "db";
    db.kind = DbKind::global;
    db.writer = "us-east-1";
    db.promotion = PromotionMode::automated;
    db.detection_ms = 30 * kSecond;
    db.promotion_ms = kMinute;
    db.replicas = {DbReplica{"us-west-2", Replication::async, LagSpec{300, 300}}};
    s.databases = {db};
    for (auto &t : s.app_tiers)
        t.depends_on = {"db"};
    testing::fail_east(s, 5 * kMinute);
    const Report r = simulate(s);
    const WorldAt before = world_at(s, r, 4 * kMinute);
    REQUIRE(before.databases.size() == 1);
    REQUIRE(before.databases[0].regions.size() == 2);
    CHECK(before.databases[0].regions[0].role == DbRole::writer);
    CHECK(before.databases[0].regions[1].role == DbRole::replica);
    CHECK_FALSE(before.databases[0].regions[1].replication_broken);
    CHECK_FALSE(before.databases[0].regions[1].behind);
    const WorldAt cut = world_at(s, r, 5 * kMinute + 10 * kSecond);
    CHECK(cut.databases[0].regions[1].replication_broken); // its source is gone
    const auto promoted = testing::first_event(r, EventKind::promotion_finished);
    REQUIRE(promoted);
    const WorldAt after = world_at(s, r, *promoted + kSecond);
    CHECK(after.databases[0].writer_region == "us-west-2");
    CHECK(after.databases[0].regions[0].role == DbRole::old_writer);
    CHECK(after.databases[0].regions[1].role == DbRole::writer);
}
