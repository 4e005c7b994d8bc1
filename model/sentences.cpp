#include "sentences.h"

#include "sim_time.h"

namespace model {

const std::vector<std::pair<const char *, const char *>> &sentence_table() {
    static const std::vector<std::pair<const char *, const char *>> table = {
        {"fault_started.region_outage", "Region {subject} goes down"},
        {"fault_started.az_outage", "AZ {az} of {subject} goes down"},
        {"fault_started.brownout",
         "{subject} browns out: {error_pct} % of its requests fail and the rest are "
         "{extra_latency_ms|duration} slower, while a shallow /health still answers"},
        {"fault_started.partition", "{subject} cut off from the other regions"},
        {"fault_started.writer_crash", "The writer of {subject} crashes"},
        {"fault_started.replication_broken", "Replication of {subject} to {replica} breaks"},
        {"fault_started.replication_lagging",
         "Replication of {subject} to {replica} falls {lag_ms|duration} behind"},
        {"fault_started.dns_control_plane_impaired",
         "The DNS control plane is impaired: record edits fail, but answers and health "
         "verdicts go on"},
        {"fault_started.health_checker_impaired",
         "Health checkers in {subject} start failing their probes"},
        {"fault_started.manual_promotion",
         "An operator decides to promote the {region} replica of {subject}"},
        {"fault_started.manual_dns_change",
         "An operator starts editing record {record} of {subject}"},
        {"fault_started.fail_back", "An operator starts failing {subject} back home"},
        {"fault_started.switchover",
         "An operator starts a planned switchover of {subject} to {region}"},
        {"fault_ended.region_outage", "Region {subject} is back"},
        {"fault_ended.az_outage", "The AZ of {subject} is back"},
        {"fault_ended.brownout", "{subject} is healthy again"},
        {"fault_ended.partition", "{subject} can reach the other regions again"},
        {"fault_ended.writer_crash", "The crashed writer of {subject} is running again"},
        {"fault_ended.replication_broken", "The replication link of {subject} is repaired"},
        {"fault_ended.replication_lagging", "Replication of {subject} is back to normal lag"},
        {"fault_ended.dns_control_plane_impaired", "The DNS control plane works again"},
        {"fault_ended.health_checker_impaired", "Health checkers in {subject} work again"},
        {"health_check_failed",
         "Health check {subject}: {failing} of {checkers} checkers now see failures"},
        {"health_check_recovered", "Health check {subject}: all {checkers} checkers pass again"},
        {"endpoint_unhealthy",
         "Health check {subject} declares {target} unhealthy: only {healthy_checkers} of "
         "{checkers} checkers say healthy (18 % or fewer)"},
        {"endpoint_healthy",
         "Health check {subject} declares {target} healthy: {healthy_checkers} of {checkers} "
         "checkers say healthy"},
        {"load_balancer_health_changed",
         "The load balancer of {subject} marks its target {healthy|health} after {checks} checks "
         "{interval_ms|duration} apart"},
        {"target_health_changed",
         "Route 53 reads the load balancer of {subject} as {healthy|health} (Evaluate Target "
         "Health)"},
        {"dns_answer_changed", "{subject} now answers {to} for {population} (was {from})"},
        {"dns_change_requested",
         "Edit of {subject} record {record} submitted; it reaches every DNS server in "
         "{propagation_ms|duration}"},
        {"dns_change_applied", "The edit of {subject} record {record} is live"},
        {"dns_change_failed",
         "The edit of {subject} record {record} fails: the DNS control plane is impaired"},
        {"clients_moved", "{moved_pct} % of the {subject} clients that had to move now use {to}"},
        {"accelerator_rerouted",
         "Accelerator {subject} now sends {population} to {to} (was {from})"},
        {"capacity_scaling_started",
         "{subject} starts scaling up from {from_rps} to {to_rps} requests/s; that takes "
         "{scale_up_ms|duration}"},
        {"capacity_ready", "{subject} reaches its full {capacity_rps} requests/s"},
        {"writer_unavailable", "The writer of {subject} in {region} is unavailable ({reason})"},
        {"writer_restored", "The writer of {subject} in {region} is reachable again"},
        {"az_failover_finished",
         "{subject} failed over to its standby in another AZ of {region}, losing nothing"},
        {"promotion_started",
         "Promotion of the {region} replica of {subject} starts ({by}); it takes about "
         "{expected_ms|duration}, reboot included"},
        {"promotion_started.global",
         "Failover of the global database {subject} to {region} starts ({by}); about "
         "{expected_ms|duration}"},
        {"promotion_finished.global",
         "{region} is now the primary of the global database {subject}, after "
         "{took_ms|duration}; the other secondaries follow it"},
        {"promotion_started.consensus",
         "{subject} elects a new leader in {region}: it has a majority of the voters"},
        {"promotion_finished.consensus",
         "{region} leads {subject} now; every committed write was already on a majority"},
        {"promotion_finished",
         "The {region} replica of {subject} is promoted after {took_ms|duration} and takes "
         "writes; replication from {from} has ended for good"},
        {"db_endpoint_changed",
         "The writer endpoint of {subject} now names {region} (TTL {ttl_ms|duration})"},
        {"writer_endpoint_refreshed", "{subject} now sends its {database} writes to {region}"},
        {"writes_lost", "{count} acknowledged writes never reached {region} and are lost (RPO "
                        "{rpo_ms|duration})"},
        {"split_brain_write",
         "Split brain: the replaced writer of {subject} in {region} still accepts writes"},
        {"writes_rejected_by_fencing",
         "Fencing stops the replaced writer of {subject} in {region} from taking writes"},
        {"conflict",
         "{count} writes to {subject} collided: last writer wins, {lost_updates} updates "
         "silently lost"},
        {"replication_stopped", "Replication of {subject} to {replica} has stopped"},
        {"replication_stopped.sync",
         "The synchronous replica of {subject} in {replica} cannot be reached: writes wait "
         "({then})"},
        {"sync_degraded",
         "After {timeout_ms|duration} without its synchronous replica in {replica}, {subject} "
         "acknowledges writes alone: they may now be lost"},
        {"replication_resumed", "Replication of {subject} to {replica} resumes"},
        {"switchover_started",
         "Planned switchover of {subject} to {to} starts; writes pause for {pause_ms|duration}"},
        {"switchover_finished",
         "Switchover of {subject} done: {region} now takes the writes, and nothing was lost"},
        {"service_degraded",
         "Only {success_pct} % of {subject} succeed now: service is degraded by {fault}"},
        {"service_restored", "Service restored for {subject}: at least 99 % succeed from here on, "
                             "{rto_ms|duration} after {fault}"},
        {"run_ended", "The run ends"},
        {"cdn_failover_started",
         "Distribution {subject}, edge {edge}: origin failover to {to}; every miss tries {from} "
         "first and waits {delay_ms|duration} ({cause})"},
        {"cdn_failover_ended",
         "Distribution {subject}, edge {edge}: {origin} answers misses again; no more failover"},
        {"cdn_origins_down",
         "Distribution {subject}, edge {edge}: no origin can serve a miss; cached objects last "
         "at most {ttl_ms|duration} more"},
        {"cdn_cache_expired",
         "Edge cache for {edge} ({subject}) expired: every read is now a miss, and misses fail"},
        {"cdn_origins_back",
         "Distribution {subject}, edge {edge}: {origin} serves misses again and the edge cache "
         "fills"},
    };
    return table;
}

std::string sentence_key(const Event &event) {
    std::string key = to_string(event.kind);
    if (event.kind == EventKind::fault_started || event.kind == EventKind::fault_ended)
        key += "." + event.text("fault_kind");
    const std::string variant =
        event.text(event.kind == EventKind::replication_stopped ? "mode" : "db_kind");
    if (!variant.empty() && variant != "single_writer" && variant != "async" && variant != "cdc" &&
        sentence_template(key + "." + variant) != sentence_template(""))
        key += "." + variant;
    return key;
}

const char *sentence_template(const std::string &key) {
    for (const auto &[k, t] : sentence_table())
        if (key == k)
            return t;
    return "{subject}: something happened";
}

std::string fill_sentence(const std::string &templ, const Event &event) {
    std::string out;
    std::size_t i = 0;
    while (i < templ.size()) {
        const std::size_t open = templ.find('{', i);
        if (open == std::string::npos) {
            out += templ.substr(i);
            break;
        }
        const std::size_t close = templ.find('}', open);
        if (close == std::string::npos) {
            out += templ.substr(i);
            break;
        }
        out += templ.substr(i, open - i);
        std::string name = templ.substr(open + 1, close - open - 1);
        std::string filter;
        if (const auto bar = name.find('|'); bar != std::string::npos) {
            filter = name.substr(bar + 1);
            name = name.substr(0, bar);
        }
        if (name == "subject")
            out += event.subject;
        else if (filter == "duration")
            out += format_duration(event.number(name));
        else if (filter == "health")
            out += event.number(name) != 0 ? "healthy" : "unhealthy";
        else
            out += event.text(name);
        i = close + 1;
    }
    return out;
}

std::string sentence(const Event &event) {
    return fill_sentence(sentence_template(sentence_key(event)), event);
}

} // namespace model
