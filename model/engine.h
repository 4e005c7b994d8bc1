#pragma once
// Design note: the simulation engine.
//
// A run is a discrete-event simulation in whole milliseconds. State (regions, partitions, health
// verdicts, DNS answers, which region each client cohort is using, who the database writer is)
// changes only at events taken from one queue in (time, insertion) order. Between events the
// state is constant, so request traffic is not simulated request by request: for every span
// between two events (cut at sample-step boundaries) the engine integrates request *rates*
// per population, target and outcome, and turns them into whole numbers per step with a
// carried remainder. A cache refresh that returns the same answer is not an event; each
// cohort's move time is computed once per answer change. Write sequence numbers are handed
// out as ranges per step. The same scenario and seed therefore cost the same few thousand
// events whatever the request rate, and give the same trace on every machine.
//
// Who owns what. Each part below owns its state and alone changes it. A part reads only the
// parts listed above it, through const references; the exceptions are Flows and Cdn, which hand
// served writes to Data and asks Tiers to scale a warm standby, through their own methods.
//
//   Kernel   (engine_kernel.h)   the scenario's resolved indices (Topology), the agenda, the
//                                random stream, the run being recorded, and the two flags any
//                                part raises when the request flows are stale (clients moved;
//                                what a tier can do changed)
//   Faults   (engine_faults.h)   what the faults are doing to the world: outages, partitions,
//                                brownouts, impaired checkers and DNS control plane
//   Data     (engine_data.h)     databases: writers, replicas, promotion, the writer endpoint,
//                                replication lag, and the accounting of every acknowledged write
//   Tiers    (engine_tiers.h)    what each app tier can do: capacity, dependencies, brownouts,
//                                a warm standby's scaling
//   Health   (engine_health.h)   health checks and their verdicts; load balancer health for
//                                Evaluate Target Health
//   Routing  (engine_routing.h)  live DNS records, answers and accelerator routes, and the
//                                client cohorts that follow them
//   Flows    (engine_flows.h)    request rates and their whole-number counts per step, and the
//                                load on each tier
//   Cdn      (engine_cdn.h)      the distributions: edge caches, origin failover, and the
//                                requests of the populations that enter through one
//
// Pending events are typed (engine_events.h). The Engine takes each from the agenda, lets the
// replicas catch up to that instant, and hands it to the part that owns what it changes. Where
// a change must cross from one part to another, the Engine carries it: a verdict Health
// reports reaches Routing's answers, a scripted fault reaches Faults, Data or Routing, and
// after any change to the world every part takes the new state in, in a fixed order
// (state_changed). Which part runs first at one instant decides the order of same-time
// events, so these orders are part of the trace.

#include "engine_cdn.h"
#include "engine_data.h"
#include "engine_events.h"
#include "engine_faults.h"
#include "engine_flows.h"
#include "engine_health.h"
#include "engine_kernel.h"
#include "engine_routing.h"
#include "engine_tiers.h"
#include "run.h"
#include "scenario.h"
#include "simulation.h"

#include <atomic>

#include <cstdint>

namespace model::engine {

// One run of one scenario: composes the parts, runs the agenda, returns the recorded run.
class Engine {
public:
    Engine(const Scenario &scenario, std::uint64_t seed, Ms until);
    // Runs to the end; throws RunStopped at the first step after *stop is set (if given).
    Run run(const std::atomic<bool> *stop = nullptr);

private:
    void dispatch(Ms t, const Pending &event);
    // After a change to the world, every part takes the new state in.
    void state_changed(Ms t);
    void answers_follow(Ms t, VerdictMove move);

    // The scenario's script: faults and operator actions.
    void handle(Ms t, const ev::FaultStart &e);
    void handle(Ms t, const ev::FaultEnd &e);
    void handle(Ms t, const ev::DnsEdit &e);

    void handle(Ms t, const ev::CheckerFlip &e);
    void handle(Ms t, const ev::Probe &e);
    void handle(Ms t, const ev::VerdictEffective &e);
    void handle(Ms t, const ev::LbVerdict &e) { health_.handle(t, e); }
    void handle(Ms t, const ev::EthUpdate &e);
    void handle(Ms t, const ev::CohortRefresh &e) { routing_.handle(t, e); }
    void handle(Ms t, const ev::ScaleReady &e) { tiers_.handle(t, e); }
    void handle(Ms t, const ev::DbAct &e) { data_.handle(t, e); }
    void handle(Ms t, const ev::PromotionDone &e) { data_.handle(t, e); }
    void handle(Ms t, const ev::EndpointChange &e) { data_.handle(t, e); }
    void handle(Ms t, const ev::TierRefresh &e) { data_.handle(t, e); }
    void handle(Ms t, const ev::AzFailoverDone &e) { data_.handle(t, e); }
    void handle(Ms t, const ev::SwitchoverDone &e) { data_.handle(t, e); }
    void handle(Ms t, const ev::Recheck &e) { data_.handle(t, e); }
    void handle(Ms t, const ev::CdnCacheExpiry &e) { cdn_.handle(t, e); }

    Kernel k_;
    Faults faults_;
    Data data_;
    Tiers tiers_;
    Health health_;
    Routing routing_;
    Flows flows_;
    Cdn cdn_;
};

} // namespace model::engine
