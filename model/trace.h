#pragma once
// What a run records: typed events, sampled series and the milestones of recovery. English
// comes later, from the sentence table (sentences.h); nothing here is text for people.

#include "sim_time.h"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace model {

// The closed list of event kinds; model/REPORT_FORMAT.md documents each one's data fields.
// trace.cpp names them in this order.
enum class EventKind {
    fault_started,
    fault_ended,
    health_check_failed,
    health_check_recovered,
    endpoint_unhealthy,
    endpoint_healthy,
    load_balancer_health_changed,
    target_health_changed,
    dns_answer_changed,
    dns_change_requested,
    dns_change_applied,
    dns_change_failed,
    clients_moved,
    accelerator_rerouted,
    capacity_scaling_started,
    capacity_ready,
    writer_unavailable,
    writer_restored,
    az_failover_finished,
    promotion_started,
    promotion_finished,
    db_endpoint_changed,
    writer_endpoint_refreshed,
    writes_lost,
    split_brain_write,
    writes_rejected_by_fencing,
    conflict,
    replication_stopped,
    replication_resumed,
    sync_degraded,
    switchover_started,
    switchover_finished,
    service_degraded,
    service_restored,
    run_ended,
    // A distribution's edges and origin group (listed after run_ended so that the numbers of
    // the kinds above, which fingerprints hash, stay as they were).
    cdn_failover_started,
    cdn_failover_ended,
    cdn_origins_down,
    cdn_cache_expired,
    cdn_origins_back,
};

const char *to_string(EventKind kind);
const std::vector<EventKind> &all_event_kinds();

using Value = std::variant<std::int64_t, std::string>;

struct Event {
    Ms t_ms = 0;
    std::int64_t seq = 0;
    EventKind kind = EventKind::fault_started;
    std::string subject;
    std::vector<std::pair<std::string, Value>> data;

    const Value *find(const std::string &key) const;
    std::int64_t number(const std::string &key, std::int64_t fallback = 0) const;
    std::string text(const std::string &key) const;
};

// The chains a recovery waits on; their stages make up the RTO breakdown.
enum class Stage { detection, propagation, client_cache, promotion, warmup };
enum class Chain { route, writer, capacity };

struct Milestone {
    Ms t_ms = 0;
    Chain chain = Chain::route;
    Stage stage = Stage::detection;
    int population = -1; // route chain: the population it concerns, -1 for all
};

} // namespace model
