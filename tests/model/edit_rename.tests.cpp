// Renaming a component and adding a known region: every reference follows the new id, and
// the run is the same run under other names.
#include "builders.h"
#include "generator.h"

#include "model/edit.h"
#include "model/find.h"
#include "model/report_io.h"
#include "model/scenario_json.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

using namespace model;

namespace {

// The report as JSON without its fingerprint (a hash over names too), with every `from` in a
// string or a key spelled `to`.
nlohmann::json report_named(const Report &r, const std::string &from, const std::string &to) {
    const auto respelled = [&](std::string text) {
        for (std::size_t at = text.find(from); !from.empty() && at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
        return text;
    };
    nlohmann::json j = nlohmann::json::parse(report_json(r));
    j.erase("fingerprint");
    const auto swap = [&](auto &self, const nlohmann::json &v) -> nlohmann::json {
        if (v.is_string()) // sentences for people name components too
            return nlohmann::json(respelled(v.get<std::string>()));
        if (v.is_array()) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto &child : v)
                out.push_back(self(self, child));
            return out;
        }
        if (v.is_object()) {
            nlohmann::json out = nlohmann::json::object();
            for (auto it = v.begin(); it != v.end(); ++it)
                out[respelled(it.key())] = self(self, it.value());
            return out;
        }
        return v;
    };
    return swap(swap, j);
}

// The first place where two JSON values differ, as a JSON pointer ("" when equal).
std::string first_difference(const nlohmann::json &a, const nlohmann::json &b,
                             const std::string &at = "") {
    if (a == b)
        return {};
    if (a.type() != b.type() || !a.is_structured() || a.size() != b.size())
        return at.empty() ? "/" : at;
    if (a.is_object()) {
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!b.contains(it.key()))
                return at + "/" + it.key();
            else if (const std::string d = first_difference(*it, b[it.key()], at + "/" + it.key());
                     !d.empty())
                return d;
        return at;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
        if (const std::string d = first_difference(a[i], b[i], at + "/" + std::to_string(i));
            !d.empty())
            return d;
    return at;
}

} // namespace

TEST_CASE("Renaming an app tier updates every field that names it", "[edit][rename]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    testing::fail_east(s, 5 * kMinute);
    Fault brownout;
    brownout.id = "slow";
    brownout.kind = FaultKind::brownout;
    brownout.at_ms = kMinute;
    brownout.until_ms = 2 * kMinute;
    brownout.target = "app-east";
    brownout.error_share = 0.1;
    REQUIRE(add_fault(s, brownout).ok);
    const EditResult r = rename_component(s, "app-east", "web-east");
    REQUIRE(r.ok);
    CHECK(r.id == "web-east");
    CHECK(kind_of(s, "app-east").empty());
    CHECK(kind_of(s, "web-east") == "app_tier");
    bool record = false, check = false;
    for (const DnsName &n : s.dns)
        for (const DnsRecord &rec : n.records)
            record = record || rec.target == "web-east";
    for (const HealthCheck &h : s.health_checks)
        check = check || h.target == "web-east";
    CHECK(record);
    CHECK(check);
    CHECK(find_by_id(s.faults, "slow")->target == "web-east");
    // No field names the old id any more.
    CHECK(write_scenario(s).find("\"app-east\"") == std::string::npos);
    CHECK(check_scenario(s, "").empty());
}

TEST_CASE("Renaming a custom region moves its tiers, stores, databases and faults along",
          "[edit][rename]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    REQUIRE(add_region(s, {10.0, 20.0}, "").ok);
    REQUIRE(add_component(s, ComponentKind::app_tier, {}, "region").ok);
    REQUIRE(add_component(s, ComponentKind::bucket, {}, "region").ok);
    Fault outage;
    outage.id = "down";
    outage.kind = FaultKind::region_outage;
    outage.at_ms = kMinute;
    outage.region = "region";
    REQUIRE(add_fault(s, outage).ok);
    const std::string before = write_scenario(s);
    REQUIRE(rename_component(s, "region", "lab-1").ok);
    CHECK(find_by_id(s.regions, "lab-1"));
    CHECK(find_by_id(s.faults, "down")->region == "lab-1");
    for (const AppTier &t : s.app_tiers)
        CHECK(t.region != "region");
    for (const DataStore &st : s.data_stores)
        CHECK(st.region != "region");
    // And back again: the very same scenario.
    REQUIRE(rename_component(s, "lab-1", "region").ok);
    CHECK(write_scenario(s) == before);
}

