#include "trace.h"

#include <iterator>

namespace model {
namespace {

// The kinds' names, in the order of EventKind.
constexpr const char *kKindNames[] = {"fault_started",
                                      "fault_ended",
                                      "health_check_failed",
                                      "health_check_recovered",
                                      "endpoint_unhealthy",
                                      "endpoint_healthy",
                                      "load_balancer_health_changed",
                                      "target_health_changed",
                                      "dns_answer_changed",
                                      "dns_change_requested",
                                      "dns_change_applied",
                                      "dns_change_failed",
                                      "clients_moved",
                                      "accelerator_rerouted",
                                      "capacity_scaling_started",
                                      "capacity_ready",
                                      "writer_unavailable",
                                      "writer_restored",
                                      "az_failover_finished",
                                      "promotion_started",
                                      "promotion_finished",
                                      "db_endpoint_changed",
                                      "writer_endpoint_refreshed",
                                      "writes_lost",
                                      "split_brain_write",
                                      "writes_rejected_by_fencing",
                                      "conflict",
                                      "replication_stopped",
                                      "replication_resumed",
                                      "sync_degraded",
                                      "switchover_started",
                                      "switchover_finished",
                                      "service_degraded",
                                      "service_restored",
                                      "run_ended",
                                      "cdn_failover_started",
                                      "cdn_failover_ended",
                                      "cdn_origins_down",
                                      "cdn_cache_expired",
                                      "cdn_origins_back"};
static_assert(std::size(kKindNames) == static_cast<std::size_t>(EventKind::cdn_origins_back) + 1,
              "one name per event kind");

} // namespace

const char *to_string(EventKind kind) {
    const auto i = static_cast<std::size_t>(kind);
    return i < std::size(kKindNames) ? kKindNames[i] : "?";
}

const std::vector<EventKind> &all_event_kinds() {
    static const std::vector<EventKind> kinds = [] {
        std::vector<EventKind> v;
        for (std::size_t i = 0; i < std::size(kKindNames); ++i)
            v.push_back(static_cast<EventKind>(i));
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
