#pragma once
// A scenario's failover configuration as the settings a practitioner enters in Route 53 and
// CloudWatch (curriculum C16): health checks, records, replication-lag alarms. Every value comes
// from the scenario; to_markdown() writes it as tables for a chapter's text.

#include "scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace model {

struct HealthCheckSetting {
    std::string id;
    std::string type;          // "HTTPS": the model applies the HTTP(S) timing rules
    std::string resource_path; // "/health"
    bool deep = false;         // the probe exercises the request path and its dependencies
    std::string endpoint;      // the app tier probed
    std::string region;        // where that tier runs
    Ms request_interval_ms = 0;
    int failure_threshold = 0;
    int checkers = 0;
    std::vector<std::string> checker_regions; // empty: the eight default checker regions
};

struct RecordSetting {
    std::string name; // the DNS name the record belongs to
    RoutingPolicy policy = RoutingPolicy::failover;
    std::string set_identifier; // the record's id
    std::string routing_value;  // PRIMARY / SECONDARY, a weight, a location, or a region
    bool alias = true;
    std::string target; // an app tier (its load balancer) or another DNS name
    bool target_is_name = false;
    std::optional<bool> evaluate_target_health; // aliases only
    std::string health_check;                   // empty: none (the record is always healthy)
    Ms ttl_ms = 0;                              // what clients are told to cache
};

// The target group behind an alias with Evaluate Target Health: the load balancer's own checks.
struct TargetGroupSetting {
    std::string tier;
    std::string region;
    Ms interval_ms = 0;
    int unhealthy_threshold = 0;
    int healthy_threshold = 0;
};

struct LagAlarm {
    std::string database;
    std::string metric; // the CloudWatch metric a practitioner would alarm on
    std::string from_region, to_region;
    Ms threshold_ms = 0; // the replica's p99 lag as the scenario states it
};

struct FailoverConfig {
    std::vector<HealthCheckSetting> health_checks;
    std::vector<RecordSetting> records;
    std::vector<TargetGroupSetting> target_groups;
    std::vector<LagAlarm> lag_alarms;
    bool empty() const {
        return health_checks.empty() && records.empty() && target_groups.empty() &&
               lag_alarms.empty();
    }
};

FailoverConfig failover_config(const Scenario &scenario);

// Markdown tables, each after a bold line naming it: the health checks and the records of each
// DNS name (one row per field, one column per check or record, the API's field name beside
// each), the target groups that Evaluate Target Health follows, then the replication-lag alarms. A
// part the scenario does not have is left out.
std::string to_markdown(const FailoverConfig &config);

} // namespace model
