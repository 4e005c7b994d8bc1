#pragma once
// A cloud region on the map: a box at its place with its id, its availability zones and a badge
// for each part that lives there; and the badges themselves.

#include "mapitems.h"

#include <map>
#include <vector>

namespace model {
struct Region;
}

namespace widgets {

enum class BadgeKind { app_tier, database, bucket, secret, cache, queue, key };
enum class DbRole { writer, replica, promoting, old_writer };

// What the view tells a region about one of its badges.
struct BadgeSpec {
    QString key; // unique within the region, e.g. "db:orders-db"
    QString id;  // the component it stands for
    BadgeKind kind = BadgeKind::app_tier;
    QString text; // shown beside the glyph (capacity); database badges show their role
    DbRole role = DbRole::replica;
    bool copy = false; // a data store's replica copy rather than its primary
    QString tooltip;
};

// One part living in a region: an app tier, a database instance or a data store.
class BadgeItem : public MapItem {
    Q_DECLARE_TR_FUNCTIONS(BadgeItem)

public:
    enum { Type = UserType + 3 };
    BadgeItem(const QString &key, std::shared_ptr<const MapStyle> style);

    void set_spec(const BadgeSpec &spec);
    // Database badges: the role at the playhead; returns true when the badge's size changed.
    bool set_role(DbRole role);
    void set_dimmed(bool dimmed);

    const QString &key() const { return key_; }
    BadgeKind kind() const { return kind_; }
    DbRole role() const { return role_; }
    // The region this badge lives in.
    QString region_id() const;

    int type() const override { return Type; }
    bool linkable() const override {
        return kind_ == BadgeKind::app_tier || kind_ == BadgeKind::database;
    }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void relayout();

    QString key_;
    BadgeKind kind_ = BadgeKind::app_tier;
    DbRole role_ = DbRole::replica;
    QString text_, tooltip_;
    bool copy_ = false;
    bool dimmed_ = false;
    QRectF glyph_, text_rect_;
};

class RegionItem : public MapItem {
    Q_DECLARE_TR_FUNCTIONS(RegionItem)

public:
    enum { Type = UserType + 2 };
    RegionItem(const QString &id, std::shared_ptr<const MapStyle> style);

    // From the scenario. `fixed`: a known cloud region, which cannot be moved.
    void sync(const model::Region &r, bool fixed, const std::vector<BadgeSpec> &badges);
    // From the world at the playhead.
    void set_state(bool down, const std::vector<bool> &az_down, bool cut_off);
    void set_role(const QString &badge_key, DbRole role);
    // While something is dragged over it: whether the drop would be taken.
    void set_drop_target(bool on);
    // While its events are hovered on the timeline: drawn with an accent outline.
    void set_highlighted(bool on);
    bool highlighted() const { return highlighted_; }
    // Moves the box (not the region's place) by `pixels`, off another region's box; a leader
    // then joins the box to the place.
    void set_offset(QPointF pixels);
    QPointF offset() const { return offset_; }
    // The body as it would be without an offset.
    QRectF unshifted_body() const { return body_.translated(-offset_); }

    bool fixed() const { return fixed_; }
    bool down() const { return down_; }
    bool cut_off() const { return cut_off_; }
    int azs() const { return static_cast<int>(az_down_.size()); }
    const std::vector<bool> &az_down() const { return az_down_; }
    BadgeItem *badge(const QString &key) const;
    const std::map<QString, BadgeItem *> &badges() const { return badges_; }

    int type() const override { return Type; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void relayout();
    void update_tooltip();

    QString name_;
    bool fixed_ = false;
    bool down_ = false;
    bool cut_off_ = false;
    bool drop_target_ = false;
    bool highlighted_ = false;
    QPointF offset_;
    std::vector<bool> az_down_;
    std::map<QString, BadgeItem *> badges_; // by key; children of this item
    std::vector<QString> order_;            // badge keys in the order shown
    QRectF title_rect_, name_rect_, down_rect_, cut_rect_;
    std::vector<QRectF> az_dots_;
};

} // namespace widgets
