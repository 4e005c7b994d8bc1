#include "mapitems.h"

#include "mapglyphs.h"
#include "mapsymbols.h"
#include "model/scenario.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace widgets {

namespace {

constexpr double kHandle = 10.0;

QRectF centred(double width, double top, double height) {
    return QRectF(-width / 2, top, width, height);
}

} // namespace

MapItem::MapItem(QString id, std::shared_ptr<const MapStyle> style)
    : id_(std::move(id)), style_(std::move(style)) {
    // Markers keep their size in pixels at every zoom; only their anchor follows the map.
    setFlags(ItemIsSelectable | ItemIgnoresTransformations);
    setAcceptHoverEvents(false);
}

QRectF MapItem::handle_rect() const {
    return QRectF(body_.right() + 2, body_.center().y() - kHandle / 2, kHandle, kHandle);
}

bool MapItem::on_link_handle(QPointF local) const {
    return linkable() && isSelected() && handle_rect().adjusted(-2, -2, 2, 2).contains(local);
}

void MapItem::set_geometry(const QRectF &body, const QRectF &extra) {
    prepareGeometryChange();
    body_ = body;
    QRectF all = body.adjusted(-3, -3, 3, 3);
    if (linkable())
        all |= handle_rect().adjusted(-1, -1, 1, 1);
    if (!extra.isNull())
        all |= extra;
    bounds_ = all;
}

QPainterPath MapItem::shape() const {
    QPainterPath p;
    p.addRect(body_);
    if (linkable() && isSelected())
        p.addRect(handle_rect().adjusted(-2, -2, 2, 2));
    return p;
}

QVariant MapItem::itemChange(GraphicsItemChange change, const QVariant &value) {
    if (change == ItemSelectedHasChanged)
        update();
    return QGraphicsItem::itemChange(change, value);
}

