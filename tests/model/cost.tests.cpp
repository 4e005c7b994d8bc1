#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("The four patterns of C4 cost what the table says", "[data][cost][c4]") {
    const auto multiplier = [](const char *file) {
        return simulate(testing::load_builtin(file)).summary.cost_multiplier;
    };
    CHECK(multiplier("pattern-single-region-multi-az.json") == Approx(1.5).margin(0.15));
    CHECK(multiplier("pattern-warm-standby.json") == Approx(1.8).margin(0.15));
    CHECK(multiplier("pattern-hot-standby.json") == Approx(2.0).margin(0.15));
    // Active-active is 2.5 to 3 in the table.
    const double aa = multiplier("pattern-active-active.json");
    CHECK(aa >= 2.5 - 0.15);
    CHECK(aa <= 3.0 + 0.15);
}
