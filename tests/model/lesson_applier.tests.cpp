#include "builders.h"

#include "model/lesson.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;

namespace {

Lesson good_lesson() {
    const LessonLoad load = load_lesson_file(testing::source_path("tests/data/lessons/good.json"));
    REQUIRE(load.lesson);
    return *load.lesson;
}

} // namespace

TEST_CASE("A step is prepared from a fresh copy of its scenario", "[lesson][applier]") {
    Lesson l = good_lesson();
    const PreparedStep step = prepare_step(l, 0);
    REQUIRE(step.scenario);
    CHECK(step.failure == PreparedStep::Failure::none);
    CHECK(step.scenario->dns.front().ttl_ms == 60 * kSecond);

    l.try_this[0].actions[0].value = "sixty";
    const PreparedStep refused = prepare_step(l, 0);
    CHECK_FALSE(refused.scenario);
    CHECK(refused.failure == PreparedStep::Failure::action);
    CHECK_FALSE(refused.detail.empty());

    l.try_this[0].scenario = "scenarios/no-such-file.json";
    const PreparedStep missing = prepare_step(l, 0);
    CHECK_FALSE(missing.scenario);
    CHECK(missing.failure == PreparedStep::Failure::scenario);
}
