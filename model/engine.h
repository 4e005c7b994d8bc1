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
// Who owns what. Each part owns its state and is the only one to change it; the others read it
// through const references, in this order (each reads only those above it):
//
//   Kernel   (engine_kernel.h)   the scenario's resolved indices (Topology), the agenda, the
//                                random stream, the run being recorded, and two flags saying the
//                                request flows are stale (clients moved; tiers changed too)
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
//   Flows    (engine_flows.h)    request rates and their counts per step; tier load; served
//                                writes handed to Data
//
// Pending events are typed (engine_events.h). The Engine takes each from the agenda, lets the
// replicas catch up to that instant, and hands it to the part that owns what it changes. Where
// one part's change must reach another, the Engine passes it on: a verdict a part reports to
// it reaches the DNS answers, a scripted fault reaches Faults, Data or Routing, and after any
// change to the world it asks every part, in a fixed order, to take the new state in.

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

#include <cstdint>

namespace model::engine {

class Engine {
public:
    Engine(const Scenario &scenario, std::uint64_t seed, Ms until);
    Run run();

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

    Kernel k_;
    Faults faults_;
    Data data_;
    Tiers tiers_;
    Health health_;
    Routing routing_;
    Flows flows_;
};

} // namespace model::engine
