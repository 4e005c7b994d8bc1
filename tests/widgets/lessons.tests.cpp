#include "app/mainwindow.h"
#include "app/presentation.h"
#include "app/progress.h"
#include "model/lesson.h"
#include "model/scenario_json.h"
#include "widgets/lessonreader.h"
#include "widgets/mapview.h"

#include <QCoreApplication>
#include <QFile>
#include <QKeyEvent>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <algorithm>
#include <catch2/catch.hpp>

namespace {

model::Lesson test_lesson() {
    const model::LessonLoad load =
        model::load_lesson_file(FAILOVER_SOURCE_DIR "/tests/data/lessons/good.json");
    REQUIRE(load.lesson);
    return *load.lesson;
}

void press(QWidget *w, int key) {
    QKeyEvent down(QEvent::KeyPress, key, Qt::NoModifier);
    QCoreApplication::sendEvent(w, &down);
}

} // namespace

TEST_CASE("Progress survives a save and a reload", "[lessons][progress]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    app::ProgressStore a(path);
    a.progress().mark_read("dns-ttl");
    a.progress().mark_tried("dns-ttl", "shorter-ttl");
    REQUIRE(a.save());
    CHECK_FALSE(QFile::exists(path + ".unreadable"));
    app::ProgressStore b(path);
    REQUIRE(b.load());
    CHECK(b.progress() == a.progress());
    CHECK(b.progress().chapter("dns-ttl").read);
    CHECK(b.progress().chapter("dns-ttl").tried("shorter-ttl"));
    // No file yet is a fresh start, not an error.
    app::ProgressStore fresh(dir.filePath("none/progress.json"));
    CHECK(fresh.load());
    CHECK(fresh.progress().chapters().empty());
}

TEST_CASE("A progress file cut short by a crash is set aside, not trusted", "[lessons][progress]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"failover-lab-progress\", \"lessons\": {\"dns");
    }
    app::ProgressStore store(path);
    QString error;
    CHECK_FALSE(store.load(&error));
    CHECK(error.contains(path));
    CHECK(error.contains("line 1"));
    CHECK(store.progress().chapters().empty());
    CHECK(QFile::exists(path + ".unreadable"));
    store.progress().mark_read("x");
    CHECK(store.save());
    app::ProgressStore again(path);
    CHECK(again.load());
    CHECK(again.progress().chapter("x").read);
}

TEST_CASE("The reader lists every built-in chapter and searches them", "[lessons][reader]") {
    widgets::LessonReader reader;
    std::vector<model::Lesson> lessons{test_lesson()};
    reader.set_lessons(lessons);
    CHECK(reader.visible_chapters() == 1);
    reader.search("critical path");
    CHECK(reader.visible_chapters() == 1);
    reader.search("no such words anywhere");
    CHECK(reader.visible_chapters() == 0);
}

TEST_CASE("The reader shows the model's completion marks and course progress",
          "[lessons][reader][progress]") {
    widgets::LessonReader reader;
    model::Lesson other = test_lesson();
    other.id = "other";
    other.order = 0;
    other.title = "Another chapter";
    reader.set_lessons({test_lesson(), other});
    REQUIRE(reader.lessons().size() == 2);
    CHECK(reader.lessons()[0].id == "other"); // course order
    auto *list = reader.findChild<QListWidget *>();
    REQUIRE(list);
    model::Progress p;
    reader.set_progress(p);
    CHECK(reader.course_progress_text() == "0 of 2 chapter(s) complete");
    CHECK(list->item(1)->toolTip() == "Not started");
    p.mark_read("test-ttl");
    p.mark_tried("test-ttl", "shorter-ttl");
    reader.set_progress(p);
    CHECK(list->item(1)->toolTip() == "Started, steps left to try");
    CHECK_FALSE(list->item(1)->text().startsWith(QStringLiteral("\u2713")));
    p.mark_tried("test-ttl", "second-outage");
    reader.set_progress(p);
    CHECK(list->item(1)->toolTip() == "Completed");
    CHECK(list->item(1)->text().startsWith(QStringLiteral("\u2713")));
    CHECK(reader.course_progress_text() == "1 of 2 chapter(s) complete");
}

