#include "builders.h"

#include "model/lesson.h"

#include <catch2/catch.hpp>

using namespace model;

namespace {

std::string lesson_path(const std::string &name) {
    return testing::source_path("tests/data/lessons/" + name);
}

} // namespace

TEST_CASE("A lesson loads with its body and its steps", "[lesson]") {
    const LessonLoad load = load_lesson_file(lesson_path("good.json"));
    for (const auto &p : load.problems)
        INFO(p.text());
    REQUIRE(load.lesson);
    const Lesson &l = *load.lesson;
    CHECK(l.id == "test-ttl");
    CHECK(l.body.find("critical path") != std::string::npos);
    REQUIRE(l.try_this.size() == 2);
    CHECK(l.try_this[0].actions[0].kind == LessonAction::Kind::set);
    CHECK(l.try_this[0].actions[0].value == 60);
    CHECK(l.try_this[1].actions[0].fault.region == "us-west-2");
    REQUIRE(l.walkthroughs.size() == 1);
    CHECK(l.walkthroughs[0].steps[1].wait_for == EventKind::endpoint_unhealthy);
    CHECK(check_lesson_runs(l).empty());
}

TEST_CASE("Bad lesson files get a clear error with file and place", "[lesson][bad-input]") {
    const std::pair<const char *, const char *> cases[] = {
        {"bad-expect.json", "/try_this/0/expect"},
        {"bad-scenario-ref.json", "/scenarios/0"},
        {"bad-action-field.json", "/try_this/0/actions"},
        {"bad-covers.json", "/covers"},
        {"bad-unknown-key.json", "/tittle"},
        {"bad-event-kind.json", "/walkthroughs/0/steps/1/wait_for"},
        {"bad-body.json", "/body_file"},
        {"bad-two-actions.json", "/try_this/0/actions/0"},
        {"bad-caption-figure.json", "/walkthroughs/0/steps/1/caption"},
        {"bad-show-figure.json", "/try_this/0/show"},
        {"bad-interview-figure.json", "/interview/strong_answer/1"},
        {"bad-takeaway-config.json", "/takeaways/1"},
    };
    for (const auto &[file, where] : cases) {
        INFO(file);
        LessonLoad load = load_lesson_file(lesson_path(file));
        Problems problems = load.problems;
        if (load.lesson) {
            const Problems more = check_lesson_runs(*load.lesson);
            problems.insert(problems.end(), more.begin(), more.end());
        }
        REQUIRE_FALSE(problems.empty());
        bool found = false;
        for (const auto &p : problems) {
            INFO(p.text());
            CHECK(p.file == lesson_path(file));
            found = found || p.where.rfind(where, 0) == 0;
        }
        CHECK(found);
    }
}
