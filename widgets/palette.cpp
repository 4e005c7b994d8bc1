#include "palette.h"

#include "componenticons.h"
#include "mime.h"

#include <QKeyEvent>

namespace widgets {
namespace {

constexpr int kKindRole = Qt::UserRole;

} // namespace

QString component_kind_name(model::ComponentKind kind) {
    using K = model::ComponentKind;
    switch (kind) {
    case K::region:
        return Palette::tr("Region");
    case K::app_tier:
        return Palette::tr("App tier");
    case K::database:
        return Palette::tr("Database");
    case K::read_replica:
        return Palette::tr("Read replica");
    case K::global_database:
        return Palette::tr("Global database");
    case K::multi_writer:
        return Palette::tr("Active-active database");
    case K::bucket:
        return Palette::tr("Bucket");
    case K::secret:
        return Palette::tr("Secret");
    case K::cache:
        return Palette::tr("Cache");
    case K::queue:
        return Palette::tr("Queue");
    case K::key:
        return Palette::tr("Encryption key");
    case K::dns_name:
        return Palette::tr("DNS name");
    case K::accelerator:
        return Palette::tr("Accelerator");
    case K::distribution:
        return Palette::tr("CDN distribution");
    case K::population:
        return Palette::tr("Users");
    }
    return QString::fromUtf8(model::to_string(kind));
}

QString component_kind_help(model::ComponentKind kind) {
    using K = model::ComponentKind;
    QString what;
    switch (kind) {
    case K::region:
        what = Palette::tr("A cloud region, where app tiers and data live. Dropped near a real "
                           "region, it becomes that region, with its measured round trips.");
        break;
    case K::app_tier:
        what = Palette::tr("A fleet of servers behind a load balancer. DNS records and "
                           "accelerators send users to it.");
        break;
    case K::database:
        what = Palette::tr("A database with a single writer (RDS style). Replicas in other "
                           "regions can be promoted when the writer is lost.");
        break;
    case K::read_replica:
        what = Palette::tr("A copy of a database in another region, receiving writes after a "
                           "replication lag. Drop it onto a region other than the writer's.");
        break;
    case K::global_database:
        what = Palette::tr("A global database (Aurora Global style): after a promotion the "
                           "other replicas follow the new writer.");
        break;
    case K::multi_writer:
        what = Palette::tr("An active-active database: every region takes writes and the last "
                           "writer wins. A second region with an app tier joins as a writer.");
        break;
    case K::bucket:
        what = Palette::tr("An object store (S3 style): a regional dependency of the app tiers.");
        break;
    case K::secret:
        what = Palette::tr("A secret (Secrets Manager style): a regional dependency that is "
                           "easy to forget to replicate.");
        break;
    case K::cache:
        what = Palette::tr("A cache cluster: a regional dependency of the app tiers.");
        break;
    case K::queue:
        what = Palette::tr("A message queue: a regional dependency of the app tiers.");
        break;
    case K::key:
        what = Palette::tr("An encryption key (KMS style): a regional dependency of the app "
                           "tiers.");
        break;
    case K::dns_name:
        what = Palette::tr("A DNS name (Route 53 style) that routes users to app tiers, with a "
                           "routing policy and health checks.");
        break;
    case K::accelerator:
        what = Palette::tr("An anycast accelerator (Global Accelerator style): users reach the "
                           "nearest edge and ride the provider's backbone, with no DNS caching.");
        break;
    case K::distribution:
        what = Palette::tr("A CDN distribution (CloudFront style): edge caches near the users and "
                           "an origin group of two origins. Read misses fail over to the "
                           "secondary; writes never do.");
        break;
    case K::population:
        what = Palette::tr("A group of users in one place, sending requests through a DNS name, "
                           "an accelerator or a distribution.");
        break;
    }
    const QString where = model::is_region_bound(kind) ? Palette::tr("Drop onto a region.")
                                                       : Palette::tr("Drop anywhere on the map.");
    return Palette::tr("%1\n%2\nOr select it and press Enter to add it.").arg(what, where);
}

Palette::Palette(QWidget *parent) : QListWidget(parent) {
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(28, 28));
    setSpacing(1);
    setUniformItemSizes(true);
    setAccessibleName(tr("Components"));
    setToolTip(tr("Drag a component onto the map, or select it and press Enter"));
    for (model::ComponentKind kind : model::all_component_kinds()) {
        auto *item = new QListWidgetItem(component_icon(kind), component_kind_name(kind), this);
        item->setData(kKindRole, static_cast<int>(kind));
        item->setToolTip(component_kind_help(kind));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    setCurrentRow(0);
    connect(this, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem *item) { emit add_requested(kind_at(row(item))); });
}

model::ComponentKind Palette::kind_at(int row) const {
    const QListWidgetItem *it = item(row);
    return it ? static_cast<model::ComponentKind>(it->data(kKindRole).toInt())
              : model::all_component_kinds().front();
}

QStringList Palette::mimeTypes() const {
    return {QString::fromLatin1(kComponentMime)};
}

QMimeData *Palette::mimeData(const QList<QListWidgetItem *> &items) const {
    if (items.isEmpty())
        return nullptr;
    return component_mime(kind_at(row(items.front())));
}

void Palette::keyPressEvent(QKeyEvent *event) {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentItem()) {
        emit add_requested(kind_at(currentRow()));
        event->accept();
        return;
    }
    QListWidget::keyPressEvent(event);
}

} // namespace widgets
