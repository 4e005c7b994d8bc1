// A CloudFront-like distribution: edge caches that outlive an origin outage by their TTL, and
// origin failover as FACTS.md section 5 documents it.
#include "builders.h"
#include "generator.h"

#include "model/cdn.h"
#include "model/scenario_json.h"
#include "model/simulation.h"
#include "model/world_at.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace model;
using testing::cdn_pair;
using testing::fail_east;
using testing::first_event;

namespace {

using testing::kFault;

// The sum of one step series over the steps that lie wholly in [from, to).
std::int64_t sum(const Report &r, const std::vector<std::int32_t> &series, Ms from, Ms to) {
    std::int64_t n = 0;
    for (std::size_t k = 0; k < series.size(); ++k) {
        const Ms t = static_cast<Ms>(k) * r.run.step_ms;
        if (t >= from && t + r.run.step_ms <= to)
            n += series[k];
    }
    return n;
}

const CdnSteps &steps(const Report &r) {
    REQUIRE(r.run.cdn.size() == 1);
    return r.run.cdn.front().steps;
}

void fail_west(Scenario &s, Ms at) {
    Fault f;
    f.id = "west-down";
    f.kind = FaultKind::region_outage;
    f.region = "us-west-2";
    f.at_ms = at;
    s.faults.push_back(f);
}

} // namespace

TEST_CASE("A miss waits connection attempts x connection timeout before it fails over", "[cdn]") {
    Distribution d;
    CHECK(connection_failover_delay(d) == 30 * kSecond); // the documented defaults, 3 x 10 s
    d.connection_attempts = 1;
    d.connection_timeout_ms = 2 * kSecond;
    CHECK(connection_failover_delay(d) == 2 * kSecond);
    CHECK(is_failover_status_code(503));
    CHECK(is_failover_status_code(416));
    CHECK_FALSE(is_failover_status_code(501));
    CHECK(method_fails_over(Method::read));
    CHECK_FALSE(method_fails_over(Method::write));
}

TEST_CASE("Cached hits outlive an outage of both origins until their TTL runs out", "[cdn]") {
    Scenario s = cdn_pair();
    fail_east(s, kFault);
    fail_west(s, kFault);
    const Report r = simulate(s);
    const Ms ttl = s.distributions[0].cache_ttl_ms;
    REQUIRE(first_event(r, EventKind::cdn_origins_down, "cdn") == kFault);
    CHECK(first_event(r, EventKind::cdn_cache_expired, "cdn") == kFault + ttl);
    const auto &hits = steps(r).hits;
    const std::int64_t before = sum(r, hits, kFault - ttl / 2, kFault);
    const std::int64_t first_half = sum(r, hits, kFault, kFault + ttl / 2);
    const std::int64_t second_half = sum(r, hits, kFault + ttl / 2, kFault + ttl);
    // Objects fetched at spread-out moments run out one by one: fewer hits as the TTL passes.
    CHECK(first_half > 0);
    CHECK(second_half > 0);
    CHECK(first_half < before);
    CHECK(second_half < first_half);
    CHECK(sum(r, hits, kFault + ttl, s.settings.duration_ms) == 0);
    // Nothing else is served: every miss and every write fails.
    CHECK(sum(r, steps(r).misses_primary, kFault, s.settings.duration_ms) == 0);
    CHECK(sum(r, steps(r).misses_secondary, kFault, s.settings.duration_ms) == 0);
    const PopulationSteps &ps = r.run.population_steps[0];
    CHECK(sum(r, ps.writes_ok, kFault, s.settings.duration_ms) == 0);
}

TEST_CASE("With a live secondary the edge cache keeps being filled", "[cdn]") {
    Scenario s = cdn_pair();
    s.populations[0].timeout_ms = 60 * kSecond; // long enough to wait out a failover
    fail_east(s, kFault);
    const Report r = simulate(s);
    const Ms ttl = s.distributions[0].cache_ttl_ms;
    CHECK_FALSE(first_event(r, EventKind::cdn_cache_expired));
    CHECK_FALSE(first_event(r, EventKind::cdn_origins_down));
    const auto &hits = steps(r).hits;
    CHECK(sum(r, hits, kFault + ttl, kFault + 2 * ttl) == sum(r, hits, kFault - ttl, kFault));
}

