#pragma once
// Every kind of mark the map draws, and the painting each one shares between the map's items
// and the map's legend: the legend draws a symbol with the very code the item paints it with.

#include "mapglyphs.h"
#include "mapstyle.h"

#include <QCoreApplication>
#include <QPen>
#include <QRectF>
#include <QString>

#include <cstdint>

class QPainter;

namespace widgets {

enum class LinkStyle : std::uint8_t;

enum class MapSymbol : std::uint8_t {
    region,              // a region's box with its id
    region_down,         // hatched box with a DOWN tag: a region outage in force
    region_cut_off,      // dashed outline with a CUT OFF tag: a partition in force
    region_leader,       // a line from a moved box (or marker) to its true place
    az_up,               // a filled dot per availability zone
    az_down,             // a crossed hollow circle: that AZ is down
    app_tier,            // the tier's badge with its capacity
    database_writer,     // a database badge taking writes
    database_replica,    // a database badge copying the writer
    database_promoting,  // dashed badge: a replica being promoted
    database_old_writer, // dotted, crossed badge: a writer that was replaced
    data_store,          // a bucket, secret, cache, queue or key
    data_store_copy,     // a second card behind: a replica copy of a data store
    population,          // the people glyph at the population's place
    population_failing,  // the same, filled red, with its success rate
    cache_ring,          // the ring around a population: clients still on the old answer
    dns_name,            // a DNS name in the row along the top
    accelerator,         // a global accelerator in the same row
    distribution,        // a CDN distribution in the same row
    cdn_edge,            // a CDN edge location: its arc is the share of its cache still fresh
    cdn_edge_failover,   // dashed ring: the edge's misses are answered by the secondary origin
    cdn_edge_no_origin,  // crossed, filled red: no origin answers the edge's misses
    route,               // dashed line: where a record or endpoint may send users
    answer,              // thick line: what a name answers right now
    entry,               // dotted line: a population's way in (its name or accelerator)
    replication,         // solid line between regions: a database replicating
    replication_broken,  // dash-dot line: replication not flowing
    link_label,          // a plate on a line: the replication lag, or what it carries
    request_ok,          // a moving dot: a request that was served
    request_failed,      // a moving cross: a request that failed
    flow,                // with Reduce Motion: a band as wide as the request rate
    count_,
};
constexpr int kMapSymbols = static_cast<int>(MapSymbol::count_);

struct MapSymbolText {
    Q_DECLARE_TR_FUNCTIONS(widgets::MapSymbolText)
public:
    static QString name(MapSymbol symbol);
    static QString meaning(MapSymbol symbol);
};

// Draws the symbol into `box` as the map shows it, for the legend.
void draw_map_symbol(QPainter *painter, MapSymbol symbol, const QRectF &box, const MapStyle &s);

// The pieces the items paint with.
QPen link_pen(LinkStyle style, bool active, const MapStyle &s);
void draw_az_dot(QPainter *painter, const QRectF &dot, bool down, const MapStyle &s);
void draw_leader(QPainter *painter, QPointF place, QPointF to, double dot, const MapStyle &s);
// The ring of a population's DNS caches: a full thin circle, and an arc over `stale_share` of
// it (from twelve o'clock, clockwise) for the clients still on an old answer.
void draw_cache_ring(QPainter *painter, const QRectF &ring, double stale_share, const MapStyle &s);
// A request dot: a disc when served, a cross when failed (shape, not only colour).
void draw_request_dot(QPainter *painter, QPointF centre, bool failed, const QColor &ink,
                      const QColor &halo);
// The outline and fill of a region's box, hatched when down, with the partition outline.
void draw_region_box(QPainter *painter, const QRectF &body, bool down, bool cut_off,
                     const MapStyle &s);
// A badge inside a region's box: its card (two when a copy), glyph and outline for the role.
enum class BadgeLook { plain, writer, promoting, old_writer };
void draw_badge(QPainter *painter, const QRectF &body, const QRectF &glyph, Glyph kind,
                BadgeLook look, bool copy, bool dimmed, const MapStyle &s);
// The pill of a DNS name, an accelerator or a distribution, with its glyph.
void draw_edge_pill(QPainter *painter, const QRectF &body, const QRectF &glyph, Glyph kind,
                    const MapStyle &s);
// A CDN edge location's marker in `disc`: a diamond, the arc of its cache still fresh (0-1),
// a dashed ring while the secondary origin answers its misses, a cross when no origin does.
enum class CdnEdgeLook { primary, secondary, no_origin };
void draw_cdn_edge(QPainter *painter, const QRectF &disc, double fresh, CdnEdgeLook look,
                   const MapStyle &s);
// A small tag above or below a box ("DOWN", "CUT OFF").
void draw_tag(QPainter *painter, const QRectF &rect, const QString &text, bool alert,
              const MapStyle &s);

} // namespace widgets
