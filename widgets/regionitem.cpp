#include "regionitem.h"

#include "mapglyphs.h"
#include "mapsymbols.h"
#include "model/scenario.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace widgets {
namespace {

constexpr double kBoxPad = 6.0;
constexpr double kBadgeHeight = 24.0;
constexpr double kGap = 4.0;
constexpr double kDot = 7.0;
constexpr double kMaxRow = 250.0;
constexpr double kCornerRadius = 6.0;

Glyph glyph_for(BadgeKind kind) {
    switch (kind) {
    case BadgeKind::app_tier:
        return Glyph::app_tier;
    case BadgeKind::database:
        return Glyph::database;
    case BadgeKind::bucket:
        return Glyph::bucket;
    case BadgeKind::secret:
        return Glyph::secret;
    case BadgeKind::cache:
        return Glyph::cache;
    case BadgeKind::queue:
        return Glyph::queue;
    case BadgeKind::key:
        return Glyph::key;
    }
    return Glyph::app_tier;
}

} // namespace

BadgeItem::BadgeItem(const QString &key, std::shared_ptr<const MapStyle> style)
    : MapItem(QString(), std::move(style)), key_(key) {
    setFlag(ItemIgnoresTransformations, false); // the region already does
    relayout();
}

void BadgeItem::set_spec(const BadgeSpec &spec) {
    id_ = spec.id;
    kind_ = spec.kind;
    role_ = spec.role;
    text_ = spec.text;
    copy_ = spec.copy;
    tooltip_ = spec.tooltip;
    relayout();
    update();
}

bool BadgeItem::set_role(DbRole role) {
    if (role == role_)
        return false;
    const double before = body_.width();
    role_ = role;
    relayout();
    update();
    return body_.width() != before;
}

void BadgeItem::set_dimmed(bool dimmed) {
    if (dimmed == dimmed_)
        return;
    dimmed_ = dimmed;
    update();
}

QString BadgeItem::region_id() const {
    const auto *region = dynamic_cast<const MapItem *>(parentItem());
    return region ? region->id() : QString();
}

void BadgeItem::relayout() {
    QString shown = text_;
    QString role_line;
    if (kind_ == BadgeKind::database) {
        switch (role_) {
        case DbRole::writer:
            shown = tr("writer");
            role_line = tr("Here: the writer, taking writes");
            break;
        case DbRole::replica:
            shown = tr("replica");
            role_line = tr("Here: a replica, copying the writer");
            break;
        case DbRole::promoting:
            shown = tr("promoting");
            role_line = tr("Here: a replica being promoted to writer");
            break;
        case DbRole::old_writer:
            shown = tr("old writer");
            role_line = tr("Here: the old writer, replaced by a promotion");
            break;
        }
        text_ = shown;
    }
    setToolTip(role_line.isEmpty() ? tooltip_ : tooltip_ + QLatin1Char('\n') + role_line);
    const QFontMetricsF sm(style_->small_font);
    const double text_w = text_.isEmpty() ? 0.0 : sm.horizontalAdvance(text_) + kGap;
    glyph_ = QRectF(kGap, 4, 16, 16);
    text_rect_ = QRectF(glyph_.right() + kGap, 0, text_w, kBadgeHeight);
    set_geometry(QRectF(0, 0, glyph_.right() + kGap + text_w, kBadgeHeight));
}

void BadgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const MapStyle &s = *style_;
    painter->setRenderHint(QPainter::Antialiasing, true);
    BadgeLook look = BadgeLook::plain;
    if (kind_ == BadgeKind::database)
        look = role_ == DbRole::writer       ? BadgeLook::writer
               : role_ == DbRole::promoting  ? BadgeLook::promoting
               : role_ == DbRole::old_writer ? BadgeLook::old_writer
                                             : BadgeLook::plain;
    draw_badge(painter, body_, glyph_, glyph_for(kind_), look, copy_, dimmed_, s);
    if (!text_.isEmpty()) {
        painter->setFont(s.small_font);
        painter->setPen(dimmed_ ? s.muted : s.text);
        painter->drawText(text_rect_, Qt::AlignLeft | Qt::AlignVCenter, text_);
    }
    paint_selection(painter, 4);
}