TEST_CASE("Every miss tries the primary first and fails over on its own", "[cdn]") {
    Scenario s = cdn_pair();
    s.populations[0].timeout_ms = 60 * kSecond;
    fail_east(s, kFault);
    const Report r = simulate(s);
    const Distribution &d = s.distributions[0];
    const CdnPopulationRun &c = r.run.cdn.front();
    const auto failover = first_event(r, EventKind::cdn_failover_started, "cdn");
    REQUIRE(failover == kFault);
    for (const auto &e : r.run.events)
        if (e.kind == EventKind::cdn_failover_started) {
            CHECK(e.number("delay_ms") == connection_failover_delay(d));
            CHECK(e.text("to") == "app-west");
        }
    const Ms end = s.settings.duration_ms;
    CHECK(sum(r, c.steps.misses_primary, kFault, end) == 0);
    CHECK(sum(r, c.steps.misses_secondary, kFault, end) > 0);
    CHECK(sum(r, c.steps.misses_secondary, 0, kFault) == 0);
    // No sticky failover: the last minute of the outage still pays the whole delay.
    const PopulationSteps &ps = r.run.population_steps[0];
    CHECK(ps.p99_ms[static_cast<std::size_t>(end / r.run.step_ms) - 1] >=
          connection_failover_delay(d));
    REQUIRE(c.slowest_failover_ms);
    CHECK(*c.slowest_failover_ms >= connection_failover_delay(d));
    CHECK(*c.slowest_failover_ms < connection_failover_delay(d) + kSecond);
    // Every miss in the outage failed over, served or not.
    CHECK(sum(r, c.steps.failovers, kFault, end) == sum(r, c.steps.misses_secondary, kFault, end));

    // One attempt of 2 s: the same misses wait 2 s instead of 30.
    Scenario quick = s;
    quick.distributions[0].connection_attempts = 1;
    quick.distributions[0].connection_timeout_ms = 2 * kSecond;
    const Report q = simulate(quick);
    REQUIRE(q.run.cdn.front().slowest_failover_ms);
    CHECK(*q.run.cdn.front().slowest_failover_ms >= 2 * kSecond);
    CHECK(*q.run.cdn.front().slowest_failover_ms < 3 * kSecond);
}

TEST_CASE("A 5xx from a live primary fails over at once", "[cdn]") {
    Scenario s = cdn_pair();
    Fault b;
    b.id = "east-errors";
    b.kind = FaultKind::brownout;
    b.target = "app-east";
    b.error_share = 1.0;
    b.at_ms = kFault;
    s.faults.push_back(b);
    const Report r = simulate(s);
    const CdnPopulationRun &c = r.run.cdn.front();
    const Ms end = s.settings.duration_ms;
    CHECK(sum(r, c.steps.misses_secondary, kFault, end) > 0);
    CHECK(c.reads_failed == 0);
    REQUIRE(c.slowest_failover_ms);
    CHECK(*c.slowest_failover_ms < kSecond); // no connection attempts to wait for
    for (const auto &e : r.run.events)
        if (e.kind == EventKind::cdn_failover_started)
            CHECK(e.number("status") == kBrownoutStatus);

    // Without 500 among the failover codes, the error goes back to the client.
    Scenario no500 = s;
    no500.distributions[0].failover_status_codes = {502, 503, 504};
    const Report n = simulate(no500);
    const CdnPopulationRun &nc = n.run.cdn.front();
    CHECK(sum(n, nc.steps.misses_secondary, 0, end) == 0);
    CHECK(nc.causes[static_cast<int>(CdnCause::origin_error)] > 0);
    CHECK_FALSE(first_event(n, EventKind::cdn_failover_started));
    CHECK(first_event(n, EventKind::cdn_origins_down) == kFault);
}

TEST_CASE("Writes through a distribution never fail over", "[cdn]") {
    Scenario s = cdn_pair();
    s.populations[0].timeout_ms = 60 * kSecond;
    fail_east(s, kFault);
    const Report r = simulate(s);
    const PopulationSteps &ps = r.run.population_steps[0];
    const Ms end = s.settings.duration_ms;
    const std::int64_t writes =
        sum(r, ps.writes_ok, kFault, end) + sum(r, ps.writes_failed, kFault, end);
    REQUIRE(writes > 0);
    CHECK(sum(r, ps.writes_ok, kFault, end) == 0);
    CHECK(sum(r, ps.writes_ok, 0, kFault) > 0);
    // The reads of the same clients fail over and are served.
    CHECK(sum(r, ps.reads_failed, kFault, end) == 0);
    const CdnFigures &f = r.cdn.front();
    CHECK(f.outage.writes_failed == f.outage.writes);
    CHECK(f.outage.writes == writes);
    CHECK(f.causes[static_cast<int>(CdnCause::origin_unreachable)] == r.run.cdn[0].writes_failed);
}

