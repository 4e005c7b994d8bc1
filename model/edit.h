#pragma once
// Edits of a scenario held in memory, as the map editor and its undo commands make them. Each
// edit either succeeds completely or leaves the scenario untouched and says why. Field edits go
// through the scenario reader, so the editor can never make a scenario a file could not hold.

#include "problem.h"
#include "scenario.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
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
    distribution,
    population,
};

const char *to_string(ComponentKind kind);
std::optional<ComponentKind> component_kind_from(const std::string &name);
const std::vector<ComponentKind> &all_component_kinds();
// True for parts that live in a region and must be dropped onto one.
bool is_region_bound(ComponentKind kind);

struct EditResult {
    EditResult() = default;
    EditResult(bool ok_, std::string message_, std::string id_ = {}, Problems problems_ = {})
        : ok(ok_), message(std::move(message_)), id(std::move(id_)),
          problems(std::move(problems_)) {}

    bool ok = false;
    std::string message; // why not ("/dns/0/records: ..."), or what was done
    std::string id;      // the component created or changed
    Problems problems;   // why not, each with its place (Problem::for_people())
};

// `region` is the region a region-bound part is dropped onto (for a replica: the replica's
// region, and `database` names the database it copies); `where` places regions and populations.
EditResult add_component(Scenario &s, ComponentKind kind, LatLon where, const std::string &region,
                         const std::string &database = {});
// Removes a component and what refers to it (records naming it, its health checks, faults on
// it); refused when that leaves other components broken (see dependents_of).
EditResult remove_component(Scenario &s, const std::string &id);

// A component named by its kind_of() spelling and id.
struct ComponentRef {
    std::string kind;
    std::string id;
    bool operator==(const ComponentRef &) const = default;
};
// Every component of a scenario (faults included), in the order of its file.
std::vector<ComponentRef> components_of(const Scenario &s);
// The other components that removing `id` takes with it, in the scenario's order: those
// removed with their references (a region's app tiers, a tier's health checks, faults on it)
// and, in turn, those that cannot stand without it (a database whose writer is there, a
// failover name left with one record, users entering through that name).
std::vector<ComponentRef> dependents_of(const Scenario &s, const std::string &id);
// Removes `id` and every one of dependents_of(s, id) in one edit; refused, with the reason,
// when even that leaves the scenario broken (no region, app tier or users left).
EditResult remove_with_dependents(Scenario &s, const std::string &id);
EditResult move_component(Scenario &s, const std::string &id, LatLon where);
// Gives a component a new id and makes every field that names it name the new one, in one
// edit. A fault's id is its own (faults may share ids with components); a known cloud region
// keeps its id, which names it and its measured round trips.
EditResult rename_component(Scenario &s, const std::string &id, const std::string &new_id);
// The known cloud regions (geo.h) not yet in the scenario, the nearest to `near` first: what
// dropping a region onto the map offers, besides a region of one's own.
std::vector<KnownRegion> regions_to_offer(const Scenario &s, LatLon near);
// Adds the known region `known_id` at its place, or, with no id, a region of one's own at
// `where` with a fresh id.
EditResult add_region(Scenario &s, LatLon where, const std::string &known_id);
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
// "settings" and "cost" name the scenario's settings and cost objects. A DNS name's "policy"
// goes through set_routing_policy, dropping no record.
EditResult set_field(Scenario &s, std::string id, const std::string &field,
                     const nlohmann::json &value);

// Changing a DNS name's routing policy rewrites its records into a valid set for the new policy:
// failover makes the first record primary and the second secondary and has no room for more;
// geolocation gives the first record the default location "*" and the others their target
// tier's continent; weighted keeps the weights. Records the new policy cannot hold are only
// dropped with DropRecords::allow (the learner agreed); otherwise the edit is refused.
enum class DropRecords { refuse, allow };
std::vector<std::string> records_dropped_by_policy(const DnsName &name, RoutingPolicy policy);
EditResult set_routing_policy(Scenario &s, const std::string &dns_id, RoutingPolicy policy,
                              DropRecords drop);

// The scenario's own settings a learner edits: its name, the run's length and sample step, the
// seed and the SLO.
struct ScenarioSettings {
    std::string name;
    Ms duration_ms = 0;
    Ms step_ms = 0;
    std::uint64_t seed = 0;
    double slo = 0;
    bool operator==(const ScenarioSettings &) const = default;
};
ScenarioSettings scenario_settings_of(const Scenario &s);
// Sets all of them in one edit, checked like a file (ranges from the field-spec table).
EditResult set_scenario_settings(Scenario &s, const ScenarioSettings &settings);

EditResult add_fault(Scenario &s, Fault fault);
EditResult remove_fault(Scenario &s, const std::string &id);

// The names a field accepts when it is an enumeration (e.g. "policy", "standby"), else empty.
std::vector<std::string> field_choices(const std::string &component_kind, const std::string &field);

} // namespace model
