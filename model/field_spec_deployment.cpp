// The field-spec rows of the deployment: the scenario's own fields, its settings, regions,
// round-trip overrides, app tiers, data stores and databases.
#include "field_spec_rows.h"

namespace model::field_spec_detail {
namespace {

using T = FieldType;

// Ranges as the format reference gives them (SCENARIO_FORMAT.md), in the file's unit. Laid out
// by hand, a few lines a field, so that the table reads like the reference's.
// clang-format off
const FieldSpec kDeploymentRows[] = {
    {.section = "*", .key = "id", .type = T::id, .label = N("Id"),
     .help = N("The part's id; other parts refer to it by this name.")},
    {.section = "*", .key = "name", .label = N("Name"), .help = N("Display name.")},

    {.section = "scenario", .key = "version", .type = T::integer, .label = N("Format version"),
     .help = N("The version of the scenario format the file is written in."), .min = 1,
     .max = 1000},
    {.section = "scenario", .key = "name", .label = N("Name"),
     .help = N("The scenario's title; the report and the summary show it.")},
    {.section = "scenario", .key = "description", .label = N("Description"),
     .help = N("What the scenario shows, for people. The model does not use it.")},

    {.section = "settings", .key = "duration_s", .type = T::seconds, .label = N("Duration"),
     .help = N("Length of the run."), .unit = "s", .min = 1, .max = kDay, .step = 60},
    {.section = "settings", .key = "step_ms", .type = T::millis, .label = N("Sample step"),
     .help = N("Requests are counted per step and replication lags drawn once per step. At most "
               "the duration."),
     .unit = "ms", .min = 100, .max = 60'000, .step = 100},
    {.section = "settings", .key = "seed", .type = T::u64, .label = N("Seed"),
     .help = N("Seed of every random draw: the same scenario and seed give the same run.")},
    {.section = "settings", .key = "verdict_delay_min_s", .type = T::seconds,
     .label = N("Verdict delay, shortest"),
     .help = N("When a health check's verdict flips, DNS answers follow after a delay drawn "
               "between the shortest and the longest (modelled; bounded by 60 s)."),
     .unit = "s", .min = 0, .max = 60, .step = 1},
    {.section = "settings", .key = "verdict_delay_max_s", .type = T::seconds,
     .label = N("Verdict delay, longest"), .help = N("Upper end of that delay."), .unit = "s",
     .min = 0, .max = 60, .step = 1},
    {.section = "settings", .key = "propagation_max_s", .type = T::seconds,
     .label = N("Record edit propagation"),
     .help = N("A manual record edit goes live after a delay drawn between a sixth of this and "
               "this (Route 53: within 60 s)."),
     .unit = "s", .min = 0, .max = 600, .step = 10},
    {.section = "settings", .key = "eth_delay_s", .type = T::seconds,
     .label = N("Evaluate Target Health delay"),
     .help = N("Version 1 files only: one delay behind Evaluate Target Health."), .unit = "s",
     .min = 0, .max = 600, .step = 5},
    {.section = "settings", .key = "eth_read_delay_s", .type = T::seconds,
     .label = N("Load balancer health read delay"),
     .help = N("Modelled: how long Route 53 takes to read a load balancer's changed target "
               "health for Evaluate Target Health."),
     .unit = "s", .min = 0, .max = 600, .step = 5},
    {.section = "settings", .key = "lb_region_loss_s", .type = T::seconds,
     .label = N("Region loss seen after"),
     .help = N("Modelled: when a whole region is lost, an alias with Evaluate Target Health to a "
               "tier there counts as unhealthy this long after."),
     .unit = "s", .min = 0, .max = 600, .step = 5},
    {.section = "settings", .key = "public_route_factor", .type = T::number,
     .label = N("Internet route factor"),
     .help = N("How much longer internet paths are than the great circle (median about 1.5)."),
     .min = 1, .max = 5, .step = 0.05, .decimals = 2},
    {.section = "settings", .key = "slo", .type = T::number, .label = N("SLO"),
     .help = N("The availability objective. The summary's error budget used is the share of "
               "requests that failed divided by the share the SLO allows to fail."),
     .unit = "%", .min = 0.5, .max = 0.999999, .step = 0.01, .decimals = 4, .scale = 100},

    {.section = "region", .key = "lat", .type = T::number, .label = N("Latitude"),
     .help = N("Where it is, in degrees, for distances and round trips."), .unit = "°", .min = -90,
     .max = 90, .step = 0.5, .decimals = 2},
    {.section = "region", .key = "lon", .type = T::number, .label = N("Longitude"),
     .help = N("Where it is, in degrees, for distances and round trips."), .unit = "°", .min = -180,
     .max = 180, .step = 0.5, .decimals = 2},
    {.section = "region", .key = "azs", .type = T::integer, .label = N("Availability Zones"),
     .help = N("Number of Availability Zones. An app tier's capacity is spread evenly over them."),
     .min = 1, .max = 6},
    {.section = "region", .key = "inter_az_rtt_ms", .type = T::millis,
     .label = N("Round trip inside the region"),
     .help = N("Used when a tier talks to a database instance in its own region."), .unit = "ms",
     .min = 0, .max = 50},

    {.section = "rtt_overrides", .key = "a", .type = T::ref, .label = N("Region"),
     .help = N("One end of the pair."), .refers = "region"},
    {.section = "rtt_overrides", .key = "b", .type = T::ref, .label = N("Other region"),
     .help = N("The other end of the pair."), .refers = "region"},
    {.section = "rtt_overrides", .key = "rtt_ms", .type = T::millis, .label = N("Round trip"),
     .help = N("The round trip between the two regions, in both directions."), .unit = "ms",
     .min = 0, .max = 2000, .step = 10},

    {.section = "app_tier", .key = "region", .type = T::ref, .label = N("Region"),
     .help = N("Where the tier runs. A region outage takes it down."), .refers = "region"},
    {.section = "app_tier", .key = "capacity_rps", .type = T::integer, .label = N("Capacity"),
     .help = N("Full capacity, spread evenly over the region's AZs. Demand above it is shed. A "
               "tier with capacity 0 never serves."),
     .unit = "requests/s", .min = 0, .max = 10'000'000, .step = 100},
    {.section = "app_tier", .key = "standby", .type = T::choice, .label = N("Standby"),
     .help = N("hot runs at full capacity; warm runs at the warm fraction until a scale-up has "
               "finished.")},
    {.section = "app_tier", .key = "warm_fraction", .type = T::number, .label = N("Warm fraction"),
     .help = N("Share of capacity a warm tier runs before it scales up."), .min = 0, .max = 1,
     .step = 0.05, .decimals = 2},
    {.section = "app_tier", .key = "scale_up_s", .type = T::seconds, .label = N("Scale-up time"),
     .help = N("A warm tier starts scaling when its demand first exceeds its capacity, and "
               "reaches full capacity this long after."),
     .unit = "s", .min = 0, .max = 21'600, .step = 60},
    {.section = "app_tier", .key = "service_ms", .type = T::millis, .label = N("Service time"),
     .help = N("Time to serve one request; a queueing term grows with the load."), .unit = "ms",
     .min = 0, .max = 60'000},
    {.section = "app_tier", .key = "depends_on", .type = T::refs, .label = N("Depends on"),
     .help = N("Data stores and databases every request needs. Link them by dragging on the map."),
     .refers = "data_store|database", .when_empty = N("nothing")},
    {.section = "app_tier", .key = "lb_interval_s", .type = T::seconds,
     .label = N("Load balancer check interval"),
     .help = N("How often the tier's load balancer checks its targets (documented ALB default 30 "
               "s). Evaluate Target Health follows what the load balancer concludes."),
     .unit = "s", .min = 5, .max = 300, .step = 5},
    {.section = "app_tier", .key = "lb_unhealthy_threshold", .type = T::integer,
     .label = N("Load balancer unhealthy threshold"),
     .help = N("Failed checks in a row before the load balancer marks the target unhealthy "
               "(documented ALB default 2)."),
     .min = 2, .max = 10},
    {.section = "app_tier", .key = "lb_healthy_threshold", .type = T::integer,
     .label = N("Load balancer healthy threshold"),
     .help = N("Passed checks in a row before the load balancer marks the target healthy again "
               "(documented ALB default 5)."),
     .min = 2, .max = 10},

    {.section = "data_store", .key = "kind", .type = T::choice, .label = N("Kind"),
     .help = N("What the store is. A label only: every kind behaves the same way.")},
    {.section = "data_store", .key = "region", .type = T::ref, .label = N("Region"),
     .help = N("Where the primary copy lives."), .refers = "region"},
    {.section = "data_store", .key = "replicas", .type = T::refs, .label = N("Copies in"),
     .help = N("Further regions holding a usable copy. With none, the store is a hidden single "
               "point of failure."),
     .refers = "region", .when_empty = N("none: a single copy")},

    {.section = "database", .key = "kind", .type = T::choice, .label = N("Kind"),
     .help = N("single writer (RDS), global (Aurora Global), multi-writer (last writer wins) or "
               "consensus (Spanner style).")},
    {.section = "database", .key = "writer", .type = T::ref, .label = N("Writer"),
     .help = N("Region of the first writer, and the home that a fail-back returns to."),
     .refers = "region"},
    {.section = "database", .key = "replicas", .type = T::group, .label = N("Replica"),
     .help = N("A read replica in another region."),
     .when_empty = N("none: drag the database onto another region to add one")},
    {.section = "database", .key = "writers", .type = T::refs, .label = N("Writers"),
     .help = N("Multi-writer: the writing regions; consensus: the voters, the first being the "
               "leader."),
     .refers = "region"},
    {.section = "database", .key = "promotion", .type = T::choice, .label = N("Promotion"),
     .help = N("Who promotes a replica when the writer is lost: automated, manual (an operator) "
               "or none.")},
    {.section = "database", .key = "detection_s", .type = T::seconds, .label = N("Detection"),
     .help = N("Automated promotion, or a consensus election: time from losing the writer to "
               "acting."),
     .unit = "s", .min = 0, .max = 21'600, .step = 5},
    {.section = "database", .key = "operator_delay_s", .type = T::seconds,
     .label = N("Operator delay"),
     .help = N("Manual promotion: time for a person to notice and decide."), .unit = "s", .min = 0,
     .max = kDay, .step = 60},
    {.section = "database", .key = "promotion_s", .type = T::seconds, .label = N("Promotion time"),
     .help = N("How long the promotion takes, reboot included. Cross-region RDS: several "
               "minutes; Aurora Global: about 1 min."),
     .unit = "s", .min = 0, .max = 21'600, .step = 10},
    {.section = "database", .key = "endpoint_update_s", .type = T::seconds,
     .label = N("Endpoint update"),
     .help = N("Time from the end of a promotion to the writer endpoint record naming the new "
               "writer."),
     .unit = "s", .min = 0, .max = 3'600, .step = 1},
    {.section = "database", .key = "endpoint_ttl_s", .type = T::seconds, .label = N("Endpoint TTL"),
     .help = N("TTL of the writer endpoint record; tiers caching by TTL re-resolve on this "
               "period."),
     .unit = "s", .min = 0, .max = 2 * kDay, .step = 1},
    {.section = "database", .key = "endpoint_cache", .type = T::choice,
     .label = N("Endpoint caching"),
     .help = N("How the app caches the endpoint: ttl honours the TTL, fixed re-resolves every "
               "endpoint cache period, forever never does (it keeps writing to the old writer).")},
    {.section = "database", .key = "endpoint_cache_s", .type = T::seconds,
     .label = N("Endpoint cache period"),
     .help = N("The period for fixed caching. A JVM caches for 30 s."), .unit = "s", .min = 0,
     .max = 2 * kDay, .step = 5},
    {.section = "database", .key = "fencing", .type = T::choice, .label = N("Fencing"),
     .help = N("none: a replaced writer that is still up accepts writes (split brain). lease: it "
               "refuses them from the start of the promotion. token: from its end.")},
    {.section = "database", .key = "sync_unreachable", .type = T::choice,
     .label = N("Sync replica unreachable"),
     .help = N("block: writes fail while a sync replica is unreachable. degrade to async: they "
               "fail for the sync timeout, then go on without it.")},
    {.section = "database", .key = "sync_timeout_s", .type = T::seconds, .label = N("Sync timeout"),
     .help = N("Degrade to async: how long writes fail before they go on without the unreachable "
               "sync replica."),
     .unit = "s", .min = 0, .max = 3'600, .step = 1},
    {.section = "database", .key = "clock_skew_ms", .type = T::millis, .label = N("Clock skew"),
     .help = N("Multi-writer: how far apart the writers' clocks are; it widens the conflict "
               "window."),
     .unit = "ms", .min = 0, .max = 3'600'000, .step = 10},
    {.section = "database", .key = "hot_keys", .type = T::integer, .label = N("Hot keys"),
     .help = N("Multi-writer: keys each key set's writes spread over. Fewer keys mean more "
               "conflicts."),
     .min = 1, .max = 100'000'000, .step = 100},
    {.section = "database", .key = "lag", .type = T::group, .label = N("Lag between writers"),
     .help = N("Multi-writer: replication lag between the writers.")},
    {.section = "database", .key = "switchover_base_s", .type = T::seconds,
     .label = N("Switchover pause"),
     .help = N("A planned switchover pauses writes for this plus twice the target's replication "
               "lag."),
     .unit = "s", .min = 0, .max = 3'600, .step = 5},
    {.section = "database", .key = "multi_az", .type = T::boolean, .label = N("Multi-AZ standby"),
     .help = N("The writer has a synchronous standby in a second AZ and fails over inside the "
               "region if its AZ fails.")},
    {.section = "database", .key = "multi_az_failover_s", .type = T::seconds,
     .label = N("Multi-AZ failover"),
     .help = N("Length of that in-region failover; writes fail while it runs. RDS: typically "
               "60–120 s."),
     .unit = "s", .min = 0, .max = 3'600, .step = 10},
    {.section = "database/replicas", .key = "region", .type = T::ref, .label = N("Region"),
     .help = N("Where the replica runs."), .refers = "region"},
    {.section = "database/replicas", .key = "mode", .type = T::choice, .label = N("Replication"),
     .help = N("async receives writes after a random lag; sync has no lag but every write waits "
               "for the round trip; cdc behaves like async.")},
    {.section = "database/replicas", .key = "lag", .type = T::group, .label = N("Replication lag"),
     .help = N("The replication lag distribution.")},
    {.section = "lag", .key = "median_ms", .type = T::millis, .label = N("Median"),
     .help = N("Half the lag samples are below it."), .unit = "ms", .min = 0, .max = 3'600'000,
     .step = 100},
    {.section = "lag", .key = "p99_ms", .type = T::millis, .label = N("99th percentile"),
     .help = N("1 % of the lag samples are above it; at least the median."), .unit = "ms", .min = 0,
     .max = 3'600'000, .step = 100},
};
// clang-format on

} // namespace

std::span<const FieldSpec> deployment_rows() {
    return kDeploymentRows;
}

} // namespace model::field_spec_detail
