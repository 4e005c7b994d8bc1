#include "scenario_names.h"

namespace model {

const NameTable<Standby> &standby_names() {
    static const NameTable<Standby> t = {{"hot", Standby::hot}, {"warm", Standby::warm}};
    return t;
}
const NameTable<StoreKind> &store_kind_names() {
    static const NameTable<StoreKind> t = {{"bucket", StoreKind::bucket},
                                           {"secret", StoreKind::secret},
                                           {"cache", StoreKind::cache},
                                           {"queue", StoreKind::queue},
                                           {"key", StoreKind::key}};
    return t;
}
const NameTable<DbKind> &db_kind_names() {
    static const NameTable<DbKind> t = {{"single_writer", DbKind::single_writer},
                                        {"global", DbKind::global},
                                        {"multi_writer", DbKind::multi_writer},
                                        {"consensus", DbKind::consensus}};
    return t;
}
const NameTable<Replication> &replication_names() {
    static const NameTable<Replication> t = {
        {"async", Replication::async}, {"sync", Replication::sync}, {"cdc", Replication::cdc}};
    return t;
}
const NameTable<PromotionMode> &promotion_names() {
    static const NameTable<PromotionMode> t = {{"automated", PromotionMode::automated},
                                               {"manual", PromotionMode::manual},
                                               {"none", PromotionMode::none}};
    return t;
}
const NameTable<Fencing> &fencing_names() {
    static const NameTable<Fencing> t = {
        {"none", Fencing::none}, {"lease", Fencing::lease}, {"token", Fencing::token}};
    return t;
}
const NameTable<SyncUnreachable> &sync_unreachable_names() {
    static const NameTable<SyncUnreachable> t = {
        {"block", SyncUnreachable::block}, {"degrade_to_async", SyncUnreachable::degrade_to_async}};
    return t;
}
const NameTable<EndpointCache> &endpoint_cache_names() {
    static const NameTable<EndpointCache> t = {{"ttl", EndpointCache::ttl},
                                               {"fixed", EndpointCache::fixed},
                                               {"forever", EndpointCache::for_good}};
    return t;
}
const NameTable<RoutingPolicy> &policy_names() {
    static const NameTable<RoutingPolicy> t = {{"failover", RoutingPolicy::failover},
                                               {"latency", RoutingPolicy::latency},
                                               {"geolocation", RoutingPolicy::geolocation},
                                               {"weighted", RoutingPolicy::weighted}};
    return t;
}
const NameTable<CacheMode> &cache_mode_names() {
    static const NameTable<CacheMode> t = {{"ttl", CacheMode::ttl}, {"fixed", CacheMode::fixed}};
    return t;
}
const NameTable<FaultKind> &fault_kind_names() {
    static const NameTable<FaultKind> t = {
        {"region_outage", FaultKind::region_outage},
        {"az_outage", FaultKind::az_outage},
        {"brownout", FaultKind::brownout},
        {"partition", FaultKind::partition},
        {"writer_crash", FaultKind::writer_crash},
        {"replication_broken", FaultKind::replication_broken},
        {"replication_lagging", FaultKind::replication_lagging},
        {"dns_control_plane_impaired", FaultKind::dns_control_plane_impaired},
        {"health_checker_impaired", FaultKind::health_checker_impaired},
        {"manual_promotion", FaultKind::manual_promotion},
        {"manual_dns_change", FaultKind::manual_dns_change},
        {"fail_back", FaultKind::fail_back},
        {"switchover", FaultKind::switchover}};
    return t;
}

const char *to_string(FaultKind kind) {
    return name_of(fault_kind_names(), kind);
}
const char *to_string(StoreKind kind) {
    return name_of(store_kind_names(), kind);
}
const char *to_string(RoutingPolicy policy) {
    return name_of(policy_names(), policy);
}

} // namespace model
