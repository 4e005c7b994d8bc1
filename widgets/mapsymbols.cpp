#include "mapsymbols.h"

#include "maplinks.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <utility>

namespace widgets {

QString MapSymbolText::name(MapSymbol symbol) {
    switch (symbol) {
    case MapSymbol::region:
        return tr("Region");
    case MapSymbol::region_down:
        return tr("Region down");
    case MapSymbol::region_cut_off:
        return tr("Region cut off");
    case MapSymbol::region_leader:
        return tr("Moved aside");
    case MapSymbol::az_up:
        return tr("Availability zone up");
    case MapSymbol::az_down:
        return tr("Availability zone down");
    case MapSymbol::app_tier:
        return tr("App tier");
    case MapSymbol::database_writer:
        return tr("Database writer");
    case MapSymbol::database_replica:
        return tr("Database replica");
    case MapSymbol::database_promoting:
        return tr("Replica being promoted");
    case MapSymbol::database_old_writer:
        return tr("Old writer");
    case MapSymbol::data_store:
        return tr("Data store");
    case MapSymbol::data_store_copy:
        return tr("Data store copy");
    case MapSymbol::population:
        return tr("Population");
    case MapSymbol::population_failing:
        return tr("Population failing");
    case MapSymbol::cache_ring:
        return tr("DNS caches on the old answer");
    case MapSymbol::dns_name:
        return tr("DNS name");
    case MapSymbol::accelerator:
        return tr("Global accelerator");
    case MapSymbol::distribution:
        return tr("CDN distribution");
    case MapSymbol::cdn_edge:
        return tr("CDN edge location");
    case MapSymbol::cdn_edge_failover:
        return tr("Edge on its secondary origin (dashed ring)");
    case MapSymbol::cdn_edge_no_origin:
        return tr("Edge with no origin (crossed)");
    case MapSymbol::route:
        return tr("Possible route (dashed)");
    case MapSymbol::answer:
        return tr("Answer in force (thick)");
    case MapSymbol::entry:
        return tr("Way in (dotted)");
    case MapSymbol::replication:
        return tr("Replication (solid)");
    case MapSymbol::replication_broken:
        return tr("Replication broken (dash-dot)");
    case MapSymbol::link_label:
        return tr("Line label");
    case MapSymbol::request_ok:
        return tr("Request served");
    case MapSymbol::request_failed:
        return tr("Request failed");
    case MapSymbol::flow:
        return tr("Traffic (Reduce Motion)");
    case MapSymbol::count_:
        break;
    }
    return {};
}

QString MapSymbolText::meaning(MapSymbol symbol) {
    switch (symbol) {
    case MapSymbol::region:
        return tr("A cloud region at its place, with what runs there.");
    case MapSymbol::region_down:
        return tr("Hatched with a DOWN tag: a region outage is in force.");
    case MapSymbol::region_cut_off:
        return tr("Dashed outline, CUT OFF tag: a network partition cuts it off.");
    case MapSymbol::region_leader:
        return tr("A box moved off another joins its true place with a thin line and a dot.");
    case MapSymbol::az_up:
        return tr("One filled dot per availability zone that is up.");
    case MapSymbol::az_down:
        return tr("A hollow, crossed circle: that zone is down.");
    case MapSymbol::app_tier:
        return tr("An app tier and its capacity in requests per second.");
    case MapSymbol::database_writer:
        return tr("The database instance that takes writes now.");
    case MapSymbol::database_replica:
        return tr("A database replica copying the writer.");
    case MapSymbol::database_promoting:
        return tr("Dashed: a replica being promoted to writer.");
    case MapSymbol::database_old_writer:
        return tr("Dotted and crossed: a writer replaced by a promotion.");
    case MapSymbol::data_store:
        return tr("A bucket, secret, cache, queue or encryption key.");
    case MapSymbol::data_store_copy:
        return tr("Two cards: a replica copy of a data store.");
    case MapSymbol::population:
        return tr("Clients at their place on the map, succeeding.");
    case MapSymbol::population_failing:
        return tr("Filled in the failure colour: under 99 % of its requests succeed.");
    case MapSymbol::cache_ring:
        return tr("The arc is the share of clients whose DNS cache still holds the old answer; "
                  "the countdown says when the last of them expires.");
    case MapSymbol::dns_name:
        return tr("A DNS name, its routing policy and TTL.");
    case MapSymbol::accelerator:
        return tr("A global accelerator (anycast, no DNS caches).");
    case MapSymbol::distribution:
        return tr("A CDN distribution: edge caches in front of a primary and a secondary origin.");
    case MapSymbol::cdn_edge:
        return tr("Where a distribution serves nearby users; the arc is the share of its cache "
                  "still fresh.");
    case MapSymbol::cdn_edge_failover:
        return tr("The primary origin cannot answer: each miss fails over to the secondary.");
    case MapSymbol::cdn_edge_no_origin:
        return tr("Neither origin answers: misses and writes fail, cached hits go on until "
                  "they expire.");
    case MapSymbol::route:
        return tr("Where a record or an endpoint may send users, if chosen.");
    case MapSymbol::answer:
        return tr("What the name or accelerator answers right now.");
    case MapSymbol::entry:
        return tr("The name or accelerator a population asks.");
    case MapSymbol::replication:
        return tr("A database replicating between two regions.");
    case MapSymbol::replication_broken:
        return tr("Replication that does not flow now.");
    case MapSymbol::link_label:
        return tr("The replication lag at the playhead, or what the line carries.");
    case MapSymbol::request_ok:
        return tr("A request on its way that was served.");
    case MapSymbol::request_failed:
        return tr("A request on its way that failed.");
    case MapSymbol::flow:
        return tr("With Reduce Motion: solid for served requests, dashed for failed ones, as "
                  "wide as their rate.");
    case MapSymbol::count_:
        break;
    }
    return {};
}

QPen link_pen(LinkStyle style, bool active, const MapStyle &s) {
    QPen pen;
    switch (style) {
    case LinkStyle::route:
        pen = QPen(s.muted, 1.2, Qt::DashLine);
        break;
    case LinkStyle::answer:
        pen = QPen(s.accent, 3.0);
        break;
    case LinkStyle::entry:
        pen = QPen(s.muted, 1.2, Qt::DotLine);
        break;
    case LinkStyle::replication:
        pen = QPen(s.text, 1.6, active ? Qt::SolidLine : Qt::DashDotLine);
        break;
    }
    pen.setCosmetic(true);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

void draw_az_dot(QPainter *painter, const QRectF &dot, bool down, const MapStyle &s) {
    if (down) { // hollow and crossed out: down without relying on colour
        painter->setPen(QPen(s.muted, 1.2));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(dot);
        painter->drawLine(dot.topLeft(), dot.bottomRight());
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(s.ok);
        painter->drawEllipse(dot);
    }
}

void draw_leader(QPainter *painter, QPointF place, QPointF to, double dot, const MapStyle &s) {
    painter->setPen(QPen(s.text, 1.0));
    painter->setBrush(s.text);
    painter->drawLine(place, to);
    painter->drawEllipse(place, dot, dot);
}

void draw_cache_ring(QPainter *painter, const QRectF &ring, double stale_share, const MapStyle &s) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(s.muted, 1.0));
    painter->drawEllipse(ring);
    const double share = std::clamp(stale_share, 0.0, 1.0);
    if (share > 0) {
        // Thick, in the warning colour, with round caps: readable as a length, not a hue.
        painter->setPen(QPen(s.warn, 4.0, Qt::SolidLine, Qt::FlatCap));
        painter->drawArc(ring, 90 * 16, -static_cast<int>(std::lround(share * 360 * 16)));
    }
    painter->restore();
}

