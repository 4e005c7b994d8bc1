#include "trace.h"

namespace model {
namespace {

struct KindName {
    EventKind kind;
    const char *name;
};

constexpr KindName kKinds[] = {
    {EventKind::fault_started, "fault_started"},
    {EventKind::fault_ended, "fault_ended"},
    {EventKind::health_check_failed, "health_check_failed"},
    {EventKind::health_check_recovered, "health_check_recovered"},
    {EventKind::endpoint_unhealthy, "endpoint_unhealthy"},
    {EventKind::endpoint_healthy, "endpoint_healthy"},
    {EventKind::load_balancer_health_changed, "load_balancer_health_changed"},
    {EventKind::target_health_changed, "target_health_changed"},
    {EventKind::dns_answer_changed, "dns_answer_changed"},
    {EventKind::dns_change_requested, "dns_change_requested"},
    {EventKind::dns_change_applied, "dns_change_applied"},
    {EventKind::dns_change_failed, "dns_change_failed"},
    {EventKind::clients_moved, "clients_moved"},
    {EventKind::accelerator_rerouted, "accelerator_rerouted"},
    {EventKind::capacity_scaling_started, "capacity_scaling_started"},
    {EventKind::capacity_ready, "capacity_ready"},
    {EventKind::writer_unavailable, "writer_unavailable"},
    {EventKind::writer_restored, "writer_restored"},
    {EventKind::az_failover_finished, "az_failover_finished"},
    {EventKind::promotion_started, "promotion_started"},
    {EventKind::promotion_finished, "promotion_finished"},
    {EventKind::db_endpoint_changed, "db_endpoint_changed"},
    {EventKind::writer_endpoint_refreshed, "writer_endpoint_refreshed"},
    {EventKind::writes_lost, "writes_lost"},
    {EventKind::split_brain_write, "split_brain_write"},
    {EventKind::writes_rejected_by_fencing, "writes_rejected_by_fencing"},
    {EventKind::conflict, "conflict"},
    {EventKind::replication_stopped, "replication_stopped"},
    {EventKind::replication_resumed, "replication_resumed"},
    {EventKind::sync_degraded, "sync_degraded"},
    {EventKind::switchover_started, "switchover_started"},
    {EventKind::switchover_finished, "switchover_finished"},
    {EventKind::service_degraded, "service_degraded"},
    {EventKind::service_restored, "service_restored"},
    {EventKind::run_ended, "run_ended"},
};

} // namespace

const char *to_string(EventKind kind) {
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return k.name;
    return "?";
}

const std::vector<EventKind> &all_event_kinds() {
    static const std::vector<EventKind> kinds = [] {
        std::vector<EventKind> v;
        for (const auto &k : kKinds)
            v.push_back(k.kind);
        return v;
    }();
    return kinds;
}

const Value *Event::find(const std::string &key) const {
    for (const auto &[k, v] : data)
        if (k == key)
            return &v;
    return nullptr;
}

std::int64_t Event::number(const std::string &key, std::int64_t fallback) const {
    const Value *v = find(key);
    if (v && std::holds_alternative<std::int64_t>(*v))
        return std::get<std::int64_t>(*v);
    return fallback;
}

std::string Event::text(const std::string &key) const {
    const Value *v = find(key);
    if (!v)
        return {};
    if (std::holds_alternative<std::string>(*v))
        return std::get<std::string>(*v);
    return std::to_string(std::get<std::int64_t>(*v));
}

} // namespace model
