#pragma once
// The map's background: the land masses of the world on an equirectangular projection.

#include "model/geo.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace widgets {

// Scene units per degree of longitude and latitude; x grows east, y grows south.
inline constexpr double kSceneUnitsPerDegree = 10.0;

QPointF scene_from_latlon(model::LatLon p);
model::LatLon latlon_from_scene(QPointF p);
// The whole world (lon -180..180, lat -90..90) in scene coordinates.
QRectF world_rect();

// The land polygons of resources/map/land.geo as one path in scene coordinates, read on first
// use; empty if the resource is missing or malformed.
const QPainterPath &land_path();

// One item for the whole background: ocean, a faint graticule and the land.
class WorldMap : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    WorldMap();

    void set_colours(const QColor &ocean, const QColor &land, const QColor &grid);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QColor ocean_, land_, grid_;
    QPainterPath graticule_;
};

} // namespace widgets
