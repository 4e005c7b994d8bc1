#include "widgets/worldmap.h"
#include "widgets/mapview.h"

#include <QPainterPath>
#include <catch2/catch.hpp>

TEST_CASE("Projection and its inverse agree", "[map][geo]") {
    for (const model::LatLon p :
         {model::LatLon{0, 0}, model::LatLon{39.05, -77.49}, model::LatLon{-33.9, 151.2},
          model::LatLon{89.9, 179.9}, model::LatLon{-90, -180}}) {
        const model::LatLon back = widgets::MapView::unproject(widgets::MapView::project(p));
        CHECK(back.lat == Approx(p.lat).margin(1e-9));
        CHECK(back.lon == Approx(p.lon).margin(1e-9));
    }
    // North is up, east is right.
    const QPointF paris = widgets::MapView::project({48.9, 2.35});
    const QPointF madrid = widgets::MapView::project({40.4, -3.7});
    CHECK(paris.y() < madrid.y());
    CHECK(paris.x() > madrid.x());
    CHECK(widgets::world_rect().contains(widgets::MapView::project({10, 10})));
}

TEST_CASE("The land outlines load from the resource", "[map]") {
    const QPainterPath &land = widgets::land_path();
    REQUIRE_FALSE(land.isEmpty());
    CHECK(land.elementCount() > 50000);
    const QRectF r = widgets::world_rect().adjusted(-1, -1, 1, 1);
    CHECK(r.contains(land.boundingRect()));
    // Some land where land is, and sea where sea is.
    CHECK(land.contains(widgets::MapView::project({48.9, 2.35})));
    CHECK_FALSE(land.contains(widgets::MapView::project({0.0, -150.0})));
}
