#include "mapview.h"

#include "mapitems.h"
#include "maplinks.h"
#include "mapstyle.h"
#include "regionitem.h"
#include "requestdots.h"
#include "worldmap.h"

#include <QApplication>
#include <QEvent>
#include <QScrollBar>
#include <QToolButton>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace widgets {
namespace {

constexpr double kMaxScale = 40.0; // pixels per scene unit: about 400 px per degree
constexpr double kMinScale = 0.2;  // about 2 px per degree: the world is 720 px wide
constexpr double kMapZoomStep = 1.25;
constexpr double kEdgeRowTop = 10.0; // pixels from the top of the view to the DNS row
constexpr double kEdgeGap = 14.0;

} // namespace

MapView::MapView(QWidget *parent)
    : QGraphicsView(parent), scene_(new QGraphicsScene(this)),
      style_(std::make_shared<MapStyle>()) {
    // Few items, several of them moving with the view: an index would only be rebuilt.
    scene_->setItemIndexMethod(QGraphicsScene::NoIndex);
    const QRectF world = world_rect();
    scene_->setSceneRect(world.adjusted(-world.width() / 4, -world.height() / 3, world.width() / 4,
                                        world.height() / 3));
    setScene(scene_);
    world_ = new WorldMap;
    scene_->addItem(world_);
    dots_ = new RequestDots;
    scene_->addItem(dots_);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    // Measured with tests/widgets/dots.bench.cpp: the dots repaint only their bounding rect.
    setViewportUpdateMode(SmartViewportUpdate);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTransformationAnchor(AnchorUnderMouse);
    setDragMode(NoDrag);
    setAcceptDrops(true);
    viewport()->setMouseTracking(true); // hovering a component highlights its events
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setToolTip(QString());
    setWhatsThis(tr("The failover map. Drag components here from the palette; drag regions and "
                    "populations to move them; Shift+drag from one component to another to link "
                    "them. Keys: +/- zoom, arrows pan, Tab selects the next item, Delete removes "
                    "it, F fails the selected region, R recovers it, the Menu key opens its "
                    "actions."));
    setAccessibleName(tr("Failover map"));
    connect(scene_, &QGraphicsScene::selectionChanged, this, &MapView::notify_selection);
    legend_button_ = new QToolButton(this);
    legend_button_->setText(tr("Legend"));
    legend_button_->setToolTip(tr("What every symbol on the map means (Help > Map Legend)"));
    legend_button_->setAccessibleName(tr("Map legend"));
    legend_button_->setFocusPolicy(Qt::NoFocus);
    connect(legend_button_, &QToolButton::clicked, this, &MapView::legend_requested);
    apply_style();
    setTransform(QTransform::fromScale(0.3, 0.3));
    view_changed();
}

MapView::~MapView() {
    // The scene outlives this part of the view: its last selection change must not reach us.
    disconnect(scene_, nullptr, this, nullptr);
}

QPointF MapView::project(model::LatLon p) {
    return scene_from_latlon(p);
}

model::LatLon MapView::unproject(QPointF scene) {
    return latlon_from_scene(scene);
}

RegionItem *MapView::region_item(const QString &id) const {
    auto it = regions_.find(id);
    return it == regions_.end() ? nullptr : it->second;
}

PopulationItem *MapView::population_item(const QString &id) const {
    auto it = populations_.find(id);
    return it == populations_.end() ? nullptr : it->second;
}

EdgeNodeItem *MapView::edge_node(const QString &id) const {
    auto it = edges_.find(id);
    return it == edges_.end() ? nullptr : it->second;
}

CdnEdgeItem *MapView::cdn_edge(const QString &distribution, const QString &edge) const {
    auto it = cdn_edges_.find(distribution + QLatin1Char('/') + edge);
    return it == cdn_edges_.end() ? nullptr : it->second;
}

