#include "worldmap.h"

#include <QFile>
#include <QPainter>
#include <QtEndian>

#include <algorithm>

namespace widgets {
namespace {

constexpr const char *kLandResource = ":/resources/map/land.geo";

// Reads the format described in resources/map/README.md; stops at the first inconsistency and
// keeps the rings read so far.
QPainterPath read_land(const QByteArray &bytes) {
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype size = bytes.size();
    if (size < 12 || !bytes.startsWith("FLMP") || qFromLittleEndian<quint16>(data + 4) != 1)
        return path;
    const quint32 rings = qFromLittleEndian<quint32>(data + 8);
    qsizetype at = 12;
    const auto coordinate = [&](qsizetype offset, double range) {
        return qFromLittleEndian<qint16>(data + offset) * range / 32767.0;
    };
    for (quint32 r = 0; r < rings; ++r) {
        if (at + 4 > size)
            break;
        const quint32 points = qFromLittleEndian<quint32>(data + at);
        at += 4;
        if (points < 4 || at + static_cast<qsizetype>(points) * 4 > size)
            break;
        // The last point repeats the first: closeSubpath() draws that edge.
        for (quint32 i = 0; i + 1 < points; ++i) {
            const qsizetype p = at + static_cast<qsizetype>(i) * 4;
            const QPointF q = scene_from_latlon({coordinate(p + 2, 90.0), coordinate(p, 180.0)});
            if (i == 0)
                path.moveTo(q);
            else
                path.lineTo(q);
        }
        path.closeSubpath();
        at += static_cast<qsizetype>(points) * 4;
    }
    return path;
}

} // namespace

QPointF scene_from_latlon(model::LatLon p) {
    return {p.lon * kSceneUnitsPerDegree, -p.lat * kSceneUnitsPerDegree};
}

model::LatLon latlon_from_scene(QPointF p) {
    return {-p.y() / kSceneUnitsPerDegree, p.x() / kSceneUnitsPerDegree};
}

QRectF world_rect() {
    return QRectF(scene_from_latlon({90, -180}), scene_from_latlon({-90, 180}));
}

const QPainterPath &land_path() {
    static const QPainterPath path = [] {
        QFile f(QString::fromLatin1(kLandResource));
        if (!f.open(QIODevice::ReadOnly))
            return QPainterPath();
        return read_land(f.readAll());
    }();
    return path;
}

WorldMap::WorldMap() {
    setZValue(-100);
    setAcceptedMouseButtons(Qt::NoButton);
    // The land has some 60,000 points: draw it once per zoom level, not once per frame.
    setCacheMode(DeviceCoordinateCache);
    for (int lon = -150; lon <= 150; lon += 30) {
        graticule_.moveTo(scene_from_latlon({90, static_cast<double>(lon)}));
        graticule_.lineTo(scene_from_latlon({-90, static_cast<double>(lon)}));
    }
    for (int lat = -60; lat <= 60; lat += 30) {
        graticule_.moveTo(scene_from_latlon({static_cast<double>(lat), -180}));
        graticule_.lineTo(scene_from_latlon({static_cast<double>(lat), 180}));
    }
}

void WorldMap::set_colours(const QColor &ocean, const QColor &land, const QColor &grid) {
    ocean_ = ocean;
    land_ = land;
    grid_ = grid;
    update();
}

QRectF WorldMap::boundingRect() const {
    return world_rect();
}

void WorldMap::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->fillRect(world_rect(), ocean_);
    QPen grid(grid_, 0);
    grid.setCosmetic(true);
    painter->setPen(grid);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(graticule_);
    painter->setPen(Qt::NoPen);
    painter->setBrush(land_);
    painter->drawPath(land_path());
}

} // namespace widgets
