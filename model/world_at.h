#pragma once
// Design note: the world at a playhead.
//
// world_at() is the one typed view-model between a finished run and every view that draws it:
// a pure function of (scenario, report, time), so jumping, scrubbing or playing at 100x shows
// exactly what was true at the playhead. Views map these values to items; they never parse a
// sentence, walk DNS records, pair events or compare a status string. The model owns every rule
// here (which routes an answer lights, when replication counts as broken or behind, when a fault
// is in force); the views own only how each value looks.

#include "report.h"
#include "scenario.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace model {

struct Flow {
    int population = -1;
    int tier = -1; // -1: no DNS answer
    double requests_per_s = 0;
    double failed_share = 0; // of those requests
};

struct TierShare {
    int tier = -1; // app tier index
    double share = 0;
};

// What a population's entry (DNS name or accelerator) answers it now. A population that enters
// through a distribution has no answer of tiers: its requests are in WorldAt::cdn_flows.
struct AnswerAt {
    std::string entry;
    bool via_accelerator = false;
    int distribution = -1;        // the distribution it enters through, -1 none
    std::vector<TierShare> tiers; // empty: no answer
    bool answered() const { return !tiers.empty() || distribution >= 0; }
};

// A distribution's edge location now: who answers its misses, and how much of its cache is
// still fresh (it ages while no origin can fill it).
struct CdnEdgeAt {
    int distribution = -1;
    int edge = -1; // index in the distribution's edges
    CdnOrigin answering = CdnOrigin::primary;
    double cache_fresh = 1;          // share of its cached objects within their TTL
    std::optional<Ms> expires_in_ms; // while ageing: until the last cached object runs out
};

// The requests of a population that enters through a distribution, at the playhead's step.
struct CdnFlowAt {
    int population = -1;
    int distribution = -1;
    int edge = -1;
    double hits_per_s = 0;
    double primary_per_s = 0;   // misses the primary served
    double secondary_per_s = 0; // misses the secondary served after failing over
    double failovers_per_s = 0; // misses that failed over, served or not
    double failed_per_s = 0;    // reads and writes
};

// One step of a record tree that an answer in force goes through: a DNS name (or accelerator)
// to a record's target (an app tier or another DNS name); a DNS name to the distribution it
// aliases; a distribution to the origin answering its misses (an app tier or a bucket).
struct RouteAt {
    std::string from, to;
    bool operator<(const RouteAt &o) const {
        return from < o.from || (from == o.from && to < o.to);
    }
    bool operator==(const RouteAt &o) const { return from == o.from && to == o.to; }
};

// A population's DNS caches: the share of its clients still on an older answer, and how long
// until the last of them re-resolves.
struct CacheAt {
    double stale_share = 0;
    std::optional<Ms> expires_in_ms;
};

enum class DbRole { none, writer, replica, promoting, old_writer };

struct DbRegionAt {
    std::string region;
    DbRole role = DbRole::none;
    std::optional<Ms> lag_ms;        // replicas: the replication lag now
    bool replication_broken = false; // its copy receives nothing now
    bool behind = false;             // lagging more than the scenario's p99 for it
};

struct DatabaseAt {
    std::string id;
    std::string writer_region; // who takes writes now
    bool promoting = false;
    bool writer_unavailable = false;
    std::vector<DbRegionAt> regions; // every region the database has an instance in
};

// A scripted fault's span on the timeline, and whether it is in force at the playhead.
struct FaultSpan {
    int fault = -1; // index in the scenario
    FaultKind kind = FaultKind::region_outage;
    Ms from_ms = 0;
    Ms to_ms = 0;      // its end, or the end of the run; an operator action is an instant
    bool ends = false; // it has an end of its own within the run
    bool in_force = false;
    std::vector<std::string> subjects; // the components it acts on
};

struct WorldAt {
    Ms t_ms = 0;
    int step = 0;
    std::vector<bool> region_down;                // by scenario region index
    std::vector<std::vector<bool>> az_down;       // [region][az]
    std::vector<bool> cut_off;                    // by region: a partition in force cuts it off
    std::map<std::string, bool> endpoint_healthy; // health check / accelerator monitor
    std::map<std::string, int> checkers_failing;  // health check -> failing checkers
    std::vector<double> population_success;       // by population; 1 when idle
    std::vector<AnswerAt> answers;                // by population
    std::vector<CacheAt> caches;                  // by population
    std::vector<RouteAt> routes;                  // lit by some answer in force, sorted
    std::vector<Flow> flows;
    std::vector<CdnEdgeAt> cdn_edges;  // the edges that serve some population
    std::vector<CdnFlowAt> cdn_flows;  // one per population entering through a distribution
    std::vector<DatabaseAt> databases; // in scenario order
    std::vector<FaultSpan> faults;     // in scenario order (operator actions included)
    std::int64_t lost_writes = 0;
    std::int64_t conflicts = 0;
    std::vector<const Event *> recent; // events in the last `recent_ms` before t
    bool ended = false;
};

WorldAt world_at(const Scenario &scenario, const Report &report, Ms t, Ms recent_ms = 5000);

// The spans of the scenario's faults over a run ending at end_ms (in_force left false).
std::vector<FaultSpan> fault_spans(const Scenario &scenario, Ms end_ms);

// Index of the first event after t, or of the last at/before t: for "next/previous event".
std::optional<Ms> next_event_time(const Report &report, Ms t);
std::optional<Ms> previous_event_time(const Report &report, Ms t);

} // namespace model