TEST_CASE("A miss whose failover outlasts the client's timeout fails, and says why", "[cdn]") {
    Scenario s = cdn_pair();
    s.populations[0].timeout_ms = 10 * kSecond; // shorter than 3 x 10 s
    fail_east(s, kFault);
    const Report r = simulate(s);
    const CdnPopulationRun &c = r.run.cdn.front();
    const Ms end = s.settings.duration_ms;
    CHECK(sum(r, c.steps.misses_secondary, kFault, end) == 0);
    CHECK(sum(r, c.steps.failovers, kFault, end) > 0);
    CHECK(c.causes[static_cast<int>(CdnCause::failover_too_slow)] ==
          sum(r, c.steps.failovers, kFault, end));
    // Hits are still served from the cache, which the secondary keeps filling.
    CHECK(sum(r, c.steps.hits, end - kMinute, end) > 0);
    CHECK(query_figure(r, "cdn.users.failures.failover_too_slow") ==
          static_cast<double>(c.causes[static_cast<int>(CdnCause::failover_too_slow)]));
    CHECK(query_figure(r, "cdn.users.failover_delay_s") == 30.0);
    CHECK(query_figure(r, "cdn.users.outage.hits") > 0);
    CHECK(query_figure(r, "cdn.users.outage.misses_secondary") == 0.0);
    CHECK_FALSE(query_figure(r, "cdn.nobody.hits"));
}

TEST_CASE("Hits and misses add up to the population's reads", "[cdn]") {
    Scenario s = cdn_pair();
    fail_east(s, kFault);
    const Report r = simulate(s);
    const PopulationSteps &ps = r.run.population_steps[0];
    const CdnSteps &c = steps(r);
    for (std::size_t k = 0; k < ps.reads_ok.size(); ++k) {
        CAPTURE(k);
        CHECK(ps.reads_ok[k] == c.hits[k] + c.misses_primary[k] + c.misses_secondary[k]);
    }
    CHECK(r.cdn.front().hit_latency_ms < r.cdn.front().miss_latency_ms);
    CHECK(r.cdn.front().edge == "edge-chicago");
}

namespace {

const char *kAliasScenario = R"({"format": "failover-lab-scenario", "version": 3,
  "regions": [{"id": "us-east-1", "lat": 39.05, "lon": -77.49},
              {"id": "us-west-2", "lat": 45.52, "lon": -122.68}],
  "app_tiers": [{"id": "app-east", "region": "us-east-1"},
                {"id": "app-west", "region": "us-west-2"}],
  "distributions": [{"id": "cdn", "primary": "app-east", "secondary": "app-west",
                     "edges": [{"id": "edge-nyc", "lat": 40.7, "lon": -74.0}]}],
  "dns": [{"id": "www.example.com", "policy": "latency",
           "records": [{"id": "to-cdn", "target": "cdn", "alias": true,
                        "evaluate_target_health": ETH}]}],
  "populations": [{"id": "users", "lat": 40.0, "lon": -75.0, "entry": "www.example.com"}]})";

std::string with_eth(const char *value) {
    std::string text = kAliasScenario;
    text.replace(text.find("ETH"), 3, value);
    return text;
}

} // namespace

TEST_CASE("An alias to a distribution cannot evaluate target health", "[cdn][format]") {
    const ScenarioLoad refused = parse_scenario(with_eth("true"), "www.json");
    CHECK_FALSE(refused.scenario);
    REQUIRE(refused.problems.size() == 1);
    const Problem &p = refused.problems.front();
    CHECK(p.file == "www.json");
    CHECK(p.where == "/dns/0/records/0/evaluate_target_health");
    CHECK(p.message.find("cannot evaluate target health") != std::string::npos);
    CHECK(p.message.find("set \"evaluate_target_health\" to false") != std::string::npos);

    const ScenarioLoad ok = parse_scenario(with_eth("false"), "www.json");
    INFO(testing::problems_text(ok.problems));
    REQUIRE(ok.scenario);
    // The population reaches the distribution through the alias.
    const Report r = simulate(*ok.scenario);
    REQUIRE(r.run.cdn.size() == 1);
    CHECK(r.cdn.front().total.hits > 0);
    CHECK(r.summary.failed == 0);
}

