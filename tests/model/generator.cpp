// The scenario generator of the property tests.
#include "generator.h"

#include "model/random.h"

#include <optional>
#include <string>
#include <vector>

using namespace model;

namespace testing {

Scenario generate_scenario(std::uint64_t seed) {
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

Scenario generate_cdn_scenario(std::uint64_t seed) {
    Scenario s = generate_scenario(seed);
    s.name = "generated with a distribution " + std::to_string(seed);
    Random rng(seed ^ 0x63646e0000000000ULL);
    const std::size_t nregions = s.regions.size();
    DataStore bucket;
    bucket.id = "static";
    bucket.kind = StoreKind::bucket;
    bucket.region = s.regions[nregions - 1].id;
    s.data_stores.push_back(bucket);
    Distribution d;
    d.id = "cdn";
    for (std::size_t i = 0; i < s.populations.size(); ++i)
        d.edges.push_back(CdnEdge{"edge" + std::to_string(i), "", s.populations[i].where});
    d.edges.push_back(
        CdnEdge{"edge-far", "", {rng.unit() * 120.0 - 50.0, rng.unit() * 340.0 - 170.0}});
    const std::size_t primary = rng.below(nregions);
    d.primary = s.app_tiers[primary].id;
    d.secondary = rng.below(2) == 0 ? bucket.id : s.app_tiers[(primary + 1) % nregions].id;
    d.cacheable_share = rng.unit();
    d.hit_share = rng.unit();
    d.cache_ttl_ms = static_cast<Ms>(rng.below(600)) * kSecond;
    d.connection_attempts = static_cast<int>(rng.between(1, 3));
    d.connection_timeout_ms = static_cast<Ms>(rng.between(1, 10)) * kSecond;
    d.origin_response_timeout_ms = static_cast<Ms>(rng.between(1, 60)) * kSecond;
    d.failover_status_codes =
        rng.below(3) == 0 ? std::vector<int>{502, 503, 504} : std::vector<int>{500, 502, 503, 504};
    s.distributions = {d};
    DnsName alias;
    alias.id = "static.example.com";
    alias.policy = RoutingPolicy::latency;
    DnsRecord rec;
    rec.id = "to-cdn";
    rec.target = d.id;
    rec.alias = true;
    rec.evaluate_target_health = false;
    alias.records = {rec};
    s.dns.push_back(alias);
    const std::size_t extra = 1 + rng.below(2);
    for (std::size_t i = 0; i < extra; ++i) {
        Population p;
        p.id = "cdn-pop" + std::to_string(i);
        p.where = {rng.unit() * 120.0 - 50.0, rng.unit() * 340.0 - 170.0};
        p.continent = "NA";
        p.country = "US";
        p.rps = static_cast<double>(rng.between(1, 800)) + rng.unit();
        p.write_share = rng.unit() * 0.5;
        p.timeout_ms = static_cast<Ms>(rng.between(1, 60)) * kSecond;
        p.entry = i == 0 ? d.id : alias.id;
        s.populations.push_back(p);
    }
    if (rng.below(2) == 0) {
        // Both origins' regions fail together, for a while or for good.
        const Ms at =
            static_cast<Ms>(rng.below(static_cast<std::uint64_t>(s.settings.duration_ms)));
        const std::optional<Ms> until =
            rng.below(2) == 0
                ? std::optional<Ms>(at + static_cast<Ms>(rng.between(1, 900)) * kSecond)
                : std::nullopt;
        std::vector<std::string> regions{s.app_tiers[primary].region};
        const std::string other =
            d.secondary == bucket.id ? bucket.region : s.app_tiers[(primary + 1) % nregions].region;
        if (other != regions.front())
            regions.push_back(other);
        for (std::size_t i = 0; i < regions.size(); ++i) {
            Fault f;
            f.id = "origins-down" + std::to_string(i);
            f.kind = FaultKind::region_outage;
            f.region = regions[i];
            f.at_ms = at;
            f.until_ms = until;
            s.faults.push_back(f);
        }
    }
    return s;
}

} // namespace testing
