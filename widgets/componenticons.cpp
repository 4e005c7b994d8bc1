#include "componenticons.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace widgets {
namespace {

using model::ComponentKind;

// Every shape is drawn on a 32 x 32 grid and scaled to the pixmap.
constexpr double kGrid = 32.0;

const QColor kRegion(92, 143, 214);
const QColor kCompute(232, 136, 58);
const QColor kDatabase(63, 127, 207);
const QColor kStore(67, 160, 95);
const QColor kNetwork(142, 92, 200);
const QColor kPeople(214, 84, 107);

void use(QPainter &p, const QColor &fill) {
    p.setPen(QPen(fill.darker(170), 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(fill);
}

void cylinder(QPainter &p, const QRectF &box, const QColor &fill) {
    const double cap = box.width() / 3.0;
    QPainterPath body;
    body.moveTo(box.left(), box.top() + cap / 2);
    body.lineTo(box.left(), box.bottom() - cap / 2);
    body.arcTo(QRectF(box.left(), box.bottom() - cap, box.width(), cap), 180, 180);
    body.lineTo(box.right(), box.top() + cap / 2);
    body.closeSubpath();
    use(p, fill);
    p.drawPath(body);
    p.setBrush(fill.lighter(135));
    p.drawEllipse(QRectF(box.left(), box.top(), box.width(), cap));
}

void cloud(QPainter &p) {
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    path.addEllipse(QRectF(4, 12, 12, 12));
    path.addEllipse(QRectF(10, 6, 14, 14));
    path.addEllipse(QRectF(18, 12, 11, 11));
    path.addRoundedRect(QRectF(4, 17, 25, 9), 4.5, 4.5);
    use(p, kRegion);
    p.drawPath(path.simplified()); // one outline around the puffs
}

void servers(QPainter &p) {
    for (int i = 0; i < 3; ++i) {
        const QRectF box(5, 5 + i * 8, 22, 6);
        use(p, kCompute);
        p.drawRoundedRect(box, 1.5, 1.5);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(QRectF(box.right() - 5, box.top() + 2, 2, 2));
    }
}

void replica(QPainter &p) {
    cylinder(p, QRectF(4, 4, 15, 20), kDatabase);
    cylinder(p, QRectF(13, 9, 15, 20), QColor(110, 190, 215));
}

void global_database(QPainter &p) {
    cylinder(p, QRectF(9, 5, 14, 22), kDatabase);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(38, 166, 154), 2.0));
    p.drawEllipse(QRectF(2, 12, 28, 9));
}

void multi_writer(QPainter &p) {
    cylinder(p, QRectF(2, 11, 12, 18), kDatabase);
    cylinder(p, QRectF(18, 11, 12, 18), kDatabase);
    p.setPen(QPen(kDatabase.darker(150), 2.0, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(8, 5), QPointF(24, 5));
    p.drawPolyline(QPolygonF({QPointF(11, 2), QPointF(8, 5), QPointF(11, 8)}));
    p.drawPolyline(QPolygonF({QPointF(21, 2), QPointF(24, 5), QPointF(21, 8)}));
}

void bucket(QPainter &p) {
    use(p, kStore);
    p.drawPolygon(QPolygonF({QPointF(5, 9), QPointF(27, 9), QPointF(23, 28), QPointF(9, 28)}));
    p.setBrush(kStore.lighter(140));
    p.drawEllipse(QRectF(5, 5, 22, 7));
}

void padlock(QPainter &p) {
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(120, 120, 120), 3.0));
    p.drawArc(QRectF(10, 4, 12, 16), 0, 180 * 16);
    p.drawLine(QPointF(10, 12), QPointF(10, 15));
    p.drawLine(QPointF(22, 12), QPointF(22, 15));
    use(p, QColor(212, 168, 44));
    p.drawRoundedRect(QRectF(6, 14, 20, 14), 2, 2);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(60, 45, 10));
    p.drawEllipse(QRectF(14, 18, 4, 4));
    p.drawRect(QRectF(15.2, 21, 1.6, 4));
}

void bolt(QPainter &p) {
    use(p, QColor(240, 190, 40));
    p.drawPolygon(QPolygonF({QPointF(18, 2), QPointF(6, 18), QPointF(15, 18), QPointF(12, 30),
                             QPointF(26, 12), QPointF(17, 12), QPointF(21, 2)}));
}

void queue(QPainter &p) {
    for (int i = 0; i < 3; ++i) {
        use(p, kStore);
        p.drawRoundedRect(QRectF(2 + i * 7.5, 10, 6, 12), 1, 1);
    }
    use(p, kStore.darker(130));
    p.drawPolygon(QPolygonF({QPointF(25, 9), QPointF(31, 16), QPointF(25, 23)}));
}

