#include "builders.h"

#include "model/lesson.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;

namespace {

using testing::good_lesson;

struct StepRun {
    Scenario scenario;
    Report report;
};

StepRun run_step(const Lesson &l, std::size_t step) {
    PreparedStep prepared = prepare_step(l, step);
    REQUIRE(prepared.scenario);
    Report report = simulate(*prepared.scenario, prepared.options);
    return {std::move(*prepared.scenario), std::move(report)};
}

LessonAction play_until(EventKind kind) {
    LessonAction a;
    a.kind = LessonAction::Kind::play_until;
    a.event = kind;
    return a;
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

TEST_CASE("A step is watched from just before the moment it is about", "[lesson][applier]") {
    const Lesson l = good_lesson();

    SECTION("the fault the expectation names (here the one the step adds, at 900 s)") {
        const StepRun r = run_step(l, 1);
        CHECK(step_focus_ms(l.try_this[1], r.scenario, r.report.run) == 900 * kSecond);
        CHECK(step_watch_from_ms(l.try_this[1], r.scenario, r.report.run) ==
              900 * kSecond - kWatchLeadMs);
    }
    SECTION("the named fault wins over the one the step adds") {
        TryThis t = l.try_this[1];
        t.expect->figure = "faults.east-down.rto_read_s";
        const StepRun r = run_step(l, 1);
        CHECK(step_focus_ms(t, r.scenario, r.report.run) == 600 * kSecond);
    }
    SECTION("the fault the step adds, when the expectation names none") {
        TryThis t = l.try_this[1];
        t.expect->figure = "rto_read_s";
        const StepRun r = run_step(l, 1);
        CHECK(step_focus_ms(t, r.scenario, r.report.run) == 900 * kSecond);
    }
    SECTION("the first event a play_until waits for") {
        TryThis t = l.try_this[0];
        t.actions.push_back(play_until(EventKind::endpoint_unhealthy));
        const StepRun r = run_step(l, 0);
        const auto unhealthy = testing::first_event(r.report, EventKind::endpoint_unhealthy);
        REQUIRE(unhealthy);
        CHECK(*unhealthy > 600 * kSecond);
        CHECK(step_focus_ms(t, r.scenario, r.report.run) == *unhealthy);
    }
    SECTION("else the scenario's earliest fault") {
        const StepRun r = run_step(l, 0);
        CHECK(step_focus_ms(l.try_this[0], r.scenario, r.report.run) == 600 * kSecond);
        CHECK(step_watch_from_ms(l.try_this[0], r.scenario, r.report.run) == 570 * kSecond);
    }
    SECTION("the start of the run when there is nothing to watch for, never before it") {
        StepRun r = run_step(l, 0);
        r.scenario.faults.clear();
        CHECK(step_focus_ms(l.try_this[0], r.scenario, r.report.run) == 0);
        CHECK(step_watch_from_ms(l.try_this[0], r.scenario, r.report.run) == 0);
        r.scenario.faults.push_back(l.try_this[1].actions[0].fault);
        r.scenario.faults.back().at_ms = 10 * kSecond;
        CHECK(step_watch_from_ms(l.try_this[0], r.scenario, r.report.run) == 0);
    }
}