std::vector<LinkItem *> MapView::links() const {
    std::vector<LinkItem *> out;
    for (const auto &[key, link] : links_)
        out.push_back(link.item);
    return out;
}

void MapView::set_highlight(const QString &id) {
    if (id == highlight_)
        return;
    highlight_ = id;
    apply_highlight();
}

void MapView::apply_highlight() {
    // A part inside a region (app tier, database, data store) lights the regions holding it.
    for (const auto &[rid, region] : regions_) {
        bool on = !highlight_.isEmpty() && rid == highlight_;
        for (const auto &[key, badge] : region->badges())
            on = on || (!highlight_.isEmpty() && badge->id() == highlight_);
        region->set_highlighted(on);
    }
    for (const auto &[pid, population] : populations_)
        population->set_highlighted(!highlight_.isEmpty() && pid == highlight_);
    for (const auto &[eid, edge] : edges_)
        edge->set_highlighted(!highlight_.isEmpty() && eid == highlight_);
}

void MapView::set_reduce_motion(bool on) {
    reduce_motion_ = on;
    dots_->set_reduce_motion(on);
}

QString MapView::selected_id() const {
    for (QGraphicsItem *item : scene_->selectedItems())
        if (const auto *m = dynamic_cast<const MapItem *>(item))
            return m->id();
    return {};
}

void MapView::select_id(const QString &id) {
    MapItem *found = nullptr;
    for (MapItem *item : tab_order_)
        if (item->id() == id) {
            found = item;
            break;
        }
    {
        const QSignalBlocker block(scene_);
        scene_->clearSelection();
        if (found)
            found->setSelected(true);
    }
    notify_selection();
}

void MapView::notify_selection() {
    const QString id = selected_id();
    if (id == last_selected_)
        return;
    last_selected_ = id;
    emit selection_changed(id);
}

void MapView::apply_style() {
    *style_ = MapStyle::from(palette(), font());
    world_->set_colours(style_->ocean, style_->land, style_->grid);
    dots_->set_colours(style_->ok, style_->failed, style_->box, devicePixelRatioF());
    setBackgroundBrush(style_->ocean);
    scene_->update();
}

void MapView::changeEvent(QEvent *event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        apply_style();
}

// Zoom ----------------------------------------------------------------------------------------

double MapView::min_scale() const {
    // The whole world and a little more, but never so small that a box of a few hundred
    // pixels would cover half the planet (a hidden or tiny view would otherwise do just that,
    // and every drop would land on some region).
    const QRectF world = world_rect();
    const QSize size = viewport()->size();
    return std::max(kMinScale,
                    0.9 * std::min(size.width() / world.width(), size.height() / world.height()));
}

void MapView::zoom_by(double factor, ViewportAnchor anchor) {
    auto_fit_ = false; // the learner chose a view: keep it
    const double now = transform().m11();
    const double next = std::clamp(now * factor, min_scale(), kMaxScale);
    if (next == now)
        return;
    const ViewportAnchor before = transformationAnchor();
    setTransformationAnchor(anchor);
    scale(next / now, next / now);
    setTransformationAnchor(before);
    view_changed();
}

void MapView::zoom_in() {
    zoom_by(kMapZoomStep, AnchorViewCenter);
}

void MapView::zoom_out() {
    zoom_by(1.0 / kMapZoomStep, AnchorViewCenter);
}