TEST_CASE("Distributions need version 3 and sound origins", "[cdn][format]") {
    std::string v2 = with_eth("false");
    v2.replace(v2.find("\"version\": 3"), 12, "\"version\": 2");
    const ScenarioLoad old = parse_scenario(v2, "old.json");
    CHECK_FALSE(old.scenario);
    REQUIRE_FALSE(old.problems.empty());
    CHECK(old.problems.front().where == "/distributions");
    CHECK(old.problems.front().message.find("version 3") != std::string::npos);

    Scenario s = cdn_pair();
    CHECK(testing::problems_text(check_scenario(s, "")) == "");
    s.distributions[0].secondary = "app-east";
    CHECK(testing::problems_text(check_scenario(s, "")).find("two different origins") !=
          std::string::npos);
    s = cdn_pair();
    s.data_stores.push_back(DataStore{"keys", StoreKind::secret, "us-east-1", {}});
    s.distributions[0].secondary = "keys";
    CHECK(testing::problems_text(check_scenario(s, ""))
              .find("an origin is an app tier or a "
                    "bucket") != std::string::npos);

    std::string bad_code = with_eth("false");
    bad_code.replace(bad_code.find("\"edges\""), 7,
                     "\"failover_status_codes\": [500, 501], \"edges\"");
    const ScenarioLoad code = parse_scenario(bad_code, "codes.json");
    CHECK_FALSE(code.scenario);
    REQUIRE_FALSE(code.problems.empty());
    CHECK(code.problems.front().where == "/distributions/0/failover_status_codes");
}

TEST_CASE("A distribution survives a save and reload", "[cdn][format]") {
    Scenario s = cdn_pair();
    s.distributions[0].failover_status_codes = {403, 503};
    s.distributions[0].connection_attempts = 2;
    const std::string text = write_scenario(s);
    const ScenarioLoad back = parse_scenario(text, "saved.json");
    INFO(testing::problems_text(back.problems));
    REQUIRE(back.scenario);
    CHECK(write_scenario(*back.scenario) == text);
    CHECK(back.scenario->version == kScenarioVersion);
    CHECK(back.scenario->distributions[0].failover_status_codes == std::vector<int>{403, 503});
    CHECK(simulate(*back.scenario).fingerprint == simulate(s).fingerprint);
}

TEST_CASE("Generated scenarios with a distribution keep its books", "[cdn][properties]") {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const Scenario s = testing::generate_cdn_scenario(seed);
        INFO(s.name);
        REQUIRE(testing::problems_text(check_scenario(s, "generated")) == "");
        const Report r = simulate(s);
        CHECK(simulate(s).fingerprint == r.fingerprint);
        const ScenarioLoad back = parse_scenario(write_scenario(s), "generated");
        REQUIRE(back.scenario);
        CHECK(simulate(*back.scenario).fingerprint == r.fingerprint);
        REQUIRE_FALSE(r.run.cdn.empty());
        for (const CdnPopulationRun &c : r.run.cdn) {
            const Population &pop = s.populations[static_cast<std::size_t>(c.population)];
            const PopulationSteps &ps =
                r.run.population_steps[static_cast<std::size_t>(c.population)];
            const Distribution &d = s.distributions[static_cast<std::size_t>(c.distribution)];
            const std::string &edge = d.edges[static_cast<std::size_t>(c.edge)].id;
            INFO("population " << pop.id << " at edge " << edge);
            std::int64_t hits = 0, cacheable = 0, all = 0;
            for (std::size_t k = 0; k < ps.reads_ok.size(); ++k) {
                CAPTURE(k);
                // Every served read is a hit or a miss one of the origins served.
                CHECK(ps.reads_ok[k] ==
                      c.steps.hits[k] + c.steps.misses_primary[k] + c.steps.misses_secondary[k]);
                hits += c.steps.hits[k];
                cacheable += c.steps.cacheable[k];
                CHECK(hits <= cacheable);
                all += ps.reads_ok[k] + ps.reads_failed[k] + ps.writes_ok[k] + ps.writes_failed[k];
            }
            // Served and failed make up what was asked, but for each cell's last rounding.
            const double asked = pop.rps * static_cast<double>(s.settings.duration_ms) / 1000.0;
            CHECK(std::abs(static_cast<double>(all) - asked) <= 40.0);
            // Once the edge's cache has run out, no hit until an origin serves it again.
            for (const Event &e : r.run.events) {
                if (e.kind != EventKind::cdn_cache_expired || e.text("edge") != edge)
                    continue;
                Ms restored = s.settings.duration_ms;
                for (const Event &b : r.run.events)
                    if (b.kind == EventKind::cdn_origins_back && b.text("edge") == edge &&
                        b.t_ms > e.t_ms) {
                        restored = b.t_ms;
                        break;
                    }
                CAPTURE(e.t_ms, restored);
                CHECK(sum(r, c.steps.hits, e.t_ms, restored) == 0);
            }
        }
    }
}

