#pragma once
// Health checking: Route 53 health checks and accelerator endpoint checks as fleets of checkers
// with consecutive-failure counts and the 18 % aggregation rule; and each tier's load balancer
// health as Evaluate Target Health reads it. It decides verdicts; the engine passes them on to
// the DNS answers and accelerator routes (engine_routing.h), which read them from here.

#include "engine_events.h"
#include "engine_faults.h"
#include "engine_kernel.h"
#include "engine_tiers.h"

#include <cstdint>
#include <string>
#include <vector>

namespace model::engine {

// How a checker's probes go: all pass, all fail, or fail at random (a partial brownout).
enum class Regime : std::uint8_t { pass, fail, random };

// One checker location probing at its own phase.
struct Checker {
    std::string location;
    Ms phase = 0;
    bool healthy = true;
    int contrary = 0;
    Regime regime = Regime::pass;
    double fail_share = 0;
    std::uint32_t gen = 0;
};

// A set of checkers probing one app tier: a Route 53 health check or an accelerator's.
struct Monitor {
    std::string id;
    int tier = -1;
    Ms interval = 30000;
    int threshold = 3;
    bool deep = false;
    int accelerator = -1; // -1: a Route 53 health check
    std::vector<Checker> checkers;
    bool healthy = true;   // the checkers' aggregate verdict
    bool effective = true; // what DNS answers use (after the verdict delay)
    std::uint32_t effective_gen = 0;
    int failing = 0; // checkers currently saying unhealthy
};

// What a checker event did to its monitor's verdict.
enum class VerdictMove : std::uint8_t {
    superseded, // the event was stale and did nothing
    none,       // the verdict stands
    scheduled,  // a Route 53 verdict changed; DNS takes it up later (VerdictEffective)
    in_force,   // an accelerator's verdict changed; its routing follows at once
};

// Every monitor and every load balancer's target health; the only part that changes them.
class Health {
public:
    Health(Kernel &kernel, const Faults &faults, const Tiers &tiers);

    // After the world changed: checkers whose probes now go differently change course, ...
    void refresh_probes(Ms t);
    // ... and each load balancer's target health heads for its tier's new state.
    void refresh_target_health(Ms t);

    VerdictMove handle(Ms t, const ev::CheckerFlip &e);
    VerdictMove handle(Ms t, const ev::Probe &e);
    // Schedules a random-regime checker's next probe.
    void probe_again(Ms t, const ev::Probe &e);
    void handle(Ms t, const ev::LbVerdict &e);
    // True when the DNS answers must follow the verdict now taken up.
    bool handle(const ev::VerdictEffective &e);
    bool handle(Ms t, const ev::EthUpdate &e);

    // What DNS and the accelerators see.
    bool check_effective(std::size_t health_check) const {
        return monitors_[static_cast<std::size_t>(check_monitor_[health_check])].effective;
    }
    bool endpoint_effective(int accelerator, int tier) const {
        return monitors_[static_cast<std::size_t>(accel_monitor_[static_cast<std::size_t>(
                             accelerator)][static_cast<std::size_t>(tier)])]
            .effective;
    }
    bool target_healthy(int tier) const { return eth_healthy_[static_cast<std::size_t>(tier)]; }

private:
    void build();
    VerdictMove checker_changed(Ms t, int m);
    Regime probe_regime(const Monitor &mon, const Checker &chk, double &fail_share) const;

    Kernel &k_;
    const Scenario &s_;
    const Topology &topo_;
    const Faults &faults_;
    const Tiers &tiers_;
    std::vector<Monitor> monitors_;
    std::vector<int> check_monitor_;              // health check -> monitor
    std::vector<std::vector<int>> accel_monitor_; // accelerator -> endpoint tier -> monitor
    std::vector<bool> eth_watched_;               // per tier: an alias with ETH points at it
    std::vector<bool> eth_healthy_;               // per tier, as DNS sees it
    std::vector<bool> eth_target_;                // per tier, what it is heading to
    std::vector<std::uint32_t> eth_gen_;
};

} // namespace model::engine
