#include "timelinelanes.h"
#include "qtext.h"

#include "model/world_at.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace widgets {
namespace {

// Collects lanes in first-come order and finds them by subject.
class LaneSet {
public:
    void add(LaneGroup group, const std::string &id) {
        if (id.empty() || index_.count(id) != 0)
            return;
        index_[id] = lanes_.size();
        Lane lane;
        lane.group = group;
        lane.id = id;
        lane.label = QString::fromStdString(id);
        lanes_.push_back(std::move(lane));
    }
    Lane *find(const std::string &id) {
        const auto it = index_.find(id);
        return it == index_.end() ? nullptr : &lanes_[it->second];
    }
    std::vector<Lane> take() { return std::move(lanes_); }

private:
    std::vector<Lane> lanes_;
    std::map<std::string, std::size_t> index_;
};

LaneGroup group_of_subject(const model::Scenario &s, const std::string &id) {
    for (const auto &t : s.app_tiers)
        if (t.id == id)
            return LaneGroup::app_tier;
    for (const auto &d : s.data_stores)
        if (d.id == id)
            return LaneGroup::data_store;
    if (id == "dns")
        return LaneGroup::dns;
    for (const auto &a : s.accelerators)
        if (id.rfind(a.id + "/", 0) == 0)
            return LaneGroup::health_check; // an accelerator's endpoint check
    return LaneGroup::other;
}

std::vector<std::string> split_list(const std::string &subject) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (;;) {
        const std::size_t comma = subject.find(", ", from);
        parts.push_back(subject.substr(from, comma - from));
        if (comma == std::string::npos)
            return parts;
        from = comma + 2;
    }
}

} // namespace

EventCategory category_of(model::EventKind kind) {
    using K = model::EventKind;
    switch (kind) {
    case K::fault_started:
    case K::service_degraded:
    case K::cdn_origins_down:
    case K::cdn_cache_expired:
        return EventCategory::fault;
    case K::health_check_failed:
    case K::health_check_recovered:
    case K::endpoint_unhealthy:
    case K::endpoint_healthy:
    case K::load_balancer_health_changed:
    case K::target_health_changed:
        return EventCategory::health;
    case K::dns_answer_changed:
    case K::dns_change_requested:
    case K::dns_change_applied:
    case K::dns_change_failed:
    case K::accelerator_rerouted:
    case K::cdn_failover_started:
        return EventCategory::dns;
    case K::clients_moved:
        return EventCategory::clients;
    case K::writes_lost:
    case K::split_brain_write:
    case K::conflict:
        return EventCategory::data_loss;
    case K::fault_ended:
    case K::service_restored:
    case K::capacity_scaling_started:
    case K::capacity_ready:
    case K::writer_restored:
    case K::run_ended:
    case K::cdn_failover_ended:
    case K::cdn_origins_back:
        return EventCategory::recovery;
    case K::writer_unavailable:
    case K::az_failover_finished:
    case K::promotion_started:
    case K::promotion_finished:
    case K::db_endpoint_changed:
    case K::writer_endpoint_refreshed:
    case K::writes_rejected_by_fencing:
    case K::replication_stopped:
    case K::replication_resumed:
    case K::sync_degraded:
    case K::switchover_started:
    case K::switchover_finished:
        return EventCategory::database;
    }
    return EventCategory::database;
}

QString category_name(EventCategory category) {
    switch (category) {
    case EventCategory::fault:
        return timeline_tr("Fault");
    case EventCategory::health:
        return timeline_tr("Health check");
    case EventCategory::dns:
        return timeline_tr("DNS / routing");
    case EventCategory::clients:
        return timeline_tr("Clients");
    case EventCategory::database:
        return timeline_tr("Database");
    case EventCategory::data_loss:
        return timeline_tr("Data loss");
    case EventCategory::recovery:
        return timeline_tr("Recovery");
    }
    return {};
}

QString group_name(LaneGroup group) {
    switch (group) {
    case LaneGroup::region:
        return timeline_tr("Regions");
    case LaneGroup::app_tier:
        return timeline_tr("App tiers");
    case LaneGroup::data_store:
        return timeline_tr("Data stores");
    case LaneGroup::database:
        return timeline_tr("Databases");
    case LaneGroup::health_check:
        return timeline_tr("Health checks");
    case LaneGroup::dns:
        return timeline_tr("DNS");
    case LaneGroup::accelerator:
        return timeline_tr("Accelerators");
    case LaneGroup::distribution:
        return timeline_tr("CDN distributions");
    case LaneGroup::population:
        return timeline_tr("Clients");
    case LaneGroup::service:
        return timeline_tr("Service");
    case LaneGroup::other:
        return timeline_tr("Other");
    }
    return {};
}

std::vector<Lane> build_lanes(const model::Scenario &scenario, const model::Run &run) {
    // The scenario's components first, grouped by layer; subjects only events name follow.
    LaneSet set;
    for (const auto &r : scenario.regions)
        set.add(LaneGroup::region, r.id);
    for (const auto &d : scenario.databases)
        set.add(LaneGroup::database, d.id);
    for (const auto &h : scenario.health_checks)
        set.add(LaneGroup::health_check, h.id);
    for (const auto &d : scenario.dns)
        set.add(LaneGroup::dns, d.id);
    for (const auto &a : scenario.accelerators)
        set.add(LaneGroup::accelerator, a.id);
    for (const auto &d : scenario.distributions)
        set.add(LaneGroup::distribution, d.id);
    for (const auto &p : scenario.populations)
        set.add(LaneGroup::population, p.id);
    set.add(LaneGroup::service, "reads");
    set.add(LaneGroup::service, "writes");

    for (std::size_t i = 0; i < run.events.size(); ++i) {
        const model::Event &e = run.events[i];
        if (e.kind == model::EventKind::run_ended || e.subject.empty())
            continue;
        std::vector<std::string> ids{e.subject};
        if (!set.find(e.subject)) {
            std::vector<std::string> parts = split_list(e.subject);
            bool all_known = parts.size() > 1;
            for (const auto &p : parts)
                all_known = all_known && set.find(p) != nullptr;
            if (all_known)
                ids = std::move(parts);
            else
                set.add(group_of_subject(scenario, e.subject), e.subject);
        }
        for (const auto &id : ids) {
            Lane *lane = set.find(id);
            if (!lane) // every id was added above; this only keeps the compiler sure of it
                continue;
            lane->events.push_back(i);
        }
    }
    // Each fault's span, as the model defines it, on the lanes of what it acts on.
    for (const model::FaultSpan &span : model::fault_spans(scenario, run.end_ms))
        if (span.to_ms > span.from_ms)
            for (const auto &id : span.subjects)
                if (Lane *lane = set.find(id))
                    lane->fault_spans.emplace_back(span.from_ms, span.to_ms);

    std::vector<Lane> lanes = set.take();
    for (Lane &lane : lanes)
        if (lane.group == LaneGroup::service)
            lane.label = lane.id == "reads" ? timeline_tr("Reads") : timeline_tr("Writes");
        else if (lane.id == "dns")
            lane.label = timeline_tr("control plane");
    // Lanes of a group stay together, in the order the groups are declared.
    std::stable_sort(lanes.begin(), lanes.end(),
                     [](const Lane &a, const Lane &b) { return a.group < b.group; });
    return lanes;
}

} // namespace widgets
