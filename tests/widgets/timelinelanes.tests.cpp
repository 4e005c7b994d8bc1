#include "widgets/timelinelanes.h"
#include "builtins.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using testing::built_in;
using testing::BuiltIn;

TEST_CASE("Every event lands on the lane of its component", "[timeline][lanes]") {
    const BuiltIn &run = built_in("read-replica-promotion");
    const auto lanes = widgets::build_lanes(run.scenario, run.report->run);
    std::map<std::string, widgets::LaneGroup> groups;
    std::size_t placed = 0;
    for (const auto &lane : lanes) {
        groups[lane.id] = lane.group;
        placed += lane.events.size();
        for (std::size_t e : lane.events)
            CHECK(run.report->run.events[e].subject == lane.id);
    }
    CHECK(placed + 1 == run.report->run.events.size()); // all but run_ended
    CHECK(groups["us-east-1"] == widgets::LaneGroup::region);
    CHECK(groups["hc-east"] == widgets::LaneGroup::health_check);
    CHECK(groups["shop.example.com"] == widgets::LaneGroup::dns);
    CHECK(groups["orders-db"] == widgets::LaneGroup::database);
    CHECK(groups["us-shoppers"] == widgets::LaneGroup::population);
    CHECK(groups["app-west"] == widgets::LaneGroup::app_tier);
    CHECK(groups["writes"] == widgets::LaneGroup::service);
    // Regions come first and the service last, as the layers go.
    CHECK(lanes.front().group == widgets::LaneGroup::region);
    CHECK(lanes.back().group == widgets::LaneGroup::service);
    // The region outage shows as a span on its lane until the end of the run.
    for (const auto &lane : lanes)
        if (lane.id == "us-east-1") {
            REQUIRE(lane.fault_spans.size() == 1);
            CHECK(lane.fault_spans[0].first == 10 * model::kMinute);
        }
}
