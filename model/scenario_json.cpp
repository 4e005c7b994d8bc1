// Reading a scenario file whole: its format and version, the settings (version 1's upgraded),
// each array of components and the cost figures, then the cross-reference checks.
#include "scenario_json.h"

#include "json_reader.h"
#include "problem_place.h"
#include "scenario_json_read.h"

#include <string>
#include <type_traits>

namespace model {

using namespace scenario_json_detail;

namespace {

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
    if (s.version < 3 && r.has("distributions"))
        r.fail("distributions", "distributions need version 3 of the format; set \"version\" "
                                "to 3");
    else
        each("distributions", s.distributions,
             [](JsonReader &e, Distribution &x, std::size_t) { read_distribution(e, x); });
    each(
        "populations", s.populations,
        [](JsonReader &e, Population &x, std::size_t) { read_population(e, x); }, true);
    each("faults", s.faults, [](JsonReader &e, Fault &x, std::size_t i) { read_fault(e, x, i); });
    r.object("cost", [&](JsonReader &e) { read_cost(e, s.cost); });
    r.finish();
    if (!out.problems.empty()) {
        cap_problems(out.problems);
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
