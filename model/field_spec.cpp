// The field-spec table as one list, and finding a row, a kind's name or a choice's words in it;
// the rows themselves are in field_spec_deployment.cpp and field_spec_traffic.cpp.
#include "field_spec.h"

#include "field_spec_rows.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace model {
namespace {

// The two halves as one list, in the format reference's order. find_field_spec points into this
// same list, since the inspector takes a row's place in field_specs() as its order.
const std::vector<FieldSpec> &all_rows() {
    static const std::vector<FieldSpec> rows = [] {
        std::vector<FieldSpec> v;
        for (const auto part :
             {field_spec_detail::deployment_rows(), field_spec_detail::traffic_rows()})
            v.insert(v.end(), part.begin(), part.end());
        return v;
    }();
    return rows;
}

using SpecKey = std::pair<std::string_view, std::string_view>;

const std::map<SpecKey, const FieldSpec *> &spec_index() {
    static const std::map<SpecKey, const FieldSpec *> index = [] {
        std::map<SpecKey, const FieldSpec *> m;
        for (const FieldSpec &f : all_rows())
            m.emplace(SpecKey{f.section, f.key}, &f);
        return m;
    }();
    return index;
}

struct KindWords {
    const char *kind;
    const char *label;
};

const KindWords kKindWords[] = {
    {"region", N("Region")},
    {"app_tier", N("App tier")},
    {"data_store", N("Data store")},
    {"database", N("Database")},
    {"health_check", N("Health check")},
    {"dns", N("DNS name")},
    {"accelerator", N("Accelerator")},
    {"distribution", N("Distribution")},
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
    return all_rows();
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
    for (const KindWords &k : kKindWords)
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
    // A single writer without a replica has nothing to promote or switch over to.
    const bool promotable = single && !d.replicas.empty();
    if (key == "writer")
        return single;
    if (key == "promotion" || key == "promotion_s" || key == "fencing" ||
        key == "switchover_base_s")
        return promotable;
    if (key == "writers")
        return multi || consensus;
    if (key == "detection_s")
        return consensus || (promotable && d.promotion == PromotionMode::automated);
    if (key == "operator_delay_s")
        return promotable && d.promotion == PromotionMode::manual;
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
    for (const FieldSpec &f : all_rows())
        if (std::string_view(f.section) == "database" && database_field_applies(d, f.key))
            keys.push_back(f.key);
    return keys;
}

} // namespace model