TEST_CASE("A rename that would break the scenario is refused and changes nothing",
          "[edit][rename]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    const std::string before = write_scenario(s);
    CHECK_FALSE(rename_component(s, "app-east", "app-west").ok);  // taken
    CHECK_FALSE(rename_component(s, "app-east", "has space").ok); // not an id
    CHECK_FALSE(rename_component(s, "app-east", "").ok);          // empty
    CHECK_FALSE(rename_component(s, "nothing-here", "x").ok);     // no such component
    const EditResult known = rename_component(s, "us-east-1", "east");
    CHECK_FALSE(known.ok);
    CHECK(known.message.find("real region") != std::string::npos);
    CHECK(write_scenario(s) == before);
}

TEST_CASE("Renaming then renaming back gives the same scenario and the same run",
          "[edit][rename][properties]") {
    const std::string prefix = "renamed-";
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const Scenario original = testing::generate_scenario(seed);
        const std::string original_text = write_scenario(original);
        REQUIRE(original_text.find(prefix) == std::string::npos);
        // Each component is renamed and back on its own; then all of them at once, and that
        // design's run is the original run under other names (one run a seed: runs are the
        // costly part).
        Scenario all_renamed = original;
        for (const ComponentRef &c : components_of(original)) {
            if (c.kind == "region" && find_known_region(c.id))
                continue; // a known region keeps its id
            INFO("generator seed " << seed << ", " << c.kind << " " << c.id);
            Scenario s = original;
            const std::string renamed = prefix + c.id;
            const EditResult r = rename_component(s, c.id, renamed);
            REQUIRE(r.ok);
            CHECK(write_scenario(s).find("\"" + c.id + "\"") == std::string::npos);
            REQUIRE(rename_component(s, renamed, c.id).ok);
            CHECK(write_scenario(s) == original_text);
            REQUIRE(rename_component(all_renamed, c.id, renamed).ok);
        }
        INFO("generator seed " << seed << ", every component renamed");
        CHECK(first_difference(report_named(simulate(all_renamed), prefix, ""),
                               report_named(simulate(original), prefix, "")) == "");
    }
}

TEST_CASE("A region drop offers the known regions not on the map, nearest first",
          "[edit][regions]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    const std::vector<KnownRegion> offered = regions_to_offer(s, {51.0, 0.0}); // London
    REQUIRE(offered.size() == known_regions().size() - 2);
    CHECK(offered.front().id == "eu-west-1");
    for (const KnownRegion &k : offered)
        CHECK_FALSE(find_by_id(s.regions, k.id));
    REQUIRE(add_region(s, {0, 0}, "ap-northeast-1").ok);
    const Region *tokyo = find_by_id(s.regions, "ap-northeast-1");
    REQUIRE(tokyo);
    CHECK(tokyo->name == "Tokyo");
    CHECK(tokyo->where.lat == find_known_region("ap-northeast-1")->where.lat);
    CHECK_FALSE(add_region(s, {0, 0}, "ap-northeast-1").ok); // already there
    CHECK_FALSE(add_region(s, {0, 0}, "mars-north-1").ok);   // not known
    const EditResult own = add_region(s, {12.345, 67.891}, "");
    REQUIRE(own.ok);
    const Region *mine = find_by_id(s.regions, own.id);
    REQUIRE(mine);
    CHECK(mine->where.lat == Approx(12.35));
    CHECK_FALSE(find_known_region(own.id));
}
