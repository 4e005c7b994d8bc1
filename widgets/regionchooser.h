#pragma once
// What dropping a region onto the map offers: the known cloud regions not yet on the map
// (code and city, the nearest first), and a region of one's own at the drop point.

#include "model/geo.h"

#include <QMenu>

#include <optional>
#include <vector>

namespace widgets {

class RegionChooser : public QMenu {
    Q_OBJECT
public:
    RegionChooser(const std::vector<model::KnownRegion> &offered, QWidget *parent = nullptr);

    // The known region's id the action adds, "" for a region of one's own.
    static QString region_of(const QAction *action);
    // Shows the menu at a global point; the chosen region ("" for one's own), or nothing.
    std::optional<QString> choose(QPoint global_pos);
};

} // namespace widgets
