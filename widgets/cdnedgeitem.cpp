#include "cdnedgeitem.h"
#include "mapsymbols.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace widgets {
namespace {

constexpr double kEdgeRadius = 9.0;

} // namespace

CdnEdgeItem::CdnEdgeItem(std::shared_ptr<const MapStyle> style) : style_(std::move(style)) {
    // A marker of fixed size in pixels, anchored at its place on the map.
    setFlags(ItemIgnoresTransformations);
    setZValue(7);
}

void CdnEdgeItem::sync(const QString &label, const QString &tooltip) {
    prepareGeometryChange();
    label_ = label;
    tooltip_ = tooltip;
    setToolTip(tooltip_);
    update();
}

void CdnEdgeItem::set_state(double cache_fresh, model::CdnOrigin answering,
                            const QString &answered_by) {
    fresh_ = std::clamp(cache_fresh, 0.0, 1.0);
    answering_ = answering;
    const QString cache = fresh_ >= 1.0   ? tr("cache fresh")
                          : fresh_ <= 0.0 ? tr("cache expired")
                                          : tr("cache %1 % fresh").arg(std::lround(fresh_ * 100));
    const QString misses = answering == model::CdnOrigin::none
                               ? tr("no origin answers misses")
                               : tr("misses answered by %1").arg(answered_by);
    state_text_ = tr("%1; %2").arg(cache, misses);
    setToolTip(tooltip_ + QLatin1Char('\n') + state_text_);
    update();
}

QRectF CdnEdgeItem::boundingRect() const {
    const QFontMetricsF fm(style_->small_font);
    const double w = std::max(2 * kEdgeRadius, fm.horizontalAdvance(label_)) + 8;
    return QRectF(-w / 2, -kEdgeRadius - 3, w, 2 * kEdgeRadius + 6 + fm.height());
}

void CdnEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const MapStyle &s = *style_;
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRectF disc(-kEdgeRadius, -kEdgeRadius, 2 * kEdgeRadius, 2 * kEdgeRadius);
    // Served (blue) while misses are answered, failed (vermilion) and crossed when no origin
    // answers, so the state does not rest on colour alone; the legend draws the same.
    draw_cdn_edge(painter, disc, fresh_,
                  answering_ == model::CdnOrigin::primary     ? CdnEdgeLook::primary
                  : answering_ == model::CdnOrigin::secondary ? CdnEdgeLook::secondary
                                                              : CdnEdgeLook::no_origin,
                  s);
    painter->setPen(s.text);
    painter->setFont(s.small_font);
    const QRectF text(boundingRect().left(), kEdgeRadius + 3, boundingRect().width(),
                      QFontMetricsF(s.small_font).height());
    painter->drawText(text, Qt::AlignCenter, label_);
}

} // namespace widgets
