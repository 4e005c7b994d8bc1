// MapView: what the user does with mouse, keyboard and drops, turned into signals.
#include "mapview.h"

#include "mapitems.h"
#include "mime.h"
#include "regionitem.h"
#include "worldmap.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QGraphicsLineItem>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace widgets {
namespace {

constexpr int kPanStep = 60; // pixels per arrow key press

QString kind_phrase(model::ComponentKind kind) {
    using K = model::ComponentKind;
    switch (kind) {
    case K::region:
        return MapView::tr("a region");
    case K::app_tier:
        return MapView::tr("an app tier");
    case K::database:
        return MapView::tr("a database");
    case K::read_replica:
        return MapView::tr("a read replica");
    case K::global_database:
        return MapView::tr("a global database");
    case K::multi_writer:
        return MapView::tr("an active-active database");
    case K::bucket:
        return MapView::tr("a bucket");
    case K::secret:
        return MapView::tr("a secret");
    case K::cache:
        return MapView::tr("a cache");
    case K::queue:
        return MapView::tr("a queue");
    case K::key:
        return MapView::tr("an encryption key");
    case K::dns_name:
        return MapView::tr("a DNS name");
    case K::accelerator:
        return MapView::tr("an accelerator");
    case K::distribution:
        return MapView::tr("a CDN distribution");
    case K::population:
        return MapView::tr("a population");
    }
    return {};
}

model::LatLon clamped(model::LatLon p) {
    return {std::clamp(p.lat, -89.0, 89.0), std::clamp(p.lon, -180.0, 180.0)};
}

} // namespace

MapItem *MapView::item_at(QPoint viewport_pos) const {
    for (QGraphicsItem *item : items(viewport_pos))
        if (auto *m = dynamic_cast<MapItem *>(item))
            return m;
    return nullptr;
}

QPoint MapView::viewport_point(const MapItem *item) const {
    return item->deviceTransform(viewportTransform()).map(item->body().center()).toPoint();
}

QPointF MapView::item_local(const MapItem *item, QPoint viewport_pos) const {
    return item->deviceTransform(viewportTransform()).inverted().map(QPointF(viewport_pos));
}

QString MapView::region_at(QPointF scene_pos) const {
    const QList<QGraphicsItem *> hits =
        scene_->items(scene_pos, Qt::IntersectsItemShape, Qt::DescendingOrder, viewportTransform());
    for (QGraphicsItem *item : hits) {
        if (auto *region = qgraphicsitem_cast<RegionItem *>(item))
            return region->id();
        if (auto *badge = qgraphicsitem_cast<BadgeItem *>(item))
            return badge->region_id();
    }
    // A box moved aside (off a population) still takes drops at its true place, the dot its
    // leader starts from.
    const QPointF at = viewportTransform().map(scene_pos);
    for (const auto &[id, region] : regions_) {
        const QPointF place = viewportTransform().map(region->pos());
        if (!region->offset().isNull() && QLineF(at, place).length() <= 12)
            return id;
    }
    return {};
}

QString MapView::refusal(model::ComponentKind kind, QPointF scene_pos) const {
    if (!world_rect().contains(scene_pos))
        return tr("Drop %1 inside the map").arg(kind_phrase(kind));
    if (model::is_region_bound(kind) && region_at(scene_pos).isEmpty())
        return tr("Drop %1 onto a region").arg(kind_phrase(kind));
    return {};
}

bool MapView::drop_component(model::ComponentKind kind, QPointF scene_pos) {
    const QString why = refusal(kind, scene_pos);
    if (!why.isEmpty()) {
        say_at(why, mapFromScene(scene_pos));
        emit drop_refused(why);
        return false;
    }
    emit component_dropped(kind, clamped(unproject(scene_pos)), region_at(scene_pos));
    return true;
}

void MapView::say_at(const QString &text, QPoint viewport_pos) {
    if (isVisible())
        QToolTip::showText(viewport()->mapToGlobal(viewport_pos), text, viewport());
}

void MapView::set_drop_region(const QString &id) {
    if (id == drop_region_)
        return;
    if (RegionItem *old = region_item(drop_region_))
        old->set_drop_target(false);
    drop_region_ = id;
    if (RegionItem *now = region_item(drop_region_))
        now->set_drop_target(true);
}

// Drops from the palette ----------------------------------------------------------------------

