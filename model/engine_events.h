#pragma once
// The engine's pending events: one small struct per kind, each field named for what it means.
// An event that carries a `gen` was scheduled for one generation of the state it acts on (a
// checker's regime, a monitor's verdict, a database's writer); if that state has moved on since,
// the event has been superseded and does nothing.

#include <cstdint>
#include <variant>

namespace model::engine {
namespace ev {

// A scripted fault or operator action starts or ends (index into Scenario::faults).
struct FaultStart {
    static constexpr const char *name = "fault_start";
    int fault = 0;
};
struct FaultEnd {
    static constexpr const char *name = "fault_end";
    int fault = 0;
};

// A checker whose probes all pass, or all fail, has seen enough of them to change its mind.
struct CheckerFlip {
    static constexpr const char *name = "checker_flip";
    int monitor = 0, checker = 0;
    std::uint32_t gen = 0;
};

// One probe of a checker whose probes fail at random (a partial brownout).
struct Probe {
    static constexpr const char *name = "probe";
    int monitor = 0, checker = 0;
    std::uint32_t gen = 0;
};

// A Route 53 health check's verdict reaches the DNS answers.
struct VerdictEffective {
    static constexpr const char *name = "verdict_effective";
    int monitor = 0;
    bool healthy = true;
    std::uint32_t gen = 0;
};

// A load balancer's own target health check changes its mind about its tier.
struct LbVerdict {
    static constexpr const char *name = "lb_verdict";
    int tier = 0;
    bool healthy = true;
    int checks = 0; // consecutive checks it took
    std::uint32_t gen = 0;
};

// Route 53 takes up a tier's health for Evaluate Target Health.
enum class EthSource : std::uint8_t {
    region_lost,   // the region went whole, load balancer and all: detection
    load_balancer, // it read the load balancer's verdict: propagation
};
struct EthUpdate {
    static constexpr const char *name = "eth_update";
    int tier = 0;
    bool healthy = true;
    EthSource source = EthSource::load_balancer;
    std::uint32_t gen = 0;
};

// A client cohort's cached answer runs out and it resolves again.
struct CohortRefresh {
    static constexpr const char *name = "cohort_refresh";
    int population = 0, cohort = 0;
};

// A warm standby tier has scaled up to its full capacity.
struct ScaleReady {
    static constexpr const char *name = "scale_ready";
    int tier = 0;
};

// A promotion decision falls due (automated detection or an operator).
struct DbAct {
    static constexpr const char *name = "db_act";
    int db = 0;
    std::uint32_t gen = 0;
};

// A promoted instance has become the writer.
struct PromotionDone {
    static constexpr const char *name = "promotion_done";
    int db = 0, instance = 0;
};

// The writer endpoint record is changed to name an instance.
struct EndpointChange {
    static constexpr const char *name = "endpoint_change";
    int db = 0, instance = 0;
};

// An app tier re-resolves the database's writer endpoint.
struct TierRefresh {
    static constexpr const char *name = "tier_refresh";
    int db = 0, tier = 0;
};

// A Multi-AZ writer's in-region failover is done.
struct AzFailoverDone {
    static constexpr const char *name = "az_failover_done";
    int db = 0;
    std::uint32_t gen = 0;
};

// An operator's DNS edit: submitted to the control plane, then applied everywhere.
enum class EditStage : std::uint8_t { submit, apply };
struct DnsEdit {
    static constexpr const char *name = "dns_edit";
    int fault = 0;
    EditStage stage = EditStage::submit;
};

// A planned switchover has moved the writer with nothing lost.
struct SwitchoverDone {
    static constexpr const char *name = "switchover_done";
    int db = 0, instance = 0;
};

// A synchronous replica's timeout runs out: the flows change though nothing else did.
struct Recheck {
    static constexpr const char *name = "recheck";
    int db = 0, instance = 0;
};

// An edge's cached objects have all run out while no origin could fill its cache.
struct CdnCacheExpiry {
    static constexpr const char *name = "cdn_cache_expiry";
    int distribution = 0, edge = 0;
    std::uint32_t gen = 0;
};

} // namespace ev

using Pending =
    std::variant<ev::FaultStart, ev::FaultEnd, ev::CheckerFlip, ev::Probe, ev::VerdictEffective,
                 ev::LbVerdict, ev::EthUpdate, ev::CohortRefresh, ev::ScaleReady, ev::DbAct,
                 ev::PromotionDone, ev::EndpointChange, ev::TierRefresh, ev::AzFailoverDone,
                 ev::DnsEdit, ev::SwitchoverDone, ev::Recheck, ev::CdnCacheExpiry>;

// The event's kind as the internal errors name it ("eth_update").
inline const char *kind_name(const Pending &event) {
    return std::visit([](const auto &e) { return e.name; }, event);
}

} // namespace model::engine
