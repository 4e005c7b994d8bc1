// One golden fingerprint per built-in scenario: a change to any of them is a change to what
// the model computes, and must be made on purpose (regenerate with `failover-lab simulate
// FILE --format json` and read the new trace before updating the table).
#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace model;

TEST_CASE("Built-in scenarios keep their golden fingerprints", "[golden][determinism]") {
    std::ifstream table(testing::source_path("tests/data/golden-fingerprints.txt"));
    REQUIRE(table);
    std::string line;
    int checked = 0;
    while (std::getline(table, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream in(line);
        std::string file, expected;
        in >> file >> expected;
        INFO(file);
        const Report r = simulate(testing::load_builtin(file));
        CHECK(r.fingerprint == expected);
        ++checked;
    }
    CHECK(checked >= 5);
}
