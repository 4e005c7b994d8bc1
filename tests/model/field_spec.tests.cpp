#include "model/field_spec.h"
#include "model/edit.h"
#include "model/scenario_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace model;
using Json = nlohmann::json;

namespace {

// One of every part a numeric field lives in, with values that leave each field's bounds
// reachable: a long run (faults may start at its end), the longest verdict delay at its top (the
// shortest may reach it), a lag whose median may be 0 and whose p99 may reach the top, six AZs
// (a fault's AZ may be 5).
const char *const kBase = R"({
  "format": "failover-lab-scenario", "version": 3,
  "settings": {"duration_s": 86400, "verdict_delay_max_s": 60},
  "regions": [{"id": "lab-1", "lat": 10, "lon": 10, "azs": 6}, {"id": "us-east-1"},
              {"id": "us-west-2"}],
  "rtt_overrides": [{"a": "us-east-1", "b": "us-west-2", "rtt_ms": 60}],
  "app_tiers": [{"id": "app-a", "region": "us-east-1"}, {"id": "app-b", "region": "us-west-2"}],
  "data_stores": [{"id": "bucket", "kind": "bucket", "region": "us-east-1"}],
  "databases": [{"id": "db", "writer": "us-east-1",
                 "replicas": [{"region": "us-west-2", "lag": {"median_ms": 0, "p99_ms": 3600000}}],
                 "lag": {"median_ms": 0, "p99_ms": 3600000}}],
  "health_checks": [{"id": "hc", "target": "app-a"}],
  "dns": [{"id": "fo.example.com", "policy": "failover", "records": [
             {"id": "p", "role": "primary", "target": "app-a"},
             {"id": "s", "role": "secondary", "target": "app-b"}]},
          {"id": "w.example.com", "policy": "weighted", "records": [
             {"id": "a", "target": "app-a", "weight": 1}]}],
  "accelerators": [{"id": "acc", "groups": [{"region": "us-east-1",
                                             "endpoints": [{"target": "app-a"}]}]}],
  "distributions": [{"id": "cdn", "primary": "app-a", "secondary": "bucket",
                     "edges": [{"id": "edge", "lat": 40, "lon": -74}]}],
  "populations": [{"id": "users", "lat": 40, "lon": -75, "entry": "fo.example.com",
                   "dns_cache": [{"share": 1, "mode": "fixed", "cache_s": 30}]}],
  "faults": [
    {"kind": "region_outage", "region": "lab-1", "at_s": 0, "until_s": 60},
    {"kind": "az_outage", "region": "lab-1", "az": 0, "at_s": 0},
    {"kind": "brownout", "target": "app-a", "error_share": 0.5, "at_s": 0},
    {"kind": "replication_lagging", "database": "db", "replica": "us-west-2", "lag_ms": 1000,
     "at_s": 0},
    {"kind": "manual_dns_change", "dns": "w.example.com", "record": "a", "set_weight": 10,
     "at_s": 0}],
  "cost": {}
})";

// Where each section's fields sit in kBase.
std::vector<std::string> places_of(const FieldSpec &f) {
    const std::string section = f.section, key = f.key;
    static const std::map<std::string, std::vector<std::string>> kPlaces = {
        {"settings", {"/settings"}},
        {"region", {"/regions/0"}},
        {"rtt_overrides", {"/rtt_overrides/0"}},
        {"app_tier", {"/app_tiers/0"}},
        {"database", {"/databases/0"}},
        {"lag", {"/databases/0/replicas/0/lag", "/databases/0/lag"}},
        {"health_check", {"/health_checks/0"}},
        {"dns", {"/dns/0"}},
        {"dns/records", {"/dns/1/records/0"}},
        {"accelerator", {"/accelerators/0"}},
        {"accelerator/groups", {"/accelerators/0/groups/0"}},
        {"accelerator/groups/endpoints", {"/accelerators/0/groups/0/endpoints/0"}},
        {"distribution", {"/distributions/0"}},
        {"distribution/edges", {"/distributions/0/edges/0"}},
        {"population", {"/populations/0"}},
        {"population/dns_cache", {"/populations/0/dns_cache/0"}},
        {"cost", {"/cost"}},
    };
    if (section == "fault") {
        if (key == "at_s" || key == "until_s")
            return {"/faults/0"};
        if (key == "az")
            return {"/faults/1"};
        if (key == "error_share" || key == "extra_latency_ms")
            return {"/faults/2"};
        if (key == "lag_ms")
            return {"/faults/3"};
        if (key == "operator_delay_s" || key == "set_weight")
            return {"/faults/4"};
        return {};
    }
    const auto it = kPlaces.find(section);
    return it == kPlaces.end() ? std::vector<std::string>{} : it->second;
}

// A value as its field's JSON holds it: seconds and numbers as written, others whole.
Json value_json(const FieldSpec &f, double v) {
    if (f.type == FieldType::integer || f.type == FieldType::millis)
        return static_cast<long long>(v);
    return v;
}

// The values just outside the range: one unit (an integer, a millisecond) or, for a number,
// the next representable value.
std::pair<double, double> just_outside(const FieldSpec &f) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    switch (f.type) {
    case FieldType::integer:
    case FieldType::millis:
        return {f.min - 1, f.max + 1};
    case FieldType::seconds:
        return {f.min - 0.001, f.max + 0.001};
    default:
        return {std::nextafter(f.min, -inf), std::nextafter(f.max, inf)};
    }
}

