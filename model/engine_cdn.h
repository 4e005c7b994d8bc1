#pragma once
// Requests through a CloudFront-like distribution (FACTS.md section 5). A population that
// enters through a distribution is served by its nearest edge: a cacheable read the edge holds
// is a hit; anything else is a miss that goes to the origin group's primary, every time. A read
// miss fails over to the secondary when the primary cannot be connected to (after connection
// attempts x connection timeout), does not answer within the origin response timeout, or
// answers one of the chosen status codes; a write never fails over. While no origin can serve
// an edge's misses, its cached objects run out over the cache TTL (fetched at evenly spread
// moments, they expire evenly), and after it there are no hits.
//
// Like the request flows (engine_flows.h), it works with rates per (population, read or write,
// who answered, outcome) cell between events and counts them per sample step with a carried
// remainder. A hit rate falls linearly while a cache ages; it is integrated exactly.

#include "engine_data.h"
#include "engine_events.h"
#include "engine_faults.h"
#include "engine_kernel.h"
#include "engine_tiers.h"

#include <cstdint>
#include <tuple>
#include <vector>

namespace model::engine {

// The distributions' edges and origin groups, and the requests of the populations they serve.
class Cdn {
public:
    Cdn(Kernel &kernel, const Faults &faults, const Tiers &tiers, Data &data);

    // Takes in the world at t (the tiers' statuses fresh): who answers each edge's misses, the
    // events and cache expiries that follow, and the request rates. Calling it again with
    // nothing changed changes nothing. The engine calls it before it cuts the next span, so an
    // expiry it schedules bounds that span.
    void refresh(Ms t);
    // Adds the requests of [from, to) at the rates of the last refresh.
    void integrate(Ms from, Ms to);
    void finish_step(int step);
    // Adds the writes its populations' requests made on app tiers in the step just counted.
    void add_step_writes(std::vector<std::vector<std::int64_t>> &pop_tier_writes) const;
    void handle(Ms t, const ev::CdnCacheExpiry &e);
    bool any() const { return !pops_.empty(); }

private:
    // What one attempt at an origin meets: the share that is served, how long that takes from
    // the edge, and what happens to the rest.
    enum class Miss : std::uint8_t { none, connect, timeout, status };
    struct Attempt {
        double ok = 0;
        Ms latency_ms = 0; // edge -> origin -> edge, for a served request
        Miss fail = Miss::none;
        int status = 0;
        Ms fail_after_ms = 0; // until the edge knows the attempt failed
    };
    struct Edge {
        int distribution = 0, edge = 0;
        bool serves = false;   // some population uses it
        bool recorded = false; // its first state is in the run
        CdnOrigin answering = CdnOrigin::primary;
        Ms ageing_since = -1;
        bool expired = false;
        std::uint32_t gen = 0;
    };
    struct Pop {
        int population = 0, distribution = 0, edge = 0, edge_slot = 0;
        Ms to_edge_ms = 0; // client <-> edge round trip plus the edge's own time
    };

    void origins_changed(Ms t, Edge &edge, const Attempt &primary, const Attempt &secondary);
    Attempt attempt(int distribution, int edge, const std::string &origin, int op) const;
    double fresh_integral(const Edge &edge, Ms from, Ms to) const;
    std::size_t cell(std::size_t pop, int op, int by, int outcome) const;
    void record_writes(Ms from, Ms to);

    Kernel &k_;
    const Scenario &s_;
    const Topology &topo_;
    const Faults &faults_;
    const Tiers &tiers_;
    Data &data_;
    std::vector<Pop> pops_;
    std::vector<Edge> edges_;
    std::vector<int> first_edge_; // per distribution: its first slot in edges_

    // cells per population: op (read, write) x answered by (edge, primary, secondary) x outcome
    // (served, then one per CdnCause); plus one for the cacheable reads.
    static constexpr int kOutcomes = 1 + kCdnCauses;
    static constexpr int kCells = 2 * 3 * kOutcomes + 1;
    std::vector<double> rate_fixed_, rate_fresh_, acc_, cum_;
    std::vector<std::int32_t> latency_;
    std::vector<std::int64_t> served_, written_;
    std::vector<std::vector<std::tuple<std::int32_t, int, int>>> latency_order_;
    std::vector<std::vector<std::int64_t>> step_writes_; // [population][tier]
};

} // namespace model::engine
