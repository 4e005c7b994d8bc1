#include "widgets/mapview.h"
#include "builtins.h"
#include "model/scenario_json.h"
#include "model/simulation.h"
#include "model/world_at.h"
#include "widgets/mapitems.h"
#include "widgets/maplinks.h"
#include "widgets/regionitem.h"
#include "widgets/requestdots.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

template <typename Item> std::vector<Item *> items_of(const widgets::MapView &view) {
    std::vector<Item *> out;
    for (QGraphicsItem *i : view.scene()->items())
        if (auto *item = qgraphicsitem_cast<Item *>(i))
            out.push_back(item);
    return out;
}

struct Dropped {
    model::ComponentKind kind;
    model::LatLon where;
    QString region;
};

} // namespace

TEST_CASE("The map has one item per region and per population, synced by id", "[map]") {
    widgets::MapView view;
    model::Scenario s = testing::built_in("start-here").scenario;
    view.show_scenario(s);
    CHECK(items_of<widgets::RegionItem>(view).size() == s.regions.size());
    CHECK(items_of<widgets::PopulationItem>(view).size() == s.populations.size());
    for (const auto &r : s.regions) {
        const widgets::RegionItem *item = view.region_item(QString::fromStdString(r.id));
        REQUIRE(item);
        CHECK(item->pos() == widgets::MapView::project(r.where));
    }
    REQUIRE(view.edge_node("shop.example.com"));

    view.select_id("eu-shoppers");
    CHECK(view.selected_id() == "eu-shoppers");
    // A re-sync keeps the items that stay, and their selection, and drops the others.
    const widgets::PopulationItem *kept = view.population_item("eu-shoppers");
    s.populations.erase(s.populations.begin()); // us-shoppers
    s.populations[0].where = {45.0, 10.0};
    view.show_scenario(s);
    CHECK(items_of<widgets::PopulationItem>(view).size() == 1);
    CHECK(view.population_item("eu-shoppers") == kept);
    CHECK(kept->pos() == widgets::MapView::project({45.0, 10.0}));
    CHECK(view.selected_id() == "eu-shoppers");
}

TEST_CASE("Region boxes carry a badge for each part living there", "[map]") {
    widgets::MapView view;
    const model::Scenario s = testing::built_in("dns-ttl-floor").scenario;
    view.show_scenario(s);
    const widgets::RegionItem *east = view.region_item("us-east-1");
    const widgets::RegionItem *west = view.region_item("us-west-2");
    REQUIRE(east);
    REQUIRE(west);
    REQUIRE(east->badge("tier:app-east"));
    REQUIRE(east->badge("db:orders-db"));
    REQUIRE(west->badge("db:orders-db"));
    CHECK(east->badge("db:orders-db")->role() == widgets::DbRole::writer);
    CHECK(west->badge("db:orders-db")->role() == widgets::DbRole::replica);
    CHECK(east->fixed());
    CHECK(east->azs() == 3);
}

TEST_CASE("Every kind dropped onto a region names that region", "[map][drop]") {
    widgets::MapView view;
    const model::Scenario s = testing::built_in("start-here").scenario;
    view.show_scenario(s);
    std::vector<Dropped> dropped;
    std::vector<QString> refused;
    QObject::connect(&view, &widgets::MapView::component_dropped,
                     [&](model::ComponentKind k, model::LatLon w, const QString &r) {
                         dropped.push_back({k, w, r});
                     });
    QObject::connect(&view, &widgets::MapView::drop_refused,
                     [&](const QString &why) { refused.push_back(why); });
    REQUIRE(s.regions[1].id == "us-west-2");
    // The middle of the region's box (which may stand aside from its place, off a population).
    const widgets::RegionItem *box = view.region_item("us-west-2");
    const QPointF at = view.mapToScene(
        (view.viewportTransform().map(box->pos()) + box->body().center()).toPoint());
    const model::LatLon west = widgets::MapView::unproject(at);
    for (model::ComponentKind kind : model::all_component_kinds()) {
        INFO(model::to_string(kind));
        dropped.clear();
        CHECK(view.drop_component(kind, at));
        REQUIRE(dropped.size() == 1);
        CHECK(dropped[0].kind == kind);
        CHECK(dropped[0].region == "us-west-2");
        CHECK(dropped[0].where.lat == Approx(west.lat));
        CHECK(dropped[0].where.lon == Approx(west.lon));
    }
    CHECK(refused.empty());
}

TEST_CASE("Region-bound kinds dropped on the ocean are refused with a reason", "[map][drop]") {
    widgets::MapView view;
    view.show_scenario(testing::built_in("start-here").scenario);
    int dropped = 0;
    std::vector<QString> refused;
    QObject::connect(&view, &widgets::MapView::component_dropped, [&] { ++dropped; });
    QObject::connect(&view, &widgets::MapView::drop_refused,
                     [&](const QString &why) { refused.push_back(why); });
    const QPointF pacific = widgets::MapView::project({0.0, -150.0});
    CHECK(view.region_at(pacific).isEmpty());
    for (model::ComponentKind kind : model::all_component_kinds()) {
        INFO(model::to_string(kind));
        refused.clear();
        const int before = dropped;
        const bool ok = view.drop_component(kind, pacific);
        CHECK(ok == !model::is_region_bound(kind));
        if (model::is_region_bound(kind)) {
            CHECK(dropped == before);
            REQUIRE(refused.size() == 1);
            CHECK(refused[0].contains("onto a region"));
        } else {
            CHECK(dropped == before + 1);
            CHECK(refused.empty());
        }
    }
    CHECK(view.drop_component(model::ComponentKind::population, QPointF(1e6, 0)) == false);
}

