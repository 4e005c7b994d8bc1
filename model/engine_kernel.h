#pragma once
// What every part of the engine shares: the scenario and its resolved indices, the agenda of
// pending events, the run's random stream, the run being recorded, and whether the request
// flows must be worked out again.

#include "engine_events.h"
#include "engine_topology.h"
#include "event_queue.h"
#include "random.h"
#include "run.h"
#include "scenario.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace model::engine {

// The spread of latencies within one flow of requests: share (per cent) and latency factor (per
// cent) of its four parts.
inline constexpr int kJitterShare[] = {50, 40, 9, 1};
inline constexpr int kJitterFactor[] = {100, 115, 140, 200};

// The state every part shares; the run is recorded here.
class Kernel {
public:
    Kernel(const Scenario &scenario, std::uint64_t seed, Ms until);

    const Scenario &scenario;
    const Topology topology;
    const Ms end;
    Random rng;
    Agenda<Pending> agenda;
    Run out;

    void schedule(Ms t, Pending event) { agenda.schedule(t, event); }
    void emit(Ms t, EventKind kind, std::string subject,
              std::vector<std::pair<std::string, Value>> data = {});
    void milestone(Ms t, Chain chain, Stage stage, int population = -1);

    // The flows must be recomputed: clients moved (`routes`), or something changed what the
    // tiers can do (`statuses` too).
    void clients_moved() { routes_stale = true; }
    void invalidate() { routes_stale = statuses_stale = true; }
    bool routes_stale = true;
    bool statuses_stale = true;

private:
    std::int64_t seq_ = 0;
};

} // namespace model::engine