void draw_request_dot(QPainter *painter, QPointF c, bool failed, const QColor &ink,
                      const QColor &halo) {
    if (!failed) {
        painter->setPen(QPen(halo, 1.0));
        painter->setBrush(ink);
        painter->drawEllipse(c, 3.0, 3.0);
        return;
    }
    for (const auto &[colour, width] : {std::pair{halo, 4.0}, std::pair{ink, 2.0}}) {
        painter->setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(c + QPointF(-2.5, -2.5), c + QPointF(2.5, 2.5));
        painter->drawLine(c + QPointF(2.5, -2.5), c + QPointF(-2.5, 2.5));
    }
}

void draw_region_box(QPainter *painter, const QRectF &body, bool down, bool cut_off,
                     const MapStyle &s) {
    constexpr double kRadius = 6.0;
    if (cut_off) {
        painter->setPen(QPen(s.failed, 1.6, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(body.adjusted(-5, -5, 5, 5), kRadius + 4, kRadius + 4);
    }
    painter->setPen(QPen(s.border, 1.2));
    painter->setBrush(down ? s.box_down : s.box);
    painter->drawRoundedRect(body, kRadius, kRadius);
    if (down)
        draw_hatch(painter, body, kRadius, s.hatch);
}

void draw_badge(QPainter *painter, const QRectF &body, const QRectF &glyph, Glyph kind,
                BadgeLook look, bool copy, bool dimmed, const MapStyle &s) {
    QPen border(s.border, 1.0);
    QColor glyph_fill;
    switch (look) {
    case BadgeLook::plain:
        break;
    case BadgeLook::writer:
        border = QPen(s.text, 1.6);
        glyph_fill = dimmed ? s.muted : s.ok;
        break;
    case BadgeLook::promoting:
        border = QPen(s.warn, 1.6, Qt::DashLine);
        glyph_fill = s.warn;
        break;
    case BadgeLook::old_writer:
        border = QPen(s.muted, 1.0, Qt::DotLine);
        glyph_fill = s.box_down;
        break;
    }
    painter->setPen(border);
    painter->setBrush(dimmed ? s.box_down : s.box);
    if (copy) // a replica copy: a second card behind the first
        painter->drawRoundedRect(body.translated(2, -2), 4, 4);
    painter->drawRoundedRect(body, 4, 4);
    draw_glyph(painter, kind, glyph, dimmed ? s.muted : s.text, glyph_fill);
    if (look == BadgeLook::old_writer) {
        painter->setPen(QPen(s.muted, 1.2));
        painter->drawLine(glyph.bottomLeft(), glyph.topRight());
    }
}

void draw_edge_pill(QPainter *painter, const QRectF &body, const QRectF &glyph, Glyph kind,
                    const MapStyle &s) {
    painter->setPen(QPen(s.border, 1.0));
    painter->setBrush(s.box);
    painter->drawRoundedRect(body, body.height() / 2, body.height() / 2);
    draw_glyph(painter, kind, glyph, s.text, kind == Glyph::accelerator ? QColor() : s.ocean);
}

void draw_cdn_edge(QPainter *painter, const QRectF &disc, double fresh, CdnEdgeLook look,
                   const MapStyle &s) {
    const QPointF c = disc.center();
    const double r = disc.width() / 2 - 3;
    const QPolygonF diamond(
        {c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)});
    const bool none = look == CdnEdgeLook::no_origin;
    painter->setPen(QPen(s.border, 1.0));
    painter->setBrush(s.box);
    painter->drawEllipse(disc);
    painter->setBrush(none ? s.failed : s.ok);
    painter->drawPolygon(diamond);
    if (none) {
        painter->setPen(QPen(s.highlight_text, 1.5));
        painter->drawLine(c + QPointF(-3, -3), c + QPointF(3, 3));
        painter->drawLine(c + QPointF(-3, 3), c + QPointF(3, -3));
    }
    if (look == CdnEdgeLook::secondary) {
        painter->setPen(QPen(s.warn, 1.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(disc.adjusted(-2, -2, 2, 2));
    }
    painter->setPen(QPen(s.accent, 2.5, Qt::SolidLine, Qt::FlatCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawArc(disc.adjusted(1, 1, -1, -1), 90 * 16,
                     static_cast<int>(-360 * 16 * std::clamp(fresh, 0.0, 1.0)));
}

void draw_tag(QPainter *painter, const QRectF &rect, const QString &text, bool alert,
              const MapStyle &s) {
    if (alert) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(s.failed);
        painter->drawRoundedRect(rect, 3, 3);
        painter->setPen(s.highlight_text);
        painter->setFont(s.bold_font);
    } else {
        painter->setPen(QPen(s.failed, 1.0));
        painter->setBrush(s.box);
        painter->drawRoundedRect(rect, 3, 3);
        painter->setPen(s.text);
        painter->setFont(s.small_font);
    }
    painter->drawText(rect, Qt::AlignCenter, text);
}

void draw_map_symbol(QPainter *painter, MapSymbol symbol, const QRectF &box, const MapStyle &s) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QPointF c = box.center();
    const double h = box.height();
    const QRectF square(c.x() - h / 2, box.top(), h, h);
    const QRectF card(box.left() + 2, box.top() + 3, std::min(box.width() - 4, h * 1.6), h - 6);
    const QRectF card_glyph(card.left() + 3, card.center().y() - 7, 14, 14);
    const auto line = [&](LinkStyle style, bool active) {
        painter->setPen(link_pen(style, active, s));
        painter->setBrush(Qt::NoBrush);
        painter->drawLine(QPointF(box.left() + 2, c.y()), QPointF(box.right() - 2, c.y()));
    };
    switch (symbol) {
    case MapSymbol::region:
        draw_region_box(painter, box.adjusted(2, 3, -2, -3), false, false, s);
        break;
    case MapSymbol::region_down:
        draw_region_box(painter, box.adjusted(2, 3, -2, -3), true, false, s);
        break;
    case MapSymbol::region_cut_off:
        draw_region_box(painter, box.adjusted(7, 7, -7, -7), false, true, s);
        break;
    case MapSymbol::region_leader:
        draw_leader(painter, QPointF(box.left() + 4, box.bottom() - 4),
                    QPointF(box.right() - 4, box.top() + 4), 2.5, s);
        break;
    case MapSymbol::az_up:
    case MapSymbol::az_down:
        for (int i = 0; i < 3; ++i)
            draw_az_dot(painter, QRectF(c.x() - 15 + i * 10.5, c.y() - 3.5, 7, 7),
                        symbol == MapSymbol::az_down && i == 1, s);
        break;
    case MapSymbol::app_tier:
        draw_badge(painter, card, card_glyph, Glyph::app_tier, BadgeLook::plain, false, false, s);
        break;
    case MapSymbol::database_writer:
        draw_badge(painter, card, card_glyph, Glyph::database, BadgeLook::writer, false, false, s);
        break;
    case MapSymbol::database_replica:
        draw_badge(painter, card, card_glyph, Glyph::database, BadgeLook::plain, false, false, s);
        break;
    case MapSymbol::database_promoting:
        draw_badge(painter, card, card_glyph, Glyph::database, BadgeLook::promoting, false, false,
                   s);
        break;
    case MapSymbol::database_old_writer:
        draw_badge(painter, card, card_glyph, Glyph::database, BadgeLook::old_writer, false, false,
                   s);
        break;
    case MapSymbol::data_store:
        draw_badge(painter, card, card_glyph, Glyph::bucket, BadgeLook::plain, false, false, s);
        break;
    case MapSymbol::data_store_copy:
        draw_badge(painter, card, card_glyph, Glyph::bucket, BadgeLook::plain, true, false, s);
        break;
    case MapSymbol::population:
    case MapSymbol::population_failing:
        draw_glyph(painter, Glyph::people, square.adjusted(2, 3, -2, -2), s.text,
                   symbol == MapSymbol::population ? s.ok : s.failed);
        break;
    case MapSymbol::cache_ring:
        draw_cache_ring(painter, square.adjusted(2, 2, -2, -2), 0.6, s);
        break;
    case MapSymbol::dns_name:
    case MapSymbol::accelerator:
    case MapSymbol::distribution: {
        const QRectF pill = box.adjusted(2, 3, -2, -3);
        const Glyph glyph = symbol == MapSymbol::dns_name      ? Glyph::dns
                            : symbol == MapSymbol::accelerator ? Glyph::accelerator
                                                               : Glyph::distribution;
        draw_edge_pill(painter, pill, QRectF(pill.left() + 4, pill.center().y() - 7, 14, 14), glyph,
                       s);
        break;
    }
    case MapSymbol::cdn_edge:
    case MapSymbol::cdn_edge_failover:
    case MapSymbol::cdn_edge_no_origin: {
        const CdnEdgeLook look = symbol == MapSymbol::cdn_edge            ? CdnEdgeLook::primary
                                 : symbol == MapSymbol::cdn_edge_failover ? CdnEdgeLook::secondary
                                                                          : CdnEdgeLook::no_origin;
        draw_cdn_edge(painter, square.adjusted(3, 3, -3, -3),
                      symbol == MapSymbol::cdn_edge ? 0.7 : 0.3, look, s);
        break;
    }
    case MapSymbol::route:
        line(LinkStyle::route, true);
        break;
    case MapSymbol::answer:
        line(LinkStyle::answer, true);
        break;
    case MapSymbol::entry:
        line(LinkStyle::entry, true);
        break;
    case MapSymbol::replication:
        line(LinkStyle::replication, true);
        break;
    case MapSymbol::replication_broken:
        line(LinkStyle::replication, false);
        break;
    case MapSymbol::link_label: {
        line(LinkStyle::replication, true);
        const QRectF plate(c.x() - 12, c.y() - 6, 24, 12);
        painter->setPen(QPen(s.border, 1.0));
        painter->setBrush(s.box);
        painter->drawRoundedRect(plate, 3, 3);
        break;
    }
    case MapSymbol::request_ok:
    case MapSymbol::request_failed: {
        const bool failed = symbol == MapSymbol::request_failed;
        for (int i = 0; i < 3; ++i)
            draw_request_dot(painter, QPointF(box.left() + 8 + i * 12, c.y()), failed,
                             failed ? s.failed : s.ok, s.box);
        break;
    }
    case MapSymbol::flow: {
        QPen served(s.ok, 5.0, Qt::SolidLine, Qt::FlatCap);
        painter->setPen(served);
        painter->drawLine(QPointF(box.left() + 2, c.y() - 2), QPointF(box.right() - 2, c.y() - 2));
        QPen failed(s.failed, 2.0, Qt::DashLine, Qt::FlatCap);
        painter->setPen(failed);
        painter->drawLine(QPointF(box.left() + 2, c.y() + 3), QPointF(box.right() - 2, c.y() + 3));
        break;
    }
    case MapSymbol::count_:
        break;
    }
    painter->restore();
}

} // namespace widgets
