#include "widgets/lessonreader.h"
#include "model/lesson.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

model::Lesson test_lesson() {
    const model::LessonLoad load =
        model::load_lesson_file(FAILOVER_SOURCE_DIR "/tests/data/lessons/good.json");
    std::string problems;
    for (const auto &p : load.problems)
        problems += p.text() + "\n";
    INFO(problems);
    REQUIRE(load.lesson);
    return *load.lesson;
}

} // namespace

TEST_CASE("The reader lists every built-in chapter and searches them", "[lessons][reader]") {
    widgets::LessonReader reader;
    std::vector<model::Lesson> lessons{test_lesson()};
    reader.set_lessons(lessons);
    CHECK(reader.visible_chapters() == 1);
    reader.search("critical path");
    CHECK(reader.visible_chapters() == 1);
    reader.search("no such words anywhere");
    CHECK(reader.visible_chapters() == 0);
    widgets::LessonProgress p;
    CHECK_FALSE(widgets::LessonReader::completed(lessons[0], p));
    p.read = true;
    p.try_this_done = {"shorter-ttl", "second-outage"};
    CHECK(widgets::LessonReader::completed(lessons[0], p));
}
