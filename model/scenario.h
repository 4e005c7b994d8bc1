#pragma once
// A scenario: the deployment, its clients and the scripted faults, as plain values. The JSON
// form and every field's unit and default are documented in model/SCENARIO_FORMAT.md.

#include "geo.h"
#include "sim_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace model {

struct Region {
    std::string id;
    std::string name;
    LatLon where;
    int azs = 3;
    Ms inter_az_rtt_ms = kDefaultInterAzRtt;
};

struct RttOverride {
    std::string a;
    std::string b;
    Ms rtt_ms = 0;
};

enum class Standby { hot, warm };

struct AppTier {
    std::string id;
    std::string region;
    int capacity_rps = 1000;
    Standby standby = Standby::hot;
    double warm_fraction = 0.25; // share of capacity running while warm
    Ms scale_up_ms = 10 * kMinute;
    Ms service_ms = 20;
    std::vector<std::string> depends_on; // data stores and databases
    // Its load balancer's target health check (ALB defaults, FACTS.md section 1): a failed
    // target is unhealthy after interval x unhealthy threshold, healthy again after interval x
    // healthy threshold.
    Ms lb_interval_ms = 30 * kSecond;
    int lb_unhealthy_threshold = 2;
    int lb_healthy_threshold = 5;
};

enum class StoreKind { bucket, secret, cache, queue, key };

struct DataStore {
    std::string id;
    StoreKind kind = StoreKind::bucket;
    std::string region;                // where the primary copy lives
    std::vector<std::string> replicas; // further regions holding a usable copy
};

enum class DbKind { single_writer, global, multi_writer, consensus };
enum class Replication { async, sync, cdc };
enum class PromotionMode { automated, manual, none };
enum class Fencing { none, lease, token };
enum class SyncUnreachable { block, degrade_to_async };
enum class EndpointCache { ttl, fixed, for_good }; // JSON "forever"

// Replication lag as a distribution: half the samples below median, 1 % above p99.
struct LagSpec {
    Ms median_ms = 500;
    Ms p99_ms = 2000;
};

struct DbReplica {
    std::string region;
    Replication mode = Replication::async;
    LagSpec lag;
};

struct Database {
    std::string id;
    DbKind kind = DbKind::single_writer;
    std::string writer; // region of the first writer (single_writer, global)
    std::vector<DbReplica> replicas;
    std::vector<std::string> writers; // multi_writer and consensus: the writing regions
    PromotionMode promotion = PromotionMode::manual;
    Ms detection_ms = 30 * kSecond;      // automated: time to declare the writer dead
    Ms operator_delay_ms = 10 * kMinute; // manual: time for a person to decide
    Ms promotion_ms = 5 * kMinute;       // promotion itself, reboot included
    Ms endpoint_update_ms = 5 * kSecond; // promotion -> writer endpoint record changed
    Ms endpoint_ttl_ms = 5 * kSecond;    // TTL of the writer endpoint record
    EndpointCache endpoint_cache = EndpointCache::ttl;
    Ms endpoint_cache_ms = 30 * kSecond; // when endpoint_cache is fixed (JVM: 30 s)
    Fencing fencing = Fencing::none;
    SyncUnreachable sync_unreachable = SyncUnreachable::block;
    Ms sync_timeout_ms = 10 * kSecond;
    Ms clock_skew_ms = 0;                 // multi_writer: how far apart the writers' clocks are
    int hot_keys = 1000;                  // multi_writer: keys each population's writes spread over
    LagSpec lag;                          // multi_writer: replication lag between the writers
    Ms switchover_base_ms = 30 * kSecond; // planned switchover pause before lag is added
    bool multi_az = true;                 // a synchronous standby in a second AZ of the writer
    Ms multi_az_failover_ms = 90 * kSecond; // RDS Multi-AZ: typically 60-120 s
};

struct HealthCheck {
    std::string id;
    std::string target; // app tier
    Ms interval_ms = 30 * kSecond;
    int failure_threshold = 3;
    bool deep = false;
    int checkers = 15;
    std::vector<std::string> checker_regions; // empty: the eight Route 53 checker regions
};

enum class RoutingPolicy { failover, latency, geolocation, weighted };

struct DnsRecord {
    std::string id;
    std::string target; // an app tier, or another DNS name (an alias into a record tree)
    bool alias = true;
    bool evaluate_target_health = true;
    std::string health_check; // optional
    std::string role;         // failover: "primary" or "secondary"
    int weight = 1;           // weighted: 0-255
    std::string location;     // geolocation: "*" (default), a continent or a country code
};

struct DnsName {
    std::string id;
    RoutingPolicy policy = RoutingPolicy::failover;
    Ms ttl_ms = 60 * kSecond; // non-alias records; aliases take their target's TTL
    std::vector<DnsRecord> records;
};

struct AcceleratorEndpoint {
    std::string target; // app tier
    int weight = 128;
};

struct EndpointGroup {
    std::string region;
    int traffic_dial_pct = 100;
    std::vector<AcceleratorEndpoint> endpoints;
};

struct Accelerator {
    std::string id;
    std::vector<EndpointGroup> groups;
    Ms interval_ms = 30 * kSecond;
    int threshold = 3;
    Ms return_delay_ms = 30 * kSecond;
    double backbone_route_factor = 1.1;
    Ms edge_rtt_ms = 8;
    Ms edge_propagation_ms = 5 * kSecond;
};