void MapView::dragEnterEvent(QDragEnterEvent *event) {
    if (component_from_mime(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MapView::dragMoveEvent(QDragMoveEvent *event) {
    const auto kind = component_from_mime(event->mimeData());
    if (!kind) {
        event->ignore();
        return;
    }
    const QPoint pos = event->position().toPoint();
    const QPointF scene_pos = mapToScene(pos);
    const QString why = refusal(*kind, scene_pos);
    const QString region = region_at(scene_pos);
    set_drop_region(why.isEmpty() && model::is_region_bound(*kind) ? region : QString());
    if (!why.isEmpty())
        say_at(why, pos);
    else if (model::is_region_bound(*kind))
        say_at(tr("Add %1 to %2").arg(kind_phrase(*kind), region), pos);
    else
        QToolTip::hideText();
    // Taken even where refused, so that the drop arrives and can say why it was refused.
    event->acceptProposedAction();
}

void MapView::dragLeaveEvent(QDragLeaveEvent *event) {
    set_drop_region({});
    QToolTip::hideText();
    event->accept();
}

void MapView::dropEvent(QDropEvent *event) {
    set_drop_region({});
    QToolTip::hideText();
    const auto kind = component_from_mime(event->mimeData());
    if (!kind) {
        event->ignore();
        return;
    }
    if (drop_component(*kind, mapToScene(event->position().toPoint())))
        event->acceptProposedAction();
    else
        event->ignore();
}

// Mouse ---------------------------------------------------------------------------------------

void MapView::mousePressEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton) {
        QGraphicsView::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    MapItem *item = item_at(pos);
    press_pos_ = pos;
    if (!item) { // empty map: pan it
        gesture_ = Gesture::pan;
        setDragMode(ScrollHandDrag);
        QGraphicsView::mousePressEvent(event);
        return;
    }
    QGraphicsView::mousePressEvent(event); // selects the item
    press_id_ = item->id();
    grab_offset_ = mapToScene(pos) - item->scenePos();
    const bool shift = event->modifiers().testFlag(Qt::ShiftModifier);
    if (shift || item->on_link_handle(item_local(item, pos))) {
        gesture_ = Gesture::link;
        rubber_ = new QGraphicsLineItem(QLineF(mapToScene(pos), mapToScene(pos)));
        QPen pen(palette().color(QPalette::Highlight), 2, Qt::DashLine);
        pen.setCosmetic(true);
        rubber_->setPen(pen);
        rubber_->setZValue(20);
        scene_->addItem(rubber_);
        return;
    }
    gesture_ = Gesture::pending;
}

void MapView::mouseMoveEvent(QMouseEvent *event) {
    const QPoint pos = event->position().toPoint();
    if (event->buttons() == Qt::NoButton) {
        const MapItem *item = item_at(pos);
        // A badge stands for its component (a tier, a database), not for its region.
        const QString id = item ? item->id() : QString();
        if (id != hovered_) {
            hovered_ = id;
            emit component_hovered(id);
        }
    }
    if (gesture_ == Gesture::pending &&
        (pos - press_pos_).manhattanLength() >= QApplication::startDragDistance()) {
        const RegionItem *region = region_item(press_id_);
        const bool movable = region || population_item(press_id_);
        if (region && region->fixed()) {
            const QString why = tr("%1 is a real cloud region and stays where it is; drop a new "
                                   "region from the palette to place one freely")
                                    .arg(press_id_);
            say_at(why, pos);
            emit drop_refused(why);
            gesture_ = Gesture::refused;
        } else if (movable) {
            gesture_ = Gesture::move;
        } else { // badges and DNS names do not move: dragging them draws a link
            gesture_ = Gesture::link;
            rubber_ = new QGraphicsLineItem(QLineF(mapToScene(press_pos_), mapToScene(pos)));
            QPen pen(palette().color(QPalette::Highlight), 2, Qt::DashLine);
            pen.setCosmetic(true);
            rubber_->setPen(pen);
            rubber_->setZValue(20);
            scene_->addItem(rubber_);
        }
    }
    switch (gesture_) {
    case Gesture::move:
        emit component_moved(press_id_, clamped(unproject(mapToScene(pos) - grab_offset_)), false);
        return;
    case Gesture::link: {
        rubber_->setLine(QLineF(rubber_->line().p1(), mapToScene(pos)));
        const QString target = link_target(pos);
        set_drop_region(region_item(target) ? target : QString());
        return;
    }
    case Gesture::refused:
    case Gesture::pending:
        return;
    case Gesture::pan:
        if (event->buttons() & Qt::LeftButton)
            auto_fit_ = false; // the learner chose a view: keep it
        QGraphicsView::mouseMoveEvent(event);
        return;
    case Gesture::none:
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
}

void MapView::mouseReleaseEvent(QMouseEvent *event) {
    const QPoint pos = event->position().toPoint();
    if (gesture_ == Gesture::move)
        emit component_moved(press_id_, clamped(unproject(mapToScene(pos) - grab_offset_)), true);
    if (gesture_ == Gesture::link) {
        const QString target = link_target(pos);
        if (!target.isEmpty() && target != press_id_)
            emit link_requested(press_id_, target);
    }
    end_gesture();
    QGraphicsView::mouseReleaseEvent(event); // ends the scene's grab and the hand scroll
    setDragMode(NoDrag);
}

void MapView::end_gesture() {
    gesture_ = Gesture::none;
    delete rubber_;
    rubber_ = nullptr;
    set_drop_region({});
}

QString MapView::link_target(QPoint viewport_pos) const {
    for (QGraphicsItem *hit : items(viewport_pos)) {
        const auto *target = dynamic_cast<const MapItem *>(hit);
        if (!target || target->id() == press_id_)
            continue;
        // A database dragged onto a region (or anything in it) means "a replica there".
        bool from_database = false;
        for (const MapItem *m : tab_order_)
            if (const auto *b = qgraphicsitem_cast<const BadgeItem *>(m);
                b && b->id() == press_id_ && b->kind() == BadgeKind::database)
                from_database = true;
        if (const auto *badge = qgraphicsitem_cast<const BadgeItem *>(target);
            badge && from_database)
            return badge->region_id();
        return target->id();
    }
    return {};
}

// Keyboard ------------------------------------------------------------------------------------

QString MapView::selected_region() const {
    for (QGraphicsItem *item : scene_->selectedItems()) {
        if (const auto *region = qgraphicsitem_cast<RegionItem *>(item))
            return region->id();
        if (const auto *badge = qgraphicsitem_cast<BadgeItem *>(item))
            return badge->region_id();
    }
    return {};
}

void MapView::keyPressEvent(QKeyEvent *event) {
    const QString id = selected_id();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom_in();
        return;
    case Qt::Key_Minus:
        zoom_out();
        return;
    case Qt::Key_0:
        fit_to_content();
        return;
    case Qt::Key_Left:
        auto_fit_ = false;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - kPanStep);
        return;
    case Qt::Key_Right:
        auto_fit_ = false;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + kPanStep);
        return;
    case Qt::Key_Up:
        auto_fit_ = false;
        verticalScrollBar()->setValue(verticalScrollBar()->value() - kPanStep);
        return;
    case Qt::Key_Down:
        auto_fit_ = false;
        verticalScrollBar()->setValue(verticalScrollBar()->value() + kPanStep);
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (!id.isEmpty() && editable_)
            emit quick_action({model::QuickAction::remove, id.toStdString(), {}, 0});
        return;
    case Qt::Key_F:
    case Qt::Key_R:
        if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
            break;
        if (const QString region = selected_region(); !region.isEmpty())
            emit quick_action({event->key() == Qt::Key_F ? model::QuickAction::fail_region
                                                         : model::QuickAction::recover_region,
                               region.toStdString(),
                               {},
                               0});
        return;
    case Qt::Key_Escape:
        if (gesture_ != Gesture::none)
            end_gesture();
        else
            scene_->clearSelection();
        return;
    case Qt::Key_F10:
        if (!event->modifiers().testFlag(Qt::ShiftModifier))
            break;
        [[fallthrough]];
    case Qt::Key_Menu:
        for (MapItem *item : tab_order_)
            if (item->isSelected()) {
                show_menu(item, viewport()->mapToGlobal(viewport_point(item)));
                return;
            }
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

bool MapView::focusNextPrevChild(bool next) {
    // Tab walks through the items; past the last one the focus leaves the map.
    if (tab_order_.empty())
        return QGraphicsView::focusNextPrevChild(next);
    const auto current = std::find_if(tab_order_.begin(), tab_order_.end(),
                                      [](const MapItem *m) { return m->isSelected(); });
    long at = current == tab_order_.end() ? (next ? -1 : static_cast<long>(tab_order_.size()))
                                          : current - tab_order_.begin();
    at += next ? 1 : -1;
    if (at < 0 || at >= static_cast<long>(tab_order_.size())) {
        scene_->clearSelection();
        return QGraphicsView::focusNextPrevChild(next);
    }
    MapItem *item = tab_order_[static_cast<std::size_t>(at)];
    select_id(item->id());
    if (!item->isSelected()) { // a second badge of the same database: select it itself
        scene_->clearSelection();
        item->setSelected(true);
    }
    if (item->type() != EdgeNodeItem::Type) // those already stay in view
        ensureVisible(QRectF(mapToScene(viewport_point(item)), QSizeF(1, 1)), 120, 80);
    return true;
}

// Context menus -------------------------------------------------------------------------------

std::vector<MapAction> MapView::actions_for(const MapItem *item) const {
    std::vector<MapAction> out;
    if (!item)
        return out;
    const QString id = item->id();
    const std::string target = id.toStdString();
    using model::QuickAction;
    const auto on = [&](QuickAction a, int az = 0) {
        return model::QuickRequest{a, target, {}, az};
    };
    if (const auto *region = qgraphicsitem_cast<const RegionItem *>(item)) {
        out.push_back({on(QuickAction::fail_region), tr("Fail region now"), !region->down()});
        out.push_back({on(QuickAction::recover_region), tr("Recover region now"), region->down()});
        for (int az = 0; az < region->azs(); ++az)
            out.push_back({on(QuickAction::fail_az, az), tr("Fail AZ %1").arg(az + 1),
                           !region->down() && !region->az_down()[static_cast<std::size_t>(az)]});
        out.push_back(
            {on(QuickAction::cut_off), tr("Cut off from other regions"), !region->cut_off()});
        if (editable_)
            out.push_back({on(QuickAction::remove), tr("Remove region %1").arg(id), true});
        return out;
    }
    if (const auto *badge = qgraphicsitem_cast<const BadgeItem *>(item);
        badge && badge->kind() == BadgeKind::database) {
        out.push_back({on(QuickAction::crash_writer), tr("Crash writer of %1").arg(id), true});
        out.push_back({{QuickAction::promote_here, target, badge->region_id().toStdString(), 0},
                       tr("Promote replica here"),
                       badge->role() == DbRole::replica});
    }
    if (editable_)
        out.push_back({on(QuickAction::remove), tr("Remove %1").arg(id), true});
    return out;
}

void MapView::show_menu(MapItem *item, QPoint global_pos) {
    // A menu is a window of its own: give it its window's palette and the view's type, so that
    // it matches a presentation's dark, large-type screen as well as the desktop theme.
    QMenu menu(this);
    menu.setPalette(window()->palette());
    menu.setFont(font());
    QMenu *azs = nullptr;
    for (const MapAction &a : actions_for(item)) {
        QMenu *into = &menu;
        if (a.request.action == model::QuickAction::fail_az) {
            if (!azs) {
                azs = menu.addMenu(tr("Fail an availability zone"));
                azs->setPalette(window()->palette());
                azs->setFont(font());
            }
            into = azs;
        } else if (a.request.action == model::QuickAction::remove) {
            menu.addSeparator();
        }
        QAction *act = into->addAction(a.label);
        act->setEnabled(a.enabled);
        connect(act, &QAction::triggered, this, [this, r = a.request] { emit quick_action(r); });
    }
    menu.exec(global_pos);
}

void MapView::contextMenuEvent(QContextMenuEvent *event) {
    MapItem *item = nullptr;
    if (event->reason() == QContextMenuEvent::Keyboard) {
        for (MapItem *m : tab_order_)
            if (m->isSelected())
                item = m;
    } else {
        item = item_at(event->pos());
    }
    if (!item) {
        event->ignore();
        return;
    }
    if (!item->isSelected()) {
        scene_->clearSelection();
        item->setSelected(true);
    }
    const QPoint at = event->reason() == QContextMenuEvent::Keyboard
                          ? viewport()->mapToGlobal(viewport_point(item))
                          : event->globalPos();
    show_menu(item, at);
    event->accept();
}

} // namespace widgets
