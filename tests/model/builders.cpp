#include "builders.h"

#include "model/lesson_loader.h"
#include "model/scenario_json.h"

#include <catch2/catch.hpp>

#include <stdexcept>

namespace testing {

using namespace model;

Scenario failover_pair(Ms interval, int threshold, Ms ttl) {
    Scenario s;
    s.name = "failover pair";
    s.settings.duration_ms = 40 * kMinute;
    s.settings.seed = 7;
    s.regions = {Region{"us-east-1", "N. Virginia", {39.05, -77.49}},
                 Region{"us-west-2", "Oregon", {45.52, -122.68}}};
    AppTier east;
    east.id = "app-east";
    east.region = "us-east-1";
    east.capacity_rps = 5000;
    AppTier west = east;
    west.id = "app-west";
    west.region = "us-west-2";
    s.app_tiers = {east, west};
    HealthCheck he;
    he.id = "hc-east";
    he.target = "app-east";
    he.interval_ms = interval;
    he.failure_threshold = threshold;
    HealthCheck hw = he;
    hw.id = "hc-west";
    hw.target = "app-west";
    s.health_checks = {he, hw};
    DnsName n;
    n.id = "app.example.com";
    n.policy = RoutingPolicy::failover;
    n.ttl_ms = ttl;
    DnsRecord p;
    p.id = "primary";
    p.role = "primary";
    p.target = "app-east";
    p.alias = false;
    p.health_check = "hc-east";
    DnsRecord q = p;
    q.id = "secondary";
    q.role = "secondary";
    q.target = "app-west";
    q.health_check = "hc-west";
    n.records = {p, q};
    s.dns = {n};
    Population pop;
    pop.id = "users";
    pop.where = {39.8, -89.6};
    pop.continent = "NA";
    pop.country = "US";
    pop.clients = 4000;
    pop.rps = 500;
    pop.write_share = 0.1;
    pop.entry = "app.example.com";
    pop.dns_cache = {CacheHabit{1.0, CacheMode::ttl, 0}};
    s.populations = {pop};
    return s;
}

Scenario cdn_pair() {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.name = "cdn pair";
    Distribution d;
    d.id = "cdn";
    d.edges = {CdnEdge{"edge-chicago", "Chicago", {41.88, -87.63}},
               CdnEdge{"edge-frankfurt", "Frankfurt", {50.11, 8.68}}};
    d.primary = "app-east";
    d.secondary = "app-west";
    d.cache_ttl_ms = 2 * kMinute;
    s.distributions = {d};
    s.populations[0].entry = "cdn";
    return s;
}

void fail_east(Scenario &s, Ms at) {
    Fault f;
    f.id = "east-down";
    f.kind = FaultKind::region_outage;
    f.region = "us-east-1";
    f.at_ms = at;
    s.faults.push_back(f);
}

std::string source_path(const std::string &relative) {
    return std::string(FAILOVER_SOURCE_DIR) + "/" + relative;
}

std::string problems_text(const Problems &problems) {
    std::string all;
    for (const auto &p : problems)
        all += p.text() + "\n";
    return all;
}

Scenario load_builtin(const std::string &file_name) {
    ScenarioLoad load = load_scenario_file(source_path("lessons/scenarios/" + file_name));
    if (!load.scenario)
        throw std::runtime_error(problems_text(load.problems));
    return *load.scenario;
}

std::optional<Ms> first_event(const Report &r, EventKind kind, const std::string &subject) {
    for (const auto &e : r.run.events)
        if (e.kind == kind && (subject.empty() || e.subject == subject))
            return e.t_ms;
    return std::nullopt;
}

int count_events(const Report &r, EventKind kind) {
    int n = 0;
    for (const auto &e : r.run.events)
        n += e.kind == kind;
    return n;
}

double Tally::failed_share() const {
    return all() > 0 ? static_cast<double>(failed) / static_cast<double>(all()) : 0.0;
}

Tally tally(const Report &r, Ms from, Ms to) {
    Tally t;
    for (const auto &ps : r.run.population_steps)
        for (auto k = static_cast<std::size_t>(from / r.run.step_ms);
             k < ps.reads_ok.size() && static_cast<Ms>(k) * r.run.step_ms < to; ++k) {
            t.ok += ps.reads_ok[k] + ps.writes_ok[k];
            t.failed += ps.reads_failed[k] + ps.writes_failed[k];
        }
    return t;
}

std::int64_t failed_because(const Report &r, FailReason reason) {
    std::int64_t n = 0;
    for (const auto &p : r.run.populations)
        n += p.reasons[static_cast<int>(reason)];
    return n;
}

std::string lesson_path(const std::string &name) {
    return source_path("tests/data/lessons/" + name);
}

model::Lesson good_lesson() {
    const model::LessonLoad load = model::load_lesson_file(lesson_path("good.json"));
    INFO(problems_text(load.problems));
    REQUIRE(load.lesson);
    return *load.lesson;
}

} // namespace testing
