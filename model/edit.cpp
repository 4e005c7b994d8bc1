#include "edit.h"

#include "edit_checked.h"
#include "find.h"
#include "problem_place.h"
#include "scenario_json.h"
#include "scenario_names.h"

#include <algorithm>
#include <cmath>

namespace model {
namespace {

using Json = nlohmann::json;

struct KindName {
    ComponentKind kind;
    const char *name;
};

constexpr KindName kKinds[] = {
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
    {ComponentKind::population, "population"},
};

// The arrays of a scenario file that hold components with ids.
constexpr const char *kArrays[] = {"regions",      "app_tiers",     "data_stores",
                                   "databases",    "health_checks", "dns",
                                   "accelerators", "populations",   "faults"};

bool id_taken(const Scenario &s, const std::string &id) {
    return !kind_of(s, id).empty();
}

std::string fresh_id(const Scenario &s, const std::string &base) {
    if (!id_taken(s, base))
        return base;
    for (int i = 2;; ++i)
        if (!id_taken(s, base + "-" + std::to_string(i)))
            return base + "-" + std::to_string(i);
}

EditResult fail(std::string message) {
    return edit_detail::refused(std::move(message));
}

using edit_detail::checked;

void depend_all_tiers(Scenario &s, const std::string &id) {
    for (auto &t : s.app_tiers)
        if (std::find(t.depends_on.begin(), t.depends_on.end(), id) == t.depends_on.end())
            t.depends_on.push_back(id);
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
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return k.name;
    return "?";
}

std::optional<ComponentKind> component_kind_from(const std::string &name) {
    for (const auto &k : kKinds)
        if (name == k.name)
            return k.kind;
    return std::nullopt;
}

const std::vector<ComponentKind> &all_component_kinds() {
    static const std::vector<ComponentKind> kinds = [] {
        std::vector<ComponentKind> v;
        for (const auto &k : kKinds)
            v.push_back(k.kind);
        return v;
    }();
    return kinds;
}

bool is_region_bound(ComponentKind kind) {
    return kind != ComponentKind::region && kind != ComponentKind::dns_name &&
           kind != ComponentKind::accelerator && kind != ComponentKind::population;
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
    if (has(s.populations))
        return "population";
    if (has(s.faults))
        return "fault";
    return {};
}

Json component_json(const Scenario &s, const std::string &id) {
    const Json all = Json::parse(write_scenario(s));
    for (const char *array : kArrays)
        for (const auto &item : all[array])
            if (item.value("id", "") == id)
                return item;
    return nullptr;
}

EditResult set_field(Scenario &s, const std::string id, const std::string &field,
                     const Json &value) {
    // `id` is a copy: callers may pass a string that lives inside `s`, which this replaces.
    if (field == "policy" && kind_of(s, id) == "dns") {
        for (const auto &[name, policy] : policy_names())
            if (value.is_string() && value.get<std::string>() == name)
                return set_routing_policy(s, id, policy, DropRecords::refuse);
        return fail(value.dump() + " is not a routing policy");
    }
    Json all = Json::parse(write_scenario(s));
    std::string pointer;
    // The scenario's own settings and cost are edited under the ids "settings" and "cost".
    if (id == "settings" || id == "cost") {
        if (!all[id].contains(Json::json_pointer("/" + field)))
            return fail("\"" + field + "\" is not a field of " + id);
        pointer = "/" + id + "/" + field;
    } else {
        for (const char *array : kArrays)
            for (std::size_t i = 0; i < all[array].size() && pointer.empty(); ++i)
                if (all[array][i].value("id", "") == id)
                    pointer = std::string("/") + array + "/" + std::to_string(i) + "/" + field;
        if (pointer.empty())
            return fail("there is no component \"" + id + "\"");
    }
    try {
        all[Json::json_pointer(pointer)] = value;
    } catch (const Json::exception &) {
        return fail("\"" + field + "\" is not a field of " + id);
    }
    ScenarioLoad load = parse_scenario(all.dump(), "");
    if (!load.scenario)
        return edit_detail::refused(std::move(load.problems));
    s = std::move(*load.scenario);
    return EditResult{true, place_words(place_of(all, pointer)) + " changed", id};
}

EditResult add_component(Scenario &s, ComponentKind kind, LatLon where, const std::string &region,
                         const std::string &database) {
    if (is_region_bound(kind) && !find_by_id(s.regions, region))
        return fail("drop this onto a region");
    return checked(s, [&](Scenario &c) -> EditResult {
        switch (kind) {
        case ComponentKind::region: {
            // Near a known cloud region, become it, so that measured round trips apply.
            Region r;
            for (const auto &k : known_regions())
                if (!find_by_id(c.regions, k.id) && great_circle_km(k.where, where) < 400) {
                    r.id = k.id;
                    r.name = k.name;
                    r.where = k.where;
                }
            if (r.id.empty()) {
                r.id = fresh_id(c, "region");
                r.name = "Region";
                r.where = {std::round(where.lat * 100) / 100, std::round(where.lon * 100) / 100};
            }
            c.regions.push_back(r);
            return {true, "region " + r.id + " added", r.id};
        }
        case ComponentKind::app_tier: {
            AppTier a;
            a.id = fresh_id(c, "app-" + region);
            a.region = region;
            for (const auto &d : c.databases)
                a.depends_on.push_back(d.id);
            for (const auto &st : c.data_stores)
                a.depends_on.push_back(st.id);
            c.app_tiers.push_back(a);
            return {true, "app tier " + a.id + " added", a.id};
        }
        case ComponentKind::database:
        case ComponentKind::global_database: {
            Database d;
            d.id = fresh_id(c, kind == ComponentKind::global_database ? "global-db" : "db");
            d.kind =
                kind == ComponentKind::global_database ? DbKind::global : DbKind::single_writer;
            d.writer = region;
            if (kind == ComponentKind::global_database) {
                d.promotion = PromotionMode::manual;
                d.operator_delay_ms = 5 * kMinute;
                d.promotion_ms = kMinute;
                d.lag = LagSpec{500, 1500};
            }
            c.databases.push_back(d);
            depend_all_tiers(c, d.id);
            return {true, "database " + d.id + " added in " + region, d.id};
        }
        case ComponentKind::multi_writer: {
            std::string other;
            for (const auto &t : c.app_tiers)
                if (t.region != region)
                    other = t.region;
            if (other.empty())
                return fail("an active-active database needs a second region with an app tier");
            Database d;
            d.id = fresh_id(c, "global-table");
            d.kind = DbKind::multi_writer;
            d.writers = {region, other};
            d.lag = LagSpec{800, 2000};
            c.databases.push_back(d);
            depend_all_tiers(c, d.id);
            return {true, "active-active database " + d.id + " added", d.id};
        }
        case ComponentKind::read_replica: {
            Database *d = nullptr;
            for (auto &x : c.databases)
                if ((database.empty() || x.id == database) &&
                    (x.kind == DbKind::single_writer || x.kind == DbKind::global))
                    d = &x;
            if (!d)
                return fail("a replica copies a database: add a database first");
            if (d->writer == region)
                return fail("the writer of " + d->id + " is already in " + region);
            for (const auto &r : d->replicas)
                if (r.region == region)
                    return fail(d->id + " already has a replica in " + region);
            d->replicas.push_back(DbReplica{region, Replication::async, LagSpec{500, 1500}});
            return {true, "replica of " + d->id + " added in " + region, d->id};
        }
        case ComponentKind::bucket:
        case ComponentKind::secret:
        case ComponentKind::cache:
        case ComponentKind::queue:
        case ComponentKind::key: {
            DataStore st;
            st.kind = kind == ComponentKind::bucket   ? StoreKind::bucket
                      : kind == ComponentKind::secret ? StoreKind::secret
                      : kind == ComponentKind::cache  ? StoreKind::cache
                      : kind == ComponentKind::queue  ? StoreKind::queue
                                                      : StoreKind::key;
            st.id = fresh_id(c, std::string(to_string(kind)) + "-" + region);
            st.region = region;
            c.data_stores.push_back(st);
            depend_all_tiers(c, st.id);
            return {true, std::string(to_string(kind)) + " " + st.id + " added", st.id};
        }
        case ComponentKind::dns_name: {
            if (c.app_tiers.empty())
                return fail("a DNS name routes to app tiers: add one first");
            DnsName n;
            n.id = fresh_id(c, "app.example.com");
            n.policy = c.app_tiers.size() >= 2 ? RoutingPolicy::failover : RoutingPolicy::weighted;
            for (std::size_t i = 0; i < c.app_tiers.size() && i < 2; ++i) {
                const AppTier &t = c.app_tiers[i];
                std::string check;
                for (const auto &h : c.health_checks)
                    if (h.target == t.id)
                        check = h.id;
                if (check.empty()) {
                    HealthCheck h;
                    h.id = fresh_id(c, "hc-" + t.id);
                    h.target = t.id;
                    c.health_checks.push_back(h);
                    check = h.id;
                }
                DnsRecord rec;
                rec.id = i == 0 ? "primary" : "secondary";
                rec.role = n.policy == RoutingPolicy::failover ? rec.id : "";
                rec.target = t.id;
                rec.health_check = check;
                n.records.push_back(rec);
            }
            c.dns.push_back(n);
            return {true, "DNS name " + n.id + " added", n.id};
        }
        case ComponentKind::accelerator: {
            if (c.app_tiers.empty())
                return fail("an accelerator sends traffic to app tiers: add one first");
            Accelerator a;
            a.id = fresh_id(c, "accelerator");
            for (const auto &t : c.app_tiers) {
                auto g = std::find_if(a.groups.begin(), a.groups.end(),
                                      [&](const EndpointGroup &x) { return x.region == t.region; });
                if (g == a.groups.end())
                    a.groups.push_back(EndpointGroup{t.region, 100, {{t.id, 128}}});
                else
                    g->endpoints.push_back({t.id, 128});
            }
            c.accelerators.push_back(a);
            return {true, "accelerator " + a.id + " added", a.id};
        }
        case ComponentKind::population: {
            if (c.dns.empty() && c.accelerators.empty())
                return fail(
                    "users reach the app through a DNS name or an accelerator: add one first");
            Population p;
            p.id = fresh_id(c, "users");
            p.name = "Users";
            p.where = {std::round(where.lat * 100) / 100, std::round(where.lon * 100) / 100};
            p.continent = edit_detail::continent_of(where);
            p.entry = c.dns.empty() ? c.accelerators.front().id : c.dns.front().id;
            c.populations.push_back(p);
            return {true, "population " + p.id + " added", p.id};
        }
        }
        return fail("unknown component");
    });
}

EditResult move_component(Scenario &s, const std::string &id, LatLon where) {
    where.lat = std::clamp(std::round(where.lat * 100) / 100, -90.0, 90.0);
    where.lon = std::clamp(std::round(where.lon * 100) / 100, -180.0, 180.0);
    if (Population *p = find_by_id(s.populations, id)) {
        p->where = where;
        p->continent = edit_detail::continent_of(where);
        return {true, id + " moved", id};
    }
    if (Region *r = find_by_id(s.regions, id)) {
        if (find_known_region(id))
            return fail(id + " is a real region; its place is fixed");
        r->where = where;
        return {true, id + " moved", id};
    }
    return fail(id + " has no place of its own on the map");
}

EditResult duplicate_component(Scenario &s, const std::string &id) {
    const std::string kind = kind_of(s, id);
    return checked(s, [&](Scenario &c) -> EditResult {
        if (kind == "population") {
            if (const Population *p = find_by_id(c.populations, id)) {
                Population copy = *p;
                copy.id = fresh_id(c, id);
                copy.where.lon = std::min(180.0, copy.where.lon + 5.0);
                c.populations.push_back(copy);
                return {true, copy.id + " added", copy.id};
            }
        }
        if (kind == "fault") {
            if (const Fault *f = find_by_id(c.faults, id)) {
                Fault copy = *f;
                copy.id = fresh_id(c, id);
                c.faults.push_back(copy);
                return {true, copy.id + " added", copy.id};
            }
        }
        return fail("only populations and faults can be duplicated");
    });
}

EditResult link_components(Scenario &s, const std::string &from, const std::string &to) {
    const std::string a = kind_of(s, from), b = kind_of(s, to);
    if (a == "database" && b == "region")
        return add_component(s, ComponentKind::read_replica, {}, to, from);
    return checked(s, [&](Scenario &c) -> EditResult {
        if (a == "population" && (b == "dns" || b == "accelerator")) {
            if (Population *p = find_by_id(c.populations, from))
                p->entry = to;
            return {true, from + " now enters through " + to, from};
        }
        if (a == "app_tier" && (b == "data_store" || b == "database")) {
            AppTier *t = find_by_id(c.app_tiers, from);
            if (t &&
                std::find(t->depends_on.begin(), t->depends_on.end(), to) == t->depends_on.end())
                t->depends_on.push_back(to);
            return {true, from + " now depends on " + to, from};
        }
        if (a == "dns" && b == "app_tier") {
            if (DnsName *n = find_by_id(c.dns, from)) {
                for (const auto &rec : n->records)
                    if (rec.target == to)
                        return fail(from + " already routes to " + to);
                DnsRecord rec;
                rec.target = to;
                rec.id = "to-" + to;
                if (n->policy == RoutingPolicy::failover) {
                    // The new target takes over the secondary role.
                    for (auto &r : n->records)
                        if (r.role == "secondary") {
                            r.target = to;
                            return {true, from + " now fails over to " + to, from};
                        }
                    rec.role = "secondary";
                }
                if (n->policy == RoutingPolicy::geolocation)
                    rec.location = "*";
                n->records.push_back(rec);
                return {true, from + " now routes to " + to, from};
            }
        }
        if (a == "accelerator" && b == "app_tier") {
            const AppTier *tier = find_by_id(c.app_tiers, to);
            const std::string region = tier ? tier->region : std::string();
            if (Accelerator *acc = find_by_id(c.accelerators, from)) {
                for (auto &g : acc->groups)
                    if (g.region == region) {
                        g.endpoints.push_back({to, 128});
                        return {true, from + " now includes " + to, from};
                    }
                acc->groups.push_back(EndpointGroup{region, 100, {{to, 128}}});
                return {true, from + " now includes " + to, from};
            }
        }
        return fail("a " + a + " cannot be linked to a " + b);
    });
}

EditResult add_fault(Scenario &s, Fault fault) {
    return checked(s, [&](Scenario &c) -> EditResult {
        if (fault.id.empty() || id_taken(c, fault.id))
            fault.id = fresh_id(c, std::string(to_string(fault.kind)));
        c.faults.push_back(fault);
        return {true, fault.id + " added", fault.id};
    });
}

EditResult remove_fault(Scenario &s, const std::string &id) {
    if (kind_of(s, id) != "fault")
        return fail("there is no fault \"" + id + "\"");
    return remove_component(s, id);
}

std::vector<std::string> field_choices(const std::string &component_kind,
                                       const std::string &field) {
    const auto names = [](const auto &table) {
        std::vector<std::string> out;
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
