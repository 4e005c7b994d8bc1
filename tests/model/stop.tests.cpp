// A run can be stopped from another thread (the GUI's Cancel): the engine looks at the flag once
// a step. A flag that stays clear changes nothing about the run.
#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <string>

using namespace model;

TEST_CASE("A run whose stop flag is set throws RunStopped and makes no report", "[stop]") {
    const Scenario s = testing::load_builtin("dns-ttl-floor.json");
    std::atomic<bool> stop{true};
    RunOptions options;
    options.stop = &stop;
    CHECK_THROWS_AS(simulate(s, options), RunStopped);
    CHECK_THROWS_AS(simulate_raw(s, options), RunStopped);
}

TEST_CASE("A stop flag that stays clear leaves the run exactly as it was", "[stop]") {
    for (const char *file : {"dns-ttl-floor.json", "start-here.json", "cdn-origin-failover.json"}) {
        INFO(file);
        const Scenario s = testing::load_builtin(file);
        std::atomic<bool> stop{false};
        RunOptions options;
        options.stop = &stop;
        const Report watched = simulate(s, options);
        CHECK(watched.fingerprint == simulate(s).fingerprint);
        CHECK_FALSE(stop.load());
    }
}

TEST_CASE("A run too large to make is refused before the stop flag is looked at", "[stop]") {
    // The refusal runs a single step, and that step still honours the flag: a stopped run
    // never reports, refused or not.
    Scenario s = testing::load_builtin("start-here.json");
    std::atomic<bool> stop{true};
    RunOptions options;
    options.stop = &stop;
    options.until = Ms{1000LL * 3600 * 24 * 365 * 50}; // fifty years: far past every limit
    CHECK_THROWS_AS(simulate(s, options), RunStopped);
    stop = false;
    const Report refused = simulate(s, options);
    REQUIRE_FALSE(refused.run.internal_errors.empty());
    CHECK(refused.run.internal_errors.front().what.find("not made") != std::string::npos);
}