void key_shape(QPainter &p) {
    use(p, QColor(212, 168, 44));
    QPainterPath path;
    path.addEllipse(QRectF(2, 9, 14, 14));
    path.addRect(QRectF(14, 14, 16, 4));
    path.addRect(QRectF(22, 17, 3, 6));
    path.addRect(QRectF(27, 17, 3, 5));
    QPainterPath hole;
    hole.addEllipse(QRectF(6, 13, 6, 6));
    p.drawPath(path.simplified().subtracted(hole));
}

void signpost(QPainter &p) {
    use(p, QColor(120, 120, 120));
    p.drawRect(QRectF(14, 4, 3, 26));
    use(p, kNetwork);
    p.drawPolygon(QPolygonF(
        {QPointF(6, 6), QPointF(24, 6), QPointF(29, 10), QPointF(24, 14), QPointF(6, 14)}));
    p.drawPolygon(QPolygonF(
        {QPointF(26, 16), QPointF(8, 16), QPointF(3, 20), QPointF(8, 24), QPointF(26, 24)}));
}

void chevrons(QPainter &p) {
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(kNetwork, 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPolyline(QPolygonF({QPointF(5, 6), QPointF(14, 16), QPointF(5, 26)}));
    p.drawPolyline(QPolygonF({QPointF(16, 6), QPointF(25, 16), QPointF(16, 26)}));
}

// A distribution: a globe of edge locations holding a cached page.
void globe_cache(QPainter &p) {
    use(p, kNetwork.lighter(150));
    p.drawEllipse(QRectF(2, 2, 24, 24));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QRectF(8, 2, 12, 24));
    p.drawLine(QPointF(2, 14), QPointF(26, 14));
    use(p, kNetwork);
    for (const QPointF &c : {QPointF(7, 8), QPointF(21, 8), QPointF(14, 22)})
        p.drawEllipse(c, 2.2, 2.2);
    use(p, QColor(250, 250, 245));
    p.drawRect(QRectF(18, 17, 12, 13));
    p.setPen(QPen(kNetwork.darker(150), 1.5));
    p.drawLine(QPointF(20.5, 21), QPointF(27.5, 21));
    p.drawLine(QPointF(20.5, 24.5), QPointF(27.5, 24.5));
}

void people(QPainter &p) {
    const auto person = [&](double x, double y, double size, const QColor &fill) {
        use(p, fill);
        p.drawEllipse(QRectF(x - size * 0.22, y, size * 0.44, size * 0.44));
        QPainterPath body;
        body.addRoundedRect(QRectF(x - size * 0.4, y + size * 0.5, size * 0.8, size * 0.6),
                            size * 0.3, size * 0.3);
        p.drawPath(body);
    };
    person(21, 4, 17, kPeople.lighter(125));
    person(12, 9, 19, kPeople);
}

void draw(QPainter &p, ComponentKind kind) {
    switch (kind) {
    case ComponentKind::region:
        return cloud(p);
    case ComponentKind::app_tier:
        return servers(p);
    case ComponentKind::database:
        return cylinder(p, QRectF(7, 3, 18, 26), kDatabase);
    case ComponentKind::read_replica:
        return replica(p);
    case ComponentKind::global_database:
        return global_database(p);
    case ComponentKind::multi_writer:
        return multi_writer(p);
    case ComponentKind::bucket:
        return bucket(p);
    case ComponentKind::secret:
        return padlock(p);
    case ComponentKind::cache:
        return bolt(p);
    case ComponentKind::queue:
        return queue(p);
    case ComponentKind::key:
        return key_shape(p);
    case ComponentKind::dns_name:
        return signpost(p);
    case ComponentKind::accelerator:
        return chevrons(p);
    case ComponentKind::distribution:
        return globe_cache(p);
    case ComponentKind::population:
        return people(p);
    }
}

QPixmap render(ComponentKind kind, int pixels) {
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(pixels / kGrid, pixels / kGrid);
    draw(p, kind);
    return pixmap;
}

} // namespace

QIcon component_icon(ComponentKind kind) {
    static QHash<int, QIcon> cache;
    const int slot = static_cast<int>(kind);
    auto it = cache.find(slot);
    if (it == cache.end()) {
        QIcon icon;
        for (int pixels : {16, 24, 32, 48, 64})
            icon.addPixmap(render(kind, pixels));
        it = cache.insert(slot, icon);
    }
    return it.value();
}

} // namespace widgets
