// Adding components: a new one of a kind dropped on the map, a copy of a population or fault,
// and a fault.
#include "edit.h"

#include "edit_checked.h"
#include "find.h"
#include "geo.h"

#include <algorithm>
#include <cmath>

namespace model {
namespace {

using edit_detail::checked;

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

void depend_all_tiers(Scenario &s, const std::string &id) {
    for (auto &t : s.app_tiers)
        if (std::find(t.depends_on.begin(), t.depends_on.end(), id) == t.depends_on.end())
            t.depends_on.push_back(id);
}

} // namespace

EditResult add_component(Scenario &s, ComponentKind kind, LatLon where, const std::string &region,
                         const std::string &database) {
    if (is_region_bound(kind) && !find_by_id(s.regions, region))
        return edit_detail::refused("drop this onto a region");
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
                return edit_detail::refused(
                    "an active-active database needs a second region with an app tier");
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
                return edit_detail::refused("a replica copies a database: add a database first");
            if (d->writer == region)
                return edit_detail::refused("the writer of " + d->id + " is already in " + region);
            for (const auto &r : d->replicas)
                if (r.region == region)
                    return edit_detail::refused(d->id + " already has a replica in " + region);
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
                return edit_detail::refused("a DNS name routes to app tiers: add one first");
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
                return edit_detail::refused(
                    "an accelerator sends traffic to app tiers: add one first");
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
        case ComponentKind::distribution: {
            // An origin group over the first two app tiers (or a tier and a bucket), with an
            // edge where each population is; the documented failover defaults (FACTS.md 5).
            std::vector<std::string> origins;
            for (const auto &t : c.app_tiers)
                origins.push_back(t.id);
            for (const auto &d : c.data_stores)
                if (d.kind == StoreKind::bucket)
                    origins.push_back(d.id);
            if (origins.size() < 2)
                return edit_detail::refused(
                    "a distribution's origin group has two origins, app tiers or "
                    "buckets: add them first");
            Distribution d;
            d.id = fresh_id(c, "cdn");
            d.primary = origins[0];
            d.secondary = origins[1];
            for (const auto &p : c.populations)
                d.edges.push_back(CdnEdge{fresh_id(c, "edge-" + p.id), p.name, p.where});
            if (d.edges.empty())
                d.edges.push_back(CdnEdge{fresh_id(c, "edge"), "", where});
            c.distributions.push_back(d);
            return {true, "distribution " + d.id + " added", d.id};
        }
        case ComponentKind::population: {
            if (c.dns.empty() && c.accelerators.empty())
                return edit_detail::refused(
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
        return edit_detail::refused("unknown component");
    });
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
        return edit_detail::refused("only populations and faults can be duplicated");
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

} // namespace model
