#pragma once
// The state of the world at one moment of a finished run, for the views: a pure function of
// (scenario, report, time). Jumping, scrubbing or playing at 100x shows exactly what was true
// at the playhead, never something left over from an earlier frame.

#include "report.h"
#include "scenario.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace model {

struct Flow {
    int population = -1;
    int tier = -1;           // -1: no DNS answer
    double requests_per_s = 0;
    double failed_share = 0; // of those requests
};

struct DatabaseAt {
    std::string id;
    std::string writer_region;          // who takes writes now
    std::vector<std::string> old_writers; // replaced writers (split-brain candidates)
    bool promoting = false;
    std::string promoting_region;
    bool writer_unavailable = false;
    std::map<std::string, Ms> lag_ms; // replica region -> replication lag now
};

struct WorldAt {
    Ms t_ms = 0;
    int step = 0;
    std::vector<bool> region_down;         // by scenario region index
    std::vector<std::vector<bool>> az_down; // [region][az]
    std::vector<std::vector<std::string>> partitions; // cut-off region sets in force
    std::map<std::string, bool> endpoint_healthy;     // health check / accelerator monitor
    std::map<std::string, int> checkers_failing;      // health check -> failing checkers
    std::vector<double> population_success;           // by population; 1 when idle
    std::vector<std::string> population_target;       // by population: last DNS answer
    std::vector<Flow> flows;
    std::vector<DatabaseAt> databases;
    std::int64_t lost_writes = 0;
    std::int64_t conflicts = 0;
    std::vector<const Event *> recent; // events in the last `recent_ms` before t
    bool ended = false;
};

WorldAt world_at(const Scenario &scenario, const Report &report, Ms t, Ms recent_ms = 5000);

// Index of the first event after t, or of the last at/before t: for "next/previous event".
std::optional<Ms> next_event_time(const Report &report, Ms t);
std::optional<Ms> previous_event_time(const Report &report, Ms t);

} // namespace model