TEST_CASE("A chapter's worked examples come from its lesson file", "[lessons][reader]") {
    widgets::LessonReader reader;
    model::Lesson lesson = test_lesson(); // offers "rto"
    lesson.covers.clear();                // the curriculum ids no longer decide
    model::Lesson both = lesson;
    both.id = "both";
    both.order = 2;
    both.worked_examples = {model::WorkedExample::break_even, model::WorkedExample::rto};
    model::Lesson none = lesson;
    none.id = "none";
    none.order = 3;
    none.covers = {"C6", "C15"};
    none.worked_examples.clear();
    reader.set_lessons({lesson, both, none});
    std::vector<model::WorkedExample> asked;
    QObject::connect(&reader, &widgets::LessonReader::open_worked_example,
                     [&](model::WorkedExample e) { asked.push_back(e); });
    const auto buttons = [&] {
        std::vector<QPushButton *> out;
        for (auto *b : reader.findChildren<QPushButton *>())
            if (b->text().startsWith("Worked example"))
                out.push_back(b);
        return out;
    };
    reader.show_lesson(0);
    REQUIRE(buttons().size() == 1);
    buttons()[0]->click();
    CHECK(asked == std::vector<model::WorkedExample>{model::WorkedExample::rto});
    reader.show_lesson(1);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    REQUIRE(buttons().size() == 2);
    asked.clear();
    for (auto *b : buttons())
        b->click();
    CHECK(asked.size() == 2);
    CHECK(std::count(asked.begin(), asked.end(), model::WorkedExample::break_even) == 1);
    reader.show_lesson(2);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(buttons().empty());
}

TEST_CASE("A walkthrough answers a clicker's keys", "[lessons][presentation]") {
    const model::Lesson lesson = test_lesson();
    auto *p = new app::Presentation(lesson, 0);
    CHECK(p->step() == 0);
    CHECK(p->caption() == "The outage");
    press(p, Qt::Key_PageDown);
    CHECK(p->step() == 1);
    // Step 2 waits for the endpoint to be declared unhealthy, which happens in this run.
    CHECK(p->notice().isEmpty());
    press(p, Qt::Key_Space);
    CHECK(p->step() == 2);
    press(p, Qt::Key_PageUp);
    CHECK(p->step() == 1);
    // Back is at the step's scripted moment at once (the detection event, after 10:00), not
    // replayed from the start.
    const model::Ms scripted_at = p->playhead();
    CHECK(scripted_at > 600 * model::kSecond);
    press(p, Qt::Key_B);
    CHECK(p->blanked());
    press(p, Qt::Key_B);
    CHECK_FALSE(p->blanked());
    // The presenter goes off script: fails us-west-2 from the map; Backspace restores.
    const std::string scripted = model::write_scenario(p->scenario());
    auto *map = p->findChild<widgets::MapView *>();
    REQUIRE(map);
    emit map->context_action("us-west-2", "fail_now");
    CHECK(p->off_script());
    CHECK(model::write_scenario(p->scenario()) != scripted);
    press(p, Qt::Key_Backspace);
    CHECK_FALSE(p->off_script());
    CHECK(model::write_scenario(p->scenario()) == scripted);
    CHECK(p->playhead() == scripted_at);
    press(p, Qt::Key_Escape);
}

TEST_CASE("A wait for an event that never comes says so", "[lessons][presentation]") {
    model::Lesson lesson = test_lesson();
    lesson.walkthroughs[0].steps[1].wait_for = model::EventKind::split_brain_write;
    lesson.walkthroughs[0].steps[1].timeout_ms = 60 * model::kSecond;
    app::Presentation p(lesson, 0);
    p.next();
    CHECK(p.notice().contains("did not happen in this run"));
}

TEST_CASE("A step held is marked done, and is watched from just before its moment",
          "[lessons][app]") {
    app::MainWindow w;
    w.open_initial(QString());
    const auto &lessons = w.reader()->lessons();
    const auto ttl = std::find_if(lessons.begin(), lessons.end(),
                                  [](const model::Lesson &l) { return l.id == "dns-ttl"; });
    REQUIRE(ttl != lessons.end());
    const int lesson = static_cast<int>(ttl - lessons.begin());
    w.reader()->show_lesson(lesson);
    CHECK(w.progress()->progress().chapter("dns-ttl").read);
    REQUIRE(w.run_try_this(lesson, 0));
    CHECK(w.progress()->progress().chapter("dns-ttl").tried(ttl->try_this[0].id));

    w.show_what_happened(lesson, 0);
    w.clock()->pause();
    REQUIRE(w.report());
    const model::Ms expected =
        model::step_watch_from_ms(ttl->try_this[0], w.document()->scenario(), w.report()->run);
    CHECK(expected > 0);
    CHECK(w.clock()->playhead() == expected);
}
