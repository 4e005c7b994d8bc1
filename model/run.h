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

// Why a request through a distribution failed (FACTS.md section 5). Each also counts under one
// FailReason: unreachable, brownout and timeout.
enum class CdnCause {
    origin_unreachable, // the last origin tried could not be connected to
    origin_error,       // the last origin tried answered an error status
    origin_timeout,     // the last origin tried did not answer within the response timeout
    failover_too_slow,  // failing over took it past the client's timeout
    client_timeout,     // served, but slower than the client waits (no failover involved)
    count_,
};
constexpr int kCdnCauses = static_cast<int>(CdnCause::count_);
const char *to_string(CdnCause cause);
FailReason fail_reason_of(CdnCause cause);

// Who answers an edge's cache misses for reads now.
enum class CdnOrigin : std::uint8_t { primary, secondary, none };
const char *to_string(CdnOrigin origin);

// A population's requests through a distribution, per step.
struct CdnSteps {
    std::vector<std::int32_t> cacheable; // reads the edge may cache (hits + cacheable misses)
    std::vector<std::int32_t> hits;
    std::vector<std::int32_t> misses_primary, misses_secondary; // reads served by each origin
    std::vector<std::int32_t> failovers; // read misses that failed over, served or not
    std::vector<std::int32_t> failed;    // reads and writes
};

// A population that enters through a distribution: what it asked and what it met.
struct CdnPopulationRun {
    int population = -1;
    int distribution = -1;
    int edge = -1; // the nearest edge location, index in the distribution
    std::int64_t cacheable = 0, hits = 0;
    std::int64_t misses_primary = 0, misses_secondary = 0, failovers = 0;
    std::int64_t writes_ok = 0, reads_failed = 0, writes_failed = 0;
    std::int64_t causes[kCdnCauses] = {};
    Ms hit_latency_ms = 0;                 // client -> edge -> client
    Ms miss_latency_ms = 0;                // a miss the primary serves, with nothing failing
    std::optional<Ms> slowest_failover_ms; // the slowest miss served after failing over
    CdnSteps steps;
};

// An edge's origin state from t on: who answers its misses, and since when its cache has been
// ageing because no origin can fill it (-1: it is being filled).
struct CdnEdgeRecord {
    Ms t_ms = 0;
    int distribution = -1;
    int edge = -1;
    CdnOrigin answering = CdnOrigin::primary;
    Ms ageing_since_ms = -1;
};

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
    std::vector<AnswerRecord> answers;    // in time order
    std::vector<CacheRecord> caches;      // in time order
    std::vector<CdnPopulationRun> cdn;    // populations entering through a distribution
    std::vector<CdnEdgeRecord> cdn_edges; // in time order
};

} // namespace model
