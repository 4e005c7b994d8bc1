#include "builders.h"

#include "model/lesson.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;

namespace {

using testing::lesson_path;

} // namespace

TEST_CASE("Expectations compare figures and nulls", "[lesson]") {
    CHECK(expectation_holds({"x", "<", 10.0, 0}, 9.0));
    CHECK_FALSE(expectation_holds({"x", "<", 10.0, 0}, 10.0));
    CHECK(expectation_holds({"x", "==", 10.0, 0.5}, 10.4));
    CHECK_FALSE(expectation_holds({"x", "==", 10.0, 0.5}, 10.6));
    CHECK(expectation_holds({"x", "==", std::nullopt, 0}, std::nullopt));
    CHECK_FALSE(expectation_holds({"x", "==", std::nullopt, 0}, 3.0));
    CHECK_FALSE(expectation_holds({"x", ">", 1.0, 0}, std::nullopt));
    CHECK(describe({"rto_read_s", "==", 30.0, 2}) == "rto_read_s == 30 (+-2)");
}

TEST_CASE("A step's run is graded by the figure it expects", "[lesson]") {
    const LessonLoad load = load_lesson_file(lesson_path("good.json"));
    REQUIRE(load.lesson);
    const Lesson &l = *load.lesson;
    const PreparedStep step = prepare_step(l, 0);
    REQUIRE(step.scenario);
    const Report run = simulate(*step.scenario, step.options);
    const StepGrade grade = grade_step(l.try_this[0], run);
    CHECK(grade.held);
    REQUIRE(grade.actual);
    CHECK(*grade.actual == query_figure(run, "rto_read_s"));
    // The same step against the scenario as it stands (a 300 s TTL) does not hold.
    const ScenarioLoad plain = load_lesson_scenario(l, l.try_this[0].scenario);
    REQUIRE(plain.scenario);
    CHECK_FALSE(grade_step(l.try_this[0], simulate(*plain.scenario)).held);
    TryThis no_expectation = l.try_this[0];
    no_expectation.expect.reset();
    CHECK(grade_step(no_expectation, run).held);
    CHECK_FALSE(grade_step(no_expectation, run).actual);
}