RegionItem::RegionItem(const QString &id, std::shared_ptr<const MapStyle> style)
    : MapItem(id, std::move(style)) {
    setZValue(5);
    relayout();
}

void RegionItem::sync(const model::Region &r, bool fixed, const std::vector<BadgeSpec> &badges) {
    name_ = QString::fromStdString(r.name);
    if (name_ == id_)
        name_.clear();
    fixed_ = fixed;
    az_down_.resize(static_cast<std::size_t>(std::max(0, r.azs)), false);
    std::map<QString, BadgeItem *> keep;
    order_.clear();
    for (const BadgeSpec &spec : badges) {
        BadgeItem *b = nullptr;
        if (auto it = badges_.find(spec.key); it != badges_.end()) {
            b = it->second;
            badges_.erase(it);
        } else {
            b = new BadgeItem(spec.key, style_);
            b->setParentItem(this);
        }
        b->set_spec(spec);
        b->set_dimmed(down_);
        keep[spec.key] = b;
        order_.push_back(spec.key);
    }
    for (auto &[key, gone] : badges_)
        delete gone;
    badges_ = std::move(keep);
    relayout();
    update_tooltip();
    update();
}

void RegionItem::set_state(bool down, const std::vector<bool> &az_down, bool cut_off) {
    std::vector<bool> azs = az_down;
    azs.resize(az_down_.size(), false);
    if (down == down_ && azs == az_down_ && cut_off == cut_off_)
        return;
    down_ = down;
    az_down_ = std::move(azs);
    cut_off_ = cut_off;
    for (auto &[key, b] : badges_)
        b->set_dimmed(down_);
    update_tooltip();
    update();
}

void RegionItem::set_role(const QString &badge_key, DbRole role) {
    if (BadgeItem *b = badge(badge_key); b && b->set_role(role))
        relayout();
}

void RegionItem::set_highlighted(bool on) {
    if (on == highlighted_)
        return;
    highlighted_ = on;
    update();
}

void RegionItem::set_drop_target(bool on) {
    if (on == drop_target_)
        return;
    drop_target_ = on;
    update();
}

void RegionItem::set_offset(QPointF pixels) {
    if (pixels == offset_)
        return;
    prepareGeometryChange();
    offset_ = pixels;
    relayout();
    update();
}

BadgeItem *RegionItem::badge(const QString &key) const {
    auto it = badges_.find(key);
    return it == badges_.end() ? nullptr : it->second;
}

