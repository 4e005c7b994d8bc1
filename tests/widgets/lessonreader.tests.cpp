#include "widgets/lessonreader.h"
#include "model/lesson.h"

#include "builtins.h"
#include <QCoreApplication>
#include <QListWidget>
#include <QPushButton>

#include <catch2/catch.hpp>

#include <algorithm>

#include <string>

TEST_CASE("The reader lists every built-in chapter and searches them", "[lessons][reader]") {
    widgets::LessonReader reader;
    std::vector<model::Lesson> lessons{testing::good_lesson()};
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
    model::Lesson other = testing::good_lesson();
    other.id = "other";
    other.order = 0;
    other.title = "Another chapter";
    reader.set_lessons({testing::good_lesson(), other});
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
    model::Lesson lesson = testing::good_lesson(); // offers "rto"
    lesson.covers.clear();                         // the curriculum ids no longer decide
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
