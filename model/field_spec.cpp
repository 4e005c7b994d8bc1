#include "field_spec.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

// Marks text for Qt's lupdate, which finds it by this name; the model itself never translates.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif
#define N(text) QT_TRANSLATE_NOOP("FieldSpec", text)

namespace model {
namespace {

using T = FieldType;

constexpr double kDay = 86'400;

// Ranges as the format reference gives them (SCENARIO_FORMAT.md), in the file's unit. Laid out
// by hand, a few lines a field, so that the table reads like the reference's.
// clang-format off
const FieldSpec kSpecs[] = {
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

    {.section = "health_check", .key = "target", .type = T::ref, .label = N("Probes"),
     .help = N("The app tier the check probes."), .refers = "app_tier"},
    {.section = "health_check", .key = "interval_s", .type = T::seconds, .label = N("Interval"),
     .help = N("Time between one checker's probes: exactly 10 or 30 s."), .unit = "s", .min = 10,
     .max = 30, .step = 20},
    {.section = "health_check", .key = "failure_threshold", .type = T::integer,
     .label = N("Failure threshold"),
     .help = N("A checker changes its mind after this many consecutive contrary probes."), .min = 1,
     .max = 10},
    {.section = "health_check", .key = "deep", .type = T::boolean, .label = N("Deep check"),
     .help = N("Off: a shallow /health passes whenever the tier serves. On: the probe also fails "
               "when the tier's dependencies fail or it is too slow.")},
    {.section = "health_check", .key = "checkers", .type = T::integer, .label = N("Checkers"),
     .help = N("Number of checkers. The check is healthy while more than 18 % of them say so."),
     .min = 3, .max = 64},
    {.section = "health_check", .key = "checker_regions", .type = T::refs,
     .label = N("Checker regions"),
     .help = N("Where the checkers sit; empty means the eight Route 53 checker regions."),
     .when_empty = N("the eight Route 53 checker regions")},

    {.section = "dns", .key = "policy", .type = T::choice, .label = N("Routing policy"),
     .help = N("How a record is chosen: failover, latency, geolocation or weighted.")},
    {.section = "dns", .key = "ttl_s", .type = T::seconds, .label = N("TTL"),
     .help = N("TTL of the name's non-alias answers; clients cache an answer this long. Ignored "
               "when the first record is an alias."),
     .unit = "s", .min = 0, .max = 2 * kDay, .step = 10},
    {.section = "dns", .key = "records", .type = T::group, .label = N("Record"),
     .help = N("One answer the name can give.")},
    {.section = "dns/records", .key = "target", .type = T::ref, .label = N("Target"),
     .help = N("What the record answers: an app tier, or another DNS name (then it must be an "
               "alias)."),
     .refers = "app_tier|dns"},
    {.section = "dns/records", .key = "alias", .type = T::boolean, .label = N("Alias"),
     .help = N("An alias to the tier's load balancer or to another name. It decides the TTL and "
               "whether Evaluate Target Health applies.")},
    {.section = "dns/records", .key = "evaluate_target_health", .type = T::boolean,
     .label = N("Evaluate target health"),
     .help = N("Alias only: the record is healthy only while the load balancer reports healthy, "
               "which lags the tier by the load balancer's checks.")},
    {.section = "dns/records", .key = "health_check", .type = T::ref, .label = N("Health check"),
     .help = N("The record is unhealthy while this check says so. A non-alias record without one "
               "is always healthy."),
     .refers = "health_check", .optional = true},
    {.section = "dns/records", .key = "role", .type = T::choice, .label = N("Role"),
     .help = N("Failover role: primary or secondary.")},
    {.section = "dns/records", .key = "weight", .type = T::integer, .label = N("Weight"),
     .help = N("Relative weight, 0–255."), .min = 0, .max = 255},
    {.section = "dns/records", .key = "location", .label = N("Location"),
     .help = N("The place this record serves: * (default), a continent code or a country code.")},

    {.section = "accelerator", .key = "groups", .type = T::group, .label = N("Endpoint group"),
     .help = N("The endpoints in one region.")},
    {.section = "accelerator", .key = "interval_s", .type = T::seconds,
     .label = N("Check interval"),
     .help = N("Health-check interval of every endpoint: exactly 10 or 30 s."), .unit = "s",
     .min = 10, .max = 30, .step = 20},
    {.section = "accelerator", .key = "threshold", .type = T::integer, .label = N("Threshold"),
     .help = N("Consecutive probes before an endpoint's health flips."), .min = 1, .max = 10},
    {.section = "accelerator", .key = "return_delay_s", .type = T::seconds,
     .label = N("Return delay"),
     .help = N("When traffic moves to an endpoint while the current one is still healthy, "
               "connections move after this delay."),
     .unit = "s", .min = 0, .max = 600, .step = 5},
    {.section = "accelerator", .key = "backbone_route_factor", .type = T::number,
     .label = N("Backbone route factor"),
     .help = N("Path stretch on the provider backbone for accelerated traffic."), .min = 1,
     .max = 5, .step = 0.05, .decimals = 2},
    {.section = "accelerator", .key = "edge_rtt_ms", .type = T::millis,
     .label = N("Edge round trip"),
     .help = N("Extra round trip from the client to the nearest edge location."), .unit = "ms",
     .min = 0, .max = 500},
    {.section = "accelerator", .key = "edge_propagation_s", .type = T::seconds,
     .label = N("Edge propagation"),
     .help = N("When an endpoint fails, the connections on it move within this time."), .unit = "s",
     .min = 0, .max = 60, .step = 1},
    {.section = "accelerator/groups", .key = "region", .type = T::ref, .label = N("Region"),
     .help = N("The group's region."), .refers = "region"},
    {.section = "accelerator/groups", .key = "traffic_dial_pct", .type = T::integer,
     .label = N("Traffic dial"),
     .help = N("Share of the traffic reaching this group that the group keeps; the rest goes on "
               "to the next-nearest groups."),
     .unit = "%", .min = 0, .max = 100, .step = 10},
    {.section = "accelerator/groups", .key = "endpoints", .type = T::group, .label = N("Endpoint"),
     .help = N("An app tier in the group's region.")},
    {.section = "accelerator/groups/endpoints", .key = "target", .type = T::ref,
     .label = N("Target"), .help = N("The endpoint's app tier."), .refers = "app_tier"},
    {.section = "accelerator/groups/endpoints", .key = "weight", .type = T::integer,
     .label = N("Weight"),
     .help = N("Share within the group, weight ÷ Σ weights; 0 gets no traffic."), .min = 0,
     .max = 255},

    {.section = "population", .key = "lat", .type = T::number, .label = N("Latitude"),
     .help = N("Where the clients are, in degrees, for round trips and latency routing."),
     .unit = "°", .min = -90, .max = 90, .step = 0.5, .decimals = 2},
    {.section = "population", .key = "lon", .type = T::number, .label = N("Longitude"),
     .help = N("Where the clients are, in degrees, for round trips and latency routing."),
     .unit = "°", .min = -180, .max = 180, .step = 0.5, .decimals = 2},
    {.section = "population", .key = "continent", .label = N("Continent"),
     .help = N("AF, AN, AS, EU, NA, OC or SA, for geolocation records.")},
    {.section = "population", .key = "country", .label = N("Country"),
     .help = N("Two upper-case letters (ISO 3166), for geolocation records.")},
    {.section = "population", .key = "clients", .type = T::integer, .label = N("Clients"),
     .help = N("Number of clients; the model follows at most 400 cohorts, each with its own "
               "cache phase."),
     .min = 1, .max = 100'000'000, .step = 100},
    {.section = "population", .key = "rps", .type = T::number, .label = N("Request rate"),
     .help = N("Total request rate of the population."), .unit = "requests/s", .min = 0,
     .max = 1'000'000, .step = 10, .decimals = 1},
    {.section = "population", .key = "write_share", .type = T::number, .label = N("Write share"),
     .help = N("Share of requests that are writes; the rest are reads."), .min = 0, .max = 1,
     .step = 0.05, .decimals = 3},
    {.section = "population", .key = "timeout_s", .type = T::seconds, .label = N("Timeout"),
     .help = N("A request whose latency exceeds this fails as a timeout."), .unit = "s", .min = 0.1,
     .max = 600, .step = 1},
    {.section = "population", .key = "retries", .type = T::integer, .label = N("Retries"),
     .help = N("Retries after a brownout or shed failure. Every retry is one more request "
               "offered to the tier, which never serves more than its capacity."),
     .min = 0, .max = 10},
    {.section = "population", .key = "dns_cache", .type = T::group, .label = N("Caching habit"),
     .help = N("How a share of the clients caches DNS answers.")},
    {.section = "population", .key = "entry", .type = T::ref, .label = N("Entry"),
     .help = N("Where the clients start: a DNS name or an accelerator."),
     .refers = "dns|accelerator"},
    {.section = "population", .key = "connection_lifetime_s", .type = T::seconds,
     .label = N("Connection lifetime"),
     .help = N("Accelerator entries only: how long a connection lives."), .unit = "s", .min = 0,
     .max = kDay, .step = 10},
    {.section = "population", .key = "keys", .label = N("Key set"),
     .help = N("The keys its writes go to. Populations naming the same key set write the same "
               "keys and conflict under last-writer-wins wherever they are; empty: keys of its "
               "own.")},
    {.section = "population/dns_cache", .key = "share", .type = T::number, .label = N("Share"),
     .help = N("Share of the population with this habit; the shares add up to 1."), .min = 0,
     .max = 1, .step = 0.05, .decimals = 3},
    {.section = "population/dns_cache", .key = "mode", .type = T::choice, .label = N("Caching"),
     .help = N("ttl: re-resolve every TTL of the entry name. fixed: every cache time, whatever "
               "the TTL.")},
    {.section = "population/dns_cache", .key = "cache_s", .type = T::seconds,
     .label = N("Cache time"),
     .help = N("The fixed cache time. Chrome 60 s, JVM 30 s, Android 2 s, IE 30 min."), .unit = "s",
     .min = 0, .max = 7 * kDay, .step = 10},

    {.section = "fault", .key = "kind", .type = T::choice, .label = N("Kind"),
     .help = N("What happens.")},
    {.section = "fault", .key = "at_s", .type = T::seconds, .label = N("Starts at"),
     .help = N("When it starts, on the run's clock."), .unit = "s", .min = 0, .max = kDay,
     .step = 10},
    {.section = "fault", .key = "until_s", .type = T::seconds, .label = N("Ends at"),
     .help = N("When it ends; absent, it lasts to the end of the run."), .unit = "s", .min = 0,
     .max = kDay, .step = 10},
    {.section = "fault", .key = "region", .type = T::ref, .label = N("Region"),
     .help = N("The region the fault hits or the action targets."), .refers = "region"},
    {.section = "fault", .key = "az", .type = T::integer, .label = N("AZ"),
     .help = N("The Availability Zone (0-based), below the region's AZ count."), .min = 0,
     .max = 5},
    {.section = "fault", .key = "target", .type = T::ref, .label = N("Target"),
     .help = N("The app tier or data store that browns out."), .refers = "app_tier|data_store"},
    {.section = "fault", .key = "error_share", .type = T::number, .label = N("Error share"),
     .help = N("Share of requests the target fails itself."), .min = 0, .max = 1, .step = 0.05,
     .decimals = 3},
    {.section = "fault", .key = "extra_latency_ms", .type = T::millis, .label = N("Extra latency"),
     .help = N("Latency added to every request."), .unit = "ms", .min = 0, .max = 600'000,
     .step = 50},
    {.section = "fault", .key = "regions", .type = T::refs, .label = N("Regions"),
     .help = N("A partition: the cut-off side. Impaired health checkers: where they fail.")},
    {.section = "fault", .key = "users_reach", .type = T::boolean, .label = N("Users reach"),
     .help = N("Off: no population can reach tiers in the cut-off regions.")},
    {.section = "fault", .key = "checkers_reach", .type = T::boolean, .label = N("Checkers reach"),
     .help = N("Off: health checkers outside the cut-off side fail against it.")},
    {.section = "fault", .key = "database", .type = T::ref, .label = N("Database"),
     .help = N("The database the fault or action concerns."), .refers = "database"},
    {.section = "fault", .key = "replica", .type = T::ref, .label = N("Replica"),
     .help = N("The replica's region."), .refers = "region"},
    {.section = "fault", .key = "lag_ms", .type = T::millis, .label = N("Added lag"),
     .help = N("Added to every lag sample of that replica."), .unit = "ms", .min = 0,
     .max = 86'400'000, .step = 1000},
    {.section = "fault", .key = "dns", .type = T::ref, .label = N("DNS name"),
     .help = N("The DNS name the operator edits."), .refers = "dns"},
    {.section = "fault", .key = "record", .label = N("Record"), .help = N("The record id edited.")},
    {.section = "fault", .key = "operator_delay_s", .type = T::seconds,
     .label = N("Operator delay"),
     .help = N("The operator submits the edit this long after the start."), .unit = "s", .min = 0,
     .max = kDay, .step = 10},
    {.section = "fault", .key = "set_weight", .type = T::integer, .label = N("New weight"),
     .help = N("The new weight (weighted names only)."), .min = 0, .max = 255},
    {.section = "fault", .key = "set_target", .type = T::ref, .label = N("New target"),
     .help = N("The new target: an app tier or DNS name."), .refers = "app_tier|dns"},

    {.section = "cost", .key = "baseline_monthly", .type = T::number,
     .label = N("Baseline monthly bill"),
     .help = N("The single-region deployment's monthly bill; 0: not stated."), .min = 0,
     .max = 1e12, .step = 100, .decimals = 2},
    {.section = "cost", .key = "outages_per_year", .type = T::number, .label = N("Outages a year"),
     .help = N("Expected regional outages a year, for the break-even."), .min = 0, .max = 1000,
     .step = 0.5, .decimals = 2},
    {.section = "cost", .key = "revenue_per_minute", .type = T::number,
     .label = N("Cost of a minute down"), .help = N("What a minute of downtime costs."), .min = 0,
     .max = 1e12, .step = 10, .decimals = 2},
};
// clang-format on

using SpecKey = std::pair<std::string_view, std::string_view>;

const std::map<SpecKey, const FieldSpec *> &spec_index() {
    static const std::map<SpecKey, const FieldSpec *> index = [] {
        std::map<SpecKey, const FieldSpec *> m;
        for (const FieldSpec &f : kSpecs)
            m.emplace(SpecKey{f.section, f.key}, &f);
        return m;
    }();
    return index;
}

struct KindWords {
    const char *kind;
    const char *label;
};

const KindWords kKinds[] = {
    {"region", N("Region")},
    {"app_tier", N("App tier")},
    {"data_store", N("Data store")},
    {"database", N("Database")},
    {"health_check", N("Health check")},
    {"dns", N("DNS name")},
    {"accelerator", N("Accelerator")},
    {"population", N("Users")},
    {"fault", N("Fault")},
    {"rtt_overrides", N("Round-trip override")},
    {"scenario", N("Scenario")},
    {"settings", N("Scenario settings")},
    {"cost", N("Cost figures")},
};

struct ChoiceWords {
    const char *key;
    const char *value;
    const char *label;
};

const ChoiceWords kChoices[] = {
    {"kind", "single_writer", N("single writer (RDS)")},
    {"kind", "global", N("global (Aurora Global)")},
    {"kind", "multi_writer", N("multi-writer (last writer wins)")},
    {"kind", "consensus", N("consensus (Spanner style)")},
    {"sync_unreachable", "degrade_to_async", N("degrade to async")},
    {"endpoint_cache", "ttl", N("by TTL")},
    {"endpoint_cache", "fixed", N("fixed period")},
    {"endpoint_cache", "forever", N("forever")},
    {"mode", "ttl", N("by TTL")},
    {"mode", "cdc", N("change data capture")},
    {"kind", "az_outage", N("AZ outage")},
    {"kind", "dns_control_plane_impaired", N("DNS control plane impaired")},
    {"kind", "manual_dns_change", N("manual DNS change")},
    {"kind", "fail_back", N("fail-back")},
};

bool single_writer_kind(const Database &d) {
    return d.kind == DbKind::single_writer || d.kind == DbKind::global;
}

bool has_sync_replica(const Database &d) {
    return std::any_of(d.replicas.begin(), d.replicas.end(),
                       [](const DbReplica &r) { return r.mode == Replication::sync; });
}

// The writer endpoint: a promotion or switchover changes it (single writer, global), or an
// election does (consensus: tiers without an instance of their own read through it).
bool has_endpoint(const Database &d) {
    return single_writer_kind(d) || d.kind == DbKind::consensus;
}

} // namespace

bool FieldSpec::has_range() const {
    return type == FieldType::integer || type == FieldType::number || type == FieldType::seconds ||
           type == FieldType::millis;
}

std::span<const FieldSpec> field_specs() {
    return kSpecs;
}

const FieldSpec *find_field_spec(std::string_view section, std::string_view key) {
    const auto &index = spec_index();
    for (std::string_view tail = section;;) {
        if (const auto it = index.find(SpecKey{tail, key}); it != index.end())
            return it->second;
        const auto slash = tail.find('/');
        if (slash == std::string_view::npos)
            break;
        tail.remove_prefix(slash + 1);
    }
    if (const auto it = index.find(SpecKey{"*", key}); it != index.end())
        return it->second;
    return nullptr;
}

const char *kind_label(std::string_view kind) {
    for (const KindWords &k : kKinds)
        if (kind == k.kind)
            return k.label;
    return "";
}

std::string choice_label(std::string_view key, std::string_view value) {
    for (const ChoiceWords &c : kChoices)
        if (key == c.key && value == c.value)
            return c.label;
    std::string words(value);
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

bool database_field_applies(const Database &d, std::string_view key) {
    const bool single = single_writer_kind(d);
    const bool multi = d.kind == DbKind::multi_writer;
    const bool consensus = d.kind == DbKind::consensus;
    if (key == "writer" || key == "promotion" || key == "promotion_s" || key == "fencing" ||
        key == "switchover_base_s")
        return single;
    if (key == "writers")
        return multi || consensus;
    if (key == "detection_s")
        return consensus || (single && d.promotion == PromotionMode::automated);
    if (key == "operator_delay_s")
        return single && d.promotion == PromotionMode::manual;
    if (key == "endpoint_update_s" || key == "endpoint_cache")
        return has_endpoint(d);
    if (key == "endpoint_ttl_s")
        return has_endpoint(d) && d.endpoint_cache == EndpointCache::ttl;
    if (key == "endpoint_cache_s")
        return has_endpoint(d) && d.endpoint_cache == EndpointCache::fixed;
    if (key == "sync_unreachable")
        return single && has_sync_replica(d);
    if (key == "sync_timeout_s")
        return single && has_sync_replica(d) &&
               d.sync_unreachable == SyncUnreachable::degrade_to_async;
    if (key == "clock_skew_ms" || key == "hot_keys" || key == "lag")
        return multi;
    if (key == "multi_az_failover_s")
        return single && d.multi_az;
    return true; // id, kind, replicas, multi_az
}

std::vector<std::string> database_fields_that_apply(const Database &d) {
    std::vector<std::string> keys{"id"};
    for (const FieldSpec &f : kSpecs)
        if (std::string_view(f.section) == "database" && database_field_applies(d, f.key))
            keys.push_back(f.key);
    return keys;
}

} // namespace model
