#pragma once
// Small vector glyphs for the map: one shape per kind of thing, drawn into a given square.

#include <QColor>
#include <QRectF>

class QPainter;

namespace widgets {

enum class Glyph {
    people,
    app_tier,
    database,
    bucket,
    secret,
    cache,
    queue,
    key,
    dns,
    accelerator,
    distribution
};

// Draws the glyph's outline in `ink`; `fill` (if valid) fills its body.
void draw_glyph(QPainter *painter, Glyph glyph, const QRectF &box, const QColor &ink,
                const QColor &fill = QColor());

// Diagonal hatching over a shape, the "down" mark that does not depend on colour.
void draw_hatch(QPainter *painter, const QRectF &box, double radius, const QColor &ink);

} // namespace widgets
