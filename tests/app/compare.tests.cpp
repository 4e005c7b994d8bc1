#include "model/compare.h"
#include "app/comparison.h"
#include "app/dialogs.h"
#include "app/mainwindow.h"
#include "model/edit.h"
#include "model/lesson.h"
#include "model/scenario_json.h"
#include "model/simulation.h"
#include "widgets/charts.h"
#include "widgets/comparisonpanel.h"
#include "widgets/inspector.h"
#include "widgets/lessonreader.h"
#include "widgets/mapview.h"
#include "widgets/regionitem.h"
#include "widgets/summarydiff.h"
#include "widgets/timeline.h"
#include "widgets/timewindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>

#include "event_wait.h"

#include <algorithm>

namespace {

std::string scenario_text(const model::Scenario &s) {
    return model::write_scenario(s);
}

QString ttl_floor() {
    return QStringLiteral(FAILOVER_SOURCE_DIR "/lessons/scenarios/dns-ttl-floor.json");
}

int ttl_of(const model::Scenario &s) {
    for (const auto &d : s.dns)
        if (d.id == "shop.example.com")
            return static_cast<int>(d.ttl_ms / 1000);
    FAIL("no shop.example.com");
    return -1;
}

void wait_settled(app::MainWindow &w) {
    testing::run_events_until([&] { return w.comparison() && w.comparison()->settled(); }, 30000);
    REQUIRE(w.comparison());
    REQUIRE(w.comparison()->settled());
}

model::EditResult set_ttl(app::Document &d, int ttl_s) {
    return d.edit(QStringLiteral("TTL"), [&](model::Scenario &s) {
        return model::set_field(s, "shop.example.com", "ttl_s", ttl_s);
    });
}

// Answers every message box that opens with `button`, for as long as it lives, and keeps
// what each one said.
struct Boxes {
    explicit Boxes(QMessageBox::StandardButton button) : button_(button) {
        timer.setInterval(10);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            for (QWidget *top : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(top); box && box->isVisible()) {
                    said << box->text();
                    if (QAbstractButton *b = box->button(button_))
                        b->click();
                }
        });
        timer.start();
    }
    QMessageBox::StandardButton button_;
    QTimer timer;
    QStringList said;
};

void press(QWidget *target) {
    QMouseEvent e(QEvent::MouseButtonPress, QPointF(5, 5), target->mapToGlobal(QPointF(5, 5)),
                  Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &e);
    QMouseEvent r(QEvent::MouseButtonRelease, QPointF(5, 5), target->mapToGlobal(QPointF(5, 5)),
                  Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(target, &r);
}

} // namespace

TEST_CASE("Branching copies the open design, and each side runs its own scenario",
          "[app][compare]") {
    app::MainWindow w;
    REQUIRE(w.open_file(ttl_floor()));
    const std::string a_text = scenario_text(w.document()->scenario());
    const std::string a_fingerprint = w.report()->fingerprint;
    REQUIRE(w.branch());
    app::Comparison *c = w.comparison();
    REQUIRE(c);
    CHECK(scenario_text(c->document(app::Side::b)->scenario()) == a_text);
    CHECK(c->active() == app::Side::b);
    CHECK(&w.doc() == c->document(app::Side::b));
    CHECK(w.centralWidget() == c->workspace());
    CHECK_FALSE(w.branch()); // one comparison at a time

    REQUIRE(set_ttl(w.doc(), 60).ok);
    CHECK(ttl_of(c->document(app::Side::b)->scenario()) == 60);
    CHECK(scenario_text(w.document()->scenario()) == a_text); // A untouched
    wait_settled(w);

    const model::Report fresh_b = model::simulate(c->document(app::Side::b)->scenario());
    CHECK(c->live(app::Side::a)->current().report->fingerprint == a_fingerprint);
    CHECK(c->live(app::Side::b)->current().report->fingerprint == fresh_b.fingerprint);
    // The diff on screen is the model's, figure by figure.
    const std::vector<model::FigureDiff> expected =
        model::compare_reports(model::simulate(w.document()->scenario()), fresh_b);
    REQUIRE(c->diffs().size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(expected[i].figure);
        CHECK(c->diffs()[i].figure == expected[i].figure);
        CHECK(c->diffs()[i].a == expected[i].a);
        CHECK(c->diffs()[i].b == expected[i].b);
        CHECK(c->diffs()[i].change == expected[i].change);
    }
    CHECK(c->panel()->diff()->diffs().size() == expected.size());
    const auto rto = std::find_if(c->diffs().begin(), c->diffs().end(),
                                  [](const auto &d) { return d.figure == "rto_read_s"; });
    REQUIRE(rto != c->diffs().end());
    CHECK(rto->change == model::Change::better);
    // One clock: its end is the later run's, and both maps and timelines follow it.
    w.clock()->seek(11 * model::kMinute);
    CHECK(c->panel()->charts()->playhead() == 11 * model::kMinute);
}

