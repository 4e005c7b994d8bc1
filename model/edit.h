#pragma once
// Edits of a scenario held in memory, as the map editor and its undo commands make them. Each
// edit either succeeds completely or leaves the scenario untouched and says why. Field edits go
// through the scenario reader, so the editor can never make a scenario a file could not hold.

#include "scenario.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace model {

enum class ComponentKind {
    region,
    app_tier,
    database,        // a single writer (RDS-style)
    read_replica,    // a replica of a database, dropped onto a region
    global_database, // Aurora Global style
    multi_writer,    // active-active, last writer wins
    bucket,
    secret,
    cache,
    queue,
    key,
    dns_name,
    accelerator,
    population,
};

const char *to_string(ComponentKind kind);
std::optional<ComponentKind> component_kind_from(const std::string &name);
const std::vector<ComponentKind> &all_component_kinds();
// True for parts that live in a region and must be dropped onto one.
bool is_region_bound(ComponentKind kind);

struct EditResult {
    bool ok = false;
    std::string message; // why not, or what was done
    std::string id;      // the component created or changed
};

// `region` is the region a region-bound part is dropped onto (for a replica: the replica's
// region, and `database` names the database it copies); `where` places regions and populations.
EditResult add_component(Scenario &s, ComponentKind kind, LatLon where, const std::string &region,
                         const std::string &database = {});
EditResult remove_component(Scenario &s, const std::string &id);
EditResult move_component(Scenario &s, const std::string &id, LatLon where);
EditResult duplicate_component(Scenario &s, const std::string &id);

// Connects two components by dragging from one to the other: a database onto a region adds a
// replica there; a DNS name or an accelerator onto an app tier adds a record or endpoint; a
// population onto a DNS name or accelerator makes it the population's entry.
EditResult link_components(Scenario &s, const std::string &from, const std::string &to);

// The kind of component an id names ("region", "app_tier", "data_store", "database",
// "health_check", "dns", "accelerator", "population", "fault"), or "" if none.
std::string kind_of(const Scenario &s, const std::string &id);

// A component's fields exactly as the scenario file holds them.
nlohmann::json component_json(const Scenario &s, const std::string &id);

// Sets one field (a key of component_json, or a JSON pointer below it such as
// "lag/median_ms") and checks the whole scenario; on any problem nothing changes. The ids
// "settings" and "cost" name the scenario's settings and cost objects.
EditResult set_field(Scenario &s, std::string id, const std::string &field,
                     const nlohmann::json &value);

EditResult add_fault(Scenario &s, Fault fault);
EditResult remove_fault(Scenario &s, const std::string &id);

// The names a field accepts when it is an enumeration (e.g. "policy", "standby"), else empty.
std::vector<std::string> field_choices(const std::string &component_kind, const std::string &field);

} // namespace model