void MapView::fit_to_content() {
    QRectF content;
    for (const auto &[id, item] : regions_)
        content |= QRectF(item->pos(), QSizeF(0.001, 0.001));
    for (const auto &[id, item] : populations_)
        content |= QRectF(item->pos(), QSizeF(0.001, 0.001));
    if (content.isNull())
        content = world_rect();
    // Keep a sensible area around one lone region or population.
    const double min_w = 40 * kSceneUnitsPerDegree, min_h = 20 * kSceneUnitsPerDegree;
    content.adjust(-std::max(0.0, (min_w - content.width()) / 2),
                   -std::max(0.0, (min_h - content.height()) / 2),
                   std::max(0.0, (min_w - content.width()) / 2),
                   std::max(0.0, (min_h - content.height()) / 2));
    // Room in pixels for the boxes around their anchors and for the DNS row at the top,
    // measured from the boxes themselves, so larger type (presentation mode) still fits.
    double half_w = 60, half_h = 30, edge_bottom = 0;
    for (const auto &[id, item] : regions_) {
        half_w = std::max(half_w, item->unshifted_body().width() / 2);
        half_h = std::max(half_h, item->unshifted_body().height() / 2);
    }
    for (const auto &[id, item] : populations_)
        half_h = std::max(half_h, item->unshifted_body().bottom());
    for (const auto &[id, place] : edge_places_)
        edge_bottom = std::max(edge_bottom, place.y() + edge_node(id)->body().bottom());
    const double side = half_w + 16, bottom = half_h + 16;
    const double top = edges_.empty() ? half_h + 16 : edge_bottom + half_h + 24;
    const QSize size = viewport()->size();
    const double s = std::clamp(std::min((size.width() - 2 * side) / content.width(),
                                         (size.height() - top - bottom) / content.height()),
                                min_scale(), kMaxScale);
    setTransform(QTransform::fromScale(s, s));
    centerOn(content.center() - QPointF(0, (top - bottom) / 2 / s));
    view_changed();
    // Boxes move aside from what they would cover once the scale is set, and may then stick
    // out of a narrow map: try a few smaller scales, centred again, and keep the view that
    // leaves the least outside.
    const QRectF room =
        QRectF(viewport()->rect()).adjusted(8, edges_.empty() ? 8 : edge_bottom + 8, -8, -8);
    const auto outside = [&] {
        const QRectF used = pixels_used();
        return std::max({0.0, room.left() - used.left(), used.right() - room.right()}) +
               std::max({0.0, room.top() - used.top(), used.bottom() - room.bottom()});
    };
    double best = outside();
    QTransform best_transform = transform();
    QPointF best_centre = mapToScene(viewport()->rect().center());
    for (int round = 0; round < 6 && best > 0 && room.isValid(); ++round) {
        const QRectF used = pixels_used();
        const double now = transform().m11();
        const double next = std::clamp(now * 0.85, min_scale(), kMaxScale);
        const QPointF middle = mapToScene(used.center().toPoint());
        setTransform(QTransform::fromScale(next, next));
        centerOn(middle - (room.center() - QRectF(viewport()->rect()).center()) / next);
        view_changed();
        if (const double now_outside = outside(); now_outside < best) {
            best = now_outside;
            best_transform = transform();
            best_centre = mapToScene(viewport()->rect().center());
        }
    }
    setTransform(best_transform);
    centerOn(best_centre);
    view_changed();
    auto_fit_ = true;
}

QRectF MapView::pixels_used() const {
    QRectF used;
    const QTransform xf = viewportTransform();
    for (const auto &[id, item] : regions_)
        used |= item->deviceTransform(xf).mapRect(item->boundingRect());
    for (const auto &[id, item] : populations_)
        used |= item->deviceTransform(xf).mapRect(item->boundingRect());
    return used;
}

void MapView::wheelEvent(QWheelEvent *event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoom_by(std::pow(kMapZoomStep, steps), AnchorUnderMouse);
    event->accept();
}

void MapView::resizeEvent(QResizeEvent *event) {
    QGraphicsView::resizeEvent(event);
    legend_button_->adjustSize();
    legend_button_->move(8, height() - legend_button_->height() - 8);
    if (auto_fit_)
        fit_to_content();
    else
        view_changed();
}

void MapView::leaveEvent(QEvent *event) {
    QGraphicsView::leaveEvent(event);
    if (!hovered_.isEmpty()) {
        hovered_.clear();
        emit component_hovered(QString());
    }
}