TEST_CASE("Edits go to the side last pressed", "[app][compare]") {
    app::MainWindow w;
    REQUIRE(w.open_file(ttl_floor()));
    REQUIRE(w.branch());
    app::Comparison *c = w.comparison();
    const std::string a_text = scenario_text(w.document()->scenario());

    press(c->map(app::Side::a)->viewport());
    CHECK(c->active() == app::Side::a);
    CHECK(c->pane(app::Side::a)->active());
    CHECK_FALSE(c->pane(app::Side::b)->active());
    auto *inspector = w.findChild<widgets::Inspector *>();
    REQUIRE(inspector);
    emit inspector->field_edit_requested("shop.example.com", "ttl_s", "120");
    CHECK(ttl_of(w.document()->scenario()) == 120);
    CHECK(ttl_of(c->document(app::Side::b)->scenario()) == 300);

    press(c->map(app::Side::b)->viewport());
    CHECK(c->active() == app::Side::b);
    emit inspector->field_edit_requested("shop.example.com", "ttl_s", "30");
    CHECK(ttl_of(c->document(app::Side::b)->scenario()) == 30);
    CHECK(ttl_of(w.document()->scenario()) == 120);
    // Undo follows the active side.
    c->document(app::Side::b)->undo_stack()->undo();
    CHECK(ttl_of(c->document(app::Side::b)->scenario()) == 300);
    w.set_active_side(app::Side::a);
    w.document()->undo_stack()->undo();
    CHECK(scenario_text(w.document()->scenario()) == a_text);
}

TEST_CASE("Keeping B makes B the open design; keeping A drops B", "[app][compare]") {
    app::MainWindow w;
    REQUIRE(w.open_file(ttl_floor()));
    SECTION("B") {
        REQUIRE(w.branch());
        REQUIRE(set_ttl(w.doc(), 60).ok);
        const std::string b_text =
            scenario_text(w.comparison()->document(app::Side::b)->scenario());
        Boxes none(QMessageBox::Cancel);
        REQUIRE(w.keep_side(app::Side::b));
        CHECK(none.said.isEmpty()); // A had no changes to lose
        CHECK_FALSE(w.comparison());
        CHECK(scenario_text(w.document()->scenario()) == b_text);
        CHECK(w.document()->modified());                     // B's change is still to be saved
        CHECK(w.map()->parentWidget() == w.centralWidget()); // map A is back under the banner
        testing::run_events_until(
            [&] { return w.report() && ttl_of(*w.live_run()->current().scenario) == 60; }, 30000);
        CHECK(w.report()->fingerprint == model::simulate(w.document()->scenario()).fingerprint);
    }
    SECTION("A, after asking about B's changes") {
        const std::string a_text = scenario_text(w.document()->scenario());
        REQUIRE(w.branch());
        REQUIRE(set_ttl(w.doc(), 60).ok);
        {
            Boxes cancel(QMessageBox::Cancel);
            CHECK_FALSE(w.keep_side(app::Side::a));
            REQUIRE(cancel.said.size() == 1);
            CHECK(cancel.said.front().contains(QLatin1String("Design B")));
            CHECK(w.comparison());
        }
        Boxes discard(QMessageBox::Discard);
        REQUIRE(w.keep_side(app::Side::a));
        CHECK_FALSE(w.comparison());
        CHECK(scenario_text(w.document()->scenario()) == a_text);
        CHECK_FALSE(w.document()->modified());
    }
}

TEST_CASE("Closing with unsaved changes in B asks first", "[app][compare]") {
    app::MainWindow w;
    REQUIRE(w.open_file(ttl_floor()));
    REQUIRE(w.branch());
    REQUIRE(set_ttl(w.doc(), 60).ok);
    w.show();
    {
        Boxes cancel(QMessageBox::Cancel);
        CHECK_FALSE(w.close());
        REQUIRE(cancel.said.size() == 1);
        CHECK(cancel.said.front().contains(QLatin1String("Design B")));
        CHECK(w.comparison());
    }
    Boxes discard(QMessageBox::Discard);
    CHECK(w.close());
    CHECK_FALSE(w.comparison());
}

