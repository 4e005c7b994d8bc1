#include "scenario_json.h"

#include "field_spec.h"
#include "json_reader.h"
#include "problem_place.h"
#include "scenario_names.h"

#include <cmath>
#include <stdexcept>
#include <string_view>

namespace model {
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

// Reads a section's numeric fields with the ranges the field-spec table gives them; a field the
// table does not list, or lists with another type, is a mistake in this file.
class FieldReader {
public:
    FieldReader(JsonReader &r, const char *section) : r_(r), section_(section) {}

    void integer(const char *key, int &out, bool required = false) {
        const FieldSpec &f = spec(key, FieldType::integer);
        r_.integer(key, out, static_cast<int>(f.min), static_cast<int>(f.max), required);
    }
    void number(const char *key, double &out, bool required = false) {
        const FieldSpec &f = spec(key, FieldType::number);
        r_.number(key, out, f.min, f.max, required);
    }
    void seconds(const char *key, Ms &out, bool required = false) {
        const FieldSpec &f = spec(key, FieldType::seconds);
        r_.seconds(key, out, ms(f.min), ms(f.max), required);
    }
    void optional_seconds(const char *key, std::optional<Ms> &out) {
        const FieldSpec &f = spec(key, FieldType::seconds);
        r_.optional_seconds(key, out, ms(f.min), ms(f.max));
    }
    void millis(const char *key, Ms &out, bool required = false) {
        const FieldSpec &f = spec(key, FieldType::millis);
        r_.millis(key, out, static_cast<Ms>(f.min), static_cast<Ms>(f.max), required);
    }

private:
    static Ms ms(double seconds) { return static_cast<Ms>(std::llround(seconds * 1000.0)); }
    const FieldSpec &spec(const char *key, FieldType type) const {
        const FieldSpec *f = find_field_spec(section_, key);
        if (!f || f->type != type || std::string_view(f->section) != section_)
            throw std::logic_error(std::string("no field spec of this type for ") + section_ + "/" +
                                   key);
        return *f;
    }

    JsonReader &r_;
    const char *section_;
};

void read_settings(JsonReader &r, Settings &s, int version) {
    FieldReader fields(r, "settings");
    fields.seconds("duration_s", s.duration_ms);
    fields.millis("step_ms", s.step_ms);
    r.u64("seed", s.seed);
    fields.seconds("verdict_delay_min_s", s.verdict_delay_min_ms);
    fields.seconds("verdict_delay_max_s", s.verdict_delay_max_ms);
    fields.seconds("propagation_max_s", s.propagation_max_ms);
    if (version == 1) {
        // Version 1 had one fixed delay behind Evaluate Target Health; it becomes both modelled
        // delays, and the load balancers' own checks take their documented defaults.
        Ms eth_delay_ms = 10 * kSecond;
        fields.seconds("eth_delay_s", eth_delay_ms);
        s.eth_read_delay_ms = s.lb_region_loss_ms = eth_delay_ms;
    } else {
        fields.seconds("eth_read_delay_s", s.eth_read_delay_ms);
        fields.seconds("lb_region_loss_s", s.lb_region_loss_ms);
    }
    fields.number("public_route_factor", s.public_route_factor);
    fields.number("slo", s.slo);
    if (s.step_ms > s.duration_ms)
        r.fail("step_ms", "the sample step is longer than the whole run");
    if (s.verdict_delay_min_ms > s.verdict_delay_max_ms)
        r.fail("verdict_delay_min_s", "must not be larger than the longest verdict delay");
}

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

void read_lag(JsonReader &r, LagSpec &lag) {
    FieldReader fields(r, "lag");
    fields.millis("median_ms", lag.median_ms);
    fields.millis("p99_ms", lag.p99_ms);
    if (lag.p99_ms < lag.median_ms)
        r.fail("p99_ms", "must not be smaller than the median");
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

} // namespace

void read_fault(JsonReader &r, Fault &f, std::size_t index) {
    FieldReader fields(r, "fault");
    r.enumeration("kind", f.kind, fault_kind_names(), true);
    if (r.has("id"))
        r.id("id", f.id);
    else {
        r.string("id", f.id);
        f.id = "fault-" + std::to_string(index + 1);
    }
    fields.seconds("at_s", f.at_ms, true);
    const auto lasting = [&] {
        fields.optional_seconds("until_s", f.until_ms);
        if (f.until_ms && *f.until_ms <= f.at_ms)
            r.fail("until_s", "must be later than its start");
    };
    switch (f.kind) {
    case FaultKind::region_outage:
        r.string("region", f.region, true);
        lasting();
        break;
    case FaultKind::az_outage:
        r.string("region", f.region, true);
        fields.integer("az", f.az, true);
        lasting();
        break;
    case FaultKind::brownout:
        r.string("target", f.target, true);
        fields.number("error_share", f.error_share);
        fields.millis("extra_latency_ms", f.extra_latency_ms);
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
        fields.millis("lag_ms", f.lag_ms, true);
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
        fields.seconds("operator_delay_s", f.operator_delay_ms);
        if (r.has("set_weight")) {
            int w = 0;
            fields.integer("set_weight", w);
            f.set_weight = w;
        } else {
            r.string("set_weight", f.set_target); // marks the key as known
        }
        r.string("set_target", f.set_target);
        if (!f.set_weight && f.set_target.empty())
            r.fail("", "a manual DNS change needs a new weight or a new target");
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
    FieldReader fields(r, "cost");
    fields.number("baseline_monthly", c.baseline_monthly);
    fields.number("outages_per_year", c.outages_per_year);
    fields.number("revenue_per_minute", c.revenue_per_minute);
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
    FieldReader(r, "scenario").integer("version", s.version, true);
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
        FieldReader(e, "rtt_overrides").millis("rtt_ms", x.rtt_ms, true);
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
    if (!out.problems.empty()) {
        locate_problems(out.problems, *json);
        return out;
    }
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
