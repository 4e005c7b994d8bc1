#include "model/geo.h"

#include <catch2/catch.hpp>

using namespace model;

TEST_CASE("Round trips between regions", "[geo]") {
    // Measured: us-east-1 to us-west-2 is 64 ms (curriculum C8 says about 65).
    CHECK(measured_rtt("us-east-1", "us-west-2") == 64);
    CHECK(measured_rtt("eu-west-1", "eu-central-1") == 27);
    CHECK_FALSE(measured_rtt("us-east-1", "mars-north-1"));
    // Elsewhere: great circle at 200 km/ms, times the route factor, both ways.
    const double km = great_circle_km({39.05, -77.49}, {53.35, -6.26});
    CHECK(km == Approx(5461).epsilon(0.01));
    CHECK(rtt_from_distance(km, 1.0) == 55);
    CHECK(rtt_from_distance(1000, 1.5) == 15);
    CHECK(rtt_from_distance(0, 1.5) == 1);
}
