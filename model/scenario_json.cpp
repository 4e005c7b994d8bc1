#include "scenario_json.h"

#include "json_reader.h"
#include "scenario_names.h"

namespace model {
namespace {

constexpr Ms kMaxTime = 24 * kHour;

bool is_continent_code(const std::string &c) {
    for (const char *code : {"AF", "AN", "AS", "EU", "NA", "OC", "SA"})
        if (c == code)
            return true;
    return false;
}

bool is_country_code(const std::string &c) {
    return c.size() == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z';
}

void read_settings(JsonReader &r, Settings &s, int version) {
    r.seconds("duration_s", s.duration_ms, kSecond, kMaxTime);
    r.millis("step_ms", s.step_ms, 100, kMinute);
    r.u64("seed", s.seed);
    r.seconds("verdict_delay_min_s", s.verdict_delay_min_ms, 0, kMinute);
    r.seconds("verdict_delay_max_s", s.verdict_delay_max_ms, 0, kMinute);
    r.seconds("propagation_max_s", s.propagation_max_ms, 0, 10 * kMinute);
    if (version == 1) {
        // Version 1 had one fixed delay behind Evaluate Target Health; it becomes both modelled
        // delays, and the load balancers' own checks take their documented defaults.
        Ms eth_delay_ms = 10 * kSecond;
        r.seconds("eth_delay_s", eth_delay_ms, 0, 10 * kMinute);
        s.eth_read_delay_ms = s.lb_region_loss_ms = eth_delay_ms;
    } else {
        r.seconds("eth_read_delay_s", s.eth_read_delay_ms, 0, 10 * kMinute);
        r.seconds("lb_region_loss_s", s.lb_region_loss_ms, 0, 10 * kMinute);
    }
    r.number("public_route_factor", s.public_route_factor, 1.0, 5.0);
    r.number("slo", s.slo, 0.5, 0.999999);
    if (s.step_ms > s.duration_ms)
        r.fail("step_ms", "the sample step is longer than the whole run");
    if (s.verdict_delay_min_ms > s.verdict_delay_max_ms)
        r.fail("verdict_delay_min_s", "must not be larger than verdict_delay_max_s");
}

void read_region(JsonReader &r, Region &g) {
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
    r.number("lat", g.where.lat, -90, 90);
    r.number("lon", g.where.lon, -180, 180);
    r.integer("azs", g.azs, 1, 6);
    r.millis("inter_az_rtt_ms", g.inter_az_rtt_ms, 0, 50);
}

void read_app_tier(JsonReader &r, AppTier &a) {
    r.id("id", a.id);
    r.string("region", a.region, true);
    r.integer("capacity_rps", a.capacity_rps, 0, 10000000);
    r.enumeration("standby", a.standby, standby_names());
    r.number("warm_fraction", a.warm_fraction, 0.0, 1.0);
    r.seconds("scale_up_s", a.scale_up_ms, 0, 6 * kHour);
    r.millis("service_ms", a.service_ms, 0, 60000);
    r.strings("depends_on", a.depends_on);
    r.seconds("lb_interval_s", a.lb_interval_ms, 5 * kSecond, 300 * kSecond);
    r.integer("lb_unhealthy_threshold", a.lb_unhealthy_threshold, 2, 10);
    r.integer("lb_healthy_threshold", a.lb_healthy_threshold, 2, 10);
}

void read_store(JsonReader &r, DataStore &d) {
    r.id("id", d.id);
    r.enumeration("kind", d.kind, store_kind_names(), true);
    r.string("region", d.region, true);
    r.strings("replicas", d.replicas);
}

void read_lag(JsonReader &r, LagSpec &lag) {
    r.millis("median_ms", lag.median_ms, 0, kHour);
    r.millis("p99_ms", lag.p99_ms, 0, kHour);
    if (lag.p99_ms < lag.median_ms)
        r.fail("p99_ms", "must not be smaller than median_ms");
}

void read_database(JsonReader &r, Database &d) {
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
    r.seconds("detection_s", d.detection_ms, 0, 6 * kHour);
    r.seconds("operator_delay_s", d.operator_delay_ms, 0, 24 * kHour);
    r.seconds("promotion_s", d.promotion_ms, 0, 6 * kHour);
    r.seconds("endpoint_update_s", d.endpoint_update_ms, 0, kHour);
    r.seconds("endpoint_ttl_s", d.endpoint_ttl_ms, 0, 2 * 24 * kHour);
    r.enumeration("endpoint_cache", d.endpoint_cache, endpoint_cache_names());
    r.seconds("endpoint_cache_s", d.endpoint_cache_ms, 0, 2 * 24 * kHour);
    r.enumeration("fencing", d.fencing, fencing_names());
    r.enumeration("sync_unreachable", d.sync_unreachable, sync_unreachable_names());
    r.seconds("sync_timeout_s", d.sync_timeout_ms, 0, kHour);
    r.millis("clock_skew_ms", d.clock_skew_ms, 0, kHour);
    r.integer("hot_keys", d.hot_keys, 1, 100000000);
    r.object("lag", [&](JsonReader &l) { read_lag(l, d.lag); });
    r.seconds("switchover_base_s", d.switchover_base_ms, 0, kHour);
    r.boolean("multi_az", d.multi_az);
    r.seconds("multi_az_failover_s", d.multi_az_failover_ms, 0, kHour);
    const bool multi = d.kind == DbKind::multi_writer || d.kind == DbKind::consensus;
    if (multi && d.writers.size() < 2)
        r.fail("writers", "a multi_writer or consensus database needs at least two writers");
    if (!multi && d.writer.empty())
        r.fail("", "the field \"writer\" (the writer's region) is required");
}

void read_health_check(JsonReader &r, HealthCheck &h) {
    r.id("id", h.id);
    r.string("target", h.target, true);
    r.seconds("interval_s", h.interval_ms, 10 * kSecond, 30 * kSecond);
    if (h.interval_ms != 10 * kSecond && h.interval_ms != 30 * kSecond)
        r.fail("interval_s", "Route 53 checks every 10 or 30 seconds; found " +
                                 std::to_string(h.interval_ms / 1000));
    r.integer("failure_threshold", h.failure_threshold, 1, 10);
    r.boolean("deep", h.deep);
    r.integer("checkers", h.checkers, 3, 64);
    r.strings("checker_regions", h.checker_regions);
}

void read_dns(JsonReader &r, DnsName &n) {
    r.id("id", n.id);
    r.enumeration("policy", n.policy, policy_names(), true);
    r.seconds("ttl_s", n.ttl_ms, 0, 2 * 24 * kHour);
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
                e.integer("weight", rec.weight, 0, 255, true);
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
    r.id("id", a.id);
    r.objects(
        "groups",
        [&](JsonReader &g, std::size_t) {
            EndpointGroup group;
            g.string("region", group.region, true);
            g.integer("traffic_dial_pct", group.traffic_dial_pct, 0, 100);
            g.objects(
                "endpoints",
                [&](JsonReader &e, std::size_t) {
                    AcceleratorEndpoint ep;
                    e.string("target", ep.target, true);
                    e.integer("weight", ep.weight, 0, 255);
                    group.endpoints.push_back(ep);
                },
                true);
            a.groups.push_back(group);
        },
        true);
    r.seconds("interval_s", a.interval_ms, 10 * kSecond, 30 * kSecond);
    if (a.interval_ms != 10 * kSecond && a.interval_ms != 30 * kSecond)
        r.fail("interval_s", "the accelerator checks every 10 or 30 seconds");
    r.integer("threshold", a.threshold, 1, 10);
    r.seconds("return_delay_s", a.return_delay_ms, 0, 10 * kMinute);
    r.number("backbone_route_factor", a.backbone_route_factor, 1.0, 5.0);
    r.millis("edge_rtt_ms", a.edge_rtt_ms, 0, 500);
    r.seconds("edge_propagation_s", a.edge_propagation_ms, 0, kMinute);
}

void read_population(JsonReader &r, Population &p) {
    r.id("id", p.id);
    r.string("name", p.name);
    r.number("lat", p.where.lat, -90, 90, true);
    r.number("lon", p.where.lon, -180, 180, true);
    r.string("continent", p.continent);
    r.string("country", p.country);
    if (!p.continent.empty() && !is_continent_code(p.continent))
        r.fail("continent", "expected a continent code (AF, AN, AS, EU, NA, OC or SA), found \"" +
                                p.continent + "\"");
    if (!p.country.empty() && !is_country_code(p.country))
        r.fail("country", "expected a two-letter ISO 3166 country code such as \"US\", found \"" +
                              p.country + "\"");
    r.integer("clients", p.clients, 1, 100000000);
    r.number("rps", p.rps, 0, 1000000);
    r.number("write_share", p.write_share, 0, 1);
    r.seconds("timeout_s", p.timeout_ms, 100, 10 * kMinute);
    r.integer("retries", p.retries, 0, 10);
    if (r.has("dns_cache")) {
        p.dns_cache.clear();
        r.objects("dns_cache", [&](JsonReader &e, std::size_t) {
            CacheHabit h;
            e.number("share", h.share, 0, 1, true);
            e.enumeration("mode", h.mode, cache_mode_names(), true);
            if (h.mode == CacheMode::fixed)
                e.seconds("cache_s", h.cache_ms, 0, 7 * 24 * kHour, true);
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
    r.seconds("connection_lifetime_s", p.connection_lifetime_ms, 0, 24 * kHour);
    r.string("keys", p.keys);
}

} // namespace

void read_fault(JsonReader &r, Fault &f, std::size_t index) {
    r.enumeration("kind", f.kind, fault_kind_names(), true);
    if (r.has("id"))
        r.id("id", f.id);
    else {
        r.string("id", f.id);
        f.id = "fault-" + std::to_string(index + 1);
    }
    r.seconds("at_s", f.at_ms, 0, kMaxTime, true);
    const auto lasting = [&] {
        r.optional_seconds("until_s", f.until_ms, 0, kMaxTime);
        if (f.until_ms && *f.until_ms <= f.at_ms)
            r.fail("until_s", "must be later than at_s");
    };
    switch (f.kind) {
    case FaultKind::region_outage:
        r.string("region", f.region, true);
        lasting();
        break;
    case FaultKind::az_outage:
        r.string("region", f.region, true);
        r.integer("az", f.az, 0, 5, true);
        lasting();
        break;
    case FaultKind::brownout:
        r.string("target", f.target, true);
        r.number("error_share", f.error_share, 0, 1);
        r.millis("extra_latency_ms", f.extra_latency_ms, 0, 10 * kMinute);
        lasting();
        break;
    case FaultKind::partition:
        r.strings("regions", f.regions);
        if (f.regions.empty())
            r.fail("regions", "list the regions that are cut off from the rest");
        r.boolean("users_reach", f.users_reach);
        r.boolean("checkers_reach", f.checkers_reach);
        lasting();
        break;
    case FaultKind::writer_crash:
        r.string("database", f.database, true);
        lasting();
        break;
    case FaultKind::replication_broken:
        r.string("database", f.database, true);
        r.string("replica", f.replica, true);
        lasting();
        break;
    case FaultKind::replication_lagging:
        r.string("database", f.database, true);
        r.string("replica", f.replica, true);
        r.millis("lag_ms", f.lag_ms, 0, 24 * kHour, true);
        lasting();
        break;
    case FaultKind::dns_control_plane_impaired:
        lasting();
        break;
    case FaultKind::health_checker_impaired:
        r.strings("regions", f.regions);
        if (f.regions.empty())
            r.fail("regions", "list the checker regions whose probes fail");
        lasting();
        break;
    case FaultKind::manual_promotion:
        r.string("database", f.database, true);
        r.string("region", f.region, true);
        break;
    case FaultKind::manual_dns_change:
        r.string("dns", f.dns_name, true);
        r.string("record", f.record, true);
        r.seconds("operator_delay_s", f.operator_delay_ms, 0, 24 * kHour);
        if (r.has("set_weight")) {
            int w = 0;
            r.integer("set_weight", w, 0, 255);
            f.set_weight = w;
        } else {
            r.string("set_weight", f.set_target); // marks the key as known
        }
        r.string("set_target", f.set_target);
        if (!f.set_weight && f.set_target.empty())
            r.fail("", "a manual_dns_change needs set_weight or set_target");
        break;
    case FaultKind::fail_back:
        r.string("database", f.database, true);
        break;
    case FaultKind::switchover:
        r.string("database", f.database, true);
        r.string("region", f.region, true);
        break;
    }
}

namespace {

void read_cost(JsonReader &r, Cost &c) {
    r.number("baseline_monthly", c.baseline_monthly, 0, 1e12);
    r.number("outages_per_year", c.outages_per_year, 0, 1000);
    r.number("revenue_per_minute", c.revenue_per_minute, 0, 1e12);
}

} // namespace

ScenarioLoad parse_scenario(const std::string &text, const std::string &file) {
    ScenarioLoad out;
    if (text.size() > kMaxScenarioBytes) {
        out.problems.push_back({file, "", "the file is larger than 8 MiB; not a scenario"});
        return out;
    }
    auto json = parse_json_text(text, file, out.problems);
    if (!json)
        return out;
    Scenario s;
    JsonReader r(*json, "", file, out.problems);
    if (!r.is_object())
        return out;
    std::string format;
    r.string("format", format, true);
    if (!format.empty() && format != kScenarioFormat) {
        r.fail("format",
               "expected \"" + std::string(kScenarioFormat) + "\", found \"" + format + "\"");
        return out;
    }
    r.integer("version", s.version, 1, 1000, true);
    if (s.version > kScenarioVersion) {
        r.fail("version", "this file has version " + std::to_string(s.version) +
                              "; this Failover Lab reads version " +
                              std::to_string(kScenarioVersion) + " and older");
        return out;
    }
    r.string("name", s.name);
    r.string("description", s.description);
    r.object("settings", [&](JsonReader &e) { read_settings(e, s.settings, s.version); });
    const auto each = [&](const char *key, auto &vec, auto read, bool required = false) {
        r.objects(
            key,
            [&](JsonReader &e, std::size_t i) {
                typename std::decay_t<decltype(vec)>::value_type item;
                read(e, item, i);
                vec.push_back(std::move(item));
            },
            required);
    };
    each(
        "regions", s.regions, [](JsonReader &e, Region &x, std::size_t) { read_region(e, x); },
        true);
    each("rtt_overrides", s.rtt_overrides, [](JsonReader &e, RttOverride &x, std::size_t) {
        e.string("a", x.a, true);
        e.string("b", x.b, true);
        e.millis("rtt_ms", x.rtt_ms, 0, 2000, true);
    });
    each("app_tiers", s.app_tiers,
         [](JsonReader &e, AppTier &x, std::size_t) { read_app_tier(e, x); });
    each("data_stores", s.data_stores,
         [](JsonReader &e, DataStore &x, std::size_t) { read_store(e, x); });
    each("databases", s.databases,
         [](JsonReader &e, Database &x, std::size_t) { read_database(e, x); });
    each("health_checks", s.health_checks,
         [](JsonReader &e, HealthCheck &x, std::size_t) { read_health_check(e, x); });
    each("dns", s.dns, [](JsonReader &e, DnsName &x, std::size_t) { read_dns(e, x); });
    each("accelerators", s.accelerators,
         [](JsonReader &e, Accelerator &x, std::size_t) { read_accelerator(e, x); });
    each(
        "populations", s.populations,
        [](JsonReader &e, Population &x, std::size_t) { read_population(e, x); }, true);
    each("faults", s.faults, [](JsonReader &e, Fault &x, std::size_t i) { read_fault(e, x, i); });
    r.object("cost", [&](JsonReader &e) { read_cost(e, s.cost); });
    r.finish();
    if (!out.problems.empty())
        return out;
    Problems more = check_scenario(s, file);
    if (!more.empty()) {
        out.problems = std::move(more);
        return out;
    }
    out.scenario = std::move(s);
    return out;
}

ScenarioLoad load_scenario_file(const std::string &path) {
    ScenarioLoad out;
    auto text = read_text_file(path, kMaxScenarioBytes, out.problems);
    if (!text)
        return out;
    return parse_scenario(*text, path);
}

} // namespace model
