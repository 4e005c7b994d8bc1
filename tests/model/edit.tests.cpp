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
    CHECK(simulate(s).summary.write.status == "not_recovered");
    const EditResult r = link_components(s, s.databases[0].id, "us-west-2");
    REQUIRE(r.ok);
    REQUIRE(s.databases[0].replicas.size() == 1);
    const Report after = simulate(s);
    CHECK(after.summary.write.status == "ok");
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
