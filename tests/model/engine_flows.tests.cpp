#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;
using testing::fail_east;
using testing::failover_pair;

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
    CHECK(hidden.summary.read.status == "not_recovered");
    CHECK(hidden.populations[0].reasons[static_cast<int>(FailReason::dependency)] > 0);

    const Report fixed = run(true);
    CHECK(fixed.summary.read.status == "ok");
    CHECK(fixed.summary.write.status == "ok");
}
