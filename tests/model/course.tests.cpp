#include "builders.h"

#include "model/course.h"
#include "model/lesson_grader.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace model;

namespace {

Lesson chapter(const std::string &id, int order) {
    Lesson l;
    l.id = id;
    l.order = order;
    return l;
}

std::vector<std::string> ids(const Course &c) {
    std::vector<std::string> out;
    for (const Lesson &l : c.chapters())
        out.push_back(l.id);
    return out;
}

} // namespace

TEST_CASE("The course orders its chapters and finds them by id", "[course]") {
    const Course c({chapter("c", 2), chapter("a", 0), chapter("b2", 1), chapter("b1", 1)});
    CHECK(ids(c) == std::vector<std::string>{"a", "b2", "b1", "c"});
    CHECK(c.size() == 4);
    REQUIRE(c.find("b1"));
    CHECK(c.find("b1")->order == 1);
    CHECK_FALSE(c.find("nope"));
    CHECK(Course().empty());
}

TEST_CASE("The built-in course loads in chapter order and covers the curriculum", "[course]") {
    std::vector<std::string> paths;
    for (const auto &e : std::filesystem::directory_iterator(testing::source_path("lessons")))
        if (e.path().extension() == ".json")
            paths.push_back(e.path().string());
    const CourseLoad load = load_course(paths);
    INFO(testing::problems_text(load.problems));
    CHECK(load.problems.empty());
    REQUIRE(load.course.size() == paths.size());
    for (std::size_t i = 0; i < load.course.size(); ++i)
        CHECK(load.course.chapters()[i].order == static_cast<int>(i));
    CHECK(uncovered_ids(load.course.chapters()).empty());
}

TEST_CASE("A second chapter with a taken id is left out and named", "[course][bad-input]") {
    const std::string good = testing::source_path("tests/data/lessons/good.json");
    const std::string bad = testing::source_path("tests/data/lessons/bad-covers.json");
    const CourseLoad load = load_course({good, good, bad});
    CHECK(load.course.size() == 1);
    REQUIRE(load.problems.size() >= 2);
    CHECK(load.problems[0].file == good);
    CHECK(load.problems[0].where == "/id");
    CHECK(load.problems[0].message.find("\"test-ttl\"") != std::string::npos);
    CHECK(load.problems[1].file == bad);
}
