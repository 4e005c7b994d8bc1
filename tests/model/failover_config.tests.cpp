#include "builders.h"

#include "model/failover_config.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("The failover configuration comes from the scenario's own values", "[config]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 300 * kSecond);
    s.health_checks[0].deep = true;
    const FailoverConfig c = failover_config(s);

    REQUIRE(c.health_checks.size() == s.health_checks.size());
    const HealthCheckSetting &hc = c.health_checks[0];
    CHECK(hc.id == s.health_checks[0].id);
    CHECK(hc.type == "HTTPS");
    CHECK(hc.resource_path == "/health");
    CHECK(hc.deep);
    CHECK(hc.endpoint == s.health_checks[0].target);
    CHECK(hc.region == "us-east-1");
    CHECK(hc.request_interval_ms == 10 * kSecond);
    CHECK(hc.failure_threshold == 2);

    REQUIRE(c.records.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        const RecordSetting &r = c.records[i];
        const DnsRecord &given = s.dns[0].records[i];
        CHECK(r.name == s.dns[0].id);
        CHECK(r.set_identifier == given.id);
        CHECK(r.routing_value == (given.role == "primary" ? "PRIMARY" : "SECONDARY"));
        CHECK(r.health_check == given.health_check);
        CHECK(r.alias == given.alias);
    }
}

TEST_CASE("Alias records carry Evaluate Target Health and the load balancer's TTL", "[config]") {
    Scenario s = testing::failover_pair(30 * kSecond, 3, 300 * kSecond);
    for (auto &r : s.dns[0].records)
        r.alias = false;
    FailoverConfig c = failover_config(s);
    CHECK(c.records[0].ttl_ms == 300 * kSecond);
    CHECK_FALSE(c.records[0].evaluate_target_health.has_value());
    CHECK(to_markdown(c).find("CNAME (not an alias)") != std::string::npos);

    for (auto &r : s.dns[0].records)
        r.alias = true;
    s.dns[0].records[1].evaluate_target_health = false;
    c = failover_config(s);
    CHECK(c.records[0].ttl_ms == 60 * kSecond); // an alias to a load balancer: facts section 2
    CHECK(c.records[0].evaluate_target_health == true);
    CHECK(c.records[1].evaluate_target_health == false);
    const std::string md = to_markdown(c);
    CHECK(md.find("| record type | alias (`AliasTarget`) | alias (`AliasTarget`) |") !=
          std::string::npos);
    CHECK(md.find("| evaluate target health (`EvaluateTargetHealth`) | Yes | No |") !=
          std::string::npos);
    CHECK(md.find("| TTL clients cache (`TTL`) | 1 min, the load balancer's") != std::string::npos);

    // Only the tier an alias follows with Evaluate Target Health shows its target group.
    s.app_tiers[0].lb_interval_ms = 10 * kSecond;
    s.app_tiers[0].lb_unhealthy_threshold = 3;
    c = failover_config(s);
    REQUIRE(c.target_groups.size() == 1);
    CHECK(c.target_groups[0].tier == "app-east");
    CHECK(c.target_groups[0].interval_ms == 10 * kSecond);
    CHECK(c.target_groups[0].unhealthy_threshold == 3);
    CHECK(c.target_groups[0].healthy_threshold == 5);
    CHECK(to_markdown(c).find("| unhealthy threshold (`UnhealthyThresholdCount`) | 3 |") !=
          std::string::npos);
}

TEST_CASE("Replication-lag alarms follow the kind of database and its replicas", "[config]") {
    Scenario s = testing::failover_pair(10 * kSecond, 3, 60 * kSecond);
    s.databases.clear();
    Database global;
    global.id = "orders-db";
    global.kind = DbKind::global;
    global.writer = "us-east-1";
    global.replicas = {DbReplica{"us-west-2", Replication::async, LagSpec{500, 1500}}};
    Database ledger = global;
    ledger.id = "ledger-db";
    ledger.kind = DbKind::single_writer;
    ledger.replicas = {DbReplica{"us-west-2", Replication::sync, LagSpec{}}};
    s.databases = {global, ledger};

    const FailoverConfig c = failover_config(s);
    REQUIRE(c.lag_alarms.size() == 1); // a synchronous replica has no lag to watch
    CHECK(c.lag_alarms[0].database == "orders-db");
    CHECK(c.lag_alarms[0].metric == "AuroraGlobalDBReplicationLag");
    CHECK(c.lag_alarms[0].from_region == "us-east-1");
    CHECK(c.lag_alarms[0].to_region == "us-west-2");
    CHECK(c.lag_alarms[0].threshold_ms == 1500);
    CHECK(to_markdown(c).find("**CloudWatch replication-lag alarms**") != std::string::npos);

    s.health_checks.clear();
    s.dns.clear();
    s.databases.clear();
    CHECK(failover_config(s).empty());
    CHECK(to_markdown(failover_config(s)).empty());
}
