#pragma once
// The failover map: regions with what lives in them, populations, DNS names and accelerators,
// replication and the requests in flight, over a world map. It shows what the model says and
// emits what the user asks for; it computes nothing and keeps no simulation state.

#include "model/edit.h"
#include "model/geo.h"
#include "model/quick_actions.h"
#include "model/scenario.h"
#include "model/world_at.h"

#include <QGraphicsView>

#include <cstdint>

#include <map>
#include <memory>
#include <vector>

class QGraphicsLineItem;
class QToolButton;

namespace widgets {

class CdnEdgeItem;
class EdgeNodeItem;
class LinkItem;
enum class LinkStyle : std::uint8_t;
class MapItem;
class PopulationItem;
class RegionItem;
class RequestDots;
class WorldMap;
struct MapStyle;

// One entry of an item's context menu.
struct MapAction {
    model::QuickRequest request; // as emitted by quick_action
    QString label;
    bool enabled = true;
};

class MapView : public QGraphicsView {
    Q_OBJECT

public:
    explicit MapView(QWidget *parent = nullptr);
    ~MapView() override;

    // Re-syncs the items by id (adds, removes, updates); the selection stays.
    void show_scenario(const model::Scenario &s);
    // Draws the state at the playhead.
    void show_world(const model::Scenario &s, const model::WorldAt &w);
    // Flow widths instead of moving dots.
    void set_reduce_motion(bool on);
    // Fits the view to the content; it then refits whenever its size changes (docks resized),
    // until the user zooms or pans it.
    void fit_to_content();
    bool fits_automatically() const { return auto_fit_; }
    // Outlines the component (or the regions holding it) whose events are hovered elsewhere.
    void set_highlight(const QString &id);
    QString highlight() const { return highlight_; }
    // Whether the map offers to remove parts (not on a presenter's screen).
    void set_editable(bool on) { editable_ = on; }
    void zoom_in();
    void zoom_out();
    QString selected_id() const;
    void select_id(const QString &id);

    // Equirectangular: lon/lat -> scene and back.
    static QPointF project(model::LatLon p);
    static model::LatLon unproject(QPointF scene);

    // Handles a drop at a scene position exactly as a real drop does (the real dropEvent calls
    // it too). Returns false, and emits drop_refused, when refused.
    bool drop_component(model::ComponentKind kind, QPointF scene_pos);
    // The region under a point, "" if none.
    QString region_at(QPointF scene_pos) const;

    // The items, for tests and tools.
    RegionItem *region_item(const QString &id) const;
    PopulationItem *population_item(const QString &id) const;
    EdgeNodeItem *edge_node(const QString &id) const;
    // An edge location of a distribution, nullptr if none.
    CdnEdgeItem *cdn_edge(const QString &distribution, const QString &edge) const;
    RequestDots *request_dots() const { return dots_; }
    std::vector<LinkItem *> links() const;
    // Where lines to and from a region, tier, population, DNS name, accelerator or distribution
    // end, in scene coordinates.
    QPointF anchor_of(const QString &id) const;
    // What an item's context menu offers.
    std::vector<MapAction> actions_for(const MapItem *item) const;

signals:
    void component_dropped(model::ComponentKind kind, model::LatLon where, QString region_id);
    void drop_refused(QString reason);
    void component_moved(QString id, model::LatLon where, bool finished);
    void link_requested(QString from_id, QString to_id);
    void selection_changed(QString id);
    void quick_action(model::QuickRequest request);
    // The mouse went over (or left, "") a component.
    void component_hovered(QString id);
    // The legend button in the map's corner was pressed.
    void legend_requested();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    // A line on the map between two components, placed from their items.
    struct Link {
        QString from, to;
        double bend = 0;
        LinkItem *item = nullptr;
        double shown_bend = 0; // the bend in use, after route_links()
    };
    // What a flow of the last world was, by id, so a re-sync can re-place it.
    struct FlowKey {
        QString population, region;
        double requests_per_s = 0, failed_share = 0;
    };
    // A CDN flow of the last world: a population's hits at its edge, or the edge's misses on
    // their way to the origin's region.
    struct CdnFlowKey {
        QString from, edge, region; // from a population to the edge, or the edge to a region
        double requests_per_s = 0, failed_share = 0;
    };
    enum class Gesture { none, pending, move, link, pan, refused };

    // sync (mapview_sync.cpp)
    void sync_regions(const model::Scenario &s);
    void sync_populations(const model::Scenario &s);
    void sync_edge_nodes(const model::Scenario &s);
    void sync_cdn_edges(const model::Scenario &s);
    void show_cdn(const model::Scenario &s, const model::WorldAt &w);
    void rebuild_links(const model::Scenario &s);
    void add_link(const QString &key, LinkStyle style, const QString &from, const QString &to,
                  double bend);
    void show_answers(const model::WorldAt &w);
    void show_databases(const model::Scenario &s, const model::WorldAt &w);
    void place_flows();
    void rebuild_tab_order();

    // geometry (mapview.cpp)
    void apply_style();
    void zoom_by(double factor, ViewportAnchor anchor);
    double min_scale() const;
    void view_changed();
    // The viewport pixels the region boxes and populations cover, as drawn now.
    QRectF pixels_used() const;
    void layout_edge_nodes();
    void place_links();
    // Labels of lines slide along them off every box; lines that would cross a box that is
    // not one of their ends bend around it.
    void route_links();
    void declutter();
    void apply_highlight();

    // input (mapview_input.cpp)
    MapItem *item_at(QPoint viewport_pos) const;
    QPointF item_local(const MapItem *item, QPoint viewport_pos) const;
    QPoint viewport_point(const MapItem *item) const;
    QString refusal(model::ComponentKind kind, QPointF scene_pos) const;
    QString link_target(QPoint viewport_pos) const;
    void set_drop_region(const QString &id);
    void show_menu(MapItem *item, QPoint global_pos);
    void notify_selection();
    void say_at(const QString &text, QPoint viewport_pos);
    QString selected_region() const;
    void end_gesture();

    QGraphicsScene *scene_ = nullptr;
    std::shared_ptr<MapStyle> style_;
    WorldMap *world_ = nullptr;
    RequestDots *dots_ = nullptr;
    std::map<QString, RegionItem *> regions_;
    std::map<QString, PopulationItem *> populations_;
    std::map<QString, EdgeNodeItem *> edges_;
    std::map<QString, CdnEdgeItem *> cdn_edges_; // by "<distribution>/<edge>"
    std::map<QString, QString> origin_region_;   // CDN origin (tier or bucket) -> region
    std::vector<CdnFlowKey> cdn_flows_;
    std::vector<QString> edge_order_;
    std::map<QString, QPointF> edge_places_; // edge node -> its centre in viewport pixels
    std::map<QString, Link> links_;          // by key, e.g. "route:shop.example.com>app-east"
    std::map<QString, QString> tier_region_; // app tier -> region
    std::vector<FlowKey> flows_;
    std::vector<MapItem *> tab_order_;
    bool reduce_motion_ = false;
    bool auto_fit_ = true;
    QToolButton *legend_button_ = nullptr;
    QString highlight_, hovered_;
    QString last_selected_;

    Gesture gesture_ = Gesture::none;
    QPoint press_pos_;
    QString press_id_;
    QPointF grab_offset_;
    QGraphicsLineItem *rubber_ = nullptr;
    QString drop_region_;
    bool editable_ = true;
};

} // namespace widgets
