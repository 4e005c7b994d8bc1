// The map's view of a distribution: its edge locations, the origin answering their misses and
// how fresh their caches are, all taken from the world at the playhead.
#include "builtins.h"
#include "widgets/cdnedgeitem.h"
#include "widgets/chartseries.h"
#include "widgets/mapitems.h"
#include "widgets/maplinks.h"
#include "widgets/mapview.h"
#include "widgets/regionitem.h"
#include "widgets/requestdots.h"

#include "model/scenario_json.h"
#include "model/simulation.h"
#include "model/world_at.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

// Whether an answer line lit now runs from the distribution to the region's box (the scenario's
// DNS name and accelerator have answer lines of their own).
bool answer_ends_at(const widgets::MapView &view, const QString &region) {
    const QPointF distribution = view.anchor_of(QStringLiteral("shop-cdn"));
    for (const widgets::LinkItem *link : view.links())
        if (link->style() == widgets::LinkItem::Style::answer && link->active() &&
            link->curve().from == distribution && link->curve().to == view.anchor_of(region))
            return true;
    return false;
}

} // namespace

TEST_CASE("The map shows a distribution's edges, its answering origin and its cache",
          "[map][cdn]") {
    widgets::MapView view;
    model::Scenario s = testing::built_in("cdn-origin-failover").scenario;
    view.show_scenario(s);
    REQUIRE(view.edge_node("shop-cdn"));
    CHECK(view.edge_node("shop-cdn")->kind() == widgets::EdgeNodeItem::Kind::distribution);
    widgets::CdnEdgeItem *nyc = view.cdn_edge("shop-cdn", "edge-nyc");
    REQUIRE(nyc);
    CHECK(view.cdn_edge("shop-cdn", "edge-frankfurt"));
    CHECK(nyc->pos() == widgets::MapView::project({40.71, -74.01}));

    const model::Report before = model::simulate(s);
    view.show_world(s, model::world_at(s, before, 5 * model::kMinute));
    CHECK(nyc->answering() == model::CdnOrigin::primary);
    CHECK(nyc->cache_fresh() == 1.0);
    CHECK(view.edge_node("shop-cdn")->subtitle().contains("api-east"));

    view.show_world(s, model::world_at(s, before, 12 * model::kMinute));
    CHECK(nyc->answering() == model::CdnOrigin::secondary);
    CHECK(view.edge_node("shop-cdn")->subtitle().contains("failover"));
    CHECK(nyc->toolTip().contains("api-west"));
    CHECK(answer_ends_at(view, QStringLiteral("us-west-2")));

    // With the secondary in the failed region too, nothing answers and the cache runs out.
    s.distributions[0].secondary = "static-east";
    const model::Report both = model::simulate(s);
    view.show_scenario(s);
    nyc = view.cdn_edge("shop-cdn", "edge-nyc");
    REQUIRE(nyc);
    view.show_world(s, model::world_at(s, both, 10 * model::kMinute + 150 * model::kSecond));
    CHECK(nyc->answering() == model::CdnOrigin::none);
    CHECK(nyc->cache_fresh() == Approx(0.5));
    CHECK_FALSE(answer_ends_at(view, QStringLiteral("us-west-2")));
    view.show_world(s, model::world_at(s, both, 20 * model::kMinute));
    CHECK(nyc->cache_fresh() == 0.0);
    CHECK(view.edge_node("shop-cdn")->subtitle().contains("expired"));
}

TEST_CASE("The CDN chart plots hits, misses by origin, failovers and failures", "[charts][cdn]") {
    const model::Scenario s = testing::built_in("cdn-origin-failover").scenario;
    const model::Report r = model::simulate(s);
    const std::vector<widgets::ChartLine> lines = widgets::cdn_lines(r.run);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].name.contains("ny-cdn"));
    const auto at = [](const widgets::ChartLine &line, double minute) {
        for (const QPointF &p : line.points)
            if (p.x() == minute)
                return p.y();
        return -1.0;
    };
    // At 12 min, in the outage: hits go on, no miss reaches either origin, misses fail over.
    CHECK(at(lines[0], 12) > 0);
    CHECK(at(lines[1], 12) == 0);
    CHECK(at(lines[2], 12) == 0);
    CHECK(at(lines[3], 12) > 0);
    CHECK(at(lines[4], 12) > 0);
    // Before it, misses go to the primary and nothing fails.
    CHECK(at(lines[1], 5) > 0);
    CHECK(at(lines[4], 5) == 0);
    CHECK(widgets::cdn_lines(model::simulate(testing::built_in("dns-ttl-floor").scenario).run)
              .empty());
}
