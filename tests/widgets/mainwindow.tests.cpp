#include "app/mainwindow.h"
#include "model/scenario_json.h"
#include "widgets/charts.h"
#include "widgets/mapview.h"
#include "widgets/timeline.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>

namespace {

std::string text_of(const model::Scenario &s) {
    return model::write_scenario(s);
}

// Accepts any message box that opens, so that a test never waits for a click.
void accept_boxes() {
    QTimer::singleShot(0, [] {
        for (QWidget *top : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(top))
                box->accept();
    });
}

QPointF region_point(const model::Scenario &s, const std::string &id) {
    for (const auto &r : s.regions)
        if (r.id == id)
            return widgets::MapView::project(r.where);
    return {};
}

} // namespace

TEST_CASE("The window opens on the default lesson and shows its run", "[app]") {
    app::MainWindow w;
    w.open_initial(QString());
    REQUIRE(w.report());
    CHECK(w.document()->scenario().name.find("Start here") != std::string::npos);
    CHECK(w.report()->summary.read.status == "not_recovered");
}

TEST_CASE("A bad file shows an error and leaves the open scenario untouched", "[app]") {
    app::MainWindow w;
    w.open_initial(QString());
    const std::string before = text_of(w.document()->scenario());
    const std::string bad = "/tmp/failover-lab-widget-test-bad.json";
    std::ofstream(bad) << "{\"format\": \"failover-lab-scenario\", \"version\": 1, \"regions\": 3}";
    accept_boxes();
    CHECK_FALSE(w.open_file(QString::fromStdString(bad)));
    CHECK(text_of(w.document()->scenario()) == before);
    CHECK(w.last_message().contains("regions"));
}

TEST_CASE("Dropping each component kind is one undoable edit", "[app][undo][drop]") {
    app::MainWindow w;
    w.open_initial(QString());
    const model::Scenario &s = w.document()->scenario();
    const QPointF west = region_point(s, "us-west-2");
    for (model::ComponentKind kind : model::all_component_kinds()) {
        INFO(model::to_string(kind));
        const std::string before = text_of(w.document()->scenario());
        const int entries = w.document()->undo_stack()->index();
        const QPointF at =
            model::is_region_bound(kind) ? west : QPointF(west.x() - 60, west.y() + 40);
        CHECK(w.map()->drop_component(kind, at));
        CHECK(w.document()->undo_stack()->index() == entries + 1);
        const std::string after = text_of(w.document()->scenario());
        CHECK(after != before);
        w.document()->undo_stack()->undo();
        CHECK(text_of(w.document()->scenario()) == before);
        w.document()->undo_stack()->redo();
        CHECK(text_of(w.document()->scenario()) == after);
        w.document()->undo_stack()->undo();
    }
}

TEST_CASE("A refused drop says why and changes nothing", "[app][drop]") {
    app::MainWindow w;
    w.open_initial(QString());
    const std::string before = text_of(w.document()->scenario());
    // The middle of the Pacific: no region there.
    CHECK_FALSE(w.map()->drop_component(model::ComponentKind::secret,
                                        widgets::MapView::project({0.0, -150.0})));
    CHECK(text_of(w.document()->scenario()) == before);
    CHECK(w.document()->undo_stack()->count() == 0);
}

TEST_CASE("A drag of a population is one undo entry", "[app][undo]") {
    app::MainWindow w;
    w.open_initial(QString());
    auto *map = w.map();
    for (int i = 0; i < 5; ++i)
        emit map->component_moved("us-shoppers", {39.0 + i, -90.0 + i}, i == 4);
    CHECK(w.document()->undo_stack()->count() == 1);
    CHECK(w.document()->scenario().populations[0].where.lat == Approx(43.0));
    emit map->component_moved("us-shoppers", {10.0, 10.0}, true);
    CHECK(w.document()->undo_stack()->count() == 2);
    w.document()->undo_stack()->undo();
    w.document()->undo_stack()->undo();
    CHECK(w.document()->scenario().populations[0].where.lat == Approx(39.8));
}

TEST_CASE("Faults from the map are undoable and re-run the model", "[app][undo]") {
    app::MainWindow w;
    w.open_initial(QString());
    const auto faults = w.document()->scenario().faults.size();
    w.clock()->seek(20 * model::kMinute);
    emit w.map()->context_action("us-west-2", "fail_now");
    REQUIRE(w.document()->scenario().faults.size() == faults + 1);
    CHECK(w.document()->scenario().faults.back().at_ms == 20 * model::kMinute);
    w.document()->undo_stack()->undo();
    CHECK(w.document()->scenario().faults.size() == faults);
}

TEST_CASE("Save and reopen give an identical file", "[app][format]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath("saved.json");
    app::MainWindow w;
    w.open_initial(QString());
    emit w.map()->component_moved("eu-shoppers", {48.0, 2.0}, true);
    REQUIRE(w.save_to(path));
    CHECK_FALSE(w.document()->modified());
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray first = f.readAll();
    app::MainWindow again;
    REQUIRE(again.open_file(path));
    const QString path2 = dir.filePath("saved-again.json");
    REQUIRE(again.save_to(path2));
    QFile g(path2);
    REQUIRE(g.open(QIODevice::ReadOnly));
    CHECK(g.readAll() == first);
}

TEST_CASE("The playhead, the timeline and the charts agree on time", "[app][playback]") {
    app::MainWindow w;
    w.open_initial(QString());
    for (model::Ms t : {model::Ms{0}, 6 * model::kMinute + 500, 29 * model::kMinute}) {
        w.clock()->seek(t);
        CHECK(w.clock()->playhead() == t);
        CHECK(w.timeline()->playhead() == t);
        CHECK(w.charts()->playhead() == t);
    }
}

TEST_CASE("A window with unsaved changes closes cleanly", "[app]") {
    auto w = std::make_unique<app::MainWindow>();
    w->open_initial(QString());
    emit w->map()->component_moved("us-shoppers", {41.0, -88.0}, true);
    REQUIRE(w->document()->modified());
    w.reset(); // the undo stack, cleared as it goes, used to call into the gone model runner
    CHECK_FALSE(w);
}
