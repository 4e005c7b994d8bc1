#include "builders.h"

#include "model/edit.h"
#include "model/problem_place.h"
#include "model/scenario_json.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("A problem names its component and field for people", "[problem][format]") {
    Scenario s = testing::load_builtin("dns-ttl-floor.json");
    nlohmann::json doc = nlohmann::json::parse(write_scenario(s));
    doc["databases"][0]["writer"] = "us-east-9";
    const ScenarioLoad load = parse_scenario(doc.dump(), "edited.json");
    REQUIRE_FALSE(load.problems.empty());
    const Problem &p = load.problems.front();
    CHECK(p.where == "/databases/0/writer");
    CHECK(p.place.kind == "database");
    CHECK(p.place.id == "orders-db");
    CHECK(p.place.key == "writer");
    CHECK(p.for_people() ==
          "Database orders-db, Writer: \"us-east-9\" is not one of this scenario's regions");
    // The command line keeps the file and the pointer.
    CHECK(p.text() == "edited.json: /databases/0/writer: \"us-east-9\" is not one of this "
                      "scenario's regions");
}

TEST_CASE("Places inside lists and nested objects name the element", "[problem]") {
    const Scenario s = testing::load_builtin("dns-ttl-floor.json");
    const nlohmann::json doc = nlohmann::json::parse(write_scenario(s));
    const ProblemPlace record = place_of(doc, "/dns/0/records/1/role");
    CHECK(record.kind == "dns");
    CHECK(record.id == "shop.example.com");
    CHECK(record.part_key == "records");
    CHECK(record.section == "dns/records");
    CHECK(record.key == "role");
    CHECK(place_words(record) ==
          "DNS name shop.example.com, Record " + s.dns[0].records[1].id + ", Role");

    const ProblemPlace lag = place_of(doc, "/databases/0/replicas/0/lag/p99_ms");
    CHECK(place_words(lag) ==
          "Database orders-db, Replica " + s.databases[0].replicas[0].region + ", 99th percentile");
    CHECK(place_words(place_of(doc, "/settings/duration_s")) == "Scenario settings, Duration");
    CHECK(place_words(place_of(doc, "/name")) == "Scenario, Name");
    CHECK(place_of(doc, "/populations").empty());
    CHECK(place_of(doc, "").empty());
}

TEST_CASE("A syntax error keeps its line and column for people", "[problem][format]") {
    const ScenarioLoad load = parse_scenario("{\n  \"format\": ,\n}", "broken.json");
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].place.empty());
    CHECK(load.problems[0].for_people().rfind("line 2, column", 0) == 0);
}

TEST_CASE("A refused edit carries its problems with their places", "[problem][edit]") {
    Scenario s = testing::failover_pair(10 * kSecond, 2, 60 * kSecond);
    const EditResult r = set_field(s, "hc-east", "failure_threshold", 11);
    REQUIRE_FALSE(r.ok);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].for_people() ==
          "Health check hc-east, Failure threshold: expected an integer from 1 to 10, found 11");
    const EditResult done = set_field(s, "app-east", "capacity_rps", 3000);
    REQUIRE(done.ok);
    CHECK(done.message == "App tier app-east, Capacity changed");
}
