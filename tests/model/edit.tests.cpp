#include "builders.h"

#include "model/edit.h"
#include "model/scenario_json.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("Every component kind can be added where it belongs", "[edit]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    for (ComponentKind kind : all_component_kinds()) {
        INFO(to_string(kind));
        Scenario copy = s;
        if (kind == ComponentKind::read_replica)
            REQUIRE(add_component(copy, ComponentKind::database, {}, "us-east-1").ok);
        const EditResult r = add_component(copy, kind, {48.9, 2.35}, "us-west-2");
        CHECK(r.ok);
        CHECK(check_scenario(copy, "").empty());
        CHECK_FALSE(r.id.empty());
    }
}

TEST_CASE("Region-bound parts refuse a drop outside a region", "[edit]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    const std::string before = write_scenario(s);
    const EditResult r = add_component(s, ComponentKind::secret, {0, 0}, "");
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("region") != std::string::npos);
    CHECK(write_scenario(s) == before);
}

TEST_CASE("A replica dragged onto a second region rescues the writes", "[edit][c12]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    REQUIRE(add_component(s, ComponentKind::database, {}, "us-east-1").ok);
    s.databases[0].promotion = PromotionMode::automated;
    testing::fail_east(s, 10 * kMinute);
    CHECK(simulate(s).summary.write.status == model::RtoStatus::not_recovered);
    const EditResult r = link_components(s, s.databases[0].id, "us-west-2");
    REQUIRE(r.ok);
    REQUIRE(s.databases[0].replicas.size() == 1);
    const Report after = simulate(s);
    CHECK(after.summary.write.status == model::RtoStatus::ok);
}

TEST_CASE("Field edits are checked like a file and undone by copy", "[edit]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    CHECK(set_field(s, "app.example.com", "ttl_s", 300).ok);
    CHECK(s.dns[0].ttl_ms == 300 * kSecond);
    const std::string before = write_scenario(s);
    const EditResult bad = set_field(s, "hc-east", "failure_threshold", 11);
    CHECK_FALSE(bad.ok);
    CHECK(bad.message.find("1 to 10") != std::string::npos);
    CHECK(write_scenario(s) == before);
    CHECK_FALSE(set_field(s, "nothing", "x", 1).ok);
    CHECK(component_json(s, "hc-east")["interval_s"] == 10);
}

TEST_CASE("Removing a component takes its references with it", "[edit]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    REQUIRE(add_component(s, ComponentKind::secret, {}, "us-east-1").ok);
    const std::string secret = s.data_stores[0].id;
    REQUIRE(remove_component(s, secret).ok);
    for (const auto &t : s.app_tiers)
        CHECK(t.depends_on.empty());
    // The failover name needs both tiers: removing one is refused with the reason.
    const EditResult r = remove_component(s, "app-west");
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("secondary") != std::string::npos);
}

namespace {

// failover_pair with a third tier in eu-west-1 and a weighted name over all three.
Scenario three_tiers() {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.regions.push_back(Region{"eu-west-1", "Ireland", {53.35, -6.26}});
    AppTier eu = s.app_tiers.front();
    eu.id = "app-eu";
    eu.region = "eu-west-1";
    s.app_tiers.push_back(eu);
    DnsName w;
    w.id = "w.example.com";
    w.policy = RoutingPolicy::weighted;
    for (const auto &t : s.app_tiers) {
        DnsRecord rec;
        rec.id = "to-" + t.id;
        rec.target = t.id;
        rec.weight = 10;
        w.records.push_back(rec);
    }
    s.dns.push_back(w);
    REQUIRE(check_scenario(s, "").empty());
    return s;
}

} // namespace

TEST_CASE("A policy change rewrites the records into a valid set", "[edit][dns]") {
    Scenario s = three_tiers();
    // Weighted to latency keeps every record and drops the weights, as a file would.
    REQUIRE(set_field(s, "w.example.com", "policy", "latency").ok);
    CHECK(s.dns[1].policy == RoutingPolicy::latency);
    CHECK(s.dns[1].records.size() == 3);
    CHECK(parse_scenario(write_scenario(s), "").scenario);

    // Geolocation: the first record is the default, the others serve their tier's continent.
    REQUIRE(set_field(s, "w.example.com", "policy", "geolocation").ok);
    CHECK(s.dns[1].records[0].location == "*");
    CHECK(s.dns[1].records[1].location == "NA");
    CHECK(s.dns[1].records[2].location == "EU");
    CHECK(write_scenario(*parse_scenario(write_scenario(s), "").scenario) == write_scenario(s));
}

