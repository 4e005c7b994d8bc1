#include "maplegend.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace widgets {
namespace {

constexpr int kIconW = 48, kIconH = 24;

} // namespace

MapLegend::MapLegend(QWidget *parent) : QWidget(parent) {
    grid_ = new QGridLayout(this);
    grid_->setColumnStretch(1, 1);
    grid_->setVerticalSpacing(4);
    setAccessibleName(tr("Map legend"));
    rebuild();
}

void MapLegend::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        rebuild();
}

void MapLegend::rebuild() {
    while (QLayoutItem *item = grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    symbols_.clear();
    const MapStyle style = MapStyle::from(palette(), font());
    const qreal dpr = devicePixelRatioF();
    for (int i = 0; i < kMapSymbols; ++i) {
        const auto symbol = static_cast<MapSymbol>(i);
        QPixmap pm(QSize(kIconW, kIconH) * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(style.ocean);
        {
            QPainter p(&pm);
            draw_map_symbol(&p, symbol, QRectF(0, 0, kIconW, kIconH), style);
        }
        auto *icon = new QLabel;
        icon->setPixmap(pm);
        icon->setAlignment(Qt::AlignTop);
        auto *text = new QLabel(QStringLiteral("<b>%1</b><br>%2")
                                    .arg(MapSymbolText::name(symbol).toHtmlEscaped(),
                                         MapSymbolText::meaning(symbol).toHtmlEscaped()));
        text->setWordWrap(true);
        text->setObjectName(QStringLiteral("symbol-%1").arg(i));
        grid_->addWidget(icon, i, 0);
        grid_->addWidget(text, i, 1);
        symbols_.push_back(symbol);
    }
    grid_->setRowStretch(kMapSymbols, 1);
}

} // namespace widgets