void MapView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    layout_edge_nodes();
    place_links();
}

void MapView::view_changed() {
    dots_->set_pixel_size(1.0 / std::max(1e-6, transform().m11()));
    layout_edge_nodes();
    declutter();
    place_links();
    place_flows(); // a moved box moves where its requests go
}

void MapView::declutter() {
    // Populations stay at their place. Region boxes that would cover one of them, another box
    // or the DNS row move aside, trying rings of offsets, each ring in the order that points
    // away from what they would cover; a leader joins a moved box to its place. West to east.
    // Only populations that would still overlap one another move, the same way.
    const QTransform xf = viewportTransform();
    std::vector<QRectF> taken;
    for (const auto &[id, place] : edge_places_) // the DNS row stays where it is
        taken.push_back(edge_node(id)->body().translated(place).adjusted(-4, -4, 4, 4));
    static const QPointF kDirections[] = {{0, 1}, {1, 0},  {-1, 0}, {0, -1},
                                          {1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
    const auto place = [&](const QRectF &body, double gap) {
        const auto blocker = [&](QPointF offset) -> const QRectF * {
            const QRectF r = body.translated(offset);
            for (const QRectF &t : taken)
                if (t.intersects(r))
                    return &t;
            return nullptr;
        };
        const QRectF *in_the_way = blocker({});
        if (!in_the_way)
            return QPointF();
        QPointF away = body.center() - in_the_way->center();
        if (away.isNull())
            away = {-1, 0};
        std::vector<QPointF> order(std::begin(kDirections), std::end(kDirections));
        std::stable_sort(order.begin(), order.end(), [&](QPointF a, QPointF b) {
            return QPointF::dotProduct(a, away) / std::hypot(a.x(), a.y()) >
                   QPointF::dotProduct(b, away) / std::hypot(b.x(), b.y());
        });
        for (int ring = 1; ring <= 10; ++ring)
            for (const QPointF &d : order) {
                const QPointF offset(d.x() * ring * (body.width() / 2 + gap),
                                     d.y() * ring * (body.height() / 2 + gap));
                if (!blocker(offset))
                    return offset;
            }
        return QPointF();
    };
    for (const auto &[id, population] : populations_) {
        const QRectF body = population->footprint().translated(xf.map(population->pos()));
        const QPointF chosen = place(body, 6);
        population->set_offset(chosen);
        taken.push_back(body.translated(chosen).adjusted(-4, -4, 4, 4));
    }
    std::vector<RegionItem *> regions;
    for (const auto &[id, region] : regions_)
        regions.push_back(region);
    std::stable_sort(regions.begin(), regions.end(),
                     [](const RegionItem *a, const RegionItem *b) { return a->x() < b->x(); });
    for (RegionItem *region : regions) {
        const QRectF body = region->unshifted_body().translated(xf.map(region->pos()));
        const QPointF chosen = place(body, 10);
        region->set_offset(chosen);
        taken.push_back(body.translated(chosen).adjusted(-4, -4, 4, 4));
    }
}

// Placement -----------------------------------------------------------------------------------

void MapView::layout_edge_nodes() {
    // A row (wrapping if need be) centred along the top edge of the view.
    const double width = viewport()->width();
    std::vector<std::vector<EdgeNodeItem *>> rows(1);
    double row_w = 0;
    for (const QString &id : edge_order_) {
        EdgeNodeItem *node = edge_node(id);
        const double w = node->body().width();
        if (row_w > 0 && row_w + kEdgeGap + w > width - 2 * kEdgeGap) {
            rows.emplace_back();
            row_w = 0;
        }
        row_w += (row_w > 0 ? kEdgeGap : 0) + w;
        rows.back().push_back(node);
    }
    edge_places_.clear();
    const QTransform to_scene = viewportTransform().inverted();
    double y = kEdgeRowTop;
    for (const auto &row : rows) {
        double total = 0, height = 0;
        for (EdgeNodeItem *node : row) {
            total += node->body().width() + (total > 0 ? kEdgeGap : 0);
            height = std::max(height, node->body().height());
        }
        double x = std::max(kEdgeGap, (width - total) / 2);
        for (EdgeNodeItem *node : row) {
            const QPointF centre(x + node->body().width() / 2, y + height / 2);
            edge_places_[node->id()] = centre;
            node->setPos(to_scene.map(centre));
            x += node->body().width() + kEdgeGap;
        }
        y += height + kEdgeGap / 2;
    }
}

QPointF MapView::anchor_of(const QString &id) const {
    if (auto it = regions_.find(id); it != regions_.end()) // the box, wherever it was moved
        return it->second->pos() + it->second->offset() / std::max(1e-6, transform().m11());
    if (auto it = populations_.find(id); it != populations_.end())
        return it->second->pos();
    if (auto it = tier_region_.find(id); it != tier_region_.end())
        return anchor_of(it->second);
    if (auto it = edge_places_.find(id); it != edge_places_.end()) {
        // Lines leave a DNS name or accelerator at the middle of its lower edge.
        const EdgeNodeItem *node = edge_node(id);
        const QPointF bottom = it->second + QPointF(0, node->body().bottom());
        return viewportTransform().inverted().map(bottom);
    }
    return {};
}

void MapView::place_links() {
    route_links();
}

void MapView::route_links() {
    // Every box in viewport pixels, by the id it stands for.
    const QTransform xf = viewportTransform();
    std::vector<std::pair<QString, QRectF>> boxes;
    for (const auto &[id, region] : regions_)
        boxes.emplace_back(id, region->body().translated(xf.map(region->pos())));
    for (const auto &[id, population] : populations_)
        boxes.emplace_back(id, population->body().translated(xf.map(population->pos())));
    for (const auto &[id, place] : edge_places_)
        boxes.emplace_back(id, edge_node(id)->body().translated(place));
    const auto owner = [this](const QString &id) {
        auto it = tier_region_.find(id);
        return it == tier_region_.end() ? id : it->second;
    };
    constexpr int kSamples = 24;
    for (auto &[key, link] : links_) {
        const QString a = owner(link.from), b = owner(link.to);
        const QPointF from = anchor_of(link.from), to = anchor_of(link.to);
        // How many sample points of the curve with this bend fall in someone else's box.
        const auto crossings = [&](double bend) {
            const Curve c = Curve::between(xf.map(from), xf.map(to), bend);
            int n = 0;
            for (int i = 1; i < kSamples; ++i) {
                const QPointF p = c.at(static_cast<double>(i) / kSamples);
                for (const auto &[id, box] : boxes)
                    if (id != a && id != b && box.contains(p))
                        ++n;
            }
            return n;
        };
        double best = link.bend;
        int least = crossings(best);
        for (double d : {0.15, -0.15, 0.3, -0.3, 0.45, -0.45}) {
            if (least == 0)
                break;
            const int n = crossings(link.bend + d);
            if (n < least) {
                least = n;
                best = link.bend + d;
            }
        }
        link.shown_bend = best;
        link.item->set_ends(from, to, best);
        // The label at the first place along the line, from the middle out, clear of boxes.
        if (link.item->label().isEmpty())
            continue;
        const Curve c = Curve::between(xf.map(from), xf.map(to), best);
        const QSizeF plate = link.item->label_size();
        double chosen = 0.5;
        for (double t : {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82}) {
            const QPointF p = c.at(t);
            const QRectF r(p.x() - plate.width() / 2, p.y() - plate.height() / 2, plate.width(),
                           plate.height());
            const bool clear = std::none_of(boxes.begin(), boxes.end(), [&](const auto &box) {
                return box.second.intersects(r);
            });
            if (clear) {
                chosen = t;
                break;
            }
        }
        link.item->set_label_at(chosen);
    }
}

} // namespace widgets
