#pragma once
// Request traffic: what each population's requests meet at the tier their answer names, as
// rates per (population, tier slot, read or write, outcome) cell. The rates change only when
// the engine says the flows are stale; between events they are integrated, and each sample
// step counts them in whole numbers with a carried remainder. Served writes go to the data
// layer span by span.

#include "engine_data.h"
#include "engine_faults.h"
#include "engine_kernel.h"
#include "engine_routing.h"
#include "engine_tiers.h"

#include <cstdint>
#include <tuple>
#include <vector>

namespace model::engine {

// The load on a tier: what its clients' attempts ask of it (retries included), the share it
// sheds for want of capacity, and the queueing it adds.
struct TierLoad {
    double demand = 0;
    double shed = 0;
    Ms queue_ms = 0;
};

// The request rates per cell and their counts per step.
class Flows {
public:
    Flows(Kernel &kernel, const Faults &faults, Tiers &tiers, const Routing &routing, Data &data);

    // Adds the requests of [from, to) at the current rates, worked out afresh first if stale.
    void integrate(Ms from, Ms to);
    // Counts a sample step in whole numbers: outcomes, tiers, regions, latency percentiles.
    void finish_step(int step);
    // Served writes per population and tier in the step just counted.
    const std::vector<std::vector<std::int64_t>> &step_writes() const { return pop_tier_writes_; }
    // Adds served writes not yet in the write-latency histograms.
    void flush_write_latencies();

private:
    void compute(Ms t);
    void settle_load(int tier);
    void record_segment_writes(Ms from, Ms to);

    Kernel &k_;
    const Scenario &s_;
    const Topology &topo_;
    const Faults &faults_;
    Tiers &tiers_;
    const Routing &routing_;
    Data &data_;
    std::vector<TierLoad> loads_;

    // cells: index ((p * slots + slot) * 2 + op) * kOutcomes + outcome
    static constexpr int kOutcomes = 1 + kFailReasons;
    int slots_ = 0;
    std::vector<double> rate_, acc_, cum_;
    std::vector<std::int32_t> latency_;
    std::vector<int> active_;
    std::vector<std::uint8_t> is_active_;
    // Served requests this step per cell, and served writes not yet added to the latency
    // histogram (flushed whenever latencies change, and at the end).
    std::vector<std::int64_t> served_, writes_pending_;
    // Per cell: served requests already handed to the data layer (whole numbers, cumulative).
    std::vector<std::int64_t> written_;
    std::vector<std::int64_t> segment_writes_; // per tier, in the current segment
    std::vector<double> segment_exact_;        // ... unrounded
    std::vector<char> segment_writing_;        // per tier: served writes flowed in the segment
    // Per population: (latency, cell, jitter index) in latency order, rebuilt with the flows.
    std::vector<std::vector<std::tuple<std::int32_t, int, int>>> latency_order_;
    std::vector<std::vector<std::int64_t>> pop_tier_writes_;
};

} // namespace model::engine
