#include "app/runner.h"
#include "builtins.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace {

using Delivered = std::vector<std::shared_ptr<const model::Report>>;

// Collects every report the runner delivers.
void collect(app::ModelRunner &runner, Delivered &into) {
    QObject::connect(&runner, &app::ModelRunner::finished,
                     [&into](const std::shared_ptr<const model::Scenario> &scenario,
                             std::shared_ptr<const model::Report> report, double elapsed_ms) {
                         CHECK(scenario != nullptr);
                         CHECK(elapsed_ms >= 0);
                         into.push_back(std::move(report));
                     });
}

// Runs the event loop until the runner delivers a report or `timeout_ms` passes.
void wait_for_report(app::ModelRunner &runner, int timeout_ms) {
    QEventLoop loop;
    QTimer::singleShot(timeout_ms, &loop, &QEventLoop::quit);
    QObject::connect(&runner, &app::ModelRunner::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

// A week of the first lesson's design: seconds of work even in an optimised build, so a run of
// it is still going when a test stops it.
model::Scenario week_long() {
    model::Scenario week = testing::built_in("start-here").scenario;
    week.settings.duration_ms = model::Ms{7LL * 24 * 3600 * 1000};
    return week;
}

// Waits (at most a minute) until the runner's worker has begun a run.
void wait_until_started(const app::ModelRunner &runner) {
    for (int i = 0; i < 6000 && runner.started_runs() == 0; ++i)
        QThread::msleep(10);
    REQUIRE(runner.started_runs() == 1);
}

// Asks for dns-ttl-floor and checks that its report is the only one delivered, and that the run
// stopped before it stays the only one stopped.
void check_next_is_the_only_report(app::ModelRunner &runner, const Delivered &delivered) {
    const testing::BuiltIn &next = testing::built_in("dns-ttl-floor");
    runner.request(next.scenario);
    wait_for_report(runner, 60000);
    REQUIRE(delivered.size() == 1);
    CHECK(delivered[0]->fingerprint == next.report->fingerprint);
    CHECK(runner.stopped_runs() == 1);
}

} // namespace

TEST_CASE("The runner delivers the report of what it was asked to run", "[runner]") {
    const testing::BuiltIn &one = testing::built_in("dns-ttl-floor");
    const testing::BuiltIn &two = testing::built_in("start-here");
    REQUIRE(one.report->fingerprint != two.report->fingerprint);
    app::ModelRunner runner;
    Delivered delivered;
    collect(runner, delivered);
    runner.request(one.scenario);
    wait_for_report(runner, 60000);
    REQUIRE(delivered.size() == 1);
    CHECK(delivered[0]->fingerprint == one.report->fingerprint);
    // A request made after the first report arrived is not stale: it is delivered too.
    runner.request(two.scenario);
    wait_for_report(runner, 60000);
    REQUIRE(delivered.size() == 2);
    CHECK(delivered[1]->fingerprint == two.report->fingerprint);
}

TEST_CASE("A newer request supersedes an older one: only the newer report is delivered",
          "[runner]") {
    // The older run is the longer one, so that it is still running (or still queued) when the
    // newer request comes; whichever it is, its report must never reach the view. Runs finish
    // in the order they were asked for, so once the newer report is in, the older one has
    // already been dropped.
    const testing::BuiltIn &older = testing::built_in("pattern-active-active");
    const testing::BuiltIn &newer = testing::built_in("dns-ttl-floor");
    REQUIRE(older.report->fingerprint != newer.report->fingerprint);
    app::ModelRunner runner;
    Delivered delivered;
    collect(runner, delivered);
    const quint64 before = runner.generation();
    runner.request(older.scenario);
    runner.request(newer.scenario);
    CHECK(runner.generation() == before + 2);
    wait_for_report(runner, 60000);
    REQUIRE(delivered.size() == 1);
    CHECK(delivered[0]->fingerprint == newer.report->fingerprint);
}

TEST_CASE("A run on the calling thread supersedes a background request", "[runner]") {
    const testing::BuiltIn &queued = testing::built_in("pattern-active-active");
    const testing::BuiltIn &now = testing::built_in("dns-ttl-floor");
    const testing::BuiltIn &later = testing::built_in("start-here");
    app::ModelRunner runner;
    Delivered delivered;
    collect(runner, delivered);
    runner.request(queued.scenario);
    const auto report = runner.run_now(now.scenario);
    REQUIRE(report);
    CHECK(report->fingerprint == now.report->fingerprint);
    // A later request's report arrives after anything the background run could have sent.
    runner.request(later.scenario);
    wait_for_report(runner, 60000);
    REQUIRE(delivered.size() == 1);
    CHECK(delivered[0]->fingerprint == later.report->fingerprint);
}

TEST_CASE("Abandon stops the run in flight at its next step, and its report never arrives",
          "[runner][cancel]") {
    const model::Scenario week = week_long();
    app::ModelRunner runner;
    Delivered delivered;
    collect(runner, delivered);
    runner.request(week);
    wait_until_started(runner);
    runner.abandon();
    runner.wait_idle();
    CHECK(runner.stopped_runs() == 1);
    CHECK_FALSE(runner.busy());
    // Nothing of the stopped run is delivered, and the next request runs as usual.
    check_next_is_the_only_report(runner, delivered);
}

TEST_CASE("A newer request stops the older run in flight instead of waiting for it",
          "[runner][cancel]") {
    const model::Scenario week = week_long();
    app::ModelRunner runner;
    Delivered delivered;
    collect(runner, delivered);
    runner.request(week);
    wait_until_started(runner);
    check_next_is_the_only_report(runner, delivered); // its request stops the week-long run
}

TEST_CASE("Other model work gets the stop flag: abandoning it stops its run midway",
          "[runner][cancel]") {
    const model::Scenario week = week_long();
    app::ModelRunner runner;
    bool delivered = false;
    runner.request_work<int>(
        [week](const std::atomic<bool> &stop) {
            model::RunOptions options;
            options.stop = &stop;
            return static_cast<int>(model::simulate(week, options).run.steps);
        },
        [&delivered](int) { delivered = true; });
    wait_until_started(runner);
    runner.abandon();
    runner.wait_idle();
    CHECK(runner.stopped_runs() == 1);
    QCoreApplication::processEvents();
    CHECK_FALSE(delivered);
}
