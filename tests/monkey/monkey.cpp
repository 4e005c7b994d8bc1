// A random walk over a real main window, offscreen: thousands of actions drawn from a seeded
// generator, as a learner's hands would make them (drops from the palette, drags, deletes,
// undo and redo, faults, playback, the inspector, bad files, lessons, presentations, quitting
// with changes). Every question the app asks is answered here, at random; a box nobody
// answered is a failure. After each action the undo stack must be consistent, and every few
// dozen actions undoing everything must give back the scenario as opened, and redoing it the
// scenario as it was. The seed and the action count are printed; a failure prints the last
// actions. FAILOVER_MONKEY_SEED and FAILOVER_MONKEY_ACTIONS replace the defaults.
#include "app/dialogs.h"
#include "app/mainwindow.h"
#include "model/edit.h"
#include "model/field_spec.h"
#include "model/scenario_json.h"
#include "widgets/faultlist.h"
#include "widgets/inspector.h"
#include "widgets/lessonreader.h"
#include "widgets/mapview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QKeyEvent>
#include <QPointer>
#include <QSlider>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>
#include <catch2/catch.hpp>

#include "event_wait.h"

#include <deque>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <sys/stat.h>

namespace {

std::uint64_t env_number(const char *name, std::uint64_t fallback) {
    bool ok = false;
    const qulonglong v = qEnvironmentVariable(name).toULongLong(&ok);
    return ok ? v : fallback;
}

std::string text_of(const model::Scenario &s) {
    return model::write_scenario(s);
}

void write(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

class Monkey {
public:
    Monkey(std::uint64_t seed, const QString &folder) : rng_(seed), folder_(folder) {}

    std::mt19937_64 &rng() { return rng_; }
    int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }
    bool coin(int percent = 50) { return pick(100) < percent; }

    void log(const std::string &what) {
        recent_.push_back(std::to_string(actions_) + ": " + what);
        if (recent_.size() > 40)
            recent_.pop_front();
    }
    std::string recent() const {
        std::string out;
        for (const std::string &line : recent_)
            out += "  " + line + "\n";
        return out;
    }
    int actions_ = 0;

private:
    std::mt19937_64 rng_;
    QString folder_;
    std::deque<std::string> recent_;
};

} // namespace

