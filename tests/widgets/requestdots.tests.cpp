#include "widgets/requestdots.h"

#include <catch2/catch.hpp>

#include <vector>

TEST_CASE("Request dots are a pure function of the playhead", "[map][dots]") {
    std::vector<widgets::FlowPath> flows = {
        {QPointF(0, 0), QPointF(500, 100), 400, 0.25},
        {QPointF(-300, 50), QPointF(200, -80), 120, 0.0},
    };
    widgets::RequestDots dots;
    dots.set_flows(flows);
    dots.set_time(61'000);
    const auto ok = dots.ok_dots();
    const auto failed = dots.failed_dots();
    CHECK(ok.size() + failed.size() == 60 + 18); // 0.15 dots per request/s
    CHECK(failed.size() == 15);                  // a quarter of the first flow's 60
    dots.set_time(64'000);
    CHECK(dots.ok_dots() != ok);
    dots.set_time(61'000);
    CHECK(dots.ok_dots() == ok);
    CHECK(dots.failed_dots() == failed);

    std::vector<QPointF> again_ok, again_failed;
    widgets::RequestDots::place(flows, 61'000, widgets::RequestDots::kDefaultMaxDots, again_ok,
                                again_failed);
    CHECK(again_ok == ok);
    CHECK(again_failed == failed);
    // A whole travel time later every dot is back where it was.
    widgets::RequestDots::place(flows, 61'000 + widgets::RequestDots::kTravelMs,
                                widgets::RequestDots::kDefaultMaxDots, again_ok, again_failed);
    REQUIRE(again_ok.size() == ok.size());
    for (std::size_t i = 0; i < ok.size(); ++i) {
        CHECK(again_ok[i].x() == Approx(ok[i].x()).margin(1e-6));
        CHECK(again_ok[i].y() == Approx(ok[i].y()).margin(1e-6));
    }
    // The total is capped.
    flows[0].requests_per_s = 1e6;
    widgets::RequestDots::place(flows, 0, 2000, again_ok, again_failed);
    CHECK(again_ok.size() + again_failed.size() <= 2000);
}
