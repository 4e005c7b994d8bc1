// The edits a drag on the map makes: moving a component, and linking one to another.
#include "edit.h"

#include "edit_checked.h"
#include "find.h"
#include "geo.h"

#include <algorithm>
#include <cmath>

namespace model {
namespace {

using edit_detail::checked;

} // namespace

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
            return edit_detail::refused(id + " is a real region; its place is fixed");
        r->where = where;
        return {true, id + " moved", id};
    }
    return edit_detail::refused(id + " has no place of its own on the map");
}

EditResult link_components(Scenario &s, const std::string &from, const std::string &to) {
    const std::string a = kind_of(s, from), b = kind_of(s, to);
    if (a == "database" && b == "region")
        return add_component(s, ComponentKind::read_replica, {}, to, from);
    return checked(s, [&](Scenario &c) -> EditResult {
        if (a == "population" && (b == "dns" || b == "accelerator" || b == "distribution")) {
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
                        return edit_detail::refused(from + " already routes to " + to);
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
        if (a == "distribution" && (b == "app_tier" || b == "data_store")) {
            // The new origin becomes the secondary, the way a failover name takes one.
            if (Distribution *d = find_by_id(c.distributions, from)) {
                if (d->primary == to || d->secondary == to)
                    return edit_detail::refused(to + " is already an origin of " + from);
                d->secondary = to;
                return {true, from + " now fails over to " + to, from};
            }
        }
        return edit_detail::refused("a " + a + " cannot be linked to a " + b);
    });
}

} // namespace model