// The problems reported at a pointer when the field there holds a value.
std::vector<std::string> problems_at(const std::string &pointer, const Json &value,
                                     const FieldSpec &f) {
    Json doc = Json::parse(kBase);
    if (std::string(f.key) == "eth_delay_s")
        doc["version"] = 1; // a version-1 field
    doc[Json::json_pointer(pointer)] = value;
    const ScenarioLoad load = parse_scenario(doc.dump(), "range.json");
    std::vector<std::string> found;
    for (const Problem &p : load.problems)
        if (p.where == pointer)
            found.push_back(p.message);
    return found;
}

// Bounds that other rules keep out of reach, and why.
bool bound_unreachable(const FieldSpec &f, bool lower) {
    const std::string key = f.key;
    return (key == "until_s" && lower) // an end must come after the start, at 0 or later
           || key == "version";        // a version above 3 is refused as too new
}

} // namespace

TEST_CASE("The base scenario of the range test loads", "[spec][format]") {
    const ScenarioLoad load = parse_scenario(kBase, "base.json");
    for (const Problem &p : load.problems)
        INFO(p.text());
    CHECK(load.scenario);
}

TEST_CASE("Every range the reader enforces is the field spec's", "[spec][format]") {
    int checked = 0;
    for (const FieldSpec &f : field_specs()) {
        if (!f.has_range())
            continue;
        INFO(f.section << "/" << f.key);
        const std::vector<std::string> places = places_of(f);
        if (std::string(f.key) == "version")
            continue;
        // A numeric field the test cannot place is a field it does not check: place it.
        REQUIRE_FALSE(places.empty());
        for (const std::string &at : places) {
            const std::string pointer = at + "/" + f.key;
            INFO(pointer);
            const auto [below, above] = just_outside(f);
            CHECK_FALSE(problems_at(pointer, value_json(f, below), f).empty());
            CHECK_FALSE(problems_at(pointer, value_json(f, above), f).empty());
            if (!bound_unreachable(f, true))
                CHECK(problems_at(pointer, value_json(f, f.min), f).empty());
            if (!bound_unreachable(f, false))
                CHECK(problems_at(pointer, value_json(f, f.max), f).empty());
            ++checked;
        }
    }
    CHECK(checked >= 60);
}

TEST_CASE("The field spec has one row per field, each range in order", "[spec]") {
    std::set<std::pair<std::string, std::string>> seen;
    for (const FieldSpec &f : field_specs()) {
        INFO(f.section << "/" << f.key);
        CHECK(seen.insert({f.section, f.key}).second);
        CHECK(std::string(f.label).size() > 0);
        CHECK(std::string(f.help).size() > 0);
        if (f.has_range())
            CHECK(f.min <= f.max);
    }
    // Lookups by a path of sections find the innermost row, then the rows for any section.
    REQUIRE(find_field_spec("database/replicas/lag", "median_ms"));
    CHECK(std::string(find_field_spec("database/replicas/lag", "median_ms")->section) == "lag");
    REQUIRE(find_field_spec("database/replicas", "region"));
    CHECK(std::string(find_field_spec("database/replicas", "region")->help) ==
          "Where the replica runs.");
    REQUIRE(find_field_spec("app_tier", "id"));
    CHECK(std::string(find_field_spec("app_tier", "id")->section) == "*");
    CHECK_FALSE(find_field_spec("app_tier", "no_such_field"));
}

TEST_CASE("A row found is the row of the list, in the format's order", "[spec]") {
    // The inspector orders fields by their place in field_specs(), taken from the pointer that
    // find_field_spec returns.
    const auto rows = field_specs();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO(rows[i].section << "/" << rows[i].key);
        CHECK(find_field_spec(rows[i].section, rows[i].key) == &rows[i]);
    }
    const FieldSpec *first = find_field_spec("*", "id");
    const FieldSpec *last = find_field_spec("cost", "revenue_per_minute");
    REQUIRE(first);
    REQUIRE(last);
    CHECK(first == &rows.front());
    CHECK(last == &rows.back());
    CHECK(find_field_spec("settings", "slo") < find_field_spec("health_check", "target"));
}

TEST_CASE("Every choice a field offers has words", "[spec]") {
    for (const auto &[kind, key] :
         std::vector<std::pair<std::string, std::string>>{{"database", "kind"},
                                                          {"database", "promotion"},
                                                          {"dns", "policy"},
                                                          {"fault", "kind"},
                                                          {"database", "sync_unreachable"}}) {
        for (const std::string &value : field_choices(kind, key)) {
            INFO(value);
            const std::string words = choice_label(key, value);
            CHECK_FALSE(words.empty());
            CHECK(words.find('_') == std::string::npos);
        }
    }
    CHECK(choice_label("kind", "single_writer") == "single writer (RDS)");
    CHECK(std::string(kind_label("app_tier")) == "App tier");
}

TEST_CASE("A single writer without a replica has no promotion fields", "[field-spec]") {
    model::Database d;
    d.id = "db";
    d.kind = model::DbKind::single_writer;
    d.writer = "us-east-1";
    d.promotion = model::PromotionMode::automated;
    for (const char *key : {"promotion", "promotion_s", "fencing", "detection_s",
                            "switchover_base_s", "operator_delay_s"})
        CHECK_FALSE(model::database_field_applies(d, key));
    CHECK(model::database_field_applies(d, "writer"));
    d.replicas.push_back(model::DbReplica{});
    d.replicas.back().region = "us-west-2";
    for (const char *key : {"promotion", "promotion_s", "fencing", "detection_s"})
        CHECK(model::database_field_applies(d, key));
    CHECK_FALSE(model::database_field_applies(d, "operator_delay_s"));
}