void RegionItem::relayout() {
    const QFontMetricsF fm(style_->bold_font), sm(style_->small_font);
    const double dots_w = static_cast<double>(az_down_.size()) * (kDot + 3.0);
    double width = std::max(80.0, fm.horizontalAdvance(id_) + 8 + dots_w);
    if (!name_.isEmpty())
        width = std::max(width, sm.horizontalAdvance(name_));
    // Badges flow in rows no wider than kMaxRow.
    std::vector<std::vector<BadgeItem *>> rows(1);
    double row_w = 0;
    for (const QString &key : order_) {
        BadgeItem *b = badge(key);
        const double w = b->body().width();
        if (row_w > 0 && row_w + kGap + w > kMaxRow) {
            rows.emplace_back();
            row_w = 0;
        }
        row_w += (row_w > 0 ? kGap : 0) + w;
        rows.back().push_back(b);
        width = std::max(width, row_w);
    }
    const double title_h = fm.height();
    const double name_h = name_.isEmpty() ? 0.0 : sm.height();
    const double badges_h =
        order_.empty() ? 0.0 : static_cast<double>(rows.size()) * (kBadgeHeight + kGap);
    const double height = kBoxPad + title_h + name_h + badges_h + kBoxPad;
    const QRectF body =
        QRectF(-width / 2 - kBoxPad, -height / 2, width + 2 * kBoxPad, height).translated(offset_);
    title_rect_ = QRectF(body.left() + kBoxPad, body.top() + kBoxPad, width - dots_w, title_h);
    name_rect_ = QRectF(title_rect_.left(), title_rect_.bottom(), width, name_h);
    az_dots_.clear();
    for (std::size_t i = 0; i < az_down_.size(); ++i)
        az_dots_.emplace_back(body.right() - kBoxPad - dots_w +
                                  static_cast<double>(i) * (kDot + 3.0),
                              title_rect_.center().y() - kDot / 2, kDot, kDot);
    double y = name_rect_.bottom() + kGap;
    for (const auto &row : rows) {
        double x = body.left() + kBoxPad;
        for (BadgeItem *b : row) {
            b->setPos(x, y);
            x += b->body().width() + kGap;
        }
        y += kBadgeHeight + kGap;
    }
    const QFontMetricsF bold(style_->bold_font);
    const double down_w = bold.horizontalAdvance(tr("DOWN")) + 12;
    down_rect_ = QRectF(body.right() - down_w + 4, body.top() - bold.height() / 2 - 2, down_w,
                        bold.height() + 2);
    const double cut_w = sm.horizontalAdvance(tr("CUT OFF")) + 12;
    cut_rect_ = QRectF(body.left() - 4, body.bottom() + 1, cut_w, sm.height() + 2);
    set_geometry(body, down_rect_ | cut_rect_ | body.adjusted(-8, -8, 8, 8) | QRectF(-4, -4, 8, 8));
}

void RegionItem::update_tooltip() {
    QStringList lines;
    lines << (name_.isEmpty() ? tr("Region %1").arg(id_) : tr("Region %1 (%2)").arg(id_, name_));
    lines << tr("%n availability zone(s)", nullptr, azs());
    lines << (down_ ? tr("State: DOWN (region outage)") : tr("State: up"));
    for (std::size_t i = 0; i < az_down_.size(); ++i)
        if (az_down_[i])
            lines << tr("AZ %1 is down").arg(i + 1);
    if (cut_off_)
        lines << tr("Cut off from the other regions (network partition)");
    lines << (fixed_ ? tr("A real cloud region: it stays where it is.") : tr("Drag to move it."));
    lines << tr("Right-click (or press the Menu key) to fail it, an AZ, or cut it off.");
    setToolTip(lines.join(QLatin1Char('\n')));
}

void RegionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const MapStyle &s = *style_;
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (!offset_.isNull()) // a leader from the region's true place to its moved box
        draw_leader(painter, QPointF(0, 0), body_.center(), 3.0, s);
    draw_region_box(painter, body_, down_, cut_off_, s);
    if (drop_target_ || highlighted_) {
        painter->setPen(QPen(s.accent, 3.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(body_, kCornerRadius, kCornerRadius);
    }
    painter->setPen(s.text);
    painter->setFont(s.bold_font);
    painter->drawText(title_rect_, Qt::AlignLeft | Qt::AlignVCenter, id_);
    if (!name_.isEmpty()) {
        painter->setPen(s.muted);
        painter->setFont(s.small_font);
        painter->drawText(name_rect_, Qt::AlignLeft | Qt::AlignVCenter, name_);
    }
    for (std::size_t i = 0; i < az_dots_.size(); ++i)
        draw_az_dot(painter, az_dots_[i], az_down_[i] || down_, s);
    paint_selection(painter, kCornerRadius); // under the labels, which must stay readable
    if (down_)
        draw_tag(painter, down_rect_, tr("DOWN"), true, s);
    if (cut_off_)
        draw_tag(painter, cut_rect_, tr("CUT OFF"), false, s);
}

} // namespace widgets
