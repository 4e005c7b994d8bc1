#include "failover_config.h"

#include "find.h"

#include "scenario_names.h"

#include <algorithm>
#include <cctype>

namespace model {
namespace {

// What a client is told to cache for a name: the rule of SCENARIO_FORMAT.md, "Alias TTL" (an
// alias to a load balancer carries the load balancer's 60 s, facts section 2).
Ms answer_ttl(const Scenario &s, const DnsName &name, int depth = 0) {
    if (name.records.empty() || !name.records.front().alias || depth > 16)
        return name.ttl_ms;
    if (const DnsName *next = find_by_id(s.dns, name.records.front().target))
        return answer_ttl(s, *next, depth + 1);
    return 60 * kSecond;
}

std::string tier_region(const Scenario &s, const std::string &tier) {
    const AppTier *t = find_by_id(s.app_tiers, tier);
    return t ? t->region : std::string();
}

std::string code(const std::string &s) {
    return "`" + s + "`";
}

std::string routing_value(const Scenario &s, const DnsName &name, const DnsRecord &r) {
    switch (name.policy) {
    case RoutingPolicy::failover: {
        std::string role = r.role;
        for (char &ch : role)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        return role;
    }
    case RoutingPolicy::weighted:
        return std::to_string(r.weight);
    case RoutingPolicy::geolocation:
        return r.location == "*" ? "Default (`*`)" : r.location;
    case RoutingPolicy::latency: {
        const std::string region = tier_region(s, r.target);
        return region.empty() ? "the region of " + code(r.target) : region;
    }
    }
    return {};
}

// The metric a practitioner alarms on, by the kind of copy (facts sections 6, 7, 8).
std::string lag_metric(const Database &db, Replication mode) {
    if (mode == Replication::cdc)
        return "the stream consumer's lag (Kinesis: GetRecords.IteratorAgeMilliseconds)";
    switch (db.kind) {
    case DbKind::global:
        return "AuroraGlobalDBReplicationLag";
    case DbKind::multi_writer:
        return "ReplicationLatency (DynamoDB global tables)";
    case DbKind::single_writer:
        return "ReplicaLag (RDS read replica)";
    case DbKind::consensus:
        break;
    }
    return {};
}

} // namespace

FailoverConfig failover_config(const Scenario &s) {
    FailoverConfig c;
    for (const auto &h : s.health_checks) {
        HealthCheckSetting hc;
        hc.id = h.id;
        hc.type = "HTTPS";
        hc.resource_path = "/health";
        hc.deep = h.deep;
        hc.endpoint = h.target;
        hc.region = tier_region(s, h.target);
        hc.request_interval_ms = h.interval_ms;
        hc.failure_threshold = h.failure_threshold;
        hc.checkers = h.checkers;
        hc.checker_regions = h.checker_regions;
        c.health_checks.push_back(std::move(hc));
    }
    for (const auto &n : s.dns) {
        const Ms ttl = answer_ttl(s, n);
        for (const auto &r : n.records) {
            RecordSetting rs;
            rs.name = n.id;
            rs.policy = n.policy;
            rs.set_identifier = r.id;
            rs.routing_value = routing_value(s, n, r);
            rs.alias = r.alias;
            rs.target = r.target;
            rs.target_is_name = find_by_id(s.dns, r.target) != nullptr;
            if (r.alias)
                rs.evaluate_target_health = r.evaluate_target_health;
            rs.health_check = r.health_check;
            rs.ttl_ms = ttl;
            c.records.push_back(std::move(rs));
        }
    }
    for (const auto &a : s.app_tiers) {
        const bool followed = std::any_of(c.records.begin(), c.records.end(), [&](const auto &r) {
            return r.target == a.id && r.evaluate_target_health.value_or(false);
        });
        if (followed)
            c.target_groups.push_back({a.id, a.region, a.lb_interval_ms, a.lb_unhealthy_threshold,
                                       a.lb_healthy_threshold});
    }
    for (const auto &db : s.databases) {
        if (db.kind == DbKind::multi_writer) {
            for (std::size_t i = 0; i < db.writers.size(); ++i)
                for (std::size_t k = 0; k < db.writers.size(); ++k)
                    if (i != k)
                        c.lag_alarms.push_back({db.id, lag_metric(db, Replication::async),
                                                db.writers[i], db.writers[k], db.lag.p99_ms});
            continue;
        }
        for (const auto &r : db.replicas)
            if (r.mode != Replication::sync && !lag_metric(db, r.mode).empty())
                c.lag_alarms.push_back(
                    {db.id, lag_metric(db, r.mode), db.writer, r.region, r.lag.p99_ms});
    }
    return c;
}

namespace {

// A table with one row per field and one column per item, so each field reads across.
struct FieldTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    std::string markdown() const {
        std::string out = "|";
        for (const auto &h : header)
            out += " " + h + " |";
        out += "\n|";
        for (std::size_t i = 0; i < header.size(); ++i)
            out += "---|";
        out += "\n";
        for (const auto &row : rows) {
            out += "|";
            for (const auto &cell : row)
                out += " " + cell + " |";
            out += "\n";
        }
        return out;
    }
};

const char *routing_field(RoutingPolicy policy) {
    switch (policy) {
    case RoutingPolicy::failover:
        return "failover role (`Failover`)";
    case RoutingPolicy::weighted:
        return "weight (`Weight`)";
    case RoutingPolicy::geolocation:
        return "location (`GeoLocation`)";
    case RoutingPolicy::latency:
        return "region (`Region`)";
    }
    return "";
}

std::string health_checks_table(const std::vector<HealthCheckSetting> &checks) {
    FieldTable t;
    t.header = {"field"};
    t.rows = {{"type (`Type`)"},
              {"endpoint"},
              {"resource path (`ResourcePath`)"},
              {"what the probe covers"},
              {"request interval (`RequestInterval`)"},
              {"failure threshold (`FailureThreshold`)"},
              {"checkers (`Regions`)"}};
    for (const auto &h : checks) {
        t.header.push_back(code(h.id));
        std::string checkers = std::to_string(h.checkers) + " in ";
        if (h.checker_regions.empty())
            checkers += "the 8 default checker regions";
        for (std::size_t i = 0; i < h.checker_regions.size(); ++i)
            checkers += (i ? ", " : "") + h.checker_regions[i];
        const std::vector<std::string> values = {
            h.type,
            code(h.endpoint) + "'s load balancer" + (h.region.empty() ? "" : ", " + h.region),
            code(h.resource_path),
            h.deep ? "deep: the request path and its dependencies" : "shallow: the process answers",
            format_duration(h.request_interval_ms),
            std::to_string(h.failure_threshold),
            checkers};
        for (std::size_t r = 0; r < values.size(); ++r)
            t.rows[r].push_back(values[r]);
    }
    return t.markdown();
}

// The records of one DNS name, [first, last) of `records`.
std::string records_table(const std::vector<RecordSetting> &records, std::size_t first,
                          std::size_t last) {
    const RecordSetting &head = records[first];
    FieldTable t;
    t.header = {"field"};
    t.rows = {{"routing policy"},
              {"set identifier (`SetIdentifier`)"},
              {routing_field(head.policy)},
              {"record type"},
              {"target"},
              {"evaluate target health (`EvaluateTargetHealth`)"},
              {"health check (`HealthCheckId`)"},
              {"TTL clients cache (`TTL`)"}};
    for (std::size_t i = first; i < last; ++i) {
        const RecordSetting &r = records[i];
        t.header.push_back(code(r.set_identifier));
        const std::string eth = !r.evaluate_target_health   ? "– (aliases only)"
                                : *r.evaluate_target_health ? "Yes"
                                                            : "No";
        const std::string ttl =
            format_duration(r.ttl_ms) +
            (r.alias && !r.target_is_name ? ", the load balancer's (not settable)" : "");
        const std::vector<std::string> values = {
            name_of(policy_names(), r.policy),
            code(r.set_identifier),
            r.routing_value,
            r.alias ? "alias (`AliasTarget`)" : "CNAME (not an alias)",
            r.target_is_name ? code(r.target) : code(r.target) + "'s load balancer",
            eth,
            r.health_check.empty() ? "none: always healthy" : code(r.health_check),
            ttl};
        for (std::size_t k = 0; k < values.size(); ++k)
            t.rows[k].push_back(values[k]);
    }
    return t.markdown();
}

std::string target_groups_table(const std::vector<TargetGroupSetting> &groups) {
    FieldTable t;
    t.header = {"field"};
    t.rows = {{"region"},
              {"health check interval (`HealthCheckIntervalSeconds`)"},
              {"unhealthy threshold (`UnhealthyThresholdCount`)"},
              {"healthy threshold (`HealthyThresholdCount`)"}};
    for (const auto &g : groups) {
        t.header.push_back(code(g.tier) + "'s target group");
        const std::vector<std::string> values = {g.region, format_duration(g.interval_ms),
                                                 std::to_string(g.unhealthy_threshold),
                                                 std::to_string(g.healthy_threshold)};
        for (std::size_t r = 0; r < values.size(); ++r)
            t.rows[r].push_back(values[r]);
    }
    return t.markdown();
}

std::string lag_alarms_table(const std::vector<LagAlarm> &alarms) {
    FieldTable t;
    t.header = {"database", "metric", "from", "to", "alarm above (the replica's p99 lag)"};
    for (const auto &a : alarms)
        t.rows.push_back({code(a.database), a.metric, a.from_region, a.to_region,
                          format_duration(a.threshold_ms)});
    return t.markdown();
}

} // namespace

std::string to_markdown(const FailoverConfig &c) {
    std::string out;
    const auto part = [&](const std::string &title, const std::string &table) {
        out += (out.empty() ? "" : "\n") + ("**" + title + "**\n\n") + table;
    };
    if (!c.health_checks.empty())
        part("Route 53 health checks", health_checks_table(c.health_checks));
    for (std::size_t first = 0; first < c.records.size();) {
        std::size_t last = first + 1;
        while (last < c.records.size() && c.records[last].name == c.records[first].name)
            ++last;
        part("Route 53 records of " + code(c.records[first].name),
             records_table(c.records, first, last));
        first = last;
    }
    if (!c.target_groups.empty())
        part("Load balancer target groups (what Evaluate Target Health follows)",
             target_groups_table(c.target_groups));
    if (!c.lag_alarms.empty())
        part("CloudWatch replication-lag alarms", lag_alarms_table(c.lag_alarms));
    return out;
}

} // namespace model
