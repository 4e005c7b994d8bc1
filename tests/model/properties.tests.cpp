// Invariants over generated scenarios: whatever the deployment and the faults, the books
// balance and the run is reproducible.
#include "builders.h"

#include "model/random.h"
#include "model/scenario_json.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace model;

namespace {

Scenario generate(std::uint64_t seed) {
    Random rng(seed);
    Scenario s;
    s.name = "generated " + std::to_string(seed);
    s.settings.seed = seed;
    s.settings.duration_ms = (20 + static_cast<Ms>(rng.below(20))) * kMinute;
    const auto &known = known_regions();
    const std::size_t nregions = 2 + rng.below(3);
    for (std::size_t i = 0; i < nregions; ++i) {
        const KnownRegion &k = known[(seed + i * 3) % known.size()];
        s.regions.push_back(Region{k.id, k.name, k.where});
    }
    Database db;
    db.id = "db";
    db.writer = s.regions[0].id;
    db.promotion = static_cast<PromotionMode>(rng.below(3));
    db.operator_delay_ms = static_cast<Ms>(rng.between(60, 900)) * kSecond;
    db.multi_az = rng.below(2) == 0;
    db.endpoint_cache = static_cast<EndpointCache>(rng.below(3));
    db.fencing = rng.below(2) == 0 ? Fencing::none : Fencing::token;
    for (std::size_t i = 1; i < nregions; ++i) {
        const auto mode = static_cast<Replication>(rng.below(3));
        db.replicas.push_back(DbReplica{s.regions[i].id, mode,
                                        LagSpec{static_cast<Ms>(rng.between(100, 3000)),
                                                static_cast<Ms>(rng.between(3000, 10000))}});
    }
    db.sync_unreachable =
        rng.below(2) == 0 ? SyncUnreachable::block : SyncUnreachable::degrade_to_async;
    db.kind = static_cast<DbKind>(rng.below(4));
    if (db.kind == DbKind::multi_writer || db.kind == DbKind::consensus) {
        // The writers take the first regions (three for a consensus group when there are).
        const std::size_t writers = db.kind == DbKind::consensus && nregions >= 3 ? 3 : 2;
        db.writer.clear();
        for (std::size_t i = 0; i < writers; ++i)
            db.writers.push_back(s.regions[i].id);
        db.replicas.erase(db.replicas.begin(),
                          db.replicas.begin() + static_cast<long>(writers - 1));
        db.lag = LagSpec{static_cast<Ms>(rng.between(100, 2000)), 3000};
        db.clock_skew_ms = static_cast<Ms>(rng.below(200));
        db.hot_keys = static_cast<int>(rng.between(10, 5000));
    }
    s.databases = {db};
    DnsName n;
    n.id = "app.example.com";
    n.policy = static_cast<RoutingPolicy>(rng.below(4));
    n.ttl_ms = static_cast<Ms>(rng.between(5, 300)) * kSecond;
    for (std::size_t i = 0; i < nregions; ++i) {
        AppTier t;
        t.id = "app-" + s.regions[i].id;
        t.region = s.regions[i].id;
        t.capacity_rps = static_cast<int>(rng.between(100, 3000));
        t.standby = rng.below(3) == 0 ? Standby::warm : Standby::hot;
        t.scale_up_ms = static_cast<Ms>(rng.between(1, 15)) * kMinute;
        t.depends_on = {"db"};
        s.app_tiers.push_back(t);
        HealthCheck h;
        h.id = "hc-" + s.regions[i].id;
        h.target = t.id;
        h.interval_ms = rng.below(2) == 0 ? 10 * kSecond : 30 * kSecond;
        h.failure_threshold = static_cast<int>(rng.between(1, 10));
        h.deep = rng.below(2) == 0;
        s.health_checks.push_back(h);
        DnsRecord rec;
        rec.id = "r" + std::to_string(i);
        rec.target = t.id;
        rec.alias = rng.below(2) == 0;
        rec.evaluate_target_health = rng.below(2) == 0;
        rec.health_check = h.id;
        rec.weight = static_cast<int>(rng.below(4));
        rec.location = i == 0 ? "*" : (i == 1 ? "EU" : "JP");
        if (n.policy == RoutingPolicy::failover && i < 2)
            rec.role = i == 0 ? "primary" : "secondary";
        if (n.policy != RoutingPolicy::failover || i < 2)
            n.records.push_back(rec);
    }
    s.dns = {n};
    const std::size_t npops = 1 + rng.below(3);
    for (std::size_t i = 0; i < npops; ++i) {
        Population p;
        p.id = "pop" + std::to_string(i);
        p.where = {rng.unit() * 120.0 - 50.0, rng.unit() * 340.0 - 170.0};
        p.continent = i == 1 ? "EU" : "NA";
        p.country = i == 1 ? "FR" : "US";
        p.clients = static_cast<int>(rng.between(1, 20000));
        p.rps = static_cast<double>(rng.between(1, 800)) + rng.unit();
        p.write_share = rng.unit() * 0.5;
        p.retries = static_cast<int>(rng.below(3));
        const double stale = rng.unit() * 0.1;
        p.dns_cache = {
            CacheHabit{1.0 - stale, CacheMode::ttl, 0},
            CacheHabit{stale, CacheMode::fixed, static_cast<Ms>(rng.between(0, 3600)) * kSecond}};
        p.entry = n.id;
        s.populations.push_back(p);
    }
    const std::size_t nfaults = 1 + rng.below(4);
    for (std::size_t i = 0; i < nfaults; ++i) {
        Fault f;
        f.id = "f" + std::to_string(i);
        f.at_ms = static_cast<Ms>(rng.below(static_cast<std::uint64_t>(s.settings.duration_ms)));
        if (rng.below(2) == 0)
            f.until_ms = f.at_ms + static_cast<Ms>(rng.between(1, 900)) * kSecond;
        const std::string region = s.regions[rng.below(nregions)].id;
        const bool one_writer = db.kind == DbKind::single_writer || db.kind == DbKind::global;
        switch (rng.below(9)) {
        case 0:
            f.kind = FaultKind::region_outage;
            f.region = region;
            break;
        case 1:
            f.kind = FaultKind::az_outage;
            f.region = region;
            f.az = static_cast<int>(rng.below(3));
            break;
        case 2:
            f.kind = FaultKind::brownout;
            f.target = "app-" + region;
            f.error_share = rng.unit();
            f.extra_latency_ms = static_cast<Ms>(rng.below(3000));
            break;
        case 3:
            f.kind = FaultKind::partition;
            f.regions = {region};
            f.users_reach = rng.below(2) == 0;
            f.checkers_reach = rng.below(2) == 0;
            break;
        case 4:
            f.kind = FaultKind::writer_crash;
            f.database = "db";
            break;
        case 5:
            f.kind = FaultKind::replication_broken;
            f.database = "db";
            f.replica = s.regions[1].id;
            break;
        case 6:
            f.kind = one_writer ? FaultKind::manual_promotion : FaultKind::writer_crash;
            f.database = "db";
            f.region = s.regions[1].id;
            f.until_ms.reset();
            break;
        case 7:
            f.kind = one_writer ? FaultKind::switchover : FaultKind::region_outage;
            f.database = one_writer ? "db" : "";
            f.region = s.regions[1].id;
            if (one_writer)
                f.until_ms.reset();
            break;
        default:
            f.kind = one_writer ? FaultKind::fail_back : FaultKind::az_outage;
            f.database = one_writer ? "db" : "";
            f.region = one_writer ? "" : region;
            f.until_ms.reset();
            break;
        }
        s.faults.push_back(f);
    }
    return s;
}

// Names a generated scenario by its generator seed, for the message of a failed check.
std::string describe(const Scenario &s) {
    return s.name + " (generator seed " + std::to_string(s.settings.seed) + ")";
}

void check_rto(const Rto &rto, const std::string &which) {
    INFO(which << " RTO, status " << rto.status);
    if (!rto.ms) {
        CHECK(rto.status != "ok");
        return;
    }
    CHECK(rto.status == "ok");
    const Breakdown &b = rto.breakdown;
    for (Ms part : {b.detection, b.propagation, b.client_cache, b.promotion, b.warmup, b.other})
        CHECK(part >= 0);
    CHECK(b.total() == *rto.ms);
}

} // namespace

