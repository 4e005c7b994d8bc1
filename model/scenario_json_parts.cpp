// Reading a scenario file's components: regions, app tiers, data stores, databases, health
// checks, DNS names, accelerators and populations.
#include "scenario_json_read.h"

#include "geo.h"
#include "scenario_names.h"

namespace model::scenario_json_detail {
namespace {

bool is_continent_code(const std::string &c) {
    for (const char *code : {"AF", "AN", "AS", "EU", "NA", "OC", "SA"})
        if (c == code)
            return true;
    return false;
}

bool is_country_code(const std::string &c) {
    return c.size() == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z';
}

void read_lag(JsonReader &r, LagSpec &lag) {
    FieldReader fields(r, "lag");
    fields.millis("median_ms", lag.median_ms);
    fields.millis("p99_ms", lag.p99_ms);
    if (lag.p99_ms < lag.median_ms)
        r.fail("p99_ms", "must not be smaller than the median");
}

} // namespace

void read_region(JsonReader &r, Region &g) {
    FieldReader fields(r, "region");
    r.id("id", g.id);
    r.string("name", g.name);
    const KnownRegion *known = find_known_region(g.id);
    if (known) {
        g.where = known->where;
        if (g.name.empty())
            g.name = known->name;
    }
    if (!known && !g.id.empty() && (!r.has("lat") || !r.has("lon"))) {
        std::string names;
        for (const auto &k : known_regions())
            names += (names.empty() ? "" : ", ") + k.id;
        r.fail("id", "\"" + g.id + "\" is not a region with known coordinates (" + names +
                         "); a region of your own needs \"lat\" and \"lon\"");
    }
    fields.number("lat", g.where.lat);
    fields.number("lon", g.where.lon);
    fields.integer("azs", g.azs);
    fields.millis("inter_az_rtt_ms", g.inter_az_rtt_ms);
}

void read_app_tier(JsonReader &r, AppTier &a) {
    FieldReader fields(r, "app_tier");
    r.id("id", a.id);
    r.string("region", a.region, true);
    fields.integer("capacity_rps", a.capacity_rps);
    r.enumeration("standby", a.standby, standby_names());
    fields.number("warm_fraction", a.warm_fraction);
    fields.seconds("scale_up_s", a.scale_up_ms);
    fields.millis("service_ms", a.service_ms);
    r.strings("depends_on", a.depends_on);
    fields.seconds("lb_interval_s", a.lb_interval_ms);
    fields.integer("lb_unhealthy_threshold", a.lb_unhealthy_threshold);
    fields.integer("lb_healthy_threshold", a.lb_healthy_threshold);
}

void read_store(JsonReader &r, DataStore &d) {
    r.id("id", d.id);
    r.enumeration("kind", d.kind, store_kind_names(), true);
    r.string("region", d.region, true);
    r.strings("replicas", d.replicas);
}

void read_database(JsonReader &r, Database &d) {
    FieldReader fields(r, "database");
    r.id("id", d.id);
    r.enumeration("kind", d.kind, db_kind_names());
    r.string("writer", d.writer);
    r.objects("replicas", [&](JsonReader &e, std::size_t) {
        DbReplica rep;
        e.string("region", rep.region, true);
        e.enumeration("mode", rep.mode, replication_names());
        e.object("lag", [&](JsonReader &l) { read_lag(l, rep.lag); });
        d.replicas.push_back(rep);
    });
    r.strings("writers", d.writers);
    r.enumeration("promotion", d.promotion, promotion_names());
    fields.seconds("detection_s", d.detection_ms);
    fields.seconds("operator_delay_s", d.operator_delay_ms);
    fields.seconds("promotion_s", d.promotion_ms);
    fields.seconds("endpoint_update_s", d.endpoint_update_ms);
    fields.seconds("endpoint_ttl_s", d.endpoint_ttl_ms);
    r.enumeration("endpoint_cache", d.endpoint_cache, endpoint_cache_names());
    fields.seconds("endpoint_cache_s", d.endpoint_cache_ms);
    r.enumeration("fencing", d.fencing, fencing_names());
    r.enumeration("sync_unreachable", d.sync_unreachable, sync_unreachable_names());
    fields.seconds("sync_timeout_s", d.sync_timeout_ms);
    fields.millis("clock_skew_ms", d.clock_skew_ms);
    fields.integer("hot_keys", d.hot_keys);
    r.object("lag", [&](JsonReader &l) { read_lag(l, d.lag); });
    fields.seconds("switchover_base_s", d.switchover_base_ms);
    r.boolean("multi_az", d.multi_az);
    fields.seconds("multi_az_failover_s", d.multi_az_failover_ms);
    const bool multi = d.kind == DbKind::multi_writer || d.kind == DbKind::consensus;
    if (multi && d.writers.size() < 2)
        r.fail("writers", "a multi-writer or consensus database needs at least two writers");
    if (!multi && d.writer.empty())
        r.fail("", "the field \"writer\" (the writer's region) is required");
}

void read_health_check(JsonReader &r, HealthCheck &h) {
    FieldReader fields(r, "health_check");
    r.id("id", h.id);
    r.string("target", h.target, true);
    fields.seconds("interval_s", h.interval_ms);
    if (h.interval_ms != 10 * kSecond && h.interval_ms != 30 * kSecond)
        r.fail("interval_s", "Route 53 checks every 10 or 30 seconds; found " +
                                 std::to_string(h.interval_ms / 1000));
    fields.integer("failure_threshold", h.failure_threshold);
    r.boolean("deep", h.deep);
    fields.integer("checkers", h.checkers);
    r.strings("checker_regions", h.checker_regions);
}

void read_dns(JsonReader &r, DnsName &n) {
    FieldReader fields(r, "dns");
    r.id("id", n.id);
    r.enumeration("policy", n.policy, policy_names(), true);
    fields.seconds("ttl_s", n.ttl_ms);
    r.objects(
        "records",
        [&](JsonReader &e, std::size_t) {
            DnsRecord rec;
            e.id("id", rec.id);
            e.string("target", rec.target, true);
            e.boolean("alias", rec.alias);
            e.boolean("evaluate_target_health", rec.evaluate_target_health);
            e.string("health_check", rec.health_check);
            if (n.policy == RoutingPolicy::failover) {
                e.string("role", rec.role, true);
                if (!rec.role.empty() && rec.role != "primary" && rec.role != "secondary")
                    e.fail("role",
                           "expected \"primary\" or \"secondary\", found \"" + rec.role + "\"");
            }
            if (n.policy == RoutingPolicy::weighted)
                FieldReader(e, "dns/records").integer("weight", rec.weight, true);
            if (n.policy == RoutingPolicy::geolocation) {
                e.string("location", rec.location, true);
                if (!rec.location.empty() && rec.location != "*" &&
                    !is_continent_code(rec.location) && !is_country_code(rec.location))
                    e.fail("location", "expected \"*\" (the default record), a continent code "
                                       "(AF, AN, AS, EU, NA, OC, SA) or a two-letter country "
                                       "code, found \"" +
                                           rec.location + "\"");
            }
            n.records.push_back(rec);
        },
        true);
}

void read_accelerator(JsonReader &r, Accelerator &a) {
    FieldReader fields(r, "accelerator");
    r.id("id", a.id);
    r.objects(
        "groups",
        [&](JsonReader &g, std::size_t) {
            EndpointGroup group;
            g.string("region", group.region, true);
            FieldReader(g, "accelerator/groups")
                .integer("traffic_dial_pct", group.traffic_dial_pct);
            g.objects(
                "endpoints",
                [&](JsonReader &e, std::size_t) {
                    AcceleratorEndpoint ep;
                    e.string("target", ep.target, true);
                    FieldReader(e, "accelerator/groups/endpoints").integer("weight", ep.weight);
                    group.endpoints.push_back(ep);
                },
                true);
            a.groups.push_back(group);
        },
        true);
    fields.seconds("interval_s", a.interval_ms);
    if (a.interval_ms != 10 * kSecond && a.interval_ms != 30 * kSecond)
        r.fail("interval_s", "the accelerator checks every 10 or 30 seconds");
    fields.integer("threshold", a.threshold);
    fields.seconds("return_delay_s", a.return_delay_ms);
    fields.number("backbone_route_factor", a.backbone_route_factor);
    fields.millis("edge_rtt_ms", a.edge_rtt_ms);
    fields.seconds("edge_propagation_s", a.edge_propagation_ms);
}

void read_distribution(JsonReader &r, Distribution &d) {
    FieldReader fields(r, "distribution");
    r.id("id", d.id);
    r.objects(
        "edges",
        [&](JsonReader &e, std::size_t) {
            CdnEdge edge;
            FieldReader at(e, "distribution/edges");
            e.id("id", edge.id);
            e.string("name", edge.name);
            at.number("lat", edge.where.lat, true);
            at.number("lon", edge.where.lon, true);
            d.edges.push_back(edge);
        },
        true);
    r.string("primary", d.primary, true);
    r.string("secondary", d.secondary, true);
    fields.number("cacheable_share", d.cacheable_share);
    fields.number("hit_share", d.hit_share);
    fields.seconds("cache_ttl_s", d.cache_ttl_ms);
    fields.integer("connection_attempts", d.connection_attempts);
    fields.seconds("connection_timeout_s", d.connection_timeout_ms);
    fields.seconds("origin_response_timeout_s", d.origin_response_timeout_ms);
    r.integers("failover_status_codes", d.failover_status_codes, 400, 599);
    for (int code : d.failover_status_codes)
        if (!is_failover_status_code(code)) {
            r.fail("failover_status_codes",
                   "an origin group fails over on 400, 403, 404, 416, 500, 502, 503 or 504, not " +
                       std::to_string(code));
            break;
        }
    fields.millis("edge_service_ms", d.edge_service_ms);
}

void read_population(JsonReader &r, Population &p) {
    FieldReader fields(r, "population");
    r.id("id", p.id);
    r.string("name", p.name);
    fields.number("lat", p.where.lat, true);
    fields.number("lon", p.where.lon, true);
    r.string("continent", p.continent);
    r.string("country", p.country);
    if (!p.continent.empty() && !is_continent_code(p.continent))
        r.fail("continent", "expected a continent code (AF, AN, AS, EU, NA, OC or SA), found \"" +
                                p.continent + "\"");
    if (!p.country.empty() && !is_country_code(p.country))
        r.fail("country", "expected a two-letter ISO 3166 country code such as \"US\", found \"" +
                              p.country + "\"");
    fields.integer("clients", p.clients);
    fields.number("rps", p.rps);
    fields.number("write_share", p.write_share);
    fields.seconds("timeout_s", p.timeout_ms);
    fields.integer("retries", p.retries);
    if (r.has("dns_cache")) {
        p.dns_cache.clear();
        r.objects("dns_cache", [&](JsonReader &e, std::size_t) {
            CacheHabit h;
            FieldReader habit(e, "population/dns_cache");
            habit.number("share", h.share, true);
            e.enumeration("mode", h.mode, cache_mode_names(), true);
            if (h.mode == CacheMode::fixed)
                habit.seconds("cache_s", h.cache_ms, true);
            p.dns_cache.push_back(h);
        });
        double total = 0;
        for (const auto &h : p.dns_cache)
            total += h.share;
        if (p.dns_cache.empty() || total < 0.999 || total > 1.001)
            r.fail("dns_cache", "the shares of the caching habits must add up to 1");
    } else {
        r.objects("dns_cache", [](JsonReader &, std::size_t) {});
    }
    r.string("entry", p.entry, true);
    fields.seconds("connection_lifetime_s", p.connection_lifetime_ms);
    r.string("keys", p.keys);
}

} // namespace model::scenario_json_detail
