#include "app/mainwindow.h"
#include "app/dialogs.h"
#include "app/quizpanel.h"
#include "model/lesson.h"
#include "model/scenario_json.h"
#include "model/world_at.h"
#include "widgets/charts.h"
#include "widgets/inspector.h"
#include "widgets/lessonreader.h"
#include "widgets/mapview.h"
#include "widgets/requestdots.h"
#include "widgets/timeline.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>

#include "event_wait.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <optional>
#include <set>

namespace {

// A built-in chapter by id (the test fails without it).
std::vector<model::Lesson>::const_iterator chapter(const std::vector<model::Lesson> &lessons,
                                                   const std::string &id) {
    const auto it = std::find_if(lessons.begin(), lessons.end(),
                                 [&](const model::Lesson &l) { return l.id == id; });
    REQUIRE(it != lessons.end());
    return it;
}

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

// Answers "Discard" in any message box that opens.
void discard_boxes() {
    QTimer::singleShot(0, [] {
        for (QWidget *top : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(top))
                if (QAbstractButton *discard = box->button(QMessageBox::Discard))
                    discard->click();
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
    CHECK(w.report()->summary.read.status == model::RtoStatus::not_recovered);
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
    CHECK(w.last_message().contains("regions", Qt::CaseInsensitive)); // "Regions: ..." in words
}

TEST_CASE("Dropping each component kind is one undoable edit", "[app][undo][drop]") {
    app::MainWindow w;
    w.open_initial(QString());
    // A dropped region: the nearest known region the menu offers.
    w.set_region_choice([](const std::vector<model::KnownRegion> &offered) {
        return std::optional<QString>(QString::fromStdString(offered.front().id));
    });
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
    const auto runs = w.live_run()->requests();
    const auto before = w.report();
    emit w.map()->quick_action({model::QuickAction::fail_region, "us-west-2", {}, 0});
    REQUIRE(w.document()->scenario().faults.size() == faults + 1);
    CHECK(w.document()->scenario().faults.back().at_ms == 20 * model::kMinute);
    // The model ran again, on the scenario with the new fault, and the views have its report.
    CHECK(w.live_run()->requests() == runs + 1);
    testing::run_events_until([&] { return w.report() != before; }, 2000, 10);
    REQUIRE(w.report() != before);
    CHECK(w.live_run()->current().scenario->faults.size() == faults + 1);
    CHECK(w.report()->faults.size() == faults + 1);
    w.document()->undo_stack()->undo();
    CHECK(w.document()->scenario().faults.size() == faults);
    CHECK(w.live_run()->requests() == runs + 2);
}

TEST_CASE("Closing after an edit and discarding it ends at once", "[app][defect]") {
    // Destroying the document used to ask the destroyed runner for one more run, which hung.
    auto *w = new app::MainWindow;
    w->open_initial(QString());
    emit w->map()->component_moved("eu-shoppers", {48.0, 2.0}, true);
    REQUIRE(w->document()->modified());
    discard_boxes();
    CHECK(w->close()); // Quit; the box that asks about the unsaved edit says Discard
    CHECK(w->live_run()->closed());
    delete w; // what the end of main() does
    SUCCEED("the window was destroyed");
}

TEST_CASE("A closed live run takes no more requests and publishes nothing", "[app]") {
    app::LiveRun live;
    model::Scenario s = model::load_scenario_file(std::string(FAILOVER_SOURCE_DIR) +
                                                  "/lessons/scenarios/start-here.json")
                            .scenario.value();
    live.run_now(s);
    REQUIRE(live.current());
    const auto report = live.current().report;
    live.close();
    live.request(s);
    live.run_now(s);
    QApplication::processEvents();
    CHECK(live.current().report == report);
    CHECK(live.requests() == 1);
}

TEST_CASE("Opening another scenario replaces every request dot at once", "[app][defect]") {
    app::MainWindow w;
    w.open_initial(QString());
    w.clock()->seek(2 * model::kMinute);
    REQUIRE_FALSE(w.map()->request_dots()->flows().empty());
    QTemporaryDir dir;
    const QString path = dir.filePath("eu.json");
    {
        std::ifstream in(std::string(FAILOVER_SOURCE_DIR) +
                         "/lessons/scenarios/geolocation-default.json");
        std::ofstream out(path.toStdString());
        out << in.rdbuf();
    }
    REQUIRE(w.open_file(path));
    // The dots are those of the new scenario's run at the playhead, nothing left of the old.
    const app::RunSnapshot &run = w.live_run()->current();
    REQUIRE(run.scenario->name == w.document()->scenario().name);
    const model::WorldAt world = model::world_at(*run.scenario, *run.report, 0);
    const auto drawn = std::count_if(world.flows.begin(), world.flows.end(),
                                     [](const model::Flow &f) { return f.tier >= 0; });
    CHECK(static_cast<long>(w.map()->request_dots()->flows().size()) == drawn);
    CHECK(w.clock()->playhead() == 0);
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

TEST_CASE("A step held is marked done, and is watched from just before its moment",
          "[lessons][app]") {
    app::MainWindow w;
    w.open_initial(QString());
    const auto &lessons = w.reader()->lessons();
    const auto ttl = chapter(lessons, "dns-ttl");
    const int lesson = static_cast<int>(ttl - lessons.begin());
    w.reader()->show_lesson(lesson);
    CHECK(w.progress()->progress().chapter("dns-ttl").read);
    // The step runs off the GUI thread; its grade arrives with a signal.
    std::optional<bool> held;
    QObject::connect(&w, &app::MainWindow::try_this_graded, [&](int, int, bool h) { held = h; });
    w.run_try_this(lesson, 0);
    CHECK_FALSE(held); // not on the calling thread
    testing::run_events_until([&] { return held.has_value(); }, 30000, 50);
    REQUIRE(held);
    REQUIRE(*held);
    CHECK(w.progress()->progress().chapter("dns-ttl").tried(ttl->try_this[0].id));

    // The step's scenario loads and runs off the GUI thread too; it plays from the moment to
    // watch once its run has arrived.
    std::optional<model::Ms> started_at;
    QObject::connect(w.clock(), &app::PlaybackClock::state_changed, [&](bool playing) {
        if (playing && !started_at)
            started_at = w.clock()->playhead();
    });
    w.show_what_happened(lesson, 0);
    testing::run_events_until([&] { return started_at.has_value(); }, 30000, 10);
    w.clock()->pause();
    REQUIRE(started_at);
    REQUIRE(w.report());
    const model::Ms expected =
        model::step_watch_from_ms(ttl->try_this[0], w.document()->scenario(), w.report()->run);
    CHECK(expected > 0);
    CHECK(*started_at == expected);
}

namespace {

// Answers the app's questions for as long as it lives, and keeps what was asked.
struct Answering {
    explicit Answering(bool yes) {
        app::answer_questions_with([this, yes](const QString &text) {
            asked << text;
            return yes;
        });
    }
    ~Answering() { app::answer_questions_with({}); }
    QStringList asked;
};

// Chooses this file in every Open and Save dialog for as long as it lives.
struct Choosing {
    explicit Choosing(QString file) {
        app::choose_files_with([this, file](const QString &folder) {
            folders << folder;
            return file;
        });
    }
    ~Choosing() { app::choose_files_with({}); }
    QStringList folders;
};

QAction *action(app::MainWindow &w, const QString &text) {
    for (QAction *a : w.findChildren<QAction *>())
        if (a->text() == text || a->objectName() == text)
            return a;
    FAIL("no action " << text.toStdString());
    return nullptr;
}

std::string lesson_file(const std::string &name) {
    return std::string(FAILOVER_SOURCE_DIR) + "/lessons/scenarios/" + name;
}

} // namespace

TEST_CASE("A refused inspector edit snaps back and says why in words", "[app][inspector]") {
    app::MainWindow w;
    w.open_initial(QString());
    const std::string before = text_of(w.document()->scenario());
    const std::string check = w.document()->scenario().health_checks.front().id;
    emit w.map()->selection_changed(QString::fromStdString(check));
    auto *inspector = w.findChild<widgets::Inspector *>();
    REQUIRE(inspector);
    auto *interval = inspector->findChild<QDoubleSpinBox *>(QStringLiteral("interval_s"));
    REQUIRE(interval);
    const double model_value = interval->value();
    interval->setValue(20); // Route 53 checks every 10 or 30 s
    emit interval->editingFinished();
    CHECK(text_of(w.document()->scenario()) == before);
    CHECK(interval->value() == model_value);
    CHECK(w.last_message().contains(QLatin1String("Health check")));
    CHECK_FALSE(w.last_message().contains(QLatin1String("/health_checks/")));
    auto *error = inspector->findChild<QLabel *>(QStringLiteral("inspector_error_text"));
    REQUIRE(error);
    CHECK(error->text().contains(QLatin1String("Interval")));
}

TEST_CASE("A window with unsaved changes closes cleanly", "[app]") {
    auto w = std::make_unique<app::MainWindow>();
    w->open_initial(QString());
    emit w->map()->component_moved("us-shoppers", {41.0, -88.0}, true);
    REQUIRE(w->document()->modified());
    w.reset(); // the undo stack, cleared as it goes, used to call into the gone model runner
    CHECK_FALSE(w);
}

TEST_CASE("A policy change to failover asks before it drops records", "[app][inspector][dns]") {
    app::MainWindow w;
    REQUIRE(w.open_file(QString::fromStdString(lesson_file("routing-policies.json"))));
    emit w.map()->selection_changed(QStringLiteral("api.example.com"));
    auto *inspector = w.findChild<widgets::Inspector *>();
    REQUIRE(inspector);
    const auto policy_box = [&] {
        return inspector->findChild<QComboBox *>(QStringLiteral("policy"));
    };
    REQUIRE(policy_box());
    const std::string before = text_of(w.document()->scenario());
    {
        Answering no(false);
        policy_box()->setCurrentIndex(policy_box()->findData(QStringLiteral("failover")));
        REQUIRE(no.asked.size() == 1);
        CHECK(no.asked[0].contains(QLatin1String("jp")));
    }
    CHECK(text_of(w.document()->scenario()) == before);
    CHECK(policy_box()->currentData().toString() == QLatin1String("latency"));

    const int entries = w.document()->undo_stack()->count();
    {
        Answering yes(true);
        policy_box()->setCurrentIndex(policy_box()->findData(QStringLiteral("failover")));
    }
    const model::DnsName &name = w.document()->scenario().dns.front();
    CHECK(name.policy == model::RoutingPolicy::failover);
    REQUIRE(name.records.size() == 2);
    CHECK(name.records[0].role == "primary");
    CHECK(name.records[1].role == "secondary");
    CHECK(w.document()->undo_stack()->count() == entries + 1);
    w.document()->undo_stack()->undo();
    CHECK(text_of(w.document()->scenario()) == before);
}

TEST_CASE("A name with two records becomes a failover name at once", "[app][inspector][dns]") {
    app::MainWindow w;
    w.open_initial(QString());
    const QString name = QString::fromStdString(w.document()->scenario().dns.front().id);
    emit w.map()->selection_changed(name);
    auto *inspector = w.findChild<widgets::Inspector *>();
    const auto set_policy = [&](const char *policy) {
        auto *box = inspector->findChild<QComboBox *>(QStringLiteral("policy"));
        REQUIRE(box);
        box->setCurrentIndex(box->findData(QLatin1String(policy)));
    };
    Answering never(false);
    set_policy("latency");
    CHECK(w.document()->scenario().dns.front().policy == model::RoutingPolicy::latency);
    // This used to be refused: "the field role is required".
    set_policy("failover");
    CHECK(never.asked.isEmpty());
    CHECK(w.document()->scenario().dns.front().policy == model::RoutingPolicy::failover);
    CHECK(w.document()->scenario().dns.front().records[1].role == "secondary");
}

TEST_CASE("Deleting a region names what depends on it and deletes it all in one step",
          "[app][undo][remove]") {
    app::MainWindow w;
    REQUIRE(w.open_file(QString::fromStdString(lesson_file("routing-policies.json"))));
    const std::string before = text_of(w.document()->scenario());
    {
        Answering no(false);
        emit w.map()->quick_action({model::QuickAction::remove, "eu-west-1", {}, 0});
        REQUIRE(no.asked.size() == 1);
        for (const char *part : {"api-eu", "hc-eu", "ireland-down"})
            CHECK(no.asked[0].contains(QLatin1String(part)));
        CHECK_FALSE(no.asked[0].contains(QLatin1String("api-jp")));
    }
    CHECK(text_of(w.document()->scenario()) == before);
    const int entries = w.document()->undo_stack()->count();
    {
        Answering yes(true);
        emit w.map()->quick_action({model::QuickAction::remove, "eu-west-1", {}, 0});
    }
    const model::Scenario &s = w.document()->scenario();
    CHECK(model::kind_of(s, "eu-west-1").empty());
    CHECK(model::kind_of(s, "api-eu").empty());
    CHECK(s.faults.empty());
    CHECK(s.dns.front().records.size() == 2);
    CHECK(w.document()->undo_stack()->count() == entries + 1);
    w.document()->undo_stack()->undo();
    CHECK(text_of(w.document()->scenario()) == before);
}

TEST_CASE("A region that cannot go says what would go with it and why not", "[app][remove]") {
    app::MainWindow w;
    w.open_initial(QString());
    const std::string before = text_of(w.document()->scenario());
    Answering yes(true);
    emit w.map()->quick_action({model::QuickAction::remove, "us-east-1", {}, 0});
    // The failover name loses its primary, and every population enters through it.
    REQUIRE(yes.asked.size() == 1);
    CHECK(yes.asked[0].contains(QLatin1String("shop-db")));
    CHECK(yes.asked[0].contains(QLatin1String("shop.example.com")));
    CHECK(yes.asked[0].contains(QLatin1String("at least one population")));
    CHECK(text_of(w.document()->scenario()) == before);
    CHECK(w.last_message().contains(QLatin1String("cannot be deleted")));
}

TEST_CASE("Save As adds .json and the dialogs remember the folder", "[app][format]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    app::MainWindow w;
    w.open_initial(QString());
    {
        Choosing choose(dir.filePath(QStringLiteral("no-extension")));
        action(w, QStringLiteral("Save &As..."))->trigger();
        REQUIRE(choose.folders.size() == 1);
    }
    CHECK(QFile::exists(dir.filePath(QStringLiteral("no-extension.json"))));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("no-extension"))));
    CHECK(w.document()->path() == dir.filePath(QStringLiteral("no-extension.json")));
    CHECK(app::scenario_folder() == dir.path());
    {
        Choosing choose{QString()};
        action(w, QStringLiteral("&Open Scenario..."))->trigger();
        REQUIRE(choose.folders.size() == 1);
        CHECK(choose.folders[0] == dir.path());
    }
    CHECK(app::with_json_extension(QStringLiteral("/a/b.scenario")) == "/a/b.scenario");
    CHECK(app::with_json_extension(QStringLiteral("/a/b")) == "/a/b.json");
}

TEST_CASE("The dialogs start in the documents folder, or home without one", "[app]") {
    QSettings().remove(QStringLiteral("files/scenario_folder"));
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString folder = QFileInfo(documents).isDir() ? documents : QDir::homePath();
    CHECK(app::scenario_folder() == folder);
    // A scenario never saved is offered under its name, in that folder.
    app::MainWindow w;
    w.open_initial(QString());
    Choosing choose{QString()};
    action(w, QStringLiteral("Save &As..."))->trigger();
    REQUIRE(choose.folders.size() == 1);
    CHECK(choose.folders[0] ==
          QDir(folder).filePath(QStringLiteral("Start here one database two regions.json")));
    CHECK(app::file_name_for(QStringLiteral("  ")) == QLatin1String("scenario.json"));
}

TEST_CASE("Scenario settings from the menu are one undoable edit", "[app][undo][settings]") {
    app::MainWindow w;
    w.open_initial(QString());
    const std::string before = text_of(w.document()->scenario());
    const int entries = w.document()->undo_stack()->count();
    QTimer::singleShot(0, [] {
        for (QWidget *top : QApplication::topLevelWidgets())
            if (auto *dialog = qobject_cast<QDialog *>(top);
                dialog && dialog->objectName() == QLatin1String("scenario_settings")) {
                dialog->findChild<QDoubleSpinBox *>(QStringLiteral("settings/slo"))->setValue(99.5);
                dialog->findChild<QLineEdit *>(QStringLiteral("scenario/name"))
                    ->setText(QStringLiteral("Renamed"));
                dialog->accept();
            }
    });
    action(w, QStringLiteral("scenario_settings"))->trigger();
    CHECK(w.document()->scenario().settings.slo == 0.995);
    CHECK(w.document()->scenario().name == "Renamed");
    CHECK(w.document()->undo_stack()->count() == entries + 1);
    w.document()->undo_stack()->undo();
    CHECK(text_of(w.document()->scenario()) == before);
}

TEST_CASE("A file that cannot be opened is explained in words", "[app][format]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    model::Scenario s = model::load_scenario_file(lesson_file("start-here.json")).scenario.value();
    nlohmann::json doc = nlohmann::json::parse(model::write_scenario(s));
    doc["databases"][0]["writer"] = "us-east-9";
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    std::ofstream(bad.toStdString()) << doc.dump();

    app::MainWindow w;
    w.open_initial(QString());
    // The file is read and checked off the GUI thread; the box (answered here, with its
    // details) follows.
    QString details;
    app::answer_questions_with([&details](const QString &text) {
        details = text;
        return true;
    });
    Choosing choose(bad);
    action(w, QStringLiteral("&Open Scenario..."))->trigger();
    testing::run_events_until([&] { return !details.isEmpty(); }, 10000);
    app::answer_questions_with({});
    CHECK(w.last_message().contains(QLatin1String("Database shop-db, Writer")));
    CHECK_FALSE(w.last_message().contains(QLatin1String("/databases/")));
    CHECK(details.contains(QLatin1String("/databases/0/writer")));
}

TEST_CASE("A try-this prediction is committed before the run and a wrong one stays wrong",
          "[lessons][app][quiz]") {
    app::MainWindow w;
    w.open_initial(QString());
    const auto &lessons = w.reader()->lessons();
    const auto ttl = chapter(lessons, "dns-ttl");
    const int lesson = static_cast<int>(ttl - lessons.begin());
    int step = -1;
    for (std::size_t i = 0; i < ttl->try_this.size(); ++i)
        if (ttl->try_this[i].predict)
            step = static_cast<int>(i);
    REQUIRE(step >= 0);
    w.reader()->show_lesson(lesson);
    REQUIRE(w.reader()->prediction(step));
    const auto run = [&](double guess) {
        w.reader()->set_prediction(step, guess);
        bool graded = false;
        auto c = QObject::connect(&w, &app::MainWindow::try_this_graded,
                                  [&](int, int, bool) { graded = true; });
        w.run_try_this(lesson, step);
        testing::run_events_until([&] { return graded; }, 12000);
        QObject::disconnect(c);
        REQUIRE(graded);
        REQUIRE(w.last_prediction());
        return *w.last_prediction();
    };
    const std::string id = ttl->try_this[static_cast<std::size_t>(step)].id;
    const model::Grade wrong = run(1); // one second: nothing recovers that fast
    CHECK_FALSE(wrong.correct);
    CHECK(wrong.missed != model::Missed::nothing);
    CHECK(w.progress()->progress().chapter("dns-ttl").predictions.at(id) == false);
    REQUIRE(wrong.expected);
    const model::Grade right = run(*wrong.expected);
    CHECK(right.correct);
    // Predicting again after seeing the answer does not rewrite the record.
    CHECK(w.progress()->progress().chapter("dns-ttl").predictions.at(id) == false);
}

TEST_CASE("Test yourself opens the chapter's questions and keeps the answers in the progress",
          "[lessons][app][quiz]") {
    app::MainWindow w;
    w.open_initial(QString());
    REQUIRE(w.quizzes().size() >= 12); // the built-in bank, one file a chapter
    const auto &lessons = w.reader()->lessons();
    const auto ttl = chapter(lessons, "dns-ttl");
    app::QuizPanel *panel = w.test_yourself(static_cast<int>(ttl - lessons.begin()));
    REQUIRE(panel);
    testing::run_events_until([&] { return panel->asked() != nullptr; }, 12000);
    REQUIRE(panel->asked());
    REQUIRE(panel->asked()->ok());
    const std::string id = panel->asked()->question->id;
    panel->answer(model::right_answer(*panel->asked()));
    CHECK(w.progress()->progress().chapter("dns-ttl").quiz.at(id));
    CHECK(w.progress()->progress().chapter("dns-ttl").quiz_right() >= 1);
    panel->close();
}
