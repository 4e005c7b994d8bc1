#include "regionchooser.h"

namespace widgets {

RegionChooser::RegionChooser(const std::vector<model::KnownRegion> &offered, QWidget *parent)
    : QMenu(parent) {
    setTitle(tr("Add a region"));
    setToolTipsVisible(true);
    QAction *heading = addSection(tr("Known regions (measured round trips)"));
    heading->setEnabled(false);
    for (const model::KnownRegion &k : offered) {
        QAction *a = addAction(
            tr("%1 (%2)").arg(QString::fromStdString(k.id), QString::fromStdString(k.name)));
        a->setData(QString::fromStdString(k.id));
        a->setToolTip(tr("Round trips to the other known regions come from measurements."));
    }
    addSeparator();
    QAction *own = addAction(tr("A region of my own here"));
    own->setData(QString());
    own->setToolTip(tr("A region with an id of your own at the drop point; its round trips come "
                       "from distance."));
}

QString RegionChooser::region_of(const QAction *action) {
    return action ? action->data().toString() : QString();
}

std::optional<QString> RegionChooser::choose(QPoint global_pos) {
    QAction *chosen = exec(global_pos);
    if (!chosen || !chosen->data().isValid())
        return std::nullopt;
    return region_of(chosen);
}

} // namespace widgets