TEST_CASE("The world at the playhead shows outages, answers and roles", "[map][world]") {
    widgets::MapView view;
    const model::Scenario s = testing::built_in("dns-ttl-floor").scenario;
    const model::Report report = model::simulate(s);
    view.show_scenario(s);

    view.show_world(s, model::world_at(s, report, 5 * model::kMinute));
    CHECK_FALSE(view.region_item("us-east-1")->down());
    CHECK_FALSE(view.region_item("us-west-2")->down());
    CHECK_FALSE(view.request_dots()->flows().empty());

    view.show_world(s, model::world_at(s, report, 11 * model::kMinute));
    CHECK(view.region_item("us-east-1")->down());
    CHECK_FALSE(view.region_item("us-west-2")->down());
    CHECK(view.region_item("us-east-1")->toolTip().contains("DOWN"));
    bool west_answer = false, east_answer = false;
    for (const widgets::LinkItem *link : view.links())
        if (link->style() == widgets::LinkItem::Style::answer && link->active()) {
            // Answers end at the box of the region of the tier they name.
            const QPointF end = link->curve().to;
            const auto box = [&](const char *id) {
                const widgets::RegionItem *r = view.region_item(id);
                return r->pos() + r->offset() / view.transform().m11();
            };
            west_answer = west_answer || end == box("us-west-2");
            east_answer = east_answer || end == box("us-east-1");
        }
    CHECK(west_answer);
    CHECK_FALSE(east_answer);

    view.show_world(s, model::world_at(s, report, 29 * model::kMinute));
    CHECK(view.region_item("us-west-2")->badge("db:orders-db")->role() == widgets::DbRole::writer);
    CHECK(view.region_item("us-east-1")->badge("db:orders-db")->role() ==
          widgets::DbRole::old_writer);
}

TEST_CASE("Context menus and keys ask for the same actions", "[map][keyboard]") {
    widgets::MapView view;
    const model::Scenario s = testing::built_in("dns-ttl-floor").scenario;
    view.show_scenario(s);
    const widgets::RegionItem *east = view.region_item("us-east-1");
    using model::QuickAction;
    std::vector<std::pair<QuickAction, int>> actions;
    for (const widgets::MapAction &a : view.actions_for(east)) {
        CHECK(a.request.target == "us-east-1");
        actions.emplace_back(a.request.action, a.request.az);
    }
    for (const auto &want :
         std::vector<std::pair<QuickAction, int>>{{QuickAction::fail_region, 0},
                                                  {QuickAction::recover_region, 0},
                                                  {QuickAction::fail_az, 0},
                                                  {QuickAction::fail_az, 2},
                                                  {QuickAction::cut_off, 0},
                                                  {QuickAction::remove, 0}})
        CHECK(std::find(actions.begin(), actions.end(), want) != actions.end());
    bool promote = false;
    for (const widgets::MapAction &a :
         view.actions_for(view.region_item("us-west-2")->badge("db:orders-db")))
        if (a.request.action == QuickAction::promote_here) {
            promote = true;
            CHECK(a.request.target == "orders-db");
            CHECK(a.request.region == "us-west-2");
            CHECK(a.enabled);
        }
    CHECK(promote);

    std::vector<std::pair<std::string, QuickAction>> emitted;
    QObject::connect(&view, &widgets::MapView::quick_action, [&](const model::QuickRequest &r) {
        emitted.emplace_back(r.target, r.action);
    });
    std::vector<QString> selections;
    QObject::connect(&view, &widgets::MapView::selection_changed,
                     [&](const QString &id) { selections.push_back(id); });
    view.select_id("us-east-1");
    CHECK(selections == std::vector<QString>{"us-east-1"});
    const auto press = [&](int key) {
        QKeyEvent e(QEvent::KeyPress, key, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &e);
    };
    press(Qt::Key_F);
    press(Qt::Key_R);
    press(Qt::Key_Delete);
    REQUIRE(emitted.size() == 3);
    CHECK(emitted[0] == std::pair<std::string, QuickAction>("us-east-1", QuickAction::fail_region));
    CHECK(emitted[1] ==
          std::pair<std::string, QuickAction>("us-east-1", QuickAction::recover_region));
    CHECK(emitted[2] == std::pair<std::string, QuickAction>("us-east-1", QuickAction::remove));
}

TEST_CASE("Zoom stays within its limits", "[map]") {
    widgets::MapView view;
    view.resize(800, 500);
    view.show_scenario(testing::built_in("start-here").scenario);
    view.fit_to_content();
    const double fitted = view.transform().m11();
    for (int i = 0; i < 60; ++i)
        view.zoom_in();
    const double most = view.transform().m11();
    CHECK(most > fitted);
    view.zoom_in();
    CHECK(view.transform().m11() == most);
    for (int i = 0; i < 120; ++i)
        view.zoom_out();
    CHECK(view.transform().m11() < fitted);
    CHECK(view.transform().m11() > 0);
}
