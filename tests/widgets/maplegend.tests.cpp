// The map legend lists every symbol the map can draw.
#include "widgets/maplegend.h"
#include "widgets/mapsymbols.h"

#include <QImage>
#include <QPainter>

#include <catch2/catch.hpp>

#include <set>

using widgets::MapSymbol;

TEST_CASE("The legend lists every kind of symbol the map draws, each once", "[map][legend]") {
    widgets::MapLegend legend;
    std::set<int> listed;
    for (MapSymbol s : legend.symbols())
        listed.insert(static_cast<int>(s));
    CHECK(static_cast<int>(legend.symbols().size()) == widgets::kMapSymbols);
    CHECK(static_cast<int>(listed.size()) == widgets::kMapSymbols);
    std::set<QString> names;
    for (int i = 0; i < widgets::kMapSymbols; ++i) {
        const auto symbol = static_cast<MapSymbol>(i);
        INFO("symbol " << i);
        CHECK_FALSE(widgets::MapSymbolText::name(symbol).isEmpty());
        CHECK_FALSE(widgets::MapSymbolText::meaning(symbol).isEmpty());
        names.insert(widgets::MapSymbolText::name(symbol));
    }
    CHECK(static_cast<int>(names.size()) == widgets::kMapSymbols);
}

TEST_CASE("Every legend symbol draws something", "[map][legend]") {
    const widgets::MapStyle style = widgets::MapStyle::from(QPalette(), QFont());
    for (int i = 0; i < widgets::kMapSymbols; ++i) {
        INFO("symbol " << i);
        QImage image(48, 24, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        {
            QPainter p(&image);
            widgets::draw_map_symbol(&p, static_cast<MapSymbol>(i), QRectF(0, 0, 48, 24), style);
        }
        int inked = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                inked += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
        CHECK(inked > 10);
    }
}
