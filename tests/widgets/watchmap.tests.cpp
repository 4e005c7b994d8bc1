// The map while a failover plays: client caches at the playhead, populations at their place,
// labels and routes clear of the boxes, the view refitted as it is resized, highlighting.
#include "model/world_at.h"
#include "widgets/mapitems.h"
#include "widgets/maplinks.h"
#include "widgets/mapview.h"
#include "widgets/regionitem.h"

#include "builtins.h"

#include <catch2/catch.hpp>

using testing::built_in;

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

// A box in viewport pixels.
QRectF on_screen(const widgets::MapView &view, const widgets::MapItem *item) {
    return item->body().translated(view.viewportTransform().map(item->pos()));
}

} // namespace

TEST_CASE("Each population shows its DNS caches as the model has them at the playhead",
          "[map][cache]") {
    const auto &run = built_in("dns-ttl-floor");
    widgets::MapView view;
    view.resize(1000, 600);
    view.show_scenario(run.scenario);
    int countdowns = 0;
    for (model::Ms t = 0; t <= run.report->run.end_ms; t += 7 * model::kSecond) {
        const model::WorldAt w = model::world_at(run.scenario, *run.report, t);
        view.show_world(run.scenario, w);
        for (std::size_t p = 0; p < run.scenario.populations.size(); ++p) {
            const widgets::PopulationItem *item =
                view.population_item(q(run.scenario.populations[p].id));
            REQUIRE(item);
            INFO("t " << t << ", population " << p);
            CHECK(item->cache_share() == w.caches[p].stale_share);
            CHECK(item->cache_expires_in() == w.caches[p].expires_in_ms);
            if (w.caches[p].expires_in_ms) {
                ++countdowns;
                const model::Ms s = (*w.caches[p].expires_in_ms + 999) / 1000;
                CHECK(item->cache_text().contains(QStringLiteral("%1 s").arg(s)));
            } else if (w.caches[p].stale_share == 0) {
                CHECK(item->cache_text().isEmpty());
            }
        }
    }
    CHECK(countdowns > 0); // the scenario's failover leaves caches to expire
}

TEST_CASE("Populations stay at their place; labels never sit under a box", "[map][layout]") {
    for (const char *name : {"start-here", "dns-ttl-floor", "pattern-warm-standby",
                             "routing-policies", "global-db-failover"}) {
        INFO(name);
        const auto &run = built_in(name);
        widgets::MapView view;
        view.resize(900, 520);
        view.show_scenario(run.scenario);
        view.fit_to_content();
        view.show_world(run.scenario,
                        model::world_at(run.scenario, *run.report, run.report->run.end_ms / 2));
        std::vector<QRectF> boxes;
        for (const auto &r : run.scenario.regions)
            boxes.push_back(on_screen(view, view.region_item(q(r.id))));
        for (const auto &p : run.scenario.populations) {
            const widgets::PopulationItem *item = view.population_item(q(p.id));
            CHECK(item->pos() == widgets::MapView::project(p.where));
            boxes.push_back(on_screen(view, item));
        }
        for (const widgets::LinkItem *link : view.links()) {
            if (link->label().isEmpty())
                continue;
            const QSizeF size = link->label_size();
            const QPointF c = view.viewportTransform().map(link->label_pos());
            const QRectF plate(c.x() - size.width() / 2, c.y() - size.height() / 2, size.width(),
                               size.height());
            INFO(link->label().toStdString());
            for (const QRectF &box : boxes)
                CHECK_FALSE(box.intersects(plate));
        }
    }
}

TEST_CASE("The map refits when resized until the user zooms", "[map][layout]") {
    const auto &run = built_in("start-here");
    widgets::MapView view;
    view.resize(600, 400);
    view.show(); // a hidden view is not told of its new sizes
    view.show_scenario(run.scenario);
    view.fit_to_content();
    REQUIRE(view.fits_automatically());
    const double small = view.transform().m11();
    view.resize(1200, 800);
    CHECK(view.transform().m11() > small);
    view.zoom_in();
    CHECK_FALSE(view.fits_automatically());
    const double chosen = view.transform().m11();
    view.resize(700, 500);
    CHECK(view.transform().m11() == chosen);
    view.fit_to_content();
    CHECK(view.fits_automatically());
}

TEST_CASE("Highlighting a component outlines it, or the regions that hold it", "[map][hover]") {
    const auto &run = built_in("start-here");
    widgets::MapView view;
    view.show_scenario(run.scenario);
    const std::string region = run.scenario.regions.front().id;
    view.set_highlight(q(region));
    CHECK(view.region_item(q(region))->highlighted());
    const model::AppTier &tier = run.scenario.app_tiers.front();
    view.set_highlight(q(tier.id));
    CHECK(view.region_item(q(tier.region))->highlighted());
    const std::string pop = run.scenario.populations.front().id;
    view.set_highlight(q(pop));
    CHECK(view.population_item(q(pop))->highlighted());
    CHECK_FALSE(view.region_item(q(tier.region))->highlighted());
    view.set_highlight(QString());
    CHECK_FALSE(view.population_item(q(pop))->highlighted());
}
