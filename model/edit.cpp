// The component kinds, and a component's fields: reading them as the file holds them, setting
// one, and the names an enumeration field accepts.
#include "edit.h"

#include "edit_checked.h"
#include "find.h"
#include "problem_place.h"
#include "scenario_json.h"
#include "scenario_names.h"

namespace model {
using Json = nlohmann::json;

namespace {

struct KindName {
    ComponentKind kind;
    const char *name;
};

constexpr KindName kKindNames[] = {
    {ComponentKind::region, "region"},
    {ComponentKind::app_tier, "app_tier"},
    {ComponentKind::database, "database"},
    {ComponentKind::read_replica, "read_replica"},
    {ComponentKind::global_database, "global_database"},
    {ComponentKind::multi_writer, "multi_writer"},
    {ComponentKind::bucket, "bucket"},
    {ComponentKind::secret, "secret"},
    {ComponentKind::cache, "cache"},
    {ComponentKind::queue, "queue"},
    {ComponentKind::key, "key"},
    {ComponentKind::dns_name, "dns_name"},
    {ComponentKind::accelerator, "accelerator"},
    {ComponentKind::distribution, "distribution"},
    {ComponentKind::population, "population"},
};

// The arrays of a scenario file that hold components with ids.
constexpr const char *kComponentArrays[] = {
    "regions", "app_tiers",    "data_stores",   "databases",   "health_checks",
    "dns",     "accelerators", "distributions", "populations", "faults"};

// Whether setting the pointer's value changes a value the document has rather than growing it
// without bound: every array index within its array, except that the last token may be one past
// the end (appending one element, a documented feature of lesson actions), and every object on
// the way present. Only the last key may be new when `new_key` allows it (a fault's optional
// "until_s" is written only when set); the reader then decides whether that key belongs there.
bool addresses_existing(const Json &document, const Json::json_pointer &pointer, bool new_key) {
    const Json *at = &document;
    std::string path = pointer.to_string();
    std::size_t pos = 0;
    while (pos < path.size()) {
        const std::size_t next = path.find('/', pos + 1);
        std::string token =
            path.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
        pos = next == std::string::npos ? path.size() : next;
        std::string key;
        for (std::size_t i = 0; i < token.size(); ++i) {
            if (token[i] == '~' && i + 1 < token.size()) {
                key += token[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                key += token[i];
            }
        }
        if (at->is_object()) {
            const auto it = at->find(key);
            if (it == at->end())
                return new_key && pos == path.size();
            at = &*it;
        } else if (at->is_array()) {
            if (key.empty() || key.size() > 9 ||
                key.find_first_not_of("0123456789") != std::string::npos ||
                (key.size() > 1 && key[0] == '0'))
                return false;
            const auto index = static_cast<std::size_t>(std::stoul(key));
            if (index == at->size() && pos == path.size())
                return true; // one past the end, as the last token: appends (documented)
            if (index >= at->size())
                return false;
            at = &(*at)[index];
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

namespace edit_detail {

std::string continent_of(LatLon p) {
    if (p.lat < -60)
        return "AN";
    if (p.lon < -30)
        return p.lat > 12 ? "NA" : "SA";
    if (p.lon < 60 && p.lat > 35)
        return "EU";
    if (p.lon < 55)
        return "AF";
    if (p.lat < -10 && p.lon > 110)
        return "OC";
    return "AS";
}

} // namespace edit_detail

const char *to_string(ComponentKind kind) {
    for (const auto &k : kKindNames)
        if (k.kind == kind)
            return k.name;
    return "?";
}

std::optional<ComponentKind> component_kind_from(const std::string &name) {
    for (const auto &k : kKindNames)
        if (name == k.name)
            return k.kind;
    return std::nullopt;
}

const std::vector<ComponentKind> &all_component_kinds() {
    static const std::vector<ComponentKind> kinds = [] {
        std::vector<ComponentKind> v;
        for (const auto &k : kKindNames)
            v.push_back(k.kind);
        return v;
    }();
    return kinds;
}

bool is_region_bound(ComponentKind kind) {
    return kind != ComponentKind::region && kind != ComponentKind::dns_name &&
           kind != ComponentKind::accelerator && kind != ComponentKind::distribution &&
           kind != ComponentKind::population;
}

std::string kind_of(const Scenario &s, const std::string &id) {
    const auto has = [&](const auto &v) { return find_by_id(v, id) != nullptr; };
    if (has(s.regions))
        return "region";
    if (has(s.app_tiers))
        return "app_tier";
    if (has(s.data_stores))
        return "data_store";
    if (has(s.databases))
        return "database";
    if (has(s.health_checks))
        return "health_check";
    if (has(s.dns))
        return "dns";
    if (has(s.accelerators))
        return "accelerator";
    if (has(s.distributions))
        return "distribution";
    if (has(s.populations))
        return "population";
    if (has(s.faults))
        return "fault";
    return {};
}

Json component_json(const Scenario &s, const std::string &id) {
    const Json all = Json::parse(write_scenario(s));
    for (const char *array : kComponentArrays)
        for (const auto &item : all[array])
            if (item.value("id", "") == id)
                return item;
    return nullptr;
}

// `id` is a copy: callers may pass a string that lives inside `s`, which this replaces.
// NOLINTNEXTLINE(performance-unnecessary-value-param)
EditResult set_field(Scenario &s, const std::string id, const std::string &field,
                     const Json &value) {
    if (field == "policy" && kind_of(s, id) == "dns") {
        for (const auto &[name, policy] : policy_names())
            if (value.is_string() && value.get<std::string>() == name)
                return set_routing_policy(s, id, policy, DropRecords::refuse);
        return edit_detail::refused(value.dump() + " is not a routing policy");
    }
    Json all = Json::parse(write_scenario(s));
    // The field is a JSON pointer below the component (such as "records/1/weight"); a field
    // that is no valid pointer, or that would grow an array, is refused before anything is set.
    Json::json_pointer within;
    try {
        within = Json::json_pointer("/" + field);
    } catch (const Json::exception &) {
        return edit_detail::refused("\"" + field +
                                    "\" is not a field name (a \"~\" in a field is written \"~0\", "
                                    "a \"/\" inside a name \"~1\")");
    }
    std::string pointer;
    const Json *component = nullptr;
    // The scenario's own settings and cost are edited under the ids "settings" and "cost".
    if (id == "settings" || id == "cost") {
        pointer = "/" + id + "/" + field;
        component = &all[id];
    } else {
        for (const char *array : kComponentArrays)
            for (std::size_t i = 0; i < all[array].size() && pointer.empty(); ++i)
                if (all[array][i].value("id", "") == id) {
                    pointer = std::string("/") + array + "/" + std::to_string(i) + "/" + field;
                    component = &all[array][i];
                }
        if (pointer.empty())
            return edit_detail::refused("there is no component \"" + id + "\"");
    }
    if (!addresses_existing(*component, within, id != "settings" && id != "cost"))
        return edit_detail::refused("\"" + field + "\" is not a field of " + id);
    try {
        all[Json::json_pointer(pointer)] = value;
    } catch (const Json::exception &) {
        return edit_detail::refused("\"" + field + "\" is not a field of " + id);
    }
    ScenarioLoad load = parse_scenario(all.dump(), "");
    if (!load.scenario)
        return edit_detail::refused(std::move(load.problems));
    s = std::move(*load.scenario);
    return EditResult{true, place_words(place_of(all, pointer)) + " changed", id};
}

std::vector<std::string> field_choices(const std::string &component_kind,
                                       const std::string &field) {
    const auto names = [](const auto &table) {
        std::vector<std::string> out;
        out.reserve(std::size(table));
        for (const auto &[n, v] : table)
            out.emplace_back(n);
        return out;
    };
    if (field == "standby")
        return names(standby_names());
    if (field == "kind" && component_kind == "data_store")
        return names(store_kind_names());
    if (field == "kind" && component_kind == "database")
        return names(db_kind_names());
    if (field == "kind" && component_kind == "fault")
        return names(fault_kind_names());
    if (field == "mode")
        return names(replication_names());
    if (field == "promotion")
        return names(promotion_names());
    if (field == "fencing")
        return names(fencing_names());
    if (field == "sync_unreachable")
        return names(sync_unreachable_names());
    if (field == "endpoint_cache")
        return names(endpoint_cache_names());
    if (field == "policy")
        return names(policy_names());
    if (field == "role")
        return {"primary", "secondary"};
    return {};
}

} // namespace model
