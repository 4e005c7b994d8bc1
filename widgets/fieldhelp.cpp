#include "fieldhelp.h"

#include <QCoreApplication>
#include <QLocale>

#include <iterator>

namespace widgets {
namespace {

constexpr double kWide = 1e12;

struct Row {
    const char *section;
    const char *key;
    const char *label;
    const char *meaning;
    double min = -kWide;
    double max = kWide;
    double step = 0;
    int decimals = 2;
};

// Condensed from model/SCENARIO_FORMAT.md; ranges in the unit the field is shown in.
const Row kRows[] = {
    {"*", "id", QT_TRANSLATE_NOOP("FieldHelp", "Id"),
     QT_TRANSLATE_NOOP("FieldHelp", "The component's id; other parts refer to it by this name.")},
    {"*", "name", QT_TRANSLATE_NOOP("FieldHelp", "Name"),
     QT_TRANSLATE_NOOP("FieldHelp", "Display name.")},
    {"*", "lat", QT_TRANSLATE_NOOP("FieldHelp", "Latitude"),
     QT_TRANSLATE_NOOP("FieldHelp", "Where it is, in degrees, for distances and round trips."), -90,
     90, 0.5, 2},
    {"*", "lon", QT_TRANSLATE_NOOP("FieldHelp", "Longitude"),
     QT_TRANSLATE_NOOP("FieldHelp", "Where it is, in degrees, for distances and round trips."),
     -180, 180, 0.5, 2},

    {"region", "azs", QT_TRANSLATE_NOOP("FieldHelp", "Availability Zones"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Number of Availability Zones. An app tier's capacity is spread evenly over them."),
     1, 6},
    {"region", "inter_az_rtt_ms", QT_TRANSLATE_NOOP("FieldHelp", "Round trip inside the region"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Used when a tier talks to a database instance in its own region."),
     0, 50},

    {"app_tier", "region", QT_TRANSLATE_NOOP("FieldHelp", "Region"),
     QT_TRANSLATE_NOOP("FieldHelp", "Where the tier runs. A region outage takes it down.")},
    {"app_tier", "capacity_rps", QT_TRANSLATE_NOOP("FieldHelp", "Capacity"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Full capacity, spread evenly over the region's AZs. Demand above it is shed. A tier "
         "with capacity 0 never serves."),
     0, 10'000'000, 100},
    {"app_tier", "standby", QT_TRANSLATE_NOOP("FieldHelp", "Standby"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "hot runs at full capacity; warm runs at the warm fraction until a scale-up has "
         "finished.")},
    {"app_tier", "warm_fraction", QT_TRANSLATE_NOOP("FieldHelp", "Warm fraction"),
     QT_TRANSLATE_NOOP("FieldHelp", "Share of capacity a warm tier runs before it scales up."), 0,
     1, 0.05, 2},
    {"app_tier", "scale_up_s", QT_TRANSLATE_NOOP("FieldHelp", "Scale-up time"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "A warm tier starts scaling when its demand first exceeds its capacity, and reaches full "
         "capacity this long after."),
     0, 21'600, 60},
    {"app_tier", "service_ms", QT_TRANSLATE_NOOP("FieldHelp", "Service time"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Time to serve one request; a queueing term grows with the load."),
     0, 60'000},
    {"app_tier", "depends_on", QT_TRANSLATE_NOOP("FieldHelp", "Depends on"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Data stores and databases every request needs. Link them by dragging on the map.")},

    {"app_tier", "lb_interval_s", QT_TRANSLATE_NOOP("FieldHelp", "Load balancer check interval"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "How often the tier's load balancer checks its targets (documented ALB default 30 s). "
         "Evaluate Target Health follows what the load balancer concludes."),
     5, 300, 5},
    {"app_tier", "lb_unhealthy_threshold",
     QT_TRANSLATE_NOOP("FieldHelp", "Load balancer unhealthy threshold"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Failed checks in a row before the load balancer marks the target "
                       "unhealthy (documented ALB default 2)."),
     2, 10},
    {"app_tier", "lb_healthy_threshold",
     QT_TRANSLATE_NOOP("FieldHelp", "Load balancer healthy threshold"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Passed checks in a row before the load balancer marks the target healthy "
                       "again (documented ALB default 5)."),
     2, 10},

    {"data_store", "kind", QT_TRANSLATE_NOOP("FieldHelp", "Kind"),
     QT_TRANSLATE_NOOP("FieldHelp", "What the store is. A label only: every kind behaves "
                                    "the same way.")},
    {"data_store", "region", QT_TRANSLATE_NOOP("FieldHelp", "Region"),
     QT_TRANSLATE_NOOP("FieldHelp", "Where the primary copy lives.")},
    {"data_store", "replicas", QT_TRANSLATE_NOOP("FieldHelp", "Copies in"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Further regions holding a usable copy. With none, the store is a hidden single point "
         "of failure.")},

    {"database", "kind", QT_TRANSLATE_NOOP("FieldHelp", "Kind"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "single_writer (RDS), global (Aurora Global), multi_writer (last writer wins) or "
         "consensus (Spanner style).")},
    {"database", "writer", QT_TRANSLATE_NOOP("FieldHelp", "Writer"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Region of the first writer, and the home that fail_back returns to.")},
    {"database", "writers", QT_TRANSLATE_NOOP("FieldHelp", "Writers"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "multi_writer: the writing regions; consensus: the voters, the first being the leader.")},
    {"database", "promotion", QT_TRANSLATE_NOOP("FieldHelp", "Promotion"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Who promotes a replica when the writer is lost: automated, manual (an operator) or "
         "none.")},
    {"database", "detection_s", QT_TRANSLATE_NOOP("FieldHelp", "Detection"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "automated: time from losing the writer to starting a promotion."),
     0, 21'600, 5},
    {"database", "operator_delay_s", QT_TRANSLATE_NOOP("FieldHelp", "Operator delay"),
     QT_TRANSLATE_NOOP("FieldHelp", "manual: time for a person to notice and decide."), 0, 86'400,
     60},
    {"database", "promotion_s", QT_TRANSLATE_NOOP("FieldHelp", "Promotion time"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "How long the promotion takes, reboot included. Cross-region RDS: several minutes; "
         "Aurora Global: about 1 min."),
     0, 21'600, 10},
    {"database", "endpoint_update_s", QT_TRANSLATE_NOOP("FieldHelp", "Endpoint update"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Time from the end of a promotion to the writer endpoint record naming the new writer."),
     0, 3'600, 1},
    {"database", "endpoint_ttl_s", QT_TRANSLATE_NOOP("FieldHelp", "Endpoint TTL"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "TTL of the writer endpoint record; tiers caching by TTL re-resolve on this period."),
     0, 172'800, 1},
    {"database", "endpoint_cache", QT_TRANSLATE_NOOP("FieldHelp", "Endpoint caching"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "How the app caches the endpoint: ttl honours the TTL, fixed re-resolves every endpoint "
         "cache period, forever never does (it keeps writing to the old writer).")},
    {"database", "endpoint_cache_s", QT_TRANSLATE_NOOP("FieldHelp", "Endpoint cache period"),
     QT_TRANSLATE_NOOP("FieldHelp", "The period for fixed caching. A JVM caches for 30 s."), 0,
     172'800, 5},
    {"database", "fencing", QT_TRANSLATE_NOOP("FieldHelp", "Fencing"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "none: a replaced writer that is still up accepts writes (split brain). lease: it refuses "
         "them from the start of the promotion. token: from its end.")},
    {"database", "sync_unreachable", QT_TRANSLATE_NOOP("FieldHelp", "Sync replica unreachable"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "block: writes fail while a sync replica is unreachable. degrade_to_async: they fail for "
         "the sync timeout, then go on without it.")},
    {"database", "sync_timeout_s", QT_TRANSLATE_NOOP("FieldHelp", "Sync timeout"),
     QT_TRANSLATE_NOOP("FieldHelp", "See the sync replica setting."), 0, 3'600, 1},
    {"database", "clock_skew_ms", QT_TRANSLATE_NOOP("FieldHelp", "Clock skew"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "multi_writer: how far apart the writers' clocks are; it widens the conflict window."),
     0, 3'600'000, 10},
    {"database", "hot_keys", QT_TRANSLATE_NOOP("FieldHelp", "Hot keys"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "multi_writer: keys each population's writes spread over. Fewer keys mean more "
         "conflicts."),
     1, 100'000'000, 100},
    {"database", "lag", QT_TRANSLATE_NOOP("FieldHelp", "Lag between writers"),
     QT_TRANSLATE_NOOP("FieldHelp", "multi_writer: replication lag between the writers.")},
    {"database", "switchover_base_s", QT_TRANSLATE_NOOP("FieldHelp", "Switchover pause"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "A planned switchover pauses writes for this plus twice the target's replication lag."),
     0, 3'600, 5},
    {"database", "multi_az", QT_TRANSLATE_NOOP("FieldHelp", "Multi-AZ standby"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "The writer has a synchronous standby in a second AZ and fails over inside the region "
         "if its AZ fails.")},
    {"database", "multi_az_failover_s", QT_TRANSLATE_NOOP("FieldHelp", "Multi-AZ failover"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Length of that in-region failover; writes fail while it runs. RDS: typically "
         "60–120 s."),
     0, 3'600, 10},
    {"database", "replicas", QT_TRANSLATE_NOOP("FieldHelp", "Replica"),
     QT_TRANSLATE_NOOP("FieldHelp", "A read replica in another region.")},
    {"database/replicas", "region", QT_TRANSLATE_NOOP("FieldHelp", "Region"),
     QT_TRANSLATE_NOOP("FieldHelp", "Where the replica runs.")},
    {"database/replicas", "mode", QT_TRANSLATE_NOOP("FieldHelp", "Replication"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "async receives writes after a random lag; sync has no lag but every write waits for "
         "the round trip; cdc behaves like async.")},
    {"database/replicas", "lag", QT_TRANSLATE_NOOP("FieldHelp", "Replication lag"),
     QT_TRANSLATE_NOOP("FieldHelp", "The replication lag distribution.")},
    {"lag", "median_ms", QT_TRANSLATE_NOOP("FieldHelp", "Median"),
     QT_TRANSLATE_NOOP("FieldHelp", "Half the lag samples are below it."), 0, 3'600'000, 100},
    {"lag", "p99_ms", QT_TRANSLATE_NOOP("FieldHelp", "99th percentile"),
     QT_TRANSLATE_NOOP("FieldHelp", "1 % of the lag samples are above it; at least the median."), 0,
     3'600'000, 100},

    {"health_check", "target", QT_TRANSLATE_NOOP("FieldHelp", "Probes"),
     QT_TRANSLATE_NOOP("FieldHelp", "The app tier the check probes.")},
    {"health_check", "interval_s", QT_TRANSLATE_NOOP("FieldHelp", "Interval"),
     QT_TRANSLATE_NOOP("FieldHelp", "Time between one checker's probes: exactly 10 or 30 s."), 10,
     30, 20},
    {"health_check", "failure_threshold", QT_TRANSLATE_NOOP("FieldHelp", "Failure threshold"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "A checker changes its mind after this many consecutive contrary probes."),
     1, 10},
    {"health_check", "deep", QT_TRANSLATE_NOOP("FieldHelp", "Deep check"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Off: a shallow /health passes whenever the tier serves. On: the probe also fails when "
         "the tier's dependencies fail or it is too slow.")},
    {"health_check", "checkers", QT_TRANSLATE_NOOP("FieldHelp", "Checkers"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Number of checkers. The check is healthy while more than 18 % of them say so."),
     3, 64},
    {"health_check", "checker_regions", QT_TRANSLATE_NOOP("FieldHelp", "Checker regions"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Where the checkers sit; empty means the eight Route 53 checker regions.")},

    {"dns", "policy", QT_TRANSLATE_NOOP("FieldHelp", "Routing policy"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "How a record is chosen: failover, latency, geolocation or weighted.")},
    {"dns", "ttl_s", QT_TRANSLATE_NOOP("FieldHelp", "TTL"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "TTL of the name's non-alias answers; clients cache an answer this long. Ignored when "
         "the first record is an alias."),
     0, 172'800, 10},
    {"dns", "records", QT_TRANSLATE_NOOP("FieldHelp", "Record"),
     QT_TRANSLATE_NOOP("FieldHelp", "One answer the name can give.")},
    {"dns/records", "target", QT_TRANSLATE_NOOP("FieldHelp", "Target"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "What the record answers: an app tier, or another DNS name (then it must be an alias).")},
    {"dns/records", "alias", QT_TRANSLATE_NOOP("FieldHelp", "Alias"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "An alias to the tier's load balancer or to another name. It decides the TTL and "
         "whether Evaluate Target Health applies.")},
    {"dns/records", "evaluate_target_health",
     QT_TRANSLATE_NOOP("FieldHelp", "Evaluate target health"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Alias only: the record is healthy only while the load balancer reports healthy, which "
         "lags the tier by the ETH delay.")},
    {"dns/records", "health_check", QT_TRANSLATE_NOOP("FieldHelp", "Health check"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "The record is unhealthy while this check says so. A non-alias record without one is "
         "always healthy.")},
    {"dns/records", "role", QT_TRANSLATE_NOOP("FieldHelp", "Role"),
     QT_TRANSLATE_NOOP("FieldHelp", "Failover role: primary or secondary.")},
    {"dns/records", "weight", QT_TRANSLATE_NOOP("FieldHelp", "Weight"),
     QT_TRANSLATE_NOOP("FieldHelp", "Relative weight, 0–255."), 0, 255},
    {"dns/records", "location", QT_TRANSLATE_NOOP("FieldHelp", "Location"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "The place this record serves: * (default), a continent code or a country code.")},

    {"accelerator", "interval_s", QT_TRANSLATE_NOOP("FieldHelp", "Check interval"),
     QT_TRANSLATE_NOOP("FieldHelp", "Health-check interval of every endpoint: exactly 10 or 30 s."),
     10, 30, 20},
    {"accelerator", "threshold", QT_TRANSLATE_NOOP("FieldHelp", "Threshold"),
     QT_TRANSLATE_NOOP("FieldHelp", "Consecutive probes before an endpoint's health flips."), 1,
     10},
    {"accelerator", "return_delay_s", QT_TRANSLATE_NOOP("FieldHelp", "Return delay"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "When traffic moves to an endpoint while the current one is still healthy, connections "
         "move after this delay."),
     0, 600, 5},
    {"accelerator", "backbone_route_factor",
     QT_TRANSLATE_NOOP("FieldHelp", "Backbone route factor"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Path stretch on the provider backbone for accelerated traffic."),
     1, 5, 0.05, 2},
    {"accelerator", "edge_rtt_ms", QT_TRANSLATE_NOOP("FieldHelp", "Edge round trip"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Extra round trip from the client to the nearest edge location."),
     0, 500},
    {"accelerator", "edge_propagation_s", QT_TRANSLATE_NOOP("FieldHelp", "Edge propagation"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "When an endpoint fails, the connections on it move within this time."),
     0, 60, 1},
    {"accelerator", "groups", QT_TRANSLATE_NOOP("FieldHelp", "Endpoint group"),
     QT_TRANSLATE_NOOP("FieldHelp", "The endpoints in one region.")},
    {"accelerator/groups", "region", QT_TRANSLATE_NOOP("FieldHelp", "Region"),
     QT_TRANSLATE_NOOP("FieldHelp", "The group's region.")},
    {"accelerator/groups", "traffic_dial_pct", QT_TRANSLATE_NOOP("FieldHelp", "Traffic dial"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Share of the traffic reaching this group that the group keeps; the rest goes on to the "
         "next-nearest groups."),
     0, 100, 10},
    {"accelerator/groups", "endpoints", QT_TRANSLATE_NOOP("FieldHelp", "Endpoint"),
     QT_TRANSLATE_NOOP("FieldHelp", "An app tier in the group's region.")},
    {"accelerator/groups/endpoints", "target", QT_TRANSLATE_NOOP("FieldHelp", "Target"),
     QT_TRANSLATE_NOOP("FieldHelp", "The endpoint's app tier.")},
    {"accelerator/groups/endpoints", "weight", QT_TRANSLATE_NOOP("FieldHelp", "Weight"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Share within the group, weight ÷ Σ weights; 0 gets no traffic."),
     0, 255},

    {"population", "continent", QT_TRANSLATE_NOOP("FieldHelp", "Continent"),
     QT_TRANSLATE_NOOP("FieldHelp", "AF, AN, AS, EU, NA, OC or SA, for geolocation records.")},
    {"population", "country", QT_TRANSLATE_NOOP("FieldHelp", "Country"),
     QT_TRANSLATE_NOOP("FieldHelp", "Two upper-case letters (ISO 3166), for geolocation records.")},
    {"population", "clients", QT_TRANSLATE_NOOP("FieldHelp", "Clients"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "Number of clients; the model follows at most 400 cohorts, each with its own cache "
         "phase."),
     1, 100'000'000, 100},
    {"population", "rps", QT_TRANSLATE_NOOP("FieldHelp", "Request rate"),
     QT_TRANSLATE_NOOP("FieldHelp", "Total request rate of the population."), 0, 1'000'000, 10, 1},
    {"population", "write_share", QT_TRANSLATE_NOOP("FieldHelp", "Write share"),
     QT_TRANSLATE_NOOP("FieldHelp", "Share of requests that are writes; the rest are reads."), 0, 1,
     0.05, 3},
    {"population", "timeout_s", QT_TRANSLATE_NOOP("FieldHelp", "Timeout"),
     QT_TRANSLATE_NOOP("FieldHelp", "A request whose latency exceeds this fails as a timeout."),
     0.1, 600, 1},
    {"population", "retries", QT_TRANSLATE_NOOP("FieldHelp", "Retries"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Retries after a brownout or shed failure. Every retry is one more "
                       "request offered to the tier, which never serves more than its capacity."),
     0, 10},
    {"population", "dns_cache", QT_TRANSLATE_NOOP("FieldHelp", "Caching habit"),
     QT_TRANSLATE_NOOP("FieldHelp", "How a share of the clients caches DNS answers.")},
    {"population", "entry", QT_TRANSLATE_NOOP("FieldHelp", "Entry"),
     QT_TRANSLATE_NOOP("FieldHelp", "Where the clients start: a DNS name or an accelerator.")},
    {"population", "connection_lifetime_s", QT_TRANSLATE_NOOP("FieldHelp", "Connection lifetime"),
     QT_TRANSLATE_NOOP("FieldHelp", "Accelerator entries only: how long a connection lives."), 0,
     86'400, 10},
    {"population", "keys", QT_TRANSLATE_NOOP("FieldHelp", "Key set"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "The keys its writes go to. Populations naming the same key set write the same keys "
         "and conflict under last-writer-wins wherever they are; empty: keys of its own.")},
    {"population/dns_cache", "share", QT_TRANSLATE_NOOP("FieldHelp", "Share"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Share of the population with this habit; the shares add up to 1."),
     0, 1, 0.05, 3},
    {"population/dns_cache", "mode", QT_TRANSLATE_NOOP("FieldHelp", "Caching"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "ttl: re-resolve every TTL of the entry name. fixed: every cache time, whatever the "
         "TTL.")},
    {"population/dns_cache", "cache_s", QT_TRANSLATE_NOOP("FieldHelp", "Cache time"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "The fixed cache time. Chrome 60 s, JVM 30 s, Android 2 s, IE 30 min."),
     0, 604'800, 10},

    {"fault", "kind", QT_TRANSLATE_NOOP("FieldHelp", "Kind"),
     QT_TRANSLATE_NOOP("FieldHelp", "What happens.")},
    {"fault", "at_s", QT_TRANSLATE_NOOP("FieldHelp", "Starts at"),
     QT_TRANSLATE_NOOP("FieldHelp", "When it starts, on the run's clock."), 0, 86'400, 10},
    {"fault", "until_s", QT_TRANSLATE_NOOP("FieldHelp", "Ends at"),
     QT_TRANSLATE_NOOP("FieldHelp", "When it ends; absent, it lasts to the end of the run."), 0,
     86'400, 10},
    {"fault", "region", QT_TRANSLATE_NOOP("FieldHelp", "Region"),
     QT_TRANSLATE_NOOP("FieldHelp", "The region the fault hits or the action targets.")},
    {"fault", "az", QT_TRANSLATE_NOOP("FieldHelp", "AZ"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "The Availability Zone (0-based), below the region's AZ count."),
     0, 5},
    {"fault", "target", QT_TRANSLATE_NOOP("FieldHelp", "Target"),
     QT_TRANSLATE_NOOP("FieldHelp", "The app tier or data store that browns out.")},
    {"fault", "error_share", QT_TRANSLATE_NOOP("FieldHelp", "Error share"),
     QT_TRANSLATE_NOOP("FieldHelp", "Share of requests the target fails itself."), 0, 1, 0.05, 3},
    {"fault", "extra_latency_ms", QT_TRANSLATE_NOOP("FieldHelp", "Extra latency"),
     QT_TRANSLATE_NOOP("FieldHelp", "Latency added to every request."), 0, 600'000, 50},
    {"fault", "regions", QT_TRANSLATE_NOOP("FieldHelp", "Regions"),
     QT_TRANSLATE_NOOP(
         "FieldHelp",
         "partition: the cut-off side; health_checker_impaired: where checkers fail.")},
    {"fault", "users_reach", QT_TRANSLATE_NOOP("FieldHelp", "Users reach"),
     QT_TRANSLATE_NOOP("FieldHelp", "Off: no population can reach tiers in the cut-off regions.")},
    {"fault", "checkers_reach", QT_TRANSLATE_NOOP("FieldHelp", "Checkers reach"),
     QT_TRANSLATE_NOOP("FieldHelp",
                       "Off: health checkers outside the cut-off side fail against it.")},
    {"fault", "database", QT_TRANSLATE_NOOP("FieldHelp", "Database"),
     QT_TRANSLATE_NOOP("FieldHelp", "The database the fault or action concerns.")},
    {"fault", "replica", QT_TRANSLATE_NOOP("FieldHelp", "Replica"),
     QT_TRANSLATE_NOOP("FieldHelp", "The replica's region.")},
    {"fault", "lag_ms", QT_TRANSLATE_NOOP("FieldHelp", "Added lag"),
     QT_TRANSLATE_NOOP("FieldHelp", "Added to every lag sample of that replica."), 0, 86'400'000,
     1000},
    {"fault", "dns", QT_TRANSLATE_NOOP("FieldHelp", "DNS name"),
     QT_TRANSLATE_NOOP("FieldHelp", "The DNS name the operator edits.")},
    {"fault", "record", QT_TRANSLATE_NOOP("FieldHelp", "Record"),
     QT_TRANSLATE_NOOP("FieldHelp", "The record id edited.")},
    {"fault", "operator_delay_s", QT_TRANSLATE_NOOP("FieldHelp", "Operator delay"),
     QT_TRANSLATE_NOOP("FieldHelp", "The operator submits the edit this long after the start."), 0,
     86'400, 10},
    {"fault", "set_weight", QT_TRANSLATE_NOOP("FieldHelp", "New weight"),
     QT_TRANSLATE_NOOP("FieldHelp", "The new weight (weighted names only)."), 0, 255},
    {"fault", "set_target", QT_TRANSLATE_NOOP("FieldHelp", "New target"),
     QT_TRANSLATE_NOOP("FieldHelp", "The new target: an app tier or DNS name.")},
};

struct Ref {
    const char *section;
    const char *key;
    const char *refers;
    bool optional = false;
};

const Ref kRefs[] = {
    {"app_tier", "region", "region"},
    {"data_store", "region", "region"},
    {"database", "writer", "region"},
    {"database/replicas", "region", "region"},
    {"health_check", "target", "app_tier"},
    {"dns/records", "target", "app_tier|dns"},
    {"dns/records", "health_check", "health_check", true},
    {"accelerator/groups", "region", "region"},
    {"accelerator/groups/endpoints", "target", "app_tier"},
    {"population", "entry", "dns|accelerator"},
    {"fault", "region", "region"},
    {"fault", "target", "app_tier|data_store"},
    {"fault", "database", "database"},
    {"fault", "replica", "region"},
    {"fault", "dns", "dns"},
    {"fault", "set_target", "app_tier|dns"},
};

struct Empty {
    const char *section;
    const char *key;
    const char *text;
};

const Empty kEmpty[] = {
    {"health_check", "checker_regions",
     QT_TRANSLATE_NOOP("FieldHelp", "the eight Route 53 checker regions")},
    {"data_store", "replicas", QT_TRANSLATE_NOOP("FieldHelp", "none: a single copy")},
    {"app_tier", "depends_on", QT_TRANSLATE_NOOP("FieldHelp", "nothing")},
};

QString tr_help(const char *text) {
    return QCoreApplication::translate("FieldHelp", text);
}

QString readable(const QString &key) {
    QString text = key;
    for (const char *suffix : {"_rps", "_pct", "_ms", "_s"})
        if (text.endsWith(QLatin1String(suffix))) {
            text.chop(static_cast<int>(qstrlen(suffix)));
            break;
        }
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// "database/replicas/lag" is looked up as itself, then as "lag"; every section also has "*".
bool section_matches(const QString &section, const char *row_section) {
    const QLatin1String want(row_section);
    return section == want || section.endsWith(QLatin1Char('/') + want) ||
           want == QLatin1String("*");
}

} // namespace

FieldHelp field_help(const QString &section, const QString &key) {
    FieldHelp help;
    help.label = readable(key);
    const Row *found = nullptr;
    for (const Row &row : kRows)
        if (key == QLatin1String(row.key) && section_matches(section, row.section) &&
            (!found || QLatin1String(found->section) == QLatin1String("*")))
            found = &row;
    if (found) {
        help.label = tr_help(found->label);
        help.meaning = tr_help(found->meaning);
        help.min = found->min;
        help.max = found->max;
        help.step = found->step;
        help.decimals = found->decimals;
        help.known = true;
        help.order = static_cast<int>(found - std::begin(kRows));
    }
    for (const Ref &ref : kRefs)
        if (key == QLatin1String(ref.key) && section_matches(section, ref.section)) {
            help.refers = QLatin1String(ref.refers);
            help.optional = ref.optional;
        }
    for (const Empty &empty : kEmpty)
        if (key == QLatin1String(empty.key) && section_matches(section, empty.section))
            help.when_empty = tr_help(empty.text);
    return help;
}

QString field_unit(const QString &key) {
    if (key.endsWith(QLatin1String("_ms")))
        return QCoreApplication::translate("FieldHelp", "ms");
    if (key.endsWith(QLatin1String("_s")))
        return QCoreApplication::translate("FieldHelp", "s");
    if (key.endsWith(QLatin1String("_rps")))
        return QCoreApplication::translate("FieldHelp", "requests/s");
    if (key.endsWith(QLatin1String("_pct")))
        return QCoreApplication::translate("FieldHelp", "%");
    if (key == QLatin1String("lat") || key == QLatin1String("lon"))
        return QCoreApplication::translate("FieldHelp", "°");
    return {};
}

QString field_label(const FieldHelp &help, const QString &key) {
    const QString unit = field_unit(key);
    return unit.isEmpty()
               ? help.label
               : QCoreApplication::translate("FieldHelp", "%1 (%2)").arg(help.label, unit);
}

QString field_range_text(const FieldHelp &help, const QString &key) {
    if (!help.known || help.min <= -kWide || help.max >= kWide)
        return {};
    const QLocale locale;
    const QString unit = field_unit(key);
    const QString range =
        QCoreApplication::translate("FieldHelp", "Range: %1 – %2")
            .arg(locale.toString(help.min, 'g', 12), locale.toString(help.max, 'g', 12));
    return unit.isEmpty() ? range : range + QLatin1Char(' ') + unit;
}

QString kind_label(const QString &kind) {
    static const struct {
        const char *kind;
        const char *label;
    } kLabels[] = {
        {"region", QT_TRANSLATE_NOOP("FieldHelp", "Region")},
        {"app_tier", QT_TRANSLATE_NOOP("FieldHelp", "App tier")},
        {"data_store", QT_TRANSLATE_NOOP("FieldHelp", "Data store")},
        {"database", QT_TRANSLATE_NOOP("FieldHelp", "Database")},
        {"health_check", QT_TRANSLATE_NOOP("FieldHelp", "Health check")},
        {"dns", QT_TRANSLATE_NOOP("FieldHelp", "DNS name")},
        {"accelerator", QT_TRANSLATE_NOOP("FieldHelp", "Accelerator")},
        {"population", QT_TRANSLATE_NOOP("FieldHelp", "Users")},
        {"fault", QT_TRANSLATE_NOOP("FieldHelp", "Fault")},
    };
    for (const auto &l : kLabels)
        if (kind == QLatin1String(l.kind))
            return tr_help(l.label);
    return kind;
}

} // namespace widgets
