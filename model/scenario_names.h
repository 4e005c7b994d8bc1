#pragma once
// The JSON spelling of every enumeration in a scenario, one table each, shared by the reader
// and the writer.

#include "scenario.h"

#include <utility>
#include <vector>

namespace model {

template <typename E> using NameTable = std::vector<std::pair<const char *, E>>;

const NameTable<Standby> &standby_names();
const NameTable<StoreKind> &store_kind_names();
const NameTable<DbKind> &db_kind_names();
const NameTable<Replication> &replication_names();
const NameTable<PromotionMode> &promotion_names();
const NameTable<Fencing> &fencing_names();
const NameTable<SyncUnreachable> &sync_unreachable_names();
const NameTable<EndpointCache> &endpoint_cache_names();
const NameTable<RoutingPolicy> &policy_names();
const NameTable<CacheMode> &cache_mode_names();
const NameTable<FaultKind> &fault_kind_names();

template <typename E> const char *name_of(const NameTable<E> &table, E value) {
    for (const auto &[name, v] : table)
        if (v == value)
            return name;
    return "?";
}

} // namespace model
