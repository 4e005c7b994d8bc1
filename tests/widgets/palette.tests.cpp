#include "widgets/palette.h"
#include "model/edit.h"
#include "widgets/mime.h"

#include <QApplication>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <catch2/catch.hpp>

#include <memory>
#include <vector>

TEST_CASE("The palette has one entry per component kind", "[palette]") {
    widgets::Palette palette;
    const auto &kinds = model::all_component_kinds();
    REQUIRE(palette.count() == static_cast<int>(kinds.size()));
    for (int row = 0; row < palette.count(); ++row) {
        INFO(model::to_string(kinds[static_cast<std::size_t>(row)]));
        CHECK(palette.kind_at(row) == kinds[static_cast<std::size_t>(row)]);
        CHECK_FALSE(palette.item(row)->text().isEmpty());
        CHECK_FALSE(palette.item(row)->icon().isNull());
        const QString where = model::is_region_bound(palette.kind_at(row))
                                  ? QStringLiteral("Drop onto a region")
                                  : QStringLiteral("Drop anywhere on the map");
        CHECK(palette.item(row)->toolTip().contains(where));
    }
    CHECK(palette.dragDropMode() == QAbstractItemView::DragOnly);
}

TEST_CASE("Every kind has an icon of its own", "[palette]") {
    widgets::Palette palette;
    std::vector<QImage> images;
    for (int row = 0; row < palette.count(); ++row)
        images.push_back(palette.item(row)->icon().pixmap(32, 32).toImage());
    for (std::size_t a = 0; a < images.size(); ++a)
        for (std::size_t b = a + 1; b < images.size(); ++b) {
            INFO(a << " and " << b);
            CHECK(images[a] != images[b]);
        }
}

TEST_CASE("A drag from the palette carries the kind of its entry", "[palette][mime]") {
    widgets::Palette palette;
    QAbstractItemModel *model = palette.model();
    for (int row = 0; row < palette.count(); ++row) {
        // The view asks its model, which asks Palette::mimeData: the path a real drag takes.
        std::unique_ptr<QMimeData> mime(model->mimeData({model->index(row, 0)}));
        REQUIRE(mime);
        const auto kind = widgets::component_from_mime(mime.get());
        REQUIRE(kind);
        CHECK(*kind == palette.kind_at(row));
    }
}

TEST_CASE("Enter and double-click on the palette ask to add a part", "[palette]") {
    widgets::Palette palette;
    std::vector<model::ComponentKind> asked;
    QObject::connect(&palette, &widgets::Palette::add_requested,
                     [&](model::ComponentKind kind) { asked.push_back(kind); });
    palette.setCurrentRow(2);
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(&palette, &enter);
    REQUIRE(asked.size() == 1);
    CHECK(asked.front() == palette.kind_at(2));

    emit palette.itemDoubleClicked(palette.item(5));
    REQUIRE(asked.size() == 2);
    CHECK(asked.back() == palette.kind_at(5));
}
