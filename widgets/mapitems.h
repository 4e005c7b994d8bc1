#pragma once
// The map's items that stand for scenario components: each mirrors one model object by id and
// holds only what the view last gave it (sync from the scenario, state from the playhead).

#include "mapstyle.h"
#include "model/sim_time.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

#include <memory>
#include <optional>

namespace model {
struct Population;
}

namespace widgets {

// What every component item shares: the id, the style, selection and the link handle.
class MapItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(MapItem)

public:
    MapItem(QString id, std::shared_ptr<const MapStyle> style);

    const QString &id() const { return id_; }
    // Whether a link can be dragged out of this item (the handle shows while it is selected).
    virtual bool linkable() const { return false; }
    // True when `local` (item coordinates) is on the link handle of a selected item.
    bool on_link_handle(QPointF local) const;
    // The item's body (its box, without labels and handle), in item coordinates.
    const QRectF &body() const { return body_; }

    QRectF boundingRect() const override { return bounds_; }
    QPainterPath shape() const override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    QRectF handle_rect() const;
    // Sets the body and the bounding rect (body, handle and `extra`) after a layout change.
    void set_geometry(const QRectF &body, const QRectF &extra = QRectF());
    void paint_selection(QPainter *painter, double radius) const;

    QString id_;
    std::shared_ptr<const MapStyle> style_;
    QRectF body_, bounds_;
};

// A population of clients: a people glyph at its place, its id and the share of its requests
// that succeed at the playhead.
class PopulationItem : public MapItem {
    Q_DECLARE_TR_FUNCTIONS(PopulationItem)

public:
    enum { Type = UserType + 4 };
    PopulationItem(const QString &id, std::shared_ptr<const MapStyle> style);

    void sync(const model::Population &p);
    void set_success(double share);
    double success() const { return success_; }
    // Its clients' DNS caches at the playhead: the share still on an old answer (a ring around
    // the glyph) and the time until the last of them expires (a countdown under it).
    void set_cache(double stale_share, std::optional<model::Ms> expires_in_ms);
    double cache_share() const { return stale_share_; }
    std::optional<model::Ms> cache_expires_in() const { return expires_in_ms_; }
    // What the countdown line says ("" when no cache waits).
    const QString &cache_text() const { return cache_text_; }
    // While its events are hovered on the timeline: drawn with an accent outline.
    void set_highlighted(bool on);
    bool highlighted() const { return highlighted_; }
    // Moves the marker (not its place) by `pixels`, off a region box or another population;
    // a leader line then joins the marker to its place.
    void set_offset(QPointF pixels);
    QPointF offset() const { return offset_; }
    // The body as it would be without an offset.
    QRectF unshifted_body() const { return body_.translated(-offset_); }
    // The room it keeps free around its place, without an offset: the body with a row for the
    // cache countdown whether or not it shows, so that boxes do not jump when it comes and goes.
    QRectF footprint() const;

    int type() const override { return Type; }
    bool linkable() const override { return true; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void relayout();
    void update_tooltip();

    QString description_, success_text_, cache_text_;
    double success_ = 1.0;
    double stale_share_ = 0;
    std::optional<model::Ms> expires_in_ms_;
    bool highlighted_ = false;
    QPointF offset_;
    QRectF glyph_, ring_, id_rect_, success_rect_, cache_rect_;
};

// A DNS name, a global accelerator or a CDN distribution: no geography, so the view lines them
// up along the top edge of the map.
class EdgeNodeItem : public MapItem {
    Q_DECLARE_TR_FUNCTIONS(EdgeNodeItem)

public:
    enum { Type = UserType + 5 };
    enum class Kind { dns, accelerator, distribution };
    EdgeNodeItem(const QString &id, std::shared_ptr<const MapStyle> style);

    void sync(Kind kind, const QString &subtitle, const QString &tooltip);
    // The second line at the playhead (a distribution's state); the size stays as sync() made it.
    void set_subtitle(const QString &subtitle);
    const QString &subtitle() const { return subtitle_; }
    Kind kind() const { return kind_; }
    void set_highlighted(bool on);

    int type() const override { return Type; }
    bool linkable() const override { return true; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Kind kind_ = Kind::dns;
    bool highlighted_ = false;
    QString title_, subtitle_;
    QRectF glyph_, title_rect_, subtitle_rect_;
};

} // namespace widgets