TEST_CASE("Failover takes the first two records as primary and secondary", "[edit][dns]") {
    Scenario s = three_tiers();
    const std::string before = write_scenario(s);
    REQUIRE(records_dropped_by_policy(s.dns[1], RoutingPolicy::failover) ==
            std::vector<std::string>{"to-app-eu"});

    // Without the learner's consent a record is never dropped: the edit says which.
    const EditResult refused = set_field(s, "w.example.com", "policy", "failover");
    CHECK_FALSE(refused.ok);
    CHECK(refused.message.find("to-app-eu") != std::string::npos);
    CHECK(write_scenario(s) == before);

    const EditResult r =
        set_routing_policy(s, "w.example.com", RoutingPolicy::failover, DropRecords::allow);
    REQUIRE(r.ok);
    const DnsName &n = s.dns[1];
    REQUIRE(n.records.size() == 2);
    CHECK(n.records[0].role == "primary");
    CHECK(n.records[0].target == "app-east");
    CHECK(n.records[1].role == "secondary");
    CHECK(n.records[1].target == "app-west");
    CHECK(check_scenario(s, "").empty());
}

TEST_CASE("A name with two records becomes a failover name without a question", "[edit][dns]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    REQUIRE(set_field(s, "app.example.com", "policy", "weighted").ok);
    CHECK(s.dns[0].records[0].role.empty());
    // This used to be refused: "the field role is required".
    const EditResult back = set_field(s, "app.example.com", "policy", "failover");
    INFO(back.message);
    REQUIRE(back.ok);
    CHECK(s.dns[0].records[0].role == "primary");
    CHECK(s.dns[0].records[1].role == "secondary");

    // One record cannot make a failover pair: refused with the way out.
    Scenario one = s;
    one.dns[0].policy = RoutingPolicy::weighted;
    one.dns[0].records.pop_back();
    const EditResult r =
        set_routing_policy(one, "app.example.com", RoutingPolicy::failover, DropRecords::allow);
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("second app tier") != std::string::npos);
}

TEST_CASE("A region's dependents are named and go with it in one edit", "[edit][remove]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    REQUIRE(add_component(s, ComponentKind::database, {}, "us-east-1").ok);
    testing::fail_east(s, 10 * kMinute);
    const std::string db = s.databases[0].id;

    // The database's writer is there: deleting the region alone is refused.
    const std::string before = write_scenario(s);
    const EditResult alone = remove_component(s, "us-east-1");
    CHECK_FALSE(alone.ok);
    REQUIRE_FALSE(alone.problems.empty());
    CHECK(write_scenario(s) == before);

    const std::vector<ComponentRef> deps = dependents_of(s, "us-east-1");
    const auto has = [&](const std::string &kind, const std::string &id) {
        return std::find(deps.begin(), deps.end(), ComponentRef{kind, id}) != deps.end();
    };
    CHECK(has("app_tier", "app-east"));
    CHECK(has("health_check", "hc-east"));
    CHECK(has("database", db));
    CHECK(has("fault", "east-down"));
    // The failover name loses its primary, and its users their way in.
    CHECK(has("dns", "app.example.com"));
    CHECK(has("population", "users"));
    CHECK_FALSE(has("region", "us-west-2"));
    CHECK_FALSE(has("app_tier", "app-west"));

    // Without users left, the scenario cannot stand: refused, and nothing changes.
    const EditResult all = remove_with_dependents(s, "us-east-1");
    CHECK_FALSE(all.ok);
    CHECK(all.message.find("population") != std::string::npos);
    CHECK(write_scenario(s) == before);
}

TEST_CASE("Removing with dependents leaves a scenario that checks out", "[edit][remove]") {
    Scenario s = three_tiers();
    REQUIRE(add_component(s, ComponentKind::database, {}, "eu-west-1").ok);
    Population eu = s.populations.front();
    eu.id = "eu-users";
    eu.entry = "w.example.com";
    s.populations.push_back(eu);
    const std::vector<ComponentRef> deps = dependents_of(s, "eu-west-1");
    CHECK(deps.size() == 2); // the tier and the database; the weighted name keeps two records
    const EditResult r = remove_with_dependents(s, "eu-west-1");
    INFO(r.message);
    REQUIRE(r.ok);
    CHECK(check_scenario(s, "").empty());
    CHECK(kind_of(s, "eu-west-1").empty());
    CHECK(s.databases.empty());
    CHECK(s.dns[1].records.size() == 2);
    CHECK(dependents_of(s, "hc-east").empty());
}

TEST_CASE("The scenario settings change in one checked edit", "[edit][settings]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    ScenarioSettings v = scenario_settings_of(s);
    CHECK(v.name == "failover pair");
    v.name = "renamed";
    v.duration_ms = 20 * kMinute;
    v.step_ms = 500;
    v.seed = 99;
    v.slo = 0.999;
    REQUIRE(set_scenario_settings(s, v).ok);
    CHECK(scenario_settings_of(s) == v);
    CHECK(s.settings.duration_ms == 20 * kMinute);

    const std::string before = write_scenario(s);
    ScenarioSettings bad = v;
    bad.slo = 0.2;
    const EditResult r = set_scenario_settings(s, bad);
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].for_people() ==
          "Scenario settings, SLO: expected a number from 0.5 to 0.999999, found 0.2");
    CHECK(write_scenario(s) == before);
}