TEST_CASE("Generated scenarios keep every invariant", "[properties]") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const Scenario s = generate(seed);
        INFO(describe(s));
        REQUIRE(testing::problems_text(check_scenario(s, "generated")) == "");
        const Report a = simulate(s);
        const Report b = simulate(s);
        // Two runs of the same scenario and seed give the same trace.
        CHECK(a.fingerprint == b.fingerprint);

        // Time never runs backwards.
        for (std::size_t i = 1; i < a.run.events.size(); ++i) {
            CAPTURE(i);
            CHECK(a.run.events[i - 1].t_ms <= a.run.events[i].t_ms);
            CHECK(a.run.events[i - 1].seq < a.run.events[i].seq);
        }
        for (std::size_t i = 1; i < a.run.milestones.size(); ++i) {
            CAPTURE(i);
            CHECK(a.run.milestones[i - 1].t_ms <= a.run.milestones[i].t_ms);
        }
        for (const auto &e : a.run.events) {
            INFO("event " << to_string(e.kind) << " of " << e.subject);
            CHECK((e.t_ms >= 0 && e.t_ms <= s.settings.duration_ms));
        }

        // Every request is counted once, with one final outcome.
        for (std::size_t p = 0; p < s.populations.size(); ++p) {
            INFO("population " << s.populations[p].id);
            const auto &steps = a.run.population_steps[p];
            std::int64_t ok = 0, failed = 0;
            for (std::size_t k = 0; k < steps.reads_ok.size(); ++k) {
                ok += steps.reads_ok[k] + steps.writes_ok[k];
                failed += steps.reads_failed[k] + steps.writes_failed[k];
            }
            std::int64_t reasons = 0;
            for (auto n : a.run.populations[p].reasons)
                reasons += n;
            CHECK(reasons == failed);
            const double expected =
                s.populations[p].rps * static_cast<double>(s.settings.duration_ms) / 1000.0;
            CHECK(std::abs(static_cast<double>(ok + failed) - expected) <= 64.0);
            CHECK(a.populations[p].figures.requests == ok + failed);
        }

        // Capacity is a ceiling: no tier serves more than its full capacity in any step,
        // whatever the retries (whole requests per cell are rounded: a little slack per cell).
        const double step_s = static_cast<double>(s.settings.step_ms) / 1000.0;
        for (std::size_t t = 0; t < s.app_tiers.size(); ++t)
            for (std::size_t k = 0; k < a.run.population_steps[0].reads_ok.size(); ++k) {
                INFO("tier " << s.app_tiers[t].id << ", step " << k);
                std::int64_t served = 0;
                for (const auto &ps : a.run.population_steps)
                    served += ps.tier_requests[t][k] - ps.tier_failed[t][k];
                CHECK(static_cast<double>(served) <=
                      s.app_tiers[t].capacity_rps * step_s +
                          4.0 * static_cast<double>(s.populations.size()));
            }

        // The RTO breakdown adds up.
        check_rto(a.summary.read, "summary read");
        check_rto(a.summary.write, "summary write");
        for (const auto &f : a.faults) {
            check_rto(f.figures.read, "fault " + f.id + " read");
            check_rto(f.figures.write, "fault " + f.id + " write");
        }

        // Every acknowledged write is on the final writer, lost, or divergent: exactly once.
        for (const auto &w : a.run.writes) {
            INFO("writes of " << w.database);
            CHECK(w.acknowledged == w.present + w.lost + w.divergent);
            CHECK(w.lost >= 0);
            CHECK(w.divergent >= 0);
        }
    }
}

TEST_CASE("Generated scenarios survive a save and reload unchanged", "[properties][format]") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const Scenario s = generate(seed);
        INFO(describe(s));
        const std::string text = write_scenario(s);
        const ScenarioLoad back = parse_scenario(text, "generated");
        {
            INFO(testing::problems_text(back.problems));
            REQUIRE(back.scenario);
        }
        CHECK(write_scenario(*back.scenario) == text);
        CHECK(simulate(*back.scenario).fingerprint == simulate(s).fingerprint);
    }
}