TEST_CASE("The world at the playhead shows each edge's cache and answering origin",
          "[cdn][world]") {
    Scenario s = cdn_pair();
    s.populations[0].timeout_ms = 60 * kSecond;
    fail_east(s, kFault);
    Fault west = s.faults.front();
    west.id = "west-down";
    west.region = "us-west-2";
    west.at_ms = kFault + 5 * kMinute;
    s.faults.push_back(west);
    const Report r = simulate(s);
    const Ms ttl = s.distributions[0].cache_ttl_ms;

    const WorldAt before = world_at(s, r, kFault - kMinute);
    REQUIRE(before.cdn_edges.size() == 1); // only the edge that serves someone
    CHECK(before.cdn_edges[0].answering == CdnOrigin::primary);
    CHECK(before.cdn_edges[0].cache_fresh == 1.0);
    CHECK(before.answers[0].distribution == 0);
    CHECK(before.answers[0].answered());
    const RouteAt to_primary{"cdn", "app-east"};
    CHECK(std::count(before.routes.begin(), before.routes.end(), to_primary) == 1);
    REQUIRE(before.cdn_flows.size() == 1);
    CHECK(before.cdn_flows[0].hits_per_s > 0);
    CHECK(before.cdn_flows[0].secondary_per_s == 0);

    const WorldAt failing_over = world_at(s, r, kFault + kMinute);
    CHECK(failing_over.cdn_edges[0].answering == CdnOrigin::secondary);
    const RouteAt to_secondary{"cdn", "app-west"};
    CHECK(std::count(failing_over.routes.begin(), failing_over.routes.end(), to_secondary) == 1);
    CHECK(failing_over.cdn_flows[0].secondary_per_s > 0);
    CHECK(failing_over.cdn_flows[0].failovers_per_s > 0);

    const Ms both_down = west.at_ms;
    const WorldAt ageing = world_at(s, r, both_down + ttl / 2);
    CHECK(ageing.cdn_edges[0].answering == CdnOrigin::none);
    CHECK(ageing.cdn_edges[0].cache_fresh == Approx(0.5));
    REQUIRE(ageing.cdn_edges[0].expires_in_ms);
    CHECK(*ageing.cdn_edges[0].expires_in_ms == ttl / 2);
    CHECK(std::none_of(ageing.routes.begin(), ageing.routes.end(),
                       [](const RouteAt &x) { return x.from == "cdn"; }));

    const WorldAt expired = world_at(s, r, both_down + ttl + kMinute);
    CHECK(expired.cdn_edges[0].cache_fresh == 0.0);
    CHECK_FALSE(expired.cdn_edges[0].expires_in_ms);
    CHECK(expired.cdn_flows[0].hits_per_s == 0);
}

TEST_CASE("A version 2 file still loads, and saves as version 3 with the same run",
          "[cdn][format]") {
    const std::string path = testing::source_path("lessons/scenarios/dns-vs-accelerator.json");
    const ScenarioLoad old = load_scenario_file(path);
    INFO(testing::problems_text(old.problems));
    REQUIRE(old.scenario);
    CHECK(old.scenario->version == 2);
    CHECK(old.scenario->distributions.empty());
    const std::string saved = write_scenario(*old.scenario);
    CHECK(saved.find("\"version\": 3") != std::string::npos);
    const ScenarioLoad back = parse_scenario(saved, "saved.json");
    REQUIRE(back.scenario);
    CHECK(simulate(*back.scenario).fingerprint == simulate(*old.scenario).fingerprint);
}