// A CloudFront-like distribution (FACTS.md section 5): edge locations that serve cacheable reads
// from their caches, and an origin group of two origins that a cache miss goes to, the primary
// first on every request.
struct CdnEdge {
    std::string id;
    std::string name;
    LatLon where;
};

struct Distribution {
    std::string id;
    std::vector<CdnEdge> edges;   // each population is served by the nearest
    std::string primary;          // origin group: an app tier or a bucket
    std::string secondary;        // the origin a miss fails over to
    double cacheable_share = 0.8; // of reads (GET): the share the edges may cache
    double hit_share = 0.9;       // of cacheable reads: the share found in a fresh edge cache
    Ms cache_ttl_ms = 5 * kMinute;
    int connection_attempts = 3;                  // 1-3
    Ms connection_timeout_ms = 10 * kSecond;      // 1-10 s
    Ms origin_response_timeout_ms = 30 * kSecond; // 1-60 s
    std::vector<int> failover_status_codes{500, 502, 503, 504};
    Ms edge_service_ms = 2; // what an edge adds to a hit
};

enum class CacheMode { ttl, fixed };

struct CacheHabit {
    double share = 1.0;
    CacheMode mode = CacheMode::ttl;
    Ms cache_ms = 60 * kSecond; // fixed only
};

struct Population {
    std::string id;
    std::string name;
    LatLon where;
    std::string continent; // two letters, e.g. "NA", "EU"
    std::string country;   // ISO 3166 alpha-2, e.g. "US"
    int clients = 1000;
    double rps = 100;
    double write_share = 0.1;
    Ms timeout_ms = 10 * kSecond;
    int retries = 1;
    std::vector<CacheHabit> dns_cache{CacheHabit{}};
    std::string entry; // a DNS name, an accelerator or a distribution
    Ms connection_lifetime_ms = 60 * kSecond;
    // The key set its writes go to: populations naming the same set write the same keys (and
    // conflict under last-writer-wins wherever they are); empty: a partition of its own.
    std::string keys;
};

enum class FaultKind {
    region_outage,
    az_outage,
    brownout,
    partition,
    writer_crash,
    replication_broken,
    replication_lagging,
    dns_control_plane_impaired,
    health_checker_impaired,
    manual_promotion,
    manual_dns_change,
    fail_back,
    switchover,
};

struct Fault {
    std::string id;
    FaultKind kind = FaultKind::region_outage;
    Ms at_ms = 0;
    std::optional<Ms> until_ms;
    std::string region;      // region_outage, az_outage, manual_promotion and switchover (target)
    int az = 0;              // az_outage (0-based)
    std::string target;      // brownout: app tier or data store
    double error_share = 0;  // brownout
    Ms extra_latency_ms = 0; // brownout
    std::vector<std::string> regions; // partition: the cut-off side; checker impairment
    bool users_reach = true;          // partition: users outside still reach the cut-off side
    bool checkers_reach = false;      // partition: health checkers still reach it
    std::string database;             // writer_crash, replication_*, manual_promotion,
                                      // fail_back, switchover
    std::string replica;              // replication_*: the replica's region
    Ms lag_ms = 0;                    // replication_lagging
    Ms operator_delay_ms = 0;         // manual_dns_change: time to act before the edit
    std::string dns_name;             // manual_dns_change
    std::string record;               // manual_dns_change
    std::optional<int> set_weight;    // manual_dns_change
    std::string set_target;           // manual_dns_change
};

struct Settings {
    Ms duration_ms = 30 * kMinute;
    Ms step_ms = kSecond;
    std::uint64_t seed = 1;
    Ms verdict_delay_min_ms = 5 * kSecond; // checker verdict -> DNS answers (<= 60 s bound)
    Ms verdict_delay_max_ms = 30 * kSecond;
    Ms propagation_max_ms = 60 * kSecond; // record edits reach every DNS server within this
    // Modelled (undocumented): how long Route 53 takes to read a load balancer's changed health
    // for Evaluate Target Health, and to treat an alias as unhealthy when the whole region, its
    // load balancer included, is gone.
    Ms eth_read_delay_ms = 10 * kSecond;
    Ms lb_region_loss_ms = 30 * kSecond;
    double public_route_factor = kPublicRouteFactor;
    double slo = 0.9999;
};

struct Cost {
    double baseline_monthly = 0;   // the single-region deployment's monthly bill
    double outages_per_year = 0;   // expected regional outages a year, for the break-even
    double revenue_per_minute = 0; // what a minute of downtime costs
};

struct Scenario {
    int version = 3;
    std::string name;
    std::string description;
    Settings settings;
    std::vector<Region> regions;
    std::vector<RttOverride> rtt_overrides;
    std::vector<AppTier> app_tiers;
    std::vector<DataStore> data_stores;
    std::vector<Database> databases;
    std::vector<HealthCheck> health_checks;
    std::vector<DnsName> dns;
    std::vector<Accelerator> accelerators;
    std::vector<Distribution> distributions;
    std::vector<Population> populations;
    std::vector<Fault> faults;
    Cost cost;
};

const char *to_string(FaultKind kind);
const char *to_string(StoreKind kind);
const char *to_string(RoutingPolicy policy);

} // namespace model
