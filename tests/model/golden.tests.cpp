// One golden fingerprint per built-in scenario: a change to any of them is a change to what
// the model computes, and must be made on purpose (regenerate with `failover-lab simulate
// FILE --format json` and read the new trace before updating the table).
#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace model;

namespace {

// File name -> fingerprint, as tests/data/golden-fingerprints.txt lists them.
std::map<std::string, std::string> golden_table() {
    std::ifstream table(testing::source_path("tests/data/golden-fingerprints.txt"));
    REQUIRE(table);
    std::map<std::string, std::string> golden;
    std::string line;
    while (std::getline(table, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream in(line);
        std::string file, expected;
        in >> file >> expected;
        INFO("golden-fingerprints.txt line: " << line);
        REQUIRE_FALSE(expected.empty());
        REQUIRE(golden.emplace(file, expected).second); // one line per scenario
    }
    return golden;
}

std::set<std::string> builtin_scenario_files() {
    std::set<std::string> files;
    for (const auto &e :
         std::filesystem::directory_iterator(testing::source_path("lessons/scenarios")))
        if (e.is_regular_file() && e.path().extension() == ".json")
            files.insert(e.path().filename().string());
    return files;
}

} // namespace

TEST_CASE("Every built-in scenario has a golden fingerprint and every fingerprint a scenario",
          "[golden][determinism]") {
    const auto golden = golden_table();
    const auto files = builtin_scenario_files();
    REQUIRE_FALSE(files.empty());
    for (const auto &file : files) {
        INFO("lessons/scenarios/" << file << " has no line in golden-fingerprints.txt");
        CHECK(golden.count(file) == 1);
    }
    for (const auto &[file, fingerprint] : golden) {
        INFO("golden-fingerprints.txt names " << file << ", which is not in lessons/scenarios");
        CHECK(files.count(file) == 1);
    }
}

TEST_CASE("Built-in scenarios keep their golden fingerprints", "[golden][determinism]") {
    const auto golden = golden_table();
    const auto files = builtin_scenario_files();
    for (const auto &file : files) {
        const auto it = golden.find(file);
        if (it == golden.end())
            continue; // reported by the test above
        INFO(file);
        const Report r = simulate(testing::load_builtin(file));
        CHECK(r.fingerprint == it->second);
    }
}
