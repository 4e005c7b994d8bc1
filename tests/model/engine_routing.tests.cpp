#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;
using testing::fail_east;
using testing::failover_pair;
using testing::first_event;

namespace {

using testing::kFault;

// Requests that reached each region over the whole run.
std::int64_t region_total(const Report &r, const std::string &region) {
    for (std::size_t i = 0; i < r.run.region_ids.size(); ++i)
        if (r.run.region_ids[i] == region) {
            std::int64_t n = 0;
            for (auto v : r.run.region_requests[i])
                n += v;
            return n;
        }
    return -1;
}

Scenario two_continents(RoutingPolicy policy) {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.regions[1] = Region{"eu-west-1", "Ireland", {53.35, -6.26}};
    s.app_tiers[1].region = "eu-west-1";
    s.app_tiers[1].id = "app-eu";
    s.health_checks[1].target = "app-eu";
    DnsName &n = s.dns[0];
    n.policy = policy;
    n.records[1].target = "app-eu";
    n.records[0].role.clear();
    n.records[1].role.clear();
    Population eu = s.populations[0];
    eu.id = "eu-users";
    eu.where = {48.8, 2.3};
    eu.continent = "EU";
    eu.country = "FR";
    s.populations.push_back(eu);
    return s;
}

} // namespace

TEST_CASE("A stale-client tail pushes the 99 % RTO out", "[clients][dns]") {
    const auto run = [](bool tail) {
        Scenario s = failover_pair(10 * kSecond, 2, 20 * kSecond);
        if (tail) // Flavel et al. 2014: ~2 % still stale after 15 min despite a 20 s TTL.
            s.populations[0].dns_cache = {CacheHabit{0.96, CacheMode::ttl, 0},
                                          CacheHabit{0.04, CacheMode::fixed, 30 * kMinute}};
        fail_east(s, kFault);
        return simulate(s);
    };
    const Report plain = run(false);
    const Report stale = run(true);
    REQUIRE(plain.summary.read.ms);
    CHECK(*plain.summary.read.ms < 2 * kMinute);
    REQUIRE(stale.summary.read.ms);
    CHECK(*stale.summary.read.ms > 20 * kMinute);
    CHECK(stale.summary.read.breakdown.client_cache > 19 * kMinute);
    // About 2 % of the clients are still on the dead region 15 minutes after the answer changed.
    const auto answer = first_event(stale, EventKind::dns_answer_changed);
    REQUIRE(answer);
    const auto k = static_cast<std::size_t>((*answer + 15 * kMinute) / stale.run.step_ms);
    const auto &ps = stale.run.population_steps[0];
    const double failed = ps.reads_failed[k] + ps.writes_failed[k];
    const double all = failed + ps.reads_ok[k] + ps.writes_ok[k];
    CHECK(failed / all == Approx(0.02).margin(0.006));
}

TEST_CASE("Behind an accelerator every client moves within detection + 10 s",
          "[clients][accelerator]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    Accelerator a;
    a.id = "ga";
    a.groups = {EndpointGroup{"us-east-1", 100, {AcceleratorEndpoint{"app-east", 128}}},
                EndpointGroup{"us-west-2", 100, {AcceleratorEndpoint{"app-west", 128}}}};
    s.accelerators = {a};
    s.populations[0].entry = "ga";
    s.populations[0].where = {40.7, -74.0};
    fail_east(s, kFault);
    const Report r = simulate(s);
    const auto detected = first_event(r, EventKind::endpoint_unhealthy, "ga/app-east");
    REQUIRE(detected);
    // Default accelerator checks: 30 s x 3.
    CHECK(*detected - kFault >= 60 * kSecond);
    CHECK(*detected - kFault <= 90 * kSecond);
    const auto &waves = r.run.populations[0].waves;
    REQUIRE_FALSE(waves.empty());
    REQUIRE(waves.back().t100);
    CHECK(*waves.back().t100 <= *detected + 10 * kSecond);
    REQUIRE(r.summary.read.ms);
    CHECK(r.summary.read.breakdown.client_cache == 0);
}

TEST_CASE("The accelerator's backbone beats the public internet on latency",
          "[routing][accelerator]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    s.populations[0].where = {35.7, 139.7}; // users in Tokyo reaching us-east-1
    const Report dns = simulate(s);
    Accelerator a;
    a.id = "ga";
    a.groups = {EndpointGroup{"us-east-1", 100, {AcceleratorEndpoint{"app-east", 128}}}};
    s.accelerators = {a};
    s.populations[0].entry = "ga";
    const Report ga = simulate(s);
    const double slow = dns.run.population_steps[0].p50_ms[100];
    const double fast = ga.run.population_steps[0].p50_ms[100];
    const double gain = 1.0 - fast / slow;
    CHECK(gain >= 0.15);
    CHECK(gain <= 0.40);
}

TEST_CASE("Latency routing sends each population to its nearest region", "[routing]") {
    const Report r = simulate(two_continents(RoutingPolicy::latency));
    const auto us = region_total(r, "us-east-1");
    const auto eu = region_total(r, "eu-west-1");
    CHECK(us == Approx(eu).epsilon(0.01));
    CHECK(r.summary.failed == 0);
}

TEST_CASE("Geolocation with and without a default record", "[routing]") {
    Scenario s = two_continents(RoutingPolicy::geolocation);
    s.dns[0].records[0].location = "US";
    s.dns[0].records[1].location = "DE"; // only Germany: French users match nothing
    const Report without = simulate(s);
    CHECK(without.populations[1].reasons[static_cast<int>(FailReason::no_answer)] > 0);
    CHECK(without.populations[1].figures.failed == without.populations[1].figures.requests);
    CHECK(without.populations[0].figures.failed == 0);

    s.dns[0].records[1].location = "*";
    const Report with = simulate(s);
    CHECK(with.summary.failed == 0);
    CHECK(region_total(with, "eu-west-1") > 0);
}

TEST_CASE("Weighted routing splits by weight and ignores load", "[routing]") {
    Scenario s = two_continents(RoutingPolicy::weighted);
    s.dns[0].records[0].weight = 1;
    s.dns[0].records[1].weight = 3;
    const Report r = simulate(s);
    const double us = static_cast<double>(region_total(r, "us-east-1"));
    const double eu = static_cast<double>(region_total(r, "eu-west-1"));
    CHECK(us / (us + eu) == Approx(0.25).margin(0.05));
}
