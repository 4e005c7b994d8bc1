#include "model/random.h"

#include <catch2/catch.hpp>

#include <array>

using model::Random;

namespace {

// The first draws of xoshiro256** seeded through splitmix64, as the published algorithms give
// them. These literals were computed once by an independent Python implementation written from
// the algorithms' descriptions, not from model/random.cpp (tests/data/xoshiro_reference.py
// prints them again), so a change of algorithm, platform or standard library shows up here.
struct Pinned {
    std::uint64_t seed;
    std::array<std::uint64_t, 5> next;
    std::array<double, 3> unit;
    std::array<std::uint64_t, 5> below_10;
    std::uint64_t then_below_1000003;
    std::array<std::int64_t, 5> between_minus5_5;
};

const Pinned kPinned[] = {
    {0,
     {0x99ec5f36cb75f2b4, 0xbf6e1f784956452a, 0x1a5f849d4933e6e0, 0x6aa594f1262d2d2c,
      0xbba5ad4a1f842e59},
     {0x1.33d8be6d96ebep-1, 0x1.7edc3ef092ac8p-1, 0x1.a5f849d4933e0p-4},
     {0, 2, 8, 2, 7},
     346045,
     {-3, 5, -2, -3, -1}},
    {1,
     {0xb3f2af6d0fc710c5, 0x853b559647364cea, 0x92f89756082a4514, 0x642e1c7bc266a3a7,
      0xb27a48e29a233673},
     {0x1.67e55eda1f8e2p-1, 0x1.0a76ab2c8e6c9p-1, 0x1.25f12eac10548p-1},
     {7, 2, 0, 3, 1},
     822125,
     {5, 2, 3, 5, 0}},
    {42,
     {0x15780b2e0c2ec716, 0x6104d9866d113a7e, 0xae17533239e499a1, 0xecb8ad4703b360a1,
      0xfde6dc7fe2ec5e64},
     {0x1.5780b2e0c2ec0p-4, 0x1.84136619b444ep-2, 0x1.5c2ea66473c93p-1},
     {2, 2, 9, 3, 6},
     52685,
     {-5, 2, -3, 0, 0}},
    {0xffffffffffffffff,
     {0x8f5520d52a7ead08, 0xc476a018caa1802d, 0x81de31c0d260469e, 0xbf658d7e065f3c2f,
      0x913593fda1bca32a},
     {0x1.1eaa41aa54fd5p-1, 0x1.88ed403195430p-1, 0x1.03bc6381a4c08p-1},
     {2, 9, 6, 7, 2},
     547126,
     {2, -1, 4, 1, 3}},
};

} // namespace

TEST_CASE("The generator gives the same numbers everywhere", "[random][determinism]") {
    for (const Pinned &pin : kPinned) {
        CAPTURE(pin.seed);
        Random next(pin.seed);
        for (std::size_t i = 0; i < pin.next.size(); ++i) {
            CAPTURE(i);
            CHECK(next.next() == pin.next[i]);
        }
        Random unit(pin.seed);
        for (std::size_t i = 0; i < pin.unit.size(); ++i) {
            CAPTURE(i);
            CHECK(unit.unit() == pin.unit[i]); // exact: 53 bits times a power of two
        }
        Random below(pin.seed);
        for (std::size_t i = 0; i < pin.below_10.size(); ++i) {
            CAPTURE(i);
            CHECK(below.below(10) == pin.below_10[i]);
        }
        CHECK(below.below(1000003) == pin.then_below_1000003);
        Random between(pin.seed);
        for (std::size_t i = 0; i < pin.between_minus5_5.size(); ++i) {
            CAPTURE(i);
            CHECK(between.between(-5, 5) == pin.between_minus5_5[i]);
        }
    }
}

TEST_CASE("Sub-streams and derived seeds are pinned too", "[random][determinism]") {
    // Same independent reference as above.
    CHECK(model::mix64(42, 3) == 0x0697163a09ab2de4);
    Random fork = Random(42).fork(3);
    CHECK(fork.next() == 0x3d3d614ad4d2cc80);
    CHECK(fork.next() == 0x8df32be8fce1048b);
    CHECK(fork.next() == 0x990d635d4b4d5644);
}

TEST_CASE("Bounded draws stay in range and cover it", "[random]") {
    Random r(7);
    int seen[10] = {};
    for (int i = 0; i < 10000; ++i) {
        const auto v = r.below(10);
        REQUIRE(v < 10);
        ++seen[v];
    }
    for (int n : seen)
        CHECK(n > 800);
    for (int i = 0; i < 1000; ++i) {
        const auto v = r.between(-5, 5);
        REQUIRE(v >= -5);
        REQUIRE(v <= 5);
        const double u = r.unit();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
    }
}

TEST_CASE("Forked streams do not depend on draws from the parent", "[random]") {
    Random a(9), b(9);
    for (int i = 0; i < 17; ++i)
        a.next();
    CHECK(a.fork(3).next() == b.fork(3).next());
    CHECK(a.fork(3).next() != a.fork(4).next());
}
