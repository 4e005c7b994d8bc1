// Removing components: one with its references, or one with every component that depends on it.
#include "edit.h"

#include "edit_checked.h"
#include "find.h"
#include "problem_place.h"

#include <algorithm>

namespace model {
std::vector<ComponentRef> components_of(const Scenario &s) {
    std::vector<ComponentRef> all;
    const auto add = [&](const char *kind, const auto &list) {
        for (const auto &x : list)
            all.push_back({kind, x.id});
    };
    add("region", s.regions);
    add("app_tier", s.app_tiers);
    add("data_store", s.data_stores);
    add("database", s.databases);
    add("health_check", s.health_checks);
    add("dns", s.dns);
    add("accelerator", s.accelerators);
    add("distribution", s.distributions);
    add("population", s.populations);
    add("fault", s.faults);
    return all;
}

namespace {

// Whether a fault acts on the component or region `id`, through the fields its kind uses.
bool fault_names(const Fault &f, const std::string &id) {
    switch (f.kind) {
    case FaultKind::region_outage:
    case FaultKind::az_outage:
        return f.region == id;
    case FaultKind::brownout:
        return f.target == id;
    case FaultKind::partition:
        return contains(f.regions, id);
    case FaultKind::writer_crash:
    case FaultKind::fail_back:
        return f.database == id;
    case FaultKind::replication_broken:
    case FaultKind::replication_lagging:
        return f.database == id || f.replica == id;
    case FaultKind::manual_promotion:
    case FaultKind::switchover:
        return f.database == id || f.region == id;
    case FaultKind::manual_dns_change:
        return f.dns_name == id || f.set_target == id;
    case FaultKind::dns_control_plane_impaired:
    case FaultKind::health_checker_impaired:
        return false;
    }
    return false;
}

// Drops every reference to `gone` that can simply go: list entries, records answering with
// it, health checks on it, accelerator endpoints, faults acting on it.
void drop_refs(Scenario &c, const std::string &gone) {
    for (auto &t : c.app_tiers)
        std::erase(t.depends_on, gone);
    for (auto &n : c.dns) {
        for (auto &rec : n.records)
            if (rec.health_check == gone)
                rec.health_check.clear();
        std::erase_if(n.records, [&](const DnsRecord &rec) { return rec.target == gone; });
    }
    std::erase_if(c.health_checks, [&](const HealthCheck &h) { return h.target == gone; });
    for (auto &n : c.dns)
        for (auto &rec : n.records)
            if (!rec.health_check.empty() && !find_by_id(c.health_checks, rec.health_check))
                rec.health_check.clear();
    for (auto &a : c.accelerators)
        for (auto &g : a.groups)
            std::erase_if(g.endpoints, [&](const auto &e) { return e.target == gone; });
    std::erase_if(c.faults, [&](const Fault &f) { return fault_names(f, gone); });
}

// Removes one component and its references; for a region also the app tiers in it, and the
// database replicas, store copies, round-trip overrides and accelerator groups there. What else
// breaks is left for the checks to find.
void cut(Scenario &c, const std::string &id) {
    const std::string kind = kind_of(c, id);
    if (kind == "region") {
        std::vector<std::string> tiers;
        for (const auto &t : c.app_tiers)
            if (t.region == id)
                tiers.push_back(t.id);
        for (const auto &t : tiers)
            cut(c, t);
        for (auto &d : c.databases)
            std::erase_if(d.replicas, [&](const DbReplica &r) { return r.region == id; });
        for (auto &d : c.data_stores)
            std::erase(d.replicas, id);
        std::erase_if(c.rtt_overrides,
                      [&](const RttOverride &o) { return o.a == id || o.b == id; });
        for (auto &a : c.accelerators)
            std::erase_if(a.groups, [&](const EndpointGroup &g) { return g.region == id; });
        std::erase_if(c.faults, [&](const Fault &f) { return fault_names(f, id); });
        std::erase_if(c.regions, [&](const Region &r) { return r.id == id; });
        return;
    }
    if (kind == "fault") {
        std::erase_if(c.faults, [&](const Fault &f) { return f.id == id; });
        return;
    }
    drop_refs(c, id);
    const auto drop = [&](auto &list) {
        std::erase_if(list, [&](const auto &x) { return x.id == id; });
    };
    drop(c.app_tiers);
    drop(c.data_stores);
    drop(c.databases);
    drop(c.health_checks);
    drop(c.dns);
    drop(c.accelerators);
    drop(c.distributions);
    drop(c.populations);
}

bool holds(const Scenario &s, const ComponentRef &ref) {
    for (const ComponentRef &x : components_of(s))
        if (x == ref)
            return true;
    return false;
}

struct Removal {
    Scenario after;
    std::vector<ComponentRef> gone; // every component removed, `id` included
    Problems left;                  // what is still wrong once they are all gone
};

// Removes `id`, then whatever the checks find broken, until nothing more breaks.
Removal plan_removal(const Scenario &s, const std::string &id) {
    std::vector<std::string> doomed{id};
    for (;;) {
        Removal r{s, {}, {}};
        for (const std::string &d : doomed)
            cut(r.after, d);
        r.left = check_scenario(r.after, "");
        bool grew = false;
        for (const Problem &p : r.left) {
            const ComponentRef ref{p.place.kind, p.place.id};
            if (!ref.id.empty() && holds(s, ref) && !contains(doomed, ref.id)) {
                doomed.push_back(ref.id);
                grew = true;
            }
        }
        if (!grew) {
            for (const ComponentRef &x : components_of(s))
                if (!holds(r.after, x))
                    r.gone.push_back(x);
            return r;
        }
    }
}

} // namespace

EditResult remove_component(Scenario &s, const std::string &id) {
    if (kind_of(s, id).empty())
        return edit_detail::refused("there is no component \"" + id + "\"");
    return edit_detail::checked(s, [&](Scenario &c) -> EditResult {
        cut(c, id);
        return {true, id + " removed", id};
    });
}

std::vector<ComponentRef> dependents_of(const Scenario &s, const std::string &id) {
    if (kind_of(s, id).empty())
        return {};
    std::vector<ComponentRef> others = plan_removal(s, id).gone;
    std::erase_if(others, [&](const ComponentRef &x) { return x.id == id; });
    return others;
}

EditResult remove_with_dependents(Scenario &s, const std::string &id) {
    if (kind_of(s, id).empty())
        return edit_detail::refused("there is no component \"" + id + "\"");
    Removal r = plan_removal(s, id);
    if (!r.left.empty())
        return edit_detail::refused(std::move(r.left));
    s = std::move(r.after);
    const std::size_t others = r.gone.size() - 1;
    return {true,
            id + " removed" +
                (others == 0 ? std::string()
                             : " with " + std::to_string(others) +
                                   (others == 1 ? " part" : " parts") + " that depended on it"),
            id};
}

EditResult remove_fault(Scenario &s, const std::string &id) {
    if (kind_of(s, id) != "fault")
        return edit_detail::refused("there is no fault \"" + id + "\"");
    return remove_component(s, id);
}

} // namespace model
