// The canonical writer of scenario files: every field, in a fixed order.
#include "scenario_json.h"
#include "scenario_names.h"

#include <nlohmann/json.hpp>

namespace model {
namespace {

using OJson = nlohmann::ordered_json;

// Whole seconds as integers, anything finer as a number with a fraction.
OJson file_secs(Ms ms) {
    if (ms % 1000 == 0)
        return OJson(ms / 1000);
    return OJson(static_cast<double>(ms) / 1000.0);
}

OJson strings(const std::vector<std::string> &v) {
    OJson a = OJson::array();
    for (const auto &s : v)
        a.push_back(s);
    return a;
}

OJson write_fault(const Fault &f) {
    OJson j;
    j["id"] = f.id;
    j["kind"] = name_of(fault_kind_names(), f.kind);
    j["at_s"] = file_secs(f.at_ms);
    const auto until = [&] {
        if (f.until_ms)
            j["until_s"] = file_secs(*f.until_ms);
    };
    switch (f.kind) {
    case FaultKind::region_outage:
        j["region"] = f.region;
        until();
        break;
    case FaultKind::az_outage:
        j["region"] = f.region;
        j["az"] = f.az;
        until();
        break;
    case FaultKind::brownout:
        j["target"] = f.target;
        j["error_share"] = f.error_share;
        j["extra_latency_ms"] = f.extra_latency_ms;
        until();
        break;
    case FaultKind::partition:
        j["regions"] = strings(f.regions);
        j["users_reach"] = f.users_reach;
        j["checkers_reach"] = f.checkers_reach;
        until();
        break;
    case FaultKind::writer_crash:
        j["database"] = f.database;
        until();
        break;
    case FaultKind::replication_broken:
        j["database"] = f.database;
        j["replica"] = f.replica;
        until();
        break;
    case FaultKind::replication_lagging:
        j["database"] = f.database;
        j["replica"] = f.replica;
        j["lag_ms"] = f.lag_ms;
        until();
        break;
    case FaultKind::dns_control_plane_impaired:
        until();
        break;
    case FaultKind::health_checker_impaired:
        j["regions"] = strings(f.regions);
        until();
        break;
    case FaultKind::manual_promotion:
        j["database"] = f.database;
        j["region"] = f.region;
        break;
    case FaultKind::manual_dns_change:
        j["dns"] = f.dns_name;
        j["record"] = f.record;
        j["operator_delay_s"] = file_secs(f.operator_delay_ms);
        if (f.set_weight)
            j["set_weight"] = *f.set_weight;
        if (!f.set_target.empty())
            j["set_target"] = f.set_target;
        break;
    case FaultKind::fail_back:
        j["database"] = f.database;
        break;
    case FaultKind::switchover:
        j["database"] = f.database;
        j["region"] = f.region;
        break;
    }
    return j;
}

} // namespace

std::string write_scenario(const Scenario &s) {
    OJson j;
    j["format"] = kScenarioFormat;
    j["version"] = kScenarioVersion;
    j["name"] = s.name;
    j["description"] = s.description;
    const Settings &st = s.settings;
    j["settings"] = {{"duration_s", file_secs(st.duration_ms)},
                     {"step_ms", st.step_ms},
                     {"seed", st.seed},
                     {"verdict_delay_min_s", file_secs(st.verdict_delay_min_ms)},
                     {"verdict_delay_max_s", file_secs(st.verdict_delay_max_ms)},
                     {"propagation_max_s", file_secs(st.propagation_max_ms)},
                     {"eth_read_delay_s", file_secs(st.eth_read_delay_ms)},
                     {"lb_region_loss_s", file_secs(st.lb_region_loss_ms)},
                     {"public_route_factor", st.public_route_factor},
                     {"slo", st.slo}};
    j["regions"] = OJson::array();
    for (const auto &r : s.regions)
        j["regions"].push_back({{"id", r.id},
                                {"name", r.name},
                                {"lat", r.where.lat},
                                {"lon", r.where.lon},
                                {"azs", r.azs},
                                {"inter_az_rtt_ms", r.inter_az_rtt_ms}});
    j["rtt_overrides"] = OJson::array();
    for (const auto &o : s.rtt_overrides)
        j["rtt_overrides"].push_back({{"a", o.a}, {"b", o.b}, {"rtt_ms", o.rtt_ms}});
    j["app_tiers"] = OJson::array();
    for (const auto &a : s.app_tiers)
        j["app_tiers"].push_back({{"id", a.id},
                                  {"region", a.region},
                                  {"capacity_rps", a.capacity_rps},
                                  {"standby", name_of(standby_names(), a.standby)},
                                  {"warm_fraction", a.warm_fraction},
                                  {"scale_up_s", file_secs(a.scale_up_ms)},
                                  {"service_ms", a.service_ms},
                                  {"depends_on", strings(a.depends_on)},
                                  {"lb_interval_s", file_secs(a.lb_interval_ms)},
                                  {"lb_unhealthy_threshold", a.lb_unhealthy_threshold},
                                  {"lb_healthy_threshold", a.lb_healthy_threshold}});
    j["data_stores"] = OJson::array();
    for (const auto &d : s.data_stores)
        j["data_stores"].push_back({{"id", d.id},
                                    {"kind", name_of(store_kind_names(), d.kind)},
                                    {"region", d.region},
                                    {"replicas", strings(d.replicas)}});
    j["databases"] = OJson::array();
    for (const auto &d : s.databases) {
        OJson reps = OJson::array();
        for (const auto &r : d.replicas)
            reps.push_back({{"region", r.region},
                            {"mode", name_of(replication_names(), r.mode)},
                            {"lag", {{"median_ms", r.lag.median_ms}, {"p99_ms", r.lag.p99_ms}}}});
        j["databases"].push_back(
            {{"id", d.id},
             {"kind", name_of(db_kind_names(), d.kind)},
             {"writer", d.writer},
             {"replicas", reps},
             {"writers", strings(d.writers)},
             {"promotion", name_of(promotion_names(), d.promotion)},
             {"detection_s", file_secs(d.detection_ms)},
             {"operator_delay_s", file_secs(d.operator_delay_ms)},
             {"promotion_s", file_secs(d.promotion_ms)},
             {"endpoint_update_s", file_secs(d.endpoint_update_ms)},
             {"endpoint_ttl_s", file_secs(d.endpoint_ttl_ms)},
             {"endpoint_cache", name_of(endpoint_cache_names(), d.endpoint_cache)},
             {"endpoint_cache_s", file_secs(d.endpoint_cache_ms)},
             {"fencing", name_of(fencing_names(), d.fencing)},
             {"sync_unreachable", name_of(sync_unreachable_names(), d.sync_unreachable)},
             {"sync_timeout_s", file_secs(d.sync_timeout_ms)},
             {"clock_skew_ms", d.clock_skew_ms},
             {"hot_keys", d.hot_keys},
             {"lag", {{"median_ms", d.lag.median_ms}, {"p99_ms", d.lag.p99_ms}}},
             {"switchover_base_s", file_secs(d.switchover_base_ms)},
             {"multi_az", d.multi_az},
             {"multi_az_failover_s", file_secs(d.multi_az_failover_ms)}});
    }
    j["health_checks"] = OJson::array();
    for (const auto &h : s.health_checks)
        j["health_checks"].push_back({{"id", h.id},
                                      {"target", h.target},
                                      {"interval_s", file_secs(h.interval_ms)},
                                      {"failure_threshold", h.failure_threshold},
                                      {"deep", h.deep},
                                      {"checkers", h.checkers},
                                      {"checker_regions", strings(h.checker_regions)}});
    j["dns"] = OJson::array();
    for (const auto &n : s.dns) {
        OJson recs = OJson::array();
        for (const auto &r : n.records) {
            OJson rec = {{"id", r.id},
                         {"target", r.target},
                         {"alias", r.alias},
                         {"evaluate_target_health", r.evaluate_target_health},
                         {"health_check", r.health_check}};
            if (n.policy == RoutingPolicy::failover)
                rec["role"] = r.role;
            if (n.policy == RoutingPolicy::weighted)
                rec["weight"] = r.weight;
            if (n.policy == RoutingPolicy::geolocation)
                rec["location"] = r.location;
            recs.push_back(rec);
        }
        j["dns"].push_back({{"id", n.id},
                            {"policy", name_of(policy_names(), n.policy)},
                            {"ttl_s", file_secs(n.ttl_ms)},
                            {"records", recs}});
    }
    j["accelerators"] = OJson::array();
    for (const auto &a : s.accelerators) {
        OJson groups = OJson::array();
        for (const auto &g : a.groups) {
            OJson eps = OJson::array();
            for (const auto &e : g.endpoints)
                eps.push_back({{"target", e.target}, {"weight", e.weight}});
            groups.push_back({{"region", g.region},
                              {"traffic_dial_pct", g.traffic_dial_pct},
                              {"endpoints", eps}});
        }
        j["accelerators"].push_back({{"id", a.id},
                                     {"groups", groups},
                                     {"interval_s", file_secs(a.interval_ms)},
                                     {"threshold", a.threshold},
                                     {"return_delay_s", file_secs(a.return_delay_ms)},
                                     {"backbone_route_factor", a.backbone_route_factor},
                                     {"edge_rtt_ms", a.edge_rtt_ms},
                                     {"edge_propagation_s", file_secs(a.edge_propagation_ms)}});
    }
    j["distributions"] = OJson::array();
    for (const auto &d : s.distributions) {
        OJson edges = OJson::array();
        for (const auto &e : d.edges)
            edges.push_back(
                {{"id", e.id}, {"name", e.name}, {"lat", e.where.lat}, {"lon", e.where.lon}});
        j["distributions"].push_back(
            {{"id", d.id},
             {"edges", edges},
             {"primary", d.primary},
             {"secondary", d.secondary},
             {"cacheable_share", d.cacheable_share},
             {"hit_share", d.hit_share},
             {"cache_ttl_s", file_secs(d.cache_ttl_ms)},
             {"connection_attempts", d.connection_attempts},
             {"connection_timeout_s", file_secs(d.connection_timeout_ms)},
             {"origin_response_timeout_s", file_secs(d.origin_response_timeout_ms)},
             {"failover_status_codes", d.failover_status_codes},
             {"edge_service_ms", d.edge_service_ms}});
    }
    j["populations"] = OJson::array();
    for (const auto &p : s.populations) {
        OJson habits = OJson::array();
        for (const auto &h : p.dns_cache) {
            OJson hj = {{"share", h.share}, {"mode", name_of(cache_mode_names(), h.mode)}};
            if (h.mode == CacheMode::fixed)
                hj["cache_s"] = file_secs(h.cache_ms);
            habits.push_back(hj);
        }
        j["populations"].push_back({{"id", p.id},
                                    {"name", p.name},
                                    {"lat", p.where.lat},
                                    {"lon", p.where.lon},
                                    {"continent", p.continent},
                                    {"country", p.country},
                                    {"clients", p.clients},
                                    {"rps", p.rps},
                                    {"write_share", p.write_share},
                                    {"timeout_s", file_secs(p.timeout_ms)},
                                    {"retries", p.retries},
                                    {"dns_cache", habits},
                                    {"entry", p.entry},
                                    {"connection_lifetime_s", file_secs(p.connection_lifetime_ms)},
                                    {"keys", p.keys}});
    }
    j["faults"] = OJson::array();
    for (const auto &f : s.faults)
        j["faults"].push_back(write_fault(f));
    j["cost"] = {{"baseline_monthly", s.cost.baseline_monthly},
                 {"outages_per_year", s.cost.outages_per_year},
                 {"revenue_per_minute", s.cost.revenue_per_minute}};
    return j.dump(2) + "\n";
}

} // namespace model
