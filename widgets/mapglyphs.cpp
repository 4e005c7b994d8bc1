#include "mapglyphs.h"

#include <QPainter>
#include <QPainterPath>

#include <array>

namespace widgets {
namespace {

void people(QPainter *p, const QRectF &b, const QColor &fill) {
    // Two figures: one in front, one behind and to the right.
    const double w = b.width(), h = b.height();
    const auto figure = [&](double cx, double top, double scale) {
        const double r = 0.17 * w * scale;
        p->drawEllipse(QPointF(cx, top + r), r, r);
        QPainterPath body;
        const double bw = 0.56 * w * scale, by = top + 2.3 * r;
        body.moveTo(cx - bw / 2, b.top() + h);
        body.cubicTo(cx - bw / 2, by, cx + bw / 2, by, cx + bw / 2, b.top() + h);
        body.closeSubpath();
        p->drawPath(body);
    };
    p->save();
    if (fill.isValid())
        p->setBrush(fill);
    figure(b.left() + 0.64 * w, b.top() + 0.02 * h, 0.85);
    figure(b.left() + 0.38 * w, b.top() + 0.12 * h, 1.0);
    p->restore();
}

void server(QPainter *p, const QRectF &b) {
    const double h = b.height() / 3.0;
    for (int i = 0; i < 3; ++i) {
        const QRectF slot(b.left(), b.top() + i * h + 0.5, b.width(), h - 1.5);
        p->drawRoundedRect(slot, 1.5, 1.5);
        p->drawPoint(QPointF(slot.right() - 3, slot.center().y()));
    }
}

void cylinder(QPainter *p, const QRectF &b) {
    const double e = b.height() * 0.22;
    QPainterPath body;
    body.moveTo(b.left(), b.top() + e / 2);
    body.lineTo(b.left(), b.bottom() - e / 2);
    body.arcTo(QRectF(b.left(), b.bottom() - e, b.width(), e), 180, 180);
    body.lineTo(b.right(), b.top() + e / 2);
    body.arcTo(QRectF(b.left(), b.top(), b.width(), e), 0, -180);
    p->drawPath(body);
    p->save();
    p->setBrush(Qt::NoBrush);
    p->drawEllipse(QRectF(b.left(), b.top(), b.width(), e));
    QPainterPath band;
    band.moveTo(b.left(), b.center().y());
    band.arcTo(QRectF(b.left(), b.center().y() - e / 2, b.width(), e), 180, 180);
    p->drawPath(band);
    p->restore();
}

void bucket(QPainter *p, const QRectF &b) {
    const double inset = b.width() * 0.18;
    QPainterPath pail;
    pail.moveTo(b.left(), b.top() + b.height() * 0.2);
    pail.lineTo(b.right(), b.top() + b.height() * 0.2);
    pail.lineTo(b.right() - inset, b.bottom());
    pail.lineTo(b.left() + inset, b.bottom());
    pail.closeSubpath();
    p->drawPath(pail);
    p->drawEllipse(QRectF(b.left(), b.top() + b.height() * 0.1, b.width(), b.height() * 0.2));
}

void padlock(QPainter *p, const QRectF &b) {
    const QRectF body(b.left(), b.top() + b.height() * 0.45, b.width(), b.height() * 0.55);
    p->save();
    p->setBrush(Qt::NoBrush);
    p->drawArc(QRectF(b.left() + b.width() * 0.2, b.top(), b.width() * 0.6, b.height() * 0.8), 0,
               180 * 16);
    p->restore();
    p->drawRoundedRect(body, 1.5, 1.5);
    p->drawLine(QPointF(body.center().x(), body.top() + body.height() * 0.3),
                QPointF(body.center().x(), body.bottom() - body.height() * 0.3));
}

void bolt(QPainter *p, const QRectF &b) {
    const double w = b.width(), h = b.height();
    const std::array<QPointF, 6> pts = {QPointF(b.left() + 0.62 * w, b.top()),
                                        QPointF(b.left() + 0.15 * w, b.top() + 0.58 * h),
                                        QPointF(b.left() + 0.48 * w, b.top() + 0.58 * h),
                                        QPointF(b.left() + 0.38 * w, b.bottom()),
                                        QPointF(b.left() + 0.85 * w, b.top() + 0.40 * h),
                                        QPointF(b.left() + 0.52 * w, b.top() + 0.40 * h)};
    p->drawPolygon(pts.data(), static_cast<int>(pts.size()));
}

void queue(QPainter *p, const QRectF &b) {
    const double w = b.width() / 4.0;
    for (int i = 0; i < 3; ++i)
        p->drawRect(
            QRectF(b.left() + i * w, b.top() + b.height() * 0.2, w * 0.8, b.height() * 0.6));
    const double y = b.center().y(), x = b.left() + 3 * w;
    p->drawLine(QPointF(x, y), QPointF(b.right(), y));
    p->drawLine(QPointF(b.right() - w * 0.5, y - w * 0.5), QPointF(b.right(), y));
    p->drawLine(QPointF(b.right() - w * 0.5, y + w * 0.5), QPointF(b.right(), y));
}

void key(QPainter *p, const QRectF &b) {
    const double r = b.height() * 0.28;
    const QPointF c(b.left() + r + 0.5, b.center().y());
    p->drawEllipse(c, r, r);
    const double y = c.y();
    p->drawLine(QPointF(c.x() + r, y), QPointF(b.right(), y));
    p->drawLine(QPointF(b.right() - 1, y), QPointF(b.right() - 1, y + r));
    p->drawLine(QPointF(b.right() - r * 1.4, y), QPointF(b.right() - r * 1.4, y + r * 0.8));
}

void globe(QPainter *p, const QRectF &b) {
    p->drawEllipse(b);
    p->save();
    p->setBrush(Qt::NoBrush);
    p->drawEllipse(b.adjusted(b.width() * 0.28, 0, -b.width() * 0.28, 0));
    p->drawLine(QPointF(b.left(), b.center().y()), QPointF(b.right(), b.center().y()));
    p->restore();
}

void chevrons(QPainter *p, const QRectF &b) {
    p->save();
    p->setBrush(Qt::NoBrush);
    for (int i = 0; i < 2; ++i) {
        const double x = b.left() + b.width() * (0.15 + 0.4 * i);
        const std::array<QPointF, 3> pts = {QPointF(x, b.top()),
                                            QPointF(x + b.width() * 0.4, b.center().y()),
                                            QPointF(x, b.bottom())};
        p->drawPolyline(pts.data(), static_cast<int>(pts.size()));
    }
    p->restore();
}

} // namespace

void draw_glyph(QPainter *painter, Glyph glyph, const QRectF &box, const QColor &ink,
                const QColor &fill) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen pen(ink, 1.3);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
    switch (glyph) {
    case Glyph::people:
        people(painter, box, fill);
        break;
    case Glyph::app_tier:
        server(painter, box);
        break;
    case Glyph::database:
        cylinder(painter, box);
        break;
    case Glyph::bucket:
        bucket(painter, box);
        break;
    case Glyph::secret:
        padlock(painter, box);
        break;
    case Glyph::cache:
        bolt(painter, box);
        break;
    case Glyph::queue:
        queue(painter, box);
        break;
    case Glyph::key:
        key(painter, box);
        break;
    case Glyph::dns:
        globe(painter, box);
        break;
    case Glyph::accelerator:
        chevrons(painter, box);
        break;
    case Glyph::distribution:
        // The DNS globe, smaller, with a cached page in front: edges that hold content.
        globe(painter, box.adjusted(0, 0, -box.width() * 0.3, -box.height() * 0.3));
        painter->drawRect(QRectF(box.left() + box.width() * 0.5, box.top() + box.height() * 0.45,
                                 box.width() * 0.5, box.height() * 0.55));
        break;
    }
    painter->restore();
}

void draw_hatch(QPainter *painter, const QRectF &box, double radius, const QColor &ink) {
    painter->save();
    QPainterPath clip;
    clip.addRoundedRect(box, radius, radius);
    painter->setClipPath(clip, Qt::IntersectClip);
    painter->setPen(QPen(ink, 1.0));
    const double step = 6.0;
    for (double x = box.left() - box.height(); x < box.right(); x += step)
        painter->drawLine(QPointF(x, box.bottom()), QPointF(x + box.height(), box.top()));
    painter->restore();
}

} // namespace widgets
