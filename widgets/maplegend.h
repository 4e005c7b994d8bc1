#pragma once
// The map's legend: every symbol the map draws (MapSymbol), each drawn by the map's own
// painting code, with its name and what it means.

#include "mapsymbols.h"

#include <QWidget>

#include <vector>

class QGridLayout;

namespace widgets {

class MapLegend : public QWidget {
    Q_OBJECT
public:
    explicit MapLegend(QWidget *parent = nullptr);

    // The symbols listed, in order.
    const std::vector<MapSymbol> &symbols() const { return symbols_; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    std::vector<MapSymbol> symbols_;
    QGridLayout *grid_ = nullptr;
};

} // namespace widgets
