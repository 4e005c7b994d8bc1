#include "builders.h"

#include "model/json_reader.h"
#include "model/scenario_json.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace model;

namespace {

std::vector<std::string> builtin_scenarios() {
    std::vector<std::string> files;
    for (const auto &e :
         std::filesystem::directory_iterator(testing::source_path("lessons/scenarios")))
        if (e.path().extension() == ".json")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> split_tabs(const std::string &line) {
    std::vector<std::string> parts;
    std::stringstream in(line);
    std::string part;
    while (std::getline(in, part, '\t'))
        parts.push_back(part);
    return parts;
}

} // namespace

TEST_CASE("Every built-in scenario loads and round-trips exactly", "[format]") {
    const auto files = builtin_scenarios();
    REQUIRE(files.size() >= 5);
    for (const auto &file : files) {
        INFO(file);
        const ScenarioLoad load = load_scenario_file(file);
        {
            INFO(testing::problems_text(load.problems));
            REQUIRE(load.scenario);
        }
        const std::string saved = write_scenario(*load.scenario);
        const ScenarioLoad again = parse_scenario(saved, file);
        {
            INFO(testing::problems_text(again.problems));
            REQUIRE(again.scenario);
        }
        CHECK(write_scenario(*again.scenario) == saved);
    }
}

TEST_CASE("Missing optional fields take their documented defaults", "[format]") {
    const std::string text = R"({"format": "failover-lab-scenario", "version": 1,
        "regions": [{"id": "us-east-1"}],
        "app_tiers": [{"id": "a", "region": "us-east-1"}],
        "dns": [{"id": "n", "policy": "failover", "records": [
            {"id": "p", "role": "primary", "target": "a"},
            {"id": "s", "role": "secondary", "target": "a"}]}],
        "populations": [{"id": "u", "lat": 40, "lon": -75, "entry": "n"}]})";
    const ScenarioLoad load = parse_scenario(text, "defaults.json");
    {
        INFO(testing::problems_text(load.problems));
        REQUIRE(load.scenario);
    }
    const Scenario &s = *load.scenario;
    CHECK(s.regions[0].name == "N. Virginia");
    CHECK(s.regions[0].where.lat == Approx(39.05));
    CHECK(s.regions[0].azs == 3);
    CHECK(s.settings.duration_ms == 30 * kMinute);
    CHECK(s.settings.step_ms == 1000);
    CHECK(s.app_tiers[0].capacity_rps == 1000);
    CHECK(s.dns[0].ttl_ms == 60 * kSecond);
    CHECK(s.populations[0].retries == 1);
    CHECK(s.populations[0].dns_cache.size() == 1);
}

TEST_CASE("Every file of the bad-input corpus gets its clear error", "[format][bad-input]") {
    const std::string dir = testing::source_path("tests/data/bad/");
    std::ifstream manifest(dir + "manifest.tsv");
    REQUIRE(manifest);
    std::string line;
    int cases = 0;
    while (std::getline(manifest, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const auto parts = split_tabs(line);
        REQUIRE(parts.size() == 3);
        const std::string &file = parts[0], &where = parts[1], &message = parts[2];
        INFO(file << ": expected at " << where << ": " << message);
        const ScenarioLoad load = load_scenario_file(dir + file);
        CHECK_FALSE(load.scenario);
        REQUIRE_FALSE(load.problems.empty());
        INFO("problems found:\n" << testing::problems_text(load.problems));
        bool found = false;
        for (const auto &p : load.problems) {
            CHECK(p.file == dir + file);
            if (p.where.find(where) != std::string::npos &&
                p.message.find(message) != std::string::npos)
                found = true;
        }
        CHECK(found);
        ++cases;
    }
    CHECK(cases >= 25);
}

TEST_CASE("A huge or truncated file is refused and not read", "[format][bad-input]") {
    Problems problems;
    const std::string huge(kMaxScenarioBytes + 1, ' ');
    const ScenarioLoad big = parse_scenario(huge, "huge.json");
    CHECK_FALSE(big.scenario);
    REQUIRE_FALSE(big.problems.empty());
    CHECK(big.problems[0].message.find("8 MiB") != std::string::npos);

    const std::string whole = write_scenario(testing::load_builtin("dns-ttl-floor.json"));
    for (std::size_t cut : {std::size_t{1}, whole.size() / 3, whole.size() / 2, whole.size() - 3}) {
        const ScenarioLoad part = parse_scenario(whole.substr(0, cut), "cut.json");
        CHECK_FALSE(part.scenario);
        REQUIRE_FALSE(part.problems.empty());
        CHECK(part.problems[0].where.rfind("line ", 0) == 0);
    }
}
