// Renaming a component, and the regions a drop on the map offers.
#include "edit.h"
#include "edit_checked.h"
#include "find.h"
#include "geo.h"

#include <algorithm>
#include <cmath>

namespace model {
namespace {

using edit_detail::checked;
using edit_detail::refused;

bool valid_id(const std::string &id) {
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.' || c == ':';
    });
}

void swap_name(std::string &field, const std::string &from, const std::string &to) {
    if (field == from)
        field = to;
}

void swap_names(std::vector<std::string> &fields, const std::string &from, const std::string &to) {
    for (std::string &f : fields)
        swap_name(f, from, to);
}

// Every field of the scenario that names a component (not a fault, a record or a checker
// region) and names `from` now names `to`.
void rename_references(Scenario &s, const std::string &from, const std::string &to) {
    for (RttOverride &o : s.rtt_overrides) {
        swap_name(o.a, from, to);
        swap_name(o.b, from, to);
    }
    for (AppTier &t : s.app_tiers) {
        swap_name(t.region, from, to);
        swap_names(t.depends_on, from, to);
    }
    for (DataStore &st : s.data_stores) {
        swap_name(st.region, from, to);
        swap_names(st.replicas, from, to);
    }
    for (Database &d : s.databases) {
        swap_name(d.writer, from, to);
        swap_names(d.writers, from, to);
        for (DbReplica &r : d.replicas)
            swap_name(r.region, from, to);
    }
    for (HealthCheck &h : s.health_checks)
        swap_name(h.target, from, to);
    for (DnsName &n : s.dns)
        for (DnsRecord &r : n.records) {
            swap_name(r.target, from, to);
            swap_name(r.health_check, from, to);
        }
    for (Accelerator &a : s.accelerators)
        for (EndpointGroup &g : a.groups) {
            swap_name(g.region, from, to);
            for (AcceleratorEndpoint &e : g.endpoints)
                swap_name(e.target, from, to);
        }
    for (Population &p : s.populations)
        swap_name(p.entry, from, to);
    for (Fault &f : s.faults) {
        swap_name(f.region, from, to);
        swap_name(f.target, from, to);
        // A checker impairment names Route 53 checker regions, not the scenario's regions.
        if (f.kind != FaultKind::health_checker_impaired)
            swap_names(f.regions, from, to);
        swap_name(f.database, from, to);
        swap_name(f.replica, from, to);
        swap_name(f.dns_name, from, to);
        swap_name(f.set_target, from, to);
    }
}

template <typename List>
bool rename_in(List &list, const std::string &from, const std::string &to) {
    if (auto *item = find_by_id(list, from)) {
        item->id = to;
        return true;
    }
    return false;
}

} // namespace

EditResult rename_component(Scenario &s, const std::string &id, const std::string &new_id) {
    const std::string kind = kind_of(s, id);
    if (kind.empty())
        return refused("there is no component \"" + id + "\"");
    if (new_id == id)
        return {true, id + " keeps its id", id};
    if (!valid_id(new_id))
        return refused("expected an id of 1 to 64 letters, digits or - _ . : characters, found \"" +
                       new_id.substr(0, 80) + "\"");
    if (kind == "fault") {
        if (find_by_id(s.faults, new_id))
            return refused("the id \"" + new_id + "\" is already a fault's");
        return checked(s, [&](Scenario &c) -> EditResult {
            rename_in(c.faults, id, new_id);
            return {true, "fault " + id + " renamed " + new_id, new_id};
        });
    }
    if (const std::string taken = kind_of(s, new_id); !taken.empty() && taken != "fault")
        return refused("the id \"" + new_id +
                       "\" is already used; every id in a scenario is "
                       "unique");
    if (kind == "region" && find_known_region(id))
        return refused(id + " is a real region; its id names it (and its measured round trips)");
    return checked(s, [&](Scenario &c) -> EditResult {
        const bool found =
            rename_in(c.regions, id, new_id) || rename_in(c.app_tiers, id, new_id) ||
            rename_in(c.data_stores, id, new_id) || rename_in(c.databases, id, new_id) ||
            rename_in(c.health_checks, id, new_id) || rename_in(c.dns, id, new_id) ||
            rename_in(c.accelerators, id, new_id) || rename_in(c.populations, id, new_id);
        if (!found)
            return refused("there is no component \"" + id + "\"");
        rename_references(c, id, new_id);
        return {true, kind + " " + id + " renamed " + new_id, new_id};
    });
}

std::vector<KnownRegion> regions_to_offer(const Scenario &s, LatLon near) {
    std::vector<KnownRegion> out;
    for (const KnownRegion &k : known_regions())
        if (!find_by_id(s.regions, k.id))
            out.push_back(k);
    std::stable_sort(out.begin(), out.end(), [&](const KnownRegion &a, const KnownRegion &b) {
        return great_circle_km(a.where, near) < great_circle_km(b.where, near);
    });
    return out;
}

EditResult add_region(Scenario &s, LatLon where, const std::string &known_id) {
    if (known_id.empty())
        return checked(s, [&](Scenario &c) -> EditResult {
            std::string id = "region";
            for (int i = 2; !kind_of(c, id).empty(); ++i)
                id = "region-" + std::to_string(i);
            Region r;
            r.id = id;
            r.name = "Region";
            r.where = {std::round(where.lat * 100) / 100, std::round(where.lon * 100) / 100};
            c.regions.push_back(r);
            return {true, "region " + id + " added", id};
        });
    const KnownRegion *known = find_known_region(known_id);
    if (!known)
        return refused("\"" + known_id + "\" is not a region with known coordinates");
    if (find_by_id(s.regions, known_id))
        return refused(known_id + " is already on the map");
    if (!kind_of(s, known_id).empty())
        return refused("the id \"" + known_id + "\" is already used by another component");
    return checked(s, [&](Scenario &c) -> EditResult {
        Region r;
        r.id = known->id;
        r.name = known->name;
        r.where = known->where;
        c.regions.push_back(r);
        return {true, "region " + known->id + " added", known->id};
    });
}

} // namespace model
