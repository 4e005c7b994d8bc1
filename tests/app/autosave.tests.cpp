#include "app/autosave.h"
#include "app/comparison.h"
#include "app/dialogs.h"
#include "app/mainwindow.h"
#include "files.h"
#include "model/quick_actions.h"
#include "model/scenario_json.h"
#include "widgets/mapview.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

#include "event_wait.h"

#include <csignal>
#include <sys/types.h>

namespace {

using testing::read_all;

// The autosaves in a folder (scenarios and their .info), not the locks of sessions running.
QStringList autosave_files(const QString &folder) {
    return QDir(folder).entryList(
        {QStringLiteral("autosave-*.json"), QStringLiteral("autosave-*.info")}, QDir::Files);
}

// Starts `w` as the app starts, on the autosaves in `folder`, answering Recover to the offer;
// what it was asked.
QStringList start_and_recover(app::MainWindow &w, const QString &folder) {
    QStringList asked;
    app::answer_choices_with([&](const QString &text, const QStringList &answers) {
        asked << text;
        return static_cast<int>(answers.indexOf(QStringLiteral("&Recover")));
    });
    w.autosaver()->set_folder(folder);
    w.open_initial(QString());
    w.offer_recovery();
    app::answer_choices_with({});
    return asked;
}

// One edit of the document: the starter scenario's name changed.
void rename(app::Document &doc, const std::string &name) {
    model::Scenario s = doc.scenario();
    s.name = name;
    doc.apply(QStringLiteral("Rename"), std::move(s));
}

} // namespace

TEST_CASE("An autosave holds what the document holds, and a save removes it", "[app][autosave]") {
    QTemporaryDir dir;
    app::Document doc;
    doc.reset(model::starter_scenario("Autosaved"), dir.filePath("mine.json"));
    app::Autosaver saver(&doc, dir.filePath("autosave"));
    saver.save_now();
    saver.wait();
    CHECK(autosave_files(saver.folder()).isEmpty()); // nothing unsaved, nothing written
    rename(doc, "Autosaved, then edited");
    saver.save_now();
    saver.wait();
    REQUIRE(QFile::exists(saver.scenario_file()));
    CHECK(read_all(saver.scenario_file()).toStdString() == model::write_scenario(doc.scenario()));
    const QByteArray info = read_all(saver.info_file());
    CHECK(info.contains("mine.json"));
    CHECK(info.contains("saved_at"));
    QString error;
    REQUIRE(doc.save(dir.filePath("mine.json"), &error));
    saver.wait();
    CHECK_FALSE(QFile::exists(saver.scenario_file()));
    CHECK_FALSE(QFile::exists(saver.info_file()));
}

TEST_CASE("Autosaves wait for a pause in the editing, and not longer than the period",
          "[app][autosave]") {
    QTemporaryDir dir;
    app::Document doc;
    doc.reset(model::starter_scenario("Timed"), {});
    app::Autosaver saver(&doc, dir.filePath("autosave"));
    saver.set_intervals(50, 100000);
    int saved = 0;
    QObject::connect(&saver, &app::Autosaver::saved, [&] { ++saved; });
    rename(doc, "Timed 1");
    testing::run_events_until([&] { return saved > 0; }, 5000, 10);
    REQUIRE(saved == 1);
    saver.wait();
    CHECK(read_all(saver.scenario_file()).contains("Timed 1"));
    // Undo back to the state on disk: nothing is unsaved, so the autosave goes.
    doc.undo_stack()->undo();
    saver.wait();
    CHECK_FALSE(QFile::exists(saver.scenario_file()));
}

TEST_CASE("Two sessions' autosaves live side by side, and neither offers the other's",
          "[app][autosave]") {
    QTemporaryDir dir;
    const QString folder = dir.filePath("autosave");
    app::Document a, b;
    a.reset(model::starter_scenario("A"), {});
    b.reset(model::starter_scenario("B"), {});
    app::Autosaver sa(&a, folder), sb(&b, folder);
    rename(a, "A edited");
    rename(b, "B edited");
    sa.save_now();
    sb.save_now();
    sa.wait();
    sb.wait();
    CHECK(sa.scenario_file() != sb.scenario_file());
    CHECK(read_all(sa.scenario_file()).contains("A edited"));
    CHECK(read_all(sb.scenario_file()).contains("B edited"));
    // Both sessions run: their locks are held, so neither autosave is anyone's to recover.
    CHECK(sa.left_behind().empty());
    CHECK(sb.left_behind().empty());
}

