#include "eventmarker.h"

#include "okabeito.h"

#include <QPainter>
#include <QPolygonF>

#include <cmath>
#include <numbers>
#include <utility>

namespace widgets {
namespace {

QPolygonF hexagon(const QPointF &c, double r) {
    QPolygonF poly;
    for (int i = 0; i < 6; ++i) {
        const double a = std::numbers::pi / 3.0 * i;
        poly << QPointF(c.x() + r * std::cos(a), c.y() + r * std::sin(a));
    }
    return poly;
}

} // namespace

QColor category_colour(EventCategory category, const QPalette &palette) {
    switch (category) {
    case EventCategory::fault:
        return okabe_ito(OkabeIto::vermillion, palette);
    case EventCategory::health:
        return okabe_ito(OkabeIto::orange, palette);
    case EventCategory::dns:
        return okabe_ito(OkabeIto::sky_blue, palette);
    case EventCategory::clients:
        return okabe_ito(OkabeIto::reddish_purple, palette);
    case EventCategory::database:
        return okabe_ito(OkabeIto::blue, palette);
    case EventCategory::data_loss:
        return palette.color(QPalette::WindowText);
    case EventCategory::recovery:
        return okabe_ito(OkabeIto::bluish_green, palette);
    }
    return {};
}

void draw_marker(QPainter &p, EventCategory category, const QPointF &c, double r,
                 const QPalette &palette) {
    const QColor colour = category_colour(category, palette);
    const QColor halo = palette.color(QPalette::Base);
    const double x = c.x(), y = c.y();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(halo, 1.0));
    p.setBrush(colour);
    switch (category) {
    case EventCategory::fault:
        p.drawPolygon(QPolygonF{{x - r, y - r * 0.8}, {x + r, y - r * 0.8}, {x, y + r}});
        break;
    case EventCategory::recovery:
        p.drawPolygon(QPolygonF{{x - r, y + r * 0.8}, {x + r, y + r * 0.8}, {x, y - r}});
        break;
    case EventCategory::health:
        p.drawPolygon(QPolygonF{{x, y - r * 1.1}, {x + r, y}, {x, y + r * 1.1}, {x - r, y}});
        break;
    case EventCategory::dns:
        p.drawRect(QRectF(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6));
        break;
    case EventCategory::database:
        p.drawPolygon(hexagon(c, r));
        break;
    case EventCategory::clients:
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(halo, r * 0.45 + 2));
        p.drawEllipse(c, r * 0.75, r * 0.75);
        p.setPen(QPen(colour, r * 0.45));
        p.drawEllipse(c, r * 0.75, r * 0.75);
        break;
    case EventCategory::data_loss: {
        const double k = r * 0.8;
        for (const auto &[pen_colour, width] : {std::pair{halo, r * 0.5 + 2}, {colour, r * 0.5}}) {
            p.setPen(QPen(pen_colour, width, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(x - k, y - k), QPointF(x + k, y + k));
            p.drawLine(QPointF(x - k, y + k), QPointF(x + k, y - k));
        }
        break;
    }
    }
    p.restore();
}

} // namespace widgets
