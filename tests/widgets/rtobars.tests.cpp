#include "widgets/rtobars.h"
#include "builtins.h"

#include <catch2/catch.hpp>

#include <numeric>

using testing::built_in;

TEST_CASE("RTO bar segments add up to the RTO", "[timeline][rto]") {
    for (const char *name : {"read-replica-promotion", "dns-vs-accelerator", "split-brain-unfenced",
                             "pattern-warm-standby"}) {
        const model::Report &report = *built_in(name).report;
        for (const model::Rto *rto : {&report.summary.read, &report.summary.write}) {
            if (!rto->ms)
                continue;
            INFO(name << " " << model::to_string(rto->status));
            constexpr double x = 120, px_per_ms = 0.0137;
            const auto segments = widgets::rto_segments(rto->breakdown, x, px_per_ms);
            const model::Ms ms = std::accumulate(
                segments.begin(), segments.end(), model::Ms{0},
                [](model::Ms sum, const widgets::RtoSegment &s) { return sum + s.ms; });
            CHECK(ms == *rto->ms);
            double width = 0, end = x;
            for (const auto &s : segments) {
                CHECK(s.ms > 0);
                CHECK(s.x == Approx(end));
                end = s.x + s.width;
                width += s.width;
            }
            CHECK(width == Approx(static_cast<double>(*rto->ms) * px_per_ms));
        }
    }
    model::Breakdown b;
    b.detection = 30'000;
    b.client_cache = 60'000;
    b.other = 500;
    const auto segments = widgets::rto_segments(b, 0, 0.01);
    REQUIRE(segments.size() == 3); // empty parts take no room
    CHECK(segments[1].part == widgets::RtoPart::client_cache);
    CHECK(segments[1].x == Approx(300));
    CHECK(segments[2].x + segments[2].width == Approx(905));
}
