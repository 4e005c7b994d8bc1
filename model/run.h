#pragma once
// The raw result of one simulation run: the events, milestones and per-step samples from
// which the report (report.h) computes its figures.

#include "trace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace model {

// Why a request failed; each failed request has exactly one reason, its first.
enum class FailReason {
    no_answer,     // DNS gave no answer (geolocation without a default record)
    unreachable,   // region down or cut off
    unavailable,   // the app tier has no capacity left (all AZs down, not yet scaled)
    dependency,    // a data store or the database could not be reached
    write_refused, // the writer endpoint led to an instance that takes no writes
    shed,          // demand above capacity
    brownout,      // the service failed the request itself
    timeout,       // slower than the client waits
    count_,
};
constexpr int kFailReasons = static_cast<int>(FailReason::count_);
const char *to_string(FailReason reason);

struct PopulationSteps {
    std::vector<std::int32_t> reads_ok, reads_failed, writes_ok, writes_failed;
    std::vector<std::int32_t> p50_ms, p99_ms; // of served requests; -1 when none
    // Per app tier (index as in the scenario; the last one: no answer): requests sent there
    // and how many of them failed, per step. What the map's request dots are drawn from.
    std::vector<std::vector<std::int32_t>> tier_requests, tier_failed;
};

struct MoveWave {
    Ms started_ms = 0; // when the answer (or route) changed
    int cohorts_to_move = 0;
    std::optional<Ms> t50, t90, t99, t100;
};

struct PopulationRun {
    std::string id;
    std::int64_t reasons[kFailReasons] = {};
    std::map<std::int32_t, std::int64_t> write_latency_ms; // served writes, latency -> count
    std::vector<MoveWave> waves;
};

struct WriteAccounts {
    std::string database;
    std::int64_t acknowledged = 0;
    std::int64_t present = 0;   // on the final writer
    std::int64_t lost = 0;      // acknowledged, never reached the writer that took over
    std::int64_t divergent = 0; // acknowledged by a writer that had been replaced
    std::int64_t conflicts = 0;
    std::int64_t lost_updates = 0;
    std::optional<Ms> rpo_ms;
};

// A population's answer from its entry (DNS name or accelerator) from t on: tiers and shares,
// empty for "no answer". The first record of each population is at t = 0.
struct AnswerRecord {
    Ms t_ms = 0;
    int population = -1;
    std::vector<std::pair<int, double>> tiers; // app tier index, share
};

// A population's clients that still use another answer than the current one, from t on, and
// when the last of them will have re-resolved (-1 when none is waiting).
struct CacheRecord {
    Ms t_ms = 0;
    int population = -1;
    double stale_share = 0;
    Ms expires_by_ms = -1;
};

// Something the engine should never do happened in this run (the run goes on without it).
struct InternalError {
    Ms t_ms = 0;
    std::string what;
};

struct Run {
    Ms step_ms = 1000;
    int steps = 0;
    Ms end_ms = 0;
    std::uint64_t seed = 0;
    std::vector<Event> events; // sorted by (t_ms, seq)
    std::vector<Milestone> milestones;
    std::vector<PopulationRun> populations;
    std::vector<PopulationSteps> population_steps;
    std::vector<std::string> region_ids;
    // [region][step]; 64-bit: one step of many large populations is more than 2^31 requests.
    std::vector<std::vector<std::int64_t>> region_requests;
    struct LagSeries {
        std::string database, replica;
        std::vector<std::int32_t> lag_ms;
    };
    std::vector<LagSeries> lags;
    std::vector<std::int64_t> lost_writes_cumulative;
    std::vector<std::int64_t> conflicts_cumulative;
    std::vector<WriteAccounts> writes;
    std::int64_t events_processed = 0;
    std::vector<InternalError> internal_errors;
    std::vector<AnswerRecord> answers; // in time order
    std::vector<CacheRecord> caches;   // in time order
};

} // namespace model
