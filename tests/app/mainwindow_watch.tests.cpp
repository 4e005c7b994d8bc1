// The main window as a place to watch a failover: zoom to the failover, slow at events, the
// layout at 1280 x 720, the shortcuts page, renaming from the inspector, regions on drop.
#include "app/mainwindow.h"
#include "model/failover_span.h"
#include "model/scenario_json.h"
#include "widgets/inspector.h"
#include "widgets/mapview.h"
#include "widgets/shortcutshelp.h"
#include "widgets/timeline.h"
#include "widgets/timewindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QToolBar>
#include <QUndoStack>

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

const QString kTtlFloor =
    QStringLiteral(FAILOVER_SOURCE_DIR "/lessons/scenarios/dns-ttl-floor.json");

void settle() {
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

bool inside(const QWidget *w, const QWidget *window) {
    const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
    return window->rect().contains(r);
}

} // namespace

TEST_CASE("Zoom to the failover shows exactly the model's failover span", "[app][timewindow]") {
    app::MainWindow w;
    REQUIRE(w.open_file(kTtlFloor));
    const std::optional<model::TimeSpan> span = model::failover_span(*w.report());
    REQUIRE(span);
    w.zoom_to_failover();
    const widgets::TimeWindow &window = w.time_window()->window();
    CHECK(window.from_ms == span->from_ms);
    CHECK(window.to_ms == span->to_ms);
    CHECK(w.timeline()->scale().from_ms() == span->from_ms);
    CHECK(w.timeline()->scale().to_ms() == span->to_ms);
    // The playhead is inside what is on show.
    CHECK(window.contains(w.clock()->playhead()));
    // The action is in the View menu, with a shortcut.
    auto *action = w.findChild<QAction *>(QStringLiteral("zoom_to_failover"));
    REQUIRE(action);
    CHECK_FALSE(action->shortcut().isEmpty());
    w.time_window()->reset();
    action->trigger();
    CHECK(w.time_window()->window().from_ms == span->from_ms);
}

TEST_CASE("Slow at events is a checkable action in the Playback menu and the tool bar",
          "[app][playback]") {
    app::MainWindow w;
    w.open_initial(QString());
    auto *slow = w.findChild<QAction *>(QStringLiteral("slow_at_events"));
    REQUIRE(slow);
    CHECK(slow->isCheckable());
    CHECK_FALSE(slow->shortcut().isEmpty());
    auto *bar = w.findChild<QToolBar *>(QStringLiteral("playback"));
    REQUIRE(bar);
    CHECK(bar->actions().contains(slow));
    slow->setChecked(true);
    CHECK(w.clock()->slow_at_events());
    slow->setChecked(false);
    CHECK_FALSE(w.clock()->slow_at_events());
}

TEST_CASE("At 1280 x 720 the map gets half of the window and every dock stays usable",
          "[app][layout]") {
    // The default layout: not one an earlier test's window left in the settings.
    QSettings().remove(QStringLiteral("window"));
    app::MainWindow w;
    w.open_initial(QString());
    w.fit_to(QRect(0, 0, 1280, 720));
    w.show();
    settle();
    REQUIRE(w.size() == QSize(1280, 720));
    const double share = static_cast<double>(w.map()->width() * w.map()->height()) /
                         static_cast<double>(w.width() * w.height());
    INFO("map " << w.map()->width() << " x " << w.map()->height() << ", share " << share);
    CHECK(share >= 0.5);
    for (QDockWidget *dock : w.findChildren<QDockWidget *>()) {
        INFO("dock " << dock->objectName().toStdString());
        dock->show();
        dock->raise();
        settle();
        QWidget *inner = dock->widget();
        CHECK(inner->isVisible());
        CHECK(inside(dock, &w));
        CHECK(inner->width() >= std::min(inner->minimumSizeHint().width(), 200));
        CHECK(inner->height() >= 100);
    }
    for (QToolBar *bar : w.findChildren<QToolBar *>())
        CHECK(inside(bar, &w));
}

TEST_CASE("The shortcuts page lists every action that has a shortcut", "[app][help]") {
    app::MainWindow w;
    w.open_initial(QString());
    widgets::ShortcutsHelp *page = w.show_shortcuts();
    REQUIRE(page);
    int with_keys = 0;
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty())
            continue;
        ++with_keys;
        INFO(a->text().toStdString());
        CHECK(page->listed().contains(a));
    }
    CHECK(with_keys > 20);
    CHECK(page->listed().size() == with_keys);
    // The timeline's own keys are there too.
    CHECK(page->listed().contains(w.timeline()->zoom_in_action()));
    page->window()->close();
}

TEST_CASE("A new id typed in the inspector renames everywhere in one undoable step",
          "[app][rename][undo]") {
    app::MainWindow w;
    REQUIRE(w.open_file(kTtlFloor));
    const model::Scenario &s = w.document()->scenario();
    const std::string tier = s.app_tiers.front().id;
    const std::string before = model::write_scenario(s);
    auto *inspector = w.findChild<widgets::Inspector *>();
    REQUIRE(inspector);
    const int entries = w.document()->undo_stack()->count();
    emit inspector->field_edit_requested(QString::fromStdString(tier), QStringLiteral("id"),
                                         QStringLiteral("\"renamed-tier\""));
    CHECK(w.document()->undo_stack()->count() == entries + 1);
    CHECK(model::kind_of(w.document()->scenario(), "renamed-tier") == "app_tier");
    CHECK(model::write_scenario(w.document()->scenario()).find("\"" + tier + "\"") ==
          std::string::npos);
    w.document()->undo_stack()->undo();
    CHECK(model::write_scenario(w.document()->scenario()) == before);
}

TEST_CASE("Dropping a region adds the known region chosen, or one of one's own",
          "[app][drop][regions]") {
    app::MainWindow w;
    w.open_initial(QString());
    std::vector<std::string> offered_ids;
    w.set_region_choice([&](const std::vector<model::KnownRegion> &offered) {
        for (const auto &k : offered)
            offered_ids.push_back(k.id);
        return std::optional<QString>(QStringLiteral("ap-northeast-1"));
    });
    REQUIRE(w.map()->drop_component(model::ComponentKind::region,
                                    widgets::MapView::project({0.0, -150.0})));
    CHECK(model::kind_of(w.document()->scenario(), "ap-northeast-1") == "region");
    CHECK(std::find(offered_ids.begin(), offered_ids.end(), "ap-northeast-1") != offered_ids.end());
    for (const auto &r : w.document()->scenario().regions)
        if (r.id != "ap-northeast-1")
            CHECK(std::find(offered_ids.begin(), offered_ids.end(), r.id) == offered_ids.end());
    w.set_region_choice(
        [](const std::vector<model::KnownRegion> &) { return std::optional<QString>(QString()); });
    const std::size_t regions = w.document()->scenario().regions.size();
    REQUIRE(w.map()->drop_component(model::ComponentKind::region,
                                    widgets::MapView::project({-30.0, 20.0})));
    CHECK(w.document()->scenario().regions.size() == regions + 1);
    CHECK_FALSE(model::find_known_region(w.document()->scenario().regions.back().id));
}