TEST_CASE("Monkey: random actions on the main window", "[app][monkey]") {
    const std::uint64_t seed = env_number("FAILOVER_MONKEY_SEED", 20240611);
    const int count = static_cast<int>(env_number("FAILOVER_MONKEY_ACTIONS", 2000));
    std::cout << "monkey: seed " << seed << ", " << count << " actions" << std::endl;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Monkey m(seed, dir.path());

    // The files File > Open may be given: good ones, broken ones, and things that are not
    // files at all.
    const QString good = dir.filePath("good.json");
    {
        QFile start(QStringLiteral(":/lessons/scenarios/start-here.json"));
        REQUIRE(start.open(QIODevice::ReadOnly));
        write(good, start.readAll());
    }
    QFile start(good);
    REQUIRE(start.open(QIODevice::ReadOnly));
    const QByteArray good_bytes = start.readAll();
    write(dir.filePath("truncated.json"), good_bytes.left(good_bytes.size() / 2));
    write(dir.filePath("wrong-types.json"),
          R"({"format": "failover-lab-scenario", "version": 1, "regions": 3, "name": [1]})");
    write(dir.filePath("huge-number.json"), "[1e400]");
    write(dir.filePath("huge-fields.json"),
          QByteArray(good_bytes).replace("\"duration_s\": ", "\"duration_s\": 1e300, \"x\": "));
    write(dir.filePath("empty.json"), "");
    REQUIRE(QDir(dir.path()).mkdir("a-folder.json"));
    const QString fifo = dir.filePath("a-pipe.json");
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QStringList openable = {good,
                                  dir.filePath("truncated.json"),
                                  dir.filePath("wrong-types.json"),
                                  dir.filePath("huge-number.json"),
                                  dir.filePath("huge-fields.json"),
                                  dir.filePath("empty.json"),
                                  dir.filePath("a-folder.json"),
                                  fifo,
                                  dir.filePath("missing.json")};
    const QString autosave_folder = dir.filePath("autosave");

    // Every question is answered at random, and counted.
    int questions = 0, choices = 0, saves = 0;
    app::answer_questions_with([&](const QString &text) {
        ++questions;
        m.log("  answered a question: " + text.left(60).toStdString());
        return m.coin();
    });
    app::answer_choices_with([&](const QString &text, const QStringList &answers) {
        ++choices;
        const int picked = m.pick(static_cast<int>(answers.size()));
        m.log("  chose " + answers.value(picked).toStdString() +
              " for: " + text.left(60).toStdString());
        return picked;
    });
    app::choose_files_with([&](const QString &start_at) {
        // To open (the dialog starts in a folder): any of the files above. To save: a new file
        // of the folder, or now and then a place that cannot be written.
        if (QFileInfo(start_at).isDir())
            return openable[m.pick(static_cast<int>(openable.size()))];
        if (m.coin(15))
            return m.coin() ? dir.filePath("a-folder.json") : dir.filePath("no/such/dir.json");
        if (m.coin(10))
            return QString(); // cancelled
        return dir.filePath(QStringLiteral("saved-%1.json").arg(++saves));
    });
    app::open_links_with(
        [&](const QUrl &url) { m.log("  opened " + url.toString().toStdString()); });

    // A box that opens anyway (nobody answers it) is closed and fails the run.
    int unanswered = 0;
    QTimer watchdog;
    QObject::connect(&watchdog, &QTimer::timeout, [&] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            ++unanswered;
            m.log("  UNANSWERED dialog " + modal->windowTitle().toStdString());
            modal->close();
        }
    });
    watchdog.start(200);

    std::unique_ptr<app::MainWindow> w;
    std::string baseline, clean_text; // the scenario as opened; as saved or opened
    int windows = 0;
    const auto new_window = [&] {
        w = std::make_unique<app::MainWindow>();
        w->autosaver()->set_folder(autosave_folder);
        // A dropped region asks which one: a known region, one of the learner's own, or none.
        w->set_region_choice(
            [&](const std::vector<model::KnownRegion> &offered) -> std::optional<QString> {
                if (m.coin(10)) {
                    m.log("  region choice cancelled");
                    return std::nullopt;
                }
                if (offered.empty() || m.coin(20)) {
                    m.log("  custom region");
                    return QString();
                }
                const model::KnownRegion &r =
                    offered[static_cast<std::size_t>(m.pick(static_cast<int>(offered.size())))];
                m.log("  region " + r.id);
                return QString::fromStdString(r.id);
            });
        QObject::connect(w->document(), &app::Document::path_changed, [&] {
            // Opened (the history starts afresh) or saved: what "clean" means from now on.
            const std::string now = text_of(w->document()->scenario());
            if (w->document()->undo_stack()->count() == 0)
                baseline = now;
            clean_text = now;
        });
        w->open_initial(QString());
        baseline = clean_text = text_of(w->document()->scenario());
        w->show();
        ++windows;
    };
    new_window();

    const auto settle = [&](int timeout_ms) {
        QApplication::processEvents();
        testing::run_events_until([&] { return !w->model_busy(); }, timeout_ms, 5);
    };
    const auto action = [&](const QString &text) -> QAction * {
        for (QAction *a : w->findChildren<QAction *>())
            if (a->text() == text)
                return a;
        FAIL("no action " << text.toStdString());
        return nullptr;
    };
    const auto some_id = [&]() -> QString {
        const auto parts = model::components_of(w->document()->scenario());
        if (parts.empty())
            return {};
        return QString::fromStdString(
            parts[static_cast<std::size_t>(m.pick(static_cast<int>(parts.size())))].id);
    };
    const auto some_region = [&]() -> QString {
        const auto &regions = w->document()->scenario().regions;
        if (regions.empty())
            return {};
        return QString::fromStdString(
            regions[static_cast<std::size_t>(m.pick(static_cast<int>(regions.size())))].id);
    };
    const auto check_stack = [&] {
        QUndoStack *stack = w->document()->undo_stack();
        INFO("seed " << seed << "; the last actions:\n" << m.recent());
        REQUIRE(stack->index() >= 0);
        REQUIRE(stack->index() <= stack->count());
        if (stack->isClean())
            REQUIRE(text_of(w->document()->scenario()) == clean_text);
        // The title's "*" says what the stack says.
        REQUIRE(w->isWindowModified() == w->document()->modified());
    };
    const auto check_history = [&] {
        // Undo everything: the scenario as opened; redo it all: the scenario as it was.
        QUndoStack *stack = w->document()->undo_stack();
        const std::string now = text_of(w->document()->scenario());
        const int at = stack->index();
        INFO("seed " << seed << "; the last actions:\n" << m.recent());
        while (stack->canUndo()) {
            stack->undo();
            if (stack->isClean())
                REQUIRE(text_of(w->document()->scenario()) == clean_text);
        }
        REQUIRE(text_of(w->document()->scenario()) == baseline);
        while (stack->index() < at)
            stack->redo();
        REQUIRE(text_of(w->document()->scenario()) == now);
        settle(5000);
    };

    const std::vector<model::ComponentKind> &kinds = model::all_component_kinds();
    const std::vector<std::pair<int, std::function<void()>>> moves = {
        {12,
         [&] { // a drop from the palette, onto a region or anywhere
             const model::ComponentKind kind =
                 kinds[static_cast<std::size_t>(m.pick(static_cast<int>(kinds.size())))];
             QPointF at(m.pick(2000) - 1000, m.pick(1000) - 500);
             const QString region = some_region();
             if (!region.isEmpty() && m.coin(70))
                 for (const auto &r : w->document()->scenario().regions)
                     if (QString::fromStdString(r.id) == region)
                         at = widgets::MapView::project(r.where) + QPointF(m.pick(9), m.pick(9));
             m.log("drop " + std::string(model::to_string(kind)));
             w->map()->drop_component(kind, at);
         }},
        {10,
         [&] { // a drag of a box, in a few steps
             const QString id = some_id();
             m.log("drag " + id.toStdString());
             const int steps = 1 + m.pick(4);
             for (int i = 0; i < steps; ++i)
                 emit w->map()->component_moved(id, {m.pick(150) - 75.0, m.pick(340) - 170.0},
                                                i == steps - 1);
         }},
        {6,
         [&] { // select and delete
             const QString id = some_id();
             m.log("delete " + id.toStdString());
             emit w->map()->selection_changed(id);
             action(QObject::tr("&Delete"))->trigger();
         }},
        {12,
         [&] {
             m.log("undo");
             w->document()->undo_stack()->undo();
         }},
        {8,
         [&] {
             m.log("redo");
             w->document()->undo_stack()->redo();
         }},
        {6,
         [&] { // a quick action from the map
             const model::QuickAction kind = static_cast<model::QuickAction>(m.pick(7));
             const QString target = m.coin(70) ? some_region() : some_id();
             m.log("quick action " + std::to_string(static_cast<int>(kind)) + " on " +
                   target.toStdString());
             emit w->map()->quick_action(
                 {kind, target.toStdString(), some_region().toStdString(), m.pick(3)});
         }},
        {6,
         [&] { // add a fault from the fault list, or remove one
             auto *faults = w->findChild<widgets::FaultList *>();
             const auto &all = w->document()->scenario().faults;
             if (!all.empty() && m.coin(30)) {
                 const std::string id =
                     all[static_cast<std::size_t>(m.pick(static_cast<int>(all.size())))].id;
                 m.log("remove fault " + id);
                 emit faults->fault_remove_requested(QString::fromStdString(id));
             } else {
                 const auto kind = static_cast<model::FaultKind>(m.pick(13));
                 m.log("add fault " + std::to_string(static_cast<int>(kind)));
                 emit faults->fault_add_requested(kind);
             }
         }},
        {8,
         [&] { // play, pause, scrub, jump
             switch (m.pick(4)) {
             case 0:
                 m.log("play/pause");
                 action(w->clock()->playing() ? QObject::tr("&Pause") : QObject::tr("&Play"))
                     ->trigger();
                 break;
             case 1:
                 m.log("scrub");
                 if (auto *s = w->findChild<QSlider *>())
                     s->setValue(m.pick(s->maximum() + 1));
                 break;
             case 2:
                 m.log("next event");
                 action(QObject::tr("&Next Event"))->trigger();
                 break;
             default:
                 m.log("previous event");
                 action(QObject::tr("P&revious Event"))->trigger();
             }
         }},
        {12,
         [&] { // an edit in the inspector, of a sensible, odd or impossible value
             const QString id = some_id();
             const std::string kind = model::kind_of(w->document()->scenario(), id.toStdString());
             std::vector<const model::FieldSpec *> fields;
             for (const model::FieldSpec &f : model::field_specs())
                 if (kind == f.section || std::string("*") == f.section)
                     fields.push_back(&f);
             if (fields.empty())
                 return;
             const model::FieldSpec *f =
                 fields[static_cast<std::size_t>(m.pick(static_cast<int>(fields.size())))];
             const QStringList values = {QString::number(f->min),
                                         QString::number(f->max),
                                         QString::number((f->min + f->max) / 2),
                                         QStringLiteral("1e400"),
                                         QStringLiteral("-1"),
                                         QStringLiteral("\"text\""),
                                         QStringLiteral("null"),
                                         QStringLiteral("[1, 2]"),
                                         QStringLiteral("true"),
                                         QStringLiteral("\"\""),
                                         QStringLiteral("{\"")};
             const QString value = values[m.pick(static_cast<int>(values.size()))];
             m.log("edit " + id.toStdString() + " " + f->key + " = " + value.toStdString());
             emit w->map()->selection_changed(id);
             emit w->findChild<widgets::Inspector *>()->field_edit_requested(
                 id, QString::fromUtf8(f->key), value);
         }},
        {4,
         [&] { // File > Open, of any of the files (the bad ones included)
             m.log("open");
             action(QObject::tr("&Open Scenario..."))->trigger();
             settle(5000);
         }},
        {2,
         [&] { // the same, at once (start-up's way)
             const QString file = openable[m.pick(static_cast<int>(openable.size()))];
             m.log("open now " + QFileInfo(file).fileName().toStdString());
             w->open_file(file);
         }},
        {2,
         [&] {
             m.log("save as");
             action(QObject::tr("Save &As..."))->trigger();
         }},
        {4,
         [&] { // another chapter, and sometimes its scenario
             const int n = static_cast<int>(w->reader()->lessons().size());
             const int lesson = m.pick(n);
             m.log("lesson " + std::to_string(lesson));
             w->reader()->show_lesson(lesson);
             if (m.coin(40))
                 w->open_lesson_scenario(
                     lesson,
                     QString::fromStdString(w->reader()
                                                ->lessons()[static_cast<std::size_t>(lesson)]
                                                .scenarios.front()));
             settle(5000);
         }},
        {1,
         [&] { // a presentation, a few steps in, and out again
             const auto &lessons = w->reader()->lessons();
             std::vector<int> with;
             for (std::size_t i = 0; i < lessons.size(); ++i)
                 if (!lessons[i].walkthroughs.empty())
                     with.push_back(static_cast<int>(i));
             if (with.empty())
                 return;
             const int lesson =
                 with[static_cast<std::size_t>(m.pick(static_cast<int>(with.size())))];
             m.log("present lesson " + std::to_string(lesson));
             QWidget *p = w->start_walkthrough(lesson, 0);
             if (!p)
                 return;
             QPointer<QWidget> alive(p);
             for (int i = m.pick(4); i > 0 && alive; --i) {
                 QKeyEvent key(QEvent::KeyPress, m.coin(80) ? Qt::Key_PageDown : Qt::Key_PageUp,
                               Qt::NoModifier);
                 QApplication::sendEvent(p, &key);
                 QApplication::processEvents();
             }
             if (alive) {
                 QKeyEvent esc(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
                 QApplication::sendEvent(p, &esc);
             }
             if (alive)
                 p->close();
             QApplication::processEvents();
         }},
        {2,
         [&] {
             m.log("cancel the run");
             w->cancel_model_work();
             action(QObject::tr("Run the Model &Again"))->trigger();
         }},
        {1,
         [&] { // a link in a lesson
             const QStringList links = {
                 QStringLiteral("https://example.com/a"), QStringLiteral("file:///etc/passwd"),
                 QStringLiteral("javascript:alert(1)"), QStringLiteral("#top")};
             const QString link = links[m.pick(static_cast<int>(links.size()))];
             m.log("link " + link.toStdString());
             w->reader()->activate_link(QUrl(link));
         }},
        {2,
         [&] {
             m.log("new scenario");
             action(QObject::tr("&New Scenario"))->trigger();
             settle(5000);
         }},
        {1,
         [&] { // quit, with whatever unsaved changes there are
             const bool modified = w->document()->modified();
             m.log(std::string("quit") + (modified ? " with changes" : ""));
             if (w->close()) {
                 settle(5000);
                 w.reset();
                 // A clean close leaves no autosave behind.
                 INFO("seed " << seed << "; the last actions:\n" << m.recent());
                 REQUIRE(QDir(autosave_folder)
                             .entryList({QStringLiteral("autosave-*")}, QDir::Files)
                             .isEmpty());
                 new_window();
             }
         }},
        {2,
         [&] {
             m.log("autosave");
             w->autosaver()->save_now();
         }},
    };
    int total_weight = 0;
    for (const auto &[weight, f] : moves)
        total_weight += weight;

    QElapsedTimer clock;
    clock.start();
    for (m.actions_ = 1; m.actions_ <= count; ++m.actions_) {
        int roll = m.pick(total_weight);
        for (const auto &[weight, f] : moves) {
            if (roll < weight) {
                f();
                break;
            }
            roll -= weight;
        }
        // Let queued work land, and now and then wait for the model (never unbounded).
        QApplication::processEvents();
        if (m.actions_ % 10 == 0)
            settle(5000);
        check_stack();
        if (m.actions_ % 50 == 0)
            check_history();
    }
    settle(5000);
    check_history();
    const double seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    std::cout << "monkey: " << count << " actions in " << seconds << " s (seed " << seed << "), "
              << questions << " questions and " << choices << " choices answered, " << windows
              << " windows" << std::endl;
    {
        INFO("seed " << seed << "; the last actions:\n" << m.recent());
        CHECK(unanswered == 0);
    }
    w->close();
    w.reset();
    app::answer_questions_with({});
    app::answer_choices_with({});
    app::choose_files_with({});
    app::open_links_with({});
}
