#include "maplinks.h"

#include "mapsymbols.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace widgets {
namespace {

// Room around a line for its pen, in scene units; lines are cosmetic, a few pixels wide.
constexpr double kLineMargin = 20.0;

} // namespace

Curve Curve::between(QPointF from, QPointF to, double bend) {
    const QPointF d = to - from;
    const QPointF normal(-d.y(), d.x());
    return Curve{from, (from + to) / 2 + normal * bend, to};
}

QPointF Curve::at(double t) const {
    const double u = 1 - t;
    return from * (u * u) + control * (2 * u * t) + to * (t * t);
}

QPainterPath Curve::path() const {
    QPainterPath p(from);
    p.quadTo(control, to);
    return p;
}

LabelItem::LabelItem(std::shared_ptr<const MapStyle> style, QGraphicsItem *parent)
    : QGraphicsItem(parent), style_(std::move(style)) {
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(7);
}

void LabelItem::set_text(const QString &text, bool alert) {
    if (text == text_ && alert == alert_)
        return;
    const QFontMetricsF fm(style_->small_font);
    prepareGeometryChange();
    text_ = text;
    alert_ = alert;
    const double w = text_.isEmpty() ? 0.0 : fm.horizontalAdvance(text_) + 10;
    rect_ = text_.isEmpty() ? QRectF() : QRectF(-w / 2, -fm.height() / 2 - 1, w, fm.height() + 2);
    setVisible(!text_.isEmpty());
    update();
}

void LabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const MapStyle &s = *style_;
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(alert_ ? s.failed : s.border, alert_ ? 1.5 : 1.0));
    painter->setBrush(s.box);
    painter->drawRoundedRect(rect_, 3, 3);
    painter->setPen(s.text);
    painter->setFont(s.small_font);
    painter->drawText(rect_, Qt::AlignCenter, text_);
}

LinkItem::LinkItem(Style style, std::shared_ptr<const MapStyle> map_style)
    : style_(style), map_style_(std::move(map_style)) {
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(style == Style::answer ? 2 : 1);
}

void LinkItem::set_ends(QPointF from, QPointF to, double bend) {
    prepareGeometryChange();
    curve_ = Curve::between(from, to, bend);
    path_ = curve_.path();
    bounds_ = path_.boundingRect().adjusted(-kLineMargin, -kLineMargin, kLineMargin, kLineMargin);
    if (label_)
        label_->setPos(curve_.at(label_t_));
}

void LinkItem::set_label_at(double t) {
    label_t_ = t;
    if (label_)
        label_->setPos(curve_.at(label_t_));
}

QSizeF LinkItem::label_size() const {
    return label_ && label_->isVisible() ? label_->boundingRect().size() : QSizeF();
}

QPointF LinkItem::label_pos() const {
    return label_ ? label_->pos() : QPointF();
}

void LinkItem::set_active(bool active) {
    if (active == active_)
        return;
    active_ = active;
    if (style_ == Style::answer)
        setVisible(active);
    update();
}

void LinkItem::set_label(const QString &text, bool alert) {
    if (!label_) {
        if (text.isEmpty())
            return;
        label_ = new LabelItem(map_style_, this);
        label_->setPos(curve_.at(label_t_));
    }
    label_->set_text(text, alert);
}

void LinkItem::set_label_tooltip(const QString &text) {
    if (label_)
        label_->setToolTip(text);
}

QString LinkItem::label() const {
    return label_ ? label_->text() : QString();
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(link_pen(style_, active_, *map_style_));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path_);
}

} // namespace widgets