TEST_CASE("An autosave whose session is gone is found, with its file and time", "[app][autosave]") {
    QTemporaryDir dir;
    const QString folder = dir.filePath("autosave");
    std::string text;
    {
        app::Document doc;
        doc.reset(model::starter_scenario("Lost"), dir.filePath("lost.json"));
        app::Autosaver saver(&doc, folder);
        rename(doc, "Lost, then edited");
        saver.save_now();
        saver.wait();
        text = model::write_scenario(doc.scenario());
    } // the session ends without a save or a clean close
    app::Document next;
    app::Autosaver later(&next, folder);
    const std::vector<app::LeftBehind> found = later.left_behind();
    REQUIRE(found.size() == 1);
    CHECK(found[0].original == dir.filePath("lost.json"));
    CHECK(found[0].name == "Lost, then edited");
    CHECK(found[0].saved_at.secsTo(QDateTime::currentDateTime()) < 3600);
    const model::ScenarioLoad load = app::Autosaver::load(found[0]);
    REQUIRE(load.scenario);
    CHECK(model::write_scenario(*load.scenario) == text);
    // Held by this session now: a third one does not see it.
    app::Document third;
    CHECK(app::Autosaver(&third, folder).left_behind().empty());
    later.keep(found[0]);
    CHECK(app::Autosaver(&third, folder).left_behind().size() == 1);
}

TEST_CASE("A lock left by a killed session is stale, and its autosave is offered",
          "[app][autosave]") {
    QTemporaryDir dir;
    const QString folder = dir.filePath("autosave");
    REQUIRE(QDir().mkpath(folder));
    const QString id = QStringLiteral("killed-session");
    const QString lock = folder + "/autosave-" + id + ".lock";
    REQUIRE(QFile::copy(QStringLiteral(":/lessons/scenarios/start-here.json"),
                        folder + "/autosave-" + id + ".json"));
    // A real process takes the lock and is killed holding it.
    QProcess holder;
    holder.start(QStringLiteral(FAILOVER_SAVE_CHILD), {QStringLiteral("lock"), lock});
    QByteArray out;
    for (int i = 0; i < 200 && !out.contains("locked"); ++i) {
        holder.waitForReadyRead(50);
        out += holder.readAllStandardOutput();
    }
    REQUIRE(out.contains("locked"));
    app::Document doc;
    app::Autosaver saver(&doc, folder);
    CHECK(saver.left_behind().empty()); // its session still runs
    ::kill(static_cast<pid_t>(holder.processId()), SIGKILL);
    REQUIRE(holder.waitForFinished(10000));
    REQUIRE(QFile::exists(lock)); // left behind by the kill
    const std::vector<app::LeftBehind> found = saver.left_behind();
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == id);
    CHECK(found[0].original.isEmpty()); // no .info: the file it came from is not known
    REQUIRE(app::Autosaver::load(found[0]).scenario);
    saver.remove(found[0]);
    CHECK(autosave_files(folder).isEmpty());
}

TEST_CASE("After a crash the next start offers the autosave; Recover reopens it unsaved",
          "[app][autosave][recovery]") {
    QTemporaryDir dir;
    const QString folder = dir.filePath("autosave");
    const QString file = dir.filePath("design.json");
    REQUIRE(QFile::copy(QStringLiteral(":/lessons/scenarios/start-here.json"), file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    std::string edited;
    {
        app::MainWindow crashed;
        crashed.autosaver()->set_folder(folder);
        REQUIRE(crashed.open_file(file));
        emit crashed.map()->component_moved("us-shoppers", {41.0, -88.0}, true);
        REQUIRE(crashed.document()->modified());
        crashed.autosaver()->save_now();
        crashed.autosaver()->wait();
        edited = model::write_scenario(crashed.document()->scenario());
    }                                            // destroyed without closing: what a crash leaves
    REQUIRE(autosave_files(folder).size() == 2); // .json and .info; the lock went

    app::MainWindow w;
    const QStringList asked = start_and_recover(w, folder);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].contains(QDir::toNativeSeparators(file)));
    CHECK(asked[0].contains("autosaved at"));
    CHECK(w.document()->path() == file);
    CHECK(w.document()->modified());
    CHECK(model::write_scenario(w.document()->scenario()) == edited);
    // The old session's autosave went; this session's own now holds the recovered changes.
    CHECK(autosave_files(folder).size() == 2);
    CHECK(read_all(w.autosaver()->scenario_file()).toStdString() == edited);
    // Save writes to the original file, and the autosave goes.
    app::answer_questions_with([](const QString &) { return true; });
    REQUIRE(w.save_to(w.document()->path()));
    app::answer_questions_with({});
    CHECK(read_all(file).toStdString() == edited);
    w.autosaver()->wait();
    CHECK(autosave_files(folder).isEmpty());
}