TEST_CASE("Save As saves one side under its own name", "[app][compare][format]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ttl-60.json"));
    app::MainWindow w;
    REQUIRE(w.open_file(ttl_floor()));
    REQUIRE(w.branch());
    REQUIRE(set_ttl(w.doc(), 60).ok);
    app::choose_files_with([&](const QString &) { return path; });
    emit w.comparison()->pane(app::Side::b)->save_as_requested();
    app::choose_files_with({});
    app::Document *b = w.comparison()->document(app::Side::b);
    CHECK(b->path() == path);
    CHECK_FALSE(b->modified());
    const model::ScenarioLoad saved = model::load_scenario_file(path.toStdString());
    REQUIRE(saved.scenario);
    CHECK(ttl_of(*saved.scenario) == 60);
    CHECK(w.document()->path() == ttl_floor()); // A keeps its own file
}

TEST_CASE("A lesson step opens a comparison with the right B", "[app][compare][lessons]") {
    app::MainWindow w;
    w.open_initial(QString());
    const auto &lessons = w.reader()->lessons();
    const auto it = std::find_if(lessons.begin(), lessons.end(),
                                 [](const model::Lesson &l) { return l.id == "dns-ttl"; });
    REQUIRE(it != lessons.end());
    const int lesson = static_cast<int>(it - lessons.begin());
    REQUIRE(it->try_this[0].compare);
    REQUIRE(w.open_try_comparison(lesson, 0));
    app::Comparison *c = w.comparison();
    REQUIRE(c);
    CHECK(ttl_of(w.document()->scenario()) == 300);
    CHECK(ttl_of(c->document(app::Side::b)->scenario()) == 60);
    CHECK(c->name(app::Side::a) == QLatin1String("TTL 300 s"));
    CHECK(c->name(app::Side::b) == QLatin1String("TTL 60 s"));
    wait_settled(w);
    CHECK(c->live(app::Side::b)->current().report->fingerprint ==
          model::simulate(c->document(app::Side::b)->scenario()).fingerprint);

    // The walkthrough's step opens its own comparison, from the step's state.
    const auto &steps = it->walkthroughs[0].steps;
    const auto step = std::find_if(steps.begin(), steps.end(),
                                   [](const model::WalkStep &s) { return s.compare.has_value(); });
    REQUIRE(step != steps.end());
    REQUIRE(w.open_walk_comparison(lesson, 0, static_cast<int>(step - steps.begin())));
    CHECK(w.comparison());
    CHECK(ttl_of(w.comparison()->document(app::Side::b)->scenario()) == 60);
}

TEST_CASE("At 1280 x 720 both maps of a comparison show every region whole",
          "[app][compare][layout]") {
    QSettings().remove(QStringLiteral("window"));
    app::MainWindow w;
    REQUIRE(w.open_file(ttl_floor()));
    w.fit_to(QRect(0, 0, 1280, 720));
    w.show();
    REQUIRE(w.branch());
    testing::run_events_until([&] { return w.comparison()->settled(); }, 30000);
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
    for (app::Side side : {app::Side::a, app::Side::b}) {
        widgets::MapView *map = w.comparison()->map(side);
        INFO("side " << (side == app::Side::a ? "A" : "B") << ", map " << map->width() << " x "
                     << map->height() << " visible "
                     << map->visibleRegion().boundingRect().width());
        CHECK(map->height() * 2 >= w.height() / 2); // the maps keep the larger part
        const QRect seen = map->viewport()->rect();
        for (const auto &region : w.document()->scenario().regions) {
            const QString id = QString::fromStdString(region.id);
            const widgets::RegionItem *item = map->region_item(id);
            REQUIRE(item);
            const QRect box =
                map->mapFromScene(item->mapToScene(item->boundingRect())).boundingRect();
            INFO(region.id << " at " << box.x() << "," << box.y() << " " << box.width() << " x "
                           << box.height() << " in " << seen.width() << " x " << seen.height());
            CHECK(seen.contains(box));
        }
    }
}

TEST_CASE("Zooming to the failover zooms both timelines of a comparison",
          "[app][compare][timewindow]") {
    app::MainWindow w;
    REQUIRE(w.open_file(ttl_floor()));
    REQUIRE(w.branch());
    testing::run_events_until([&] { return w.comparison()->settled(); }, 30000);
    w.comparison()->panel()->resize(1000, 400);
    w.zoom_to_failover();
    const widgets::TimeWindow zoom = w.time_window()->window();
    REQUIRE(zoom.to_ms - zoom.from_ms < w.report()->run.end_ms); // zoomed in
    for (widgets::Timeline *timeline :
         {w.comparison()->panel()->timeline_a(), w.comparison()->panel()->timeline_b()}) {
        timeline->resize(1000, 300);
        QApplication::processEvents();
        CHECK(timeline->scale().from_ms() == zoom.from_ms);
        CHECK(timeline->scale().to_ms() == zoom.to_ms);
    }
}
