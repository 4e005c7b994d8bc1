#pragma once
// The app tiers: what each can do now. Its capacity after AZ and region outages and any warm
// standby's scaling; whether its data stores and databases can be reached, and at what added
// latency, for reads and for writes; and the brownouts on it and on what it depends on. How
// much load it is under is the request flows' business (engine_flows.h).

#include "engine_data.h"
#include "engine_events.h"
#include "engine_faults.h"
#include "engine_kernel.h"

#include <vector>

namespace model::engine {

// What one app tier can do now.
struct TierStatus {
    bool region_up = true;
    double capacity = 0; // requests per second it can serve now
    // per op (0 read, 1 write): deterministic failure reason (-1 none) and added latency
    int dep_fail[2] = {-1, -1};
    Ms dep_latency[2] = {0, 0};
    double brown = 0; // the share of requests a brownout fails
    Ms brown_latency = 0;
};

// Every app tier's status and scaling; the only part that changes them.
class Tiers {
public:
    Tiers(Kernel &kernel, const Faults &faults, const Data &data);

    // Works every tier's status out afresh for the world at t.
    void refresh(Ms t);
    const TierStatus &status(int tier) const { return status_[static_cast<std::size_t>(tier)]; }
    // Running at all: its region and an AZ up, and hot, scaled up or warm with some capacity.
    bool serving(int tier) const;

    // A warm standby asked for more than it can serve starts scaling up (once).
    void scale_for(Ms t, int tier, double demand);
    void handle(Ms t, const ev::ScaleReady &e);

private:
    void compute(Ms t, int tier, TierStatus &st) const;

    Kernel &k_;
    const Scenario &s_;
    const Topology &topo_;
    const Faults &faults_;
    const Data &data_;
    std::vector<TierStatus> status_;
    std::vector<bool> scaling_, scaled_;
};

} // namespace model::engine