void MapItem::paint_selection(QPainter *painter, double radius) const {
    if (!isSelected())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(style_->accent, 2.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(body_.adjusted(-2, -2, 2, 2), radius + 2, radius + 2);
    if (linkable()) {
        painter->setBrush(style_->accent);
        painter->setPen(QPen(style_->highlight_text, 1.0));
        const QRectF h = handle_rect();
        painter->drawEllipse(h);
        painter->drawLine(QPointF(h.center().x() - 2.5, h.center().y()),
                          QPointF(h.center().x() + 2.5, h.center().y()));
        painter->drawLine(QPointF(h.center().x(), h.center().y() - 2.5),
                          QPointF(h.center().x(), h.center().y() + 2.5));
    }
    painter->restore();
}

PopulationItem::PopulationItem(const QString &id, std::shared_ptr<const MapStyle> style)
    : MapItem(id, std::move(style)) {
    setZValue(6);
    relayout();
}

void PopulationItem::sync(const model::Population &p) {
    const QString name = QString::fromStdString(p.name);
    description_ = tr("Population %1%2\n%3 clients sending %4 requests/s (%5 % writes)\n"
                      "Enters through: %6")
                       .arg(id_, name.isEmpty() || name == id_ ? QString() : tr(" (%1)").arg(name))
                       .arg(p.clients)
                       .arg(p.rps, 0, 'f', 0)
                       .arg(p.write_share * 100.0, 0, 'f', 0)
                       .arg(p.entry.empty() ? tr("nothing yet") : QString::fromStdString(p.entry));
    update_tooltip();
}

void PopulationItem::set_success(double share) {
    if (share == success_)
        return;
    success_ = share;
    relayout();
    update_tooltip();
    update();
}

void PopulationItem::set_cache(double stale_share, std::optional<model::Ms> expires_in_ms) {
    if (stale_share == stale_share_ && expires_in_ms == expires_in_ms_)
        return;
    stale_share_ = stale_share;
    expires_in_ms_ = expires_in_ms;
    relayout();
    update_tooltip();
    update();
}

void PopulationItem::set_highlighted(bool on) {
    if (on == highlighted_)
        return;
    highlighted_ = on;
    update();
}

QRectF PopulationItem::footprint() const {
    const QFontMetricsF sm(style_->small_font);
    const QRectF base = (ring_ | id_rect_ | success_rect_).translated(-offset_);
    const double row = sm.height() + 3;
    const double wide = std::max(base.width(), sm.horizontalAdvance(tr("100 % on the old answer, "
                                                                       "last expires in 60 s")) +
                                                   10);
    return QRectF(-wide / 2, base.top(), wide, base.height() + row);
}

void PopulationItem::set_offset(QPointF pixels) {
    if (pixels == offset_)
        return;
    offset_ = pixels;
    relayout();
    update();
}

void PopulationItem::relayout() {
    const double pct = success_ * 100.0;
    success_text_ = pct >= 99.95 ? tr("100 % ok") : tr("%1 % ok").arg(pct, 0, 'f', 1);
    cache_text_.clear();
    if (stale_share_ > 0 || expires_in_ms_) {
        const QString share = tr("%1 % on the old answer").arg(stale_share_ * 100.0, 0, 'f', 0);
        cache_text_ = expires_in_ms_
                          ? tr("%1, last expires in %2 s")
                                .arg(share)
                                .arg((*expires_in_ms_ + model::kSecond - 1) / model::kSecond)
                          : share;
    }
    const QFontMetricsF fm(style_->bold_font), sm(style_->small_font);
    glyph_ = QRectF(-15, -13, 30, 25);
    ring_ = QRectF(-20, -20, 40, 40);
    id_rect_ = centred(fm.horizontalAdvance(id_) + 8, ring_.bottom() + 1, fm.height());
    success_rect_ =
        centred(sm.horizontalAdvance(success_text_) + 10, id_rect_.bottom() + 1, sm.height() + 2);
    cache_rect_ = cache_text_.isEmpty() ? QRectF()
                                        : centred(sm.horizontalAdvance(cache_text_) + 10,
                                                  success_rect_.bottom() + 1, sm.height() + 2);
    for (QRectF *r : {&glyph_, &ring_, &id_rect_, &success_rect_, &cache_rect_})
        if (!r->isNull())
            r->translate(offset_);
    QRectF body = ring_ | id_rect_ | success_rect_;
    if (!cache_rect_.isNull())
        body |= cache_rect_;
    set_geometry(body, QRectF(-4, -4, 8, 8));
}

void PopulationItem::update_tooltip() {
    QString tip = tr("%1\nSucceeding now: %2").arg(description_, success_text_);
    if (!cache_text_.isEmpty())
        tip += QLatin1Char('\n') + tr("DNS caches: %1").arg(cache_text_);
    setToolTip(tip);
}

void PopulationItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const MapStyle &s = *style_;
    const bool failing = success_ < 0.99;
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (!offset_.isNull()) // a leader from the true place to the moved marker
        draw_leader(painter, QPointF(0, 0), glyph_.center(), 2.5, s);
    if (highlighted_) {
        painter->setPen(QPen(s.accent, 3.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(ring_.adjusted(-3, -3, 3, 3));
    }
    if (stale_share_ > 0 || expires_in_ms_)
        draw_cache_ring(painter, ring_, stale_share_, s);
    draw_glyph(painter, Glyph::people, glyph_, s.text, failing ? s.failed : s.ok);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    QColor halo = s.box;
    halo.setAlphaF(0.8f);
    painter->setBrush(halo);
    painter->drawRoundedRect(id_rect_, 3, 3);
    painter->setFont(s.bold_font);
    painter->setPen(s.text);
    painter->drawText(id_rect_, Qt::AlignCenter, id_);
    painter->setBrush(failing ? s.failed : halo);
    painter->setPen(Qt::NoPen);
    painter->drawRoundedRect(success_rect_, 3, 3);
    painter->setFont(s.small_font);
    painter->setPen(failing ? s.highlight_text : s.text);
    painter->drawText(success_rect_, Qt::AlignCenter, success_text_);
    if (!cache_text_.isEmpty()) {
        painter->setPen(QPen(s.warn, 1.0));
        painter->setBrush(halo);
        painter->drawRoundedRect(cache_rect_, 3, 3);
        painter->setPen(s.text);
        painter->drawText(cache_rect_, Qt::AlignCenter, cache_text_);
    }
    paint_selection(painter, 4);
}

EdgeNodeItem::EdgeNodeItem(const QString &id, std::shared_ptr<const MapStyle> style)
    : MapItem(id, std::move(style)) {
    setZValue(8);
}

void EdgeNodeItem::sync(Kind kind, const QString &subtitle, const QString &tooltip) {
    kind_ = kind;
    subtitle_ = subtitle;
    setToolTip(tooltip);
    const QFontMetricsF fm(style_->bold_font), sm(style_->small_font);
    // Up to about 32 characters of the box's own font: large type keeps whole names.
    const double text_w =
        std::min(fm.averageCharWidth() * 32,
                 std::max(fm.horizontalAdvance(id_), sm.horizontalAdvance(subtitle_)));
    const double h = fm.height() + sm.height() + 8;
    const double w = text_w + 18 + 18;
    const QRectF body(-w / 2, -h / 2, w, h);
    title_ = fm.elidedText(id_, Qt::ElideMiddle, text_w);
    glyph_ = QRectF(body.left() + 6, body.center().y() - 8, 16, 16);
    title_rect_ = QRectF(glyph_.right() + 6, body.top() + 4, text_w, fm.height());
    subtitle_rect_ = QRectF(title_rect_.left(), title_rect_.bottom(), text_w, sm.height());
    set_geometry(body);
    update();
}

void EdgeNodeItem::set_subtitle(const QString &subtitle) {
    if (subtitle == subtitle_)
        return;
    subtitle_ = subtitle;
    update();
}

void EdgeNodeItem::set_highlighted(bool on) {
    if (on == highlighted_)
        return;
    highlighted_ = on;
    update();
}

void EdgeNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const MapStyle &s = *style_;
    painter->setRenderHint(QPainter::Antialiasing, true);
    const Glyph glyph = kind_ == Kind::dns           ? Glyph::dns
                        : kind_ == Kind::accelerator ? Glyph::accelerator
                                                     : Glyph::distribution;
    draw_edge_pill(painter, body_, glyph_, glyph, s);
    if (highlighted_) {
        painter->setPen(QPen(s.accent, 3.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(body_, body_.height() / 2, body_.height() / 2);
    }
    const QFontMetricsF sm(s.small_font);
    const QString shown = sm.elidedText(subtitle_, Qt::ElideRight, subtitle_rect_.width());
    painter->setPen(s.text);
    painter->setFont(s.bold_font);
    painter->drawText(title_rect_, Qt::AlignLeft | Qt::AlignVCenter, title_);
    painter->setPen(s.muted);
    painter->setFont(s.small_font);
    painter->drawText(subtitle_rect_, Qt::AlignLeft | Qt::AlignVCenter, shown);
    paint_selection(painter, body_.height() / 2);
}

} // namespace widgets
