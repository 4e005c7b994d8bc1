#pragma once
// Small scenarios built in code for the model tests, and helpers to read the trace.

#include "model/lesson.h"
#include "model/problem.h"
#include "model/report.h"
#include "model/scenario.h"

#include <optional>
#include <string>

namespace testing {

// When the engine tests' scenarios fail a region: ten minutes in.
inline constexpr model::Ms kFault = 10 * model::kMinute;

// A lesson of tests/data/lessons/ by file name, and that folder's good.json, loaded.
std::string lesson_path(const std::string &name);
model::Lesson good_lesson();

// Active-passive: app-east (us-east-1) primary, app-west (us-west-2) secondary, a failover
// name "app.example.com" with health checks on both, one population honouring the TTL.
model::Scenario failover_pair(model::Ms interval, int threshold, model::Ms ttl);

// failover_pair() with its population entering through a distribution "cdn": one edge near
// the population (Chicago), primary origin app-east, secondary app-west, a cache TTL of 2 min.
model::Scenario cdn_pair();

// Adds a region outage of us-east-1 at `at`.
void fail_east(model::Scenario &s, model::Ms at);

model::Scenario load_builtin(const std::string &file_name);
std::string source_path(const std::string &relative);

// Every problem's text, one a line, for an INFO in the scope of the check that looks at them.
std::string problems_text(const model::Problems &problems);

// Time of the first event of a kind (optionally with a subject), if any.
std::optional<model::Ms> first_event(const model::Report &r, model::EventKind kind,
                                     const std::string &subject = {});
int count_events(const model::Report &r, model::EventKind kind);

// Requests of every population in the steps from `from` (inclusive) to `to` (exclusive).
struct Tally {
    std::int64_t ok = 0, failed = 0;
    std::int64_t all() const { return ok + failed; }
    double failed_share() const;
};
Tally tally(const model::Report &r, model::Ms from, model::Ms to);

// Requests of every population that failed for `reason`, over the whole run.
std::int64_t failed_because(const model::Report &r, model::FailReason reason);

} // namespace testing