TEST_CASE("Discard deletes an autosave left behind; Later keeps it for the next start",
          "[app][autosave][recovery]") {
    QTemporaryDir dir;
    const QString folder = dir.filePath("autosave");
    const auto leave_one = [&] {
        app::MainWindow crashed;
        crashed.autosaver()->set_folder(folder);
        crashed.open_initial(QString());
        emit crashed.map()->component_moved("us-shoppers", {41.0, -88.0}, true);
        crashed.autosaver()->save_now();
        crashed.autosaver()->wait();
    };
    leave_one();
    const auto start_and_answer = [&](const QString &answer) {
        app::answer_choices_with([&](const QString &, const QStringList &answers) {
            return static_cast<int>(answers.indexOf(answer));
        });
        app::MainWindow w;
        w.autosaver()->set_folder(folder);
        w.open_initial(QString());
        w.offer_recovery();
        app::answer_choices_with({});
        CHECK_FALSE(w.document()->modified());
    };
    start_and_answer(QStringLiteral("&Later"));
    CHECK(autosave_files(folder).size() == 2);
    start_and_answer(QStringLiteral("&Discard"));
    CHECK(autosave_files(folder).isEmpty());
}

TEST_CASE("A clean close leaves no autosave behind", "[app][autosave]") {
    QTemporaryDir dir;
    const QString folder = dir.filePath("autosave");
    auto w = std::make_unique<app::MainWindow>();
    w->autosaver()->set_folder(folder);
    w->open_initial(QString());
    emit w->map()->component_moved("us-shoppers", {41.0, -88.0}, true);
    w->autosaver()->save_now();
    w->autosaver()->wait();
    REQUIRE(autosave_files(folder).size() == 2);
    QStringList offered;
    app::answer_choices_with([&](const QString &, const QStringList &answers) {
        offered = answers;
        return static_cast<int>(answers.indexOf(QStringLiteral("Discard")));
    });
    CHECK(w->close());
    app::answer_choices_with({});
    CHECK(offered.contains(QStringLiteral("Discard")));
    w.reset();
    CHECK(autosave_files(folder).isEmpty());
    CHECK(QDir(folder).entryList(QDir::Files).isEmpty()); // and no lock file either
}

TEST_CASE("Design B of a comparison is autosaved too; ending the comparison removes its autosave",
          "[app][autosave][compare]") {
    QTemporaryDir dir;
    const QString folder = dir.filePath("autosave");
    std::string b_text;
    {
        app::MainWindow crashed;
        crashed.autosaver()->set_folder(folder);
        crashed.open_initial(QString());
        REQUIRE(crashed.branch());
        app::Comparison *c = crashed.comparison();
        REQUIRE(c);
        REQUIRE(c->b_autosaver());
        CHECK(c->b_autosaver()->folder() == folder);
        rename(*c->document(app::Side::b), "Design B, edited");
        c->b_autosaver()->save_now();
        c->b_autosaver()->wait();
        b_text = model::write_scenario(c->document(app::Side::b)->scenario());
        // Only B has changes: its files are the only ones.
        REQUIRE(autosave_files(folder).size() == 2);
        CHECK(testing::read_all(c->b_autosaver()->scenario_file()).toStdString() == b_text);
    } // destroyed without closing: what a crash mid-comparison leaves

    // The next start offers B, and Recover opens it as an unsaved design.
    app::MainWindow w;
    const QStringList asked = start_and_recover(w, folder);
    REQUIRE(asked.size() == 1);
    CHECK(model::write_scenario(w.document()->scenario()) == b_text);
    CHECK(w.document()->modified());

    // A comparison ended on purpose leaves no autosave of B behind.
    const QString file = dir.filePath("recovered.json");
    app::answer_questions_with([](const QString &) { return true; });
    REQUIRE(w.save_to(file));
    app::answer_questions_with({});
    REQUIRE(w.branch());
    app::Comparison *c = w.comparison();
    REQUIRE(c);
    rename(*c->document(app::Side::b), "Design B, edited again");
    c->b_autosaver()->save_now();
    c->b_autosaver()->wait();
    const QString b_file = c->b_autosaver()->scenario_file();
    REQUIRE(QFile::exists(b_file));
    REQUIRE(w.keep_side(app::Side::b)); // A has no unsaved changes: nothing to ask
    CHECK_FALSE(w.comparison());
    CHECK_FALSE(QFile::exists(b_file));
    CHECK(w.document()->scenario().name == "Design B, edited again");
    CHECK(w.document()->modified()); // B's changes, now the open design's, are still unsaved
}
