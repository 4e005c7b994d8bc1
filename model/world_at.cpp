#include "world_at.h"

#include "cdn.h"
#include "fault.h"
#include "find.h"

#include <algorithm>

namespace model {
namespace {

bool multi(const Database &d) {
    return d.kind == DbKind::multi_writer || d.kind == DbKind::consensus;
}

// The DNS records as they stand at t: the scenario's, with the manual edits applied by then.
std::vector<DnsName> records_at(const Scenario &s, const Run &run, Ms t) {
    std::vector<DnsName> names = s.dns;
    for (const auto &e : run.events) {
        if (e.t_ms > t)
            break;
        if (e.kind != EventKind::dns_change_applied)
            continue;
        for (const auto &f : s.faults)
            if (f.kind == FaultKind::manual_dns_change && f.dns_name == e.subject &&
                f.record == e.text("record"))
                apply_dns_change(names, f);
    }
    return names;
}

// Adds the record-tree steps from `from` down to `tier` along every path that reaches it. Each
// name is expanded once (memo: 1 in progress or no, 2 reaches), so aliases of aliases cost
// linear time.
bool walk_to(const std::vector<DnsName> &names, const std::string &from, const std::string &tier,
             std::map<std::string, int> &memo, std::vector<RouteAt> &out) {
    if (from == tier)
        return true;
    const auto [it, fresh] = memo.emplace(from, 1);
    if (!fresh)
        return it->second == 2;
    bool reached = false;
    if (const DnsName *n = find_by_id(names, from))
        for (const auto &r : n->records)
            if (walk_to(names, r.target, tier, memo, out)) {
                out.push_back(RouteAt{from, r.target});
                reached = true;
            }
    memo[from] = reached ? 2 : 1;
    return reached;
}

} // namespace

std::vector<FaultSpan> fault_spans(const Scenario &s, Ms end_ms) {
    std::vector<FaultSpan> out;
    for (std::size_t i = 0; i < s.faults.size(); ++i) {
        const Fault &f = s.faults[i];
        FaultSpan span;
        span.fault = static_cast<int>(i);
        span.kind = f.kind;
        span.from_ms = f.at_ms;
        const bool action = is_action(f.kind);
        span.ends = action || (f.until_ms && *f.until_ms < end_ms);
        span.to_ms = action ? f.at_ms : f.until_ms ? std::min(*f.until_ms, end_ms) : end_ms;
        span.subjects = fault_subjects(f);
        out.push_back(std::move(span));
    }
    return out;
}

WorldAt world_at(const Scenario &s, const Report &r, Ms t, Ms recent_ms) {
    WorldAt w;
    const Run &run = r.run;
    w.t_ms = std::clamp<Ms>(t, 0, run.end_ms);
    w.ended = t >= run.end_ms;
    w.step =
        run.steps == 0 ? 0 : static_cast<int>(std::min<Ms>(w.t_ms / run.step_ms, run.steps - 1));
    const auto k = static_cast<std::size_t>(w.step);

    // Faults in force: a fault acts from its start up to (not including) its end.
    w.faults = fault_spans(s, run.end_ms);
    w.region_down.assign(s.regions.size(), false);
    w.cut_off.assign(s.regions.size(), false);
    w.az_down.resize(s.regions.size());
    for (std::size_t i = 0; i < s.regions.size(); ++i)
        w.az_down[i].assign(static_cast<std::size_t>(s.regions[i].azs), false);
    for (auto &span : w.faults) {
        span.in_force = span.from_ms <= w.t_ms && (w.t_ms < span.to_ms || !span.ends);
        if (!span.in_force)
            continue;
        const Fault &f = s.faults[static_cast<std::size_t>(span.fault)];
        const int ri = index_of_id(s.regions, f.region);
        if (f.kind == FaultKind::region_outage && ri >= 0)
            w.region_down[static_cast<std::size_t>(ri)] = true;
        if (f.kind == FaultKind::az_outage && ri >= 0 &&
            static_cast<std::size_t>(f.az) < w.az_down[static_cast<std::size_t>(ri)].size())
            w.az_down[static_cast<std::size_t>(ri)][static_cast<std::size_t>(f.az)] = true;
        if (f.kind == FaultKind::partition)
            for (const auto &cut : f.regions)
                if (index_of_id(s.regions, cut) >= 0)
                    w.cut_off[static_cast<std::size_t>(index_of_id(s.regions, cut))] = true;
    }
    const auto region_lost = [&](const std::string &id) {
        const int i = index_of_id(s.regions, id);
        return i >= 0 && w.region_down[static_cast<std::size_t>(i)];
    };
    const auto separated = [&](const std::string &a, const std::string &b) {
        for (const auto &span : w.faults) {
            const Fault &f = s.faults[static_cast<std::size_t>(span.fault)];
            if (span.in_force && f.kind == FaultKind::partition &&
                contains(f.regions, a) != contains(f.regions, b))
                return true;
        }
        return false;
    };

    // Databases: who writes, and each region's copy.
    for (const auto &h : s.health_checks)
        w.endpoint_healthy[h.id] = true;
    std::vector<std::vector<std::string>> old_writers(s.databases.size());
    std::vector<std::string> promoting_region(s.databases.size());
    std::vector<std::vector<std::string>> stopped(s.databases.size()); // replication_stopped
    for (const auto &d : s.databases) {
        DatabaseAt db;
        db.id = d.id;
        db.writer_region = multi(d) && !d.writers.empty() ? d.writers.front() : d.writer;
        w.databases.push_back(db);
    }
    for (const auto &e : run.events) {
        if (e.t_ms > w.t_ms)
            break;
        if (e.t_ms > w.t_ms - recent_ms)
            w.recent.push_back(&e);
        const int di = index_of_id(s.databases, e.subject);
        DatabaseAt *d = di >= 0 ? &w.databases[static_cast<std::size_t>(di)] : nullptr;
        const auto ud = static_cast<std::size_t>(di);
        switch (e.kind) {
        case EventKind::endpoint_unhealthy:
        case EventKind::endpoint_healthy:
            w.endpoint_healthy[e.subject] = e.kind == EventKind::endpoint_healthy;
            break;
        case EventKind::health_check_failed:
            w.checkers_failing[e.subject] = static_cast<int>(e.number("failing"));
            break;
        case EventKind::health_check_recovered:
            w.checkers_failing[e.subject] = 0;
            break;
        case EventKind::writer_unavailable:
            if (d)
                d->writer_unavailable = true;
            break;
        case EventKind::writer_restored:
        case EventKind::az_failover_finished:
            if (d)
                d->writer_unavailable = false;
            break;
        case EventKind::promotion_started:
            if (d) {
                d->promoting = true;
                promoting_region[ud] = e.text("region");
            }
            break;
        case EventKind::replication_stopped:
            if (d && !contains(stopped[ud], e.text("replica")))
                stopped[ud].push_back(e.text("replica"));
            break;
        case EventKind::replication_resumed:
            if (d)
                std::erase(stopped[ud], e.text("replica"));
            break;
        case EventKind::promotion_finished:
        case EventKind::switchover_finished:
            if (d) {
                auto &old = old_writers[ud];
                if (e.kind == EventKind::promotion_finished && !contains(old, d->writer_region))
                    old.push_back(d->writer_region);
                if (e.kind == EventKind::switchover_finished) {
                    std::erase(old, e.text("region"));
                    std::erase(stopped[ud], e.text("region"));
                }
                d->writer_region = e.text("region");
                d->promoting = false;
                d->writer_unavailable = false;
            }
            break;
        default:
            break;
        }
    }
    for (std::size_t i = 0; i < s.databases.size(); ++i) {
        const Database &spec = s.databases[i];
        DatabaseAt &d = w.databases[i];
        std::vector<std::pair<std::string, Ms>> copies; // region, its p99 lag
        if (multi(spec))
            for (const auto &wr : spec.writers)
                copies.emplace_back(wr, spec.lag.p99_ms);
        else
            copies.emplace_back(spec.writer, spec.lag.p99_ms);
        for (const auto &rep : spec.replicas)
            copies.emplace_back(rep.region, rep.lag.p99_ms);
        for (const auto &[region, p99] : copies) {
            DbRegionAt at;
            at.region = region;
            const bool writes = multi(spec) ? spec.kind == DbKind::multi_writer
                                                  ? contains(spec.writers, region)
                                                  : region == d.writer_region
                                            : region == d.writer_region;
            if (writes)
                at.role = DbRole::writer;
            else if (d.promoting && promoting_region[i] == region)
                at.role = DbRole::promoting;
            else if (contains(old_writers[i], region))
                at.role = DbRole::old_writer;
            else
                at.role = DbRole::replica;
            for (const auto &l : run.lags)
                if (l.database == spec.id && l.replica == region && k < l.lag_ms.size())
                    at.lag_ms = l.lag_ms[k];
            if (at.role != DbRole::writer || spec.kind == DbKind::multi_writer) {
                // Its copy receives nothing while it or its source is lost or cut off from it,
                // or once replication to it has stopped.
                at.replication_broken = region_lost(region) || region_lost(d.writer_region) ||
                                        separated(region, d.writer_region) ||
                                        contains(stopped[i], region);
                for (const auto &span : w.faults) {
                    const Fault &f = s.faults[static_cast<std::size_t>(span.fault)];
                    if (span.in_force && f.kind == FaultKind::replication_broken &&
                        f.database == spec.id && f.replica == region)
                        at.replication_broken = true;
                }
                if (spec.kind == DbKind::multi_writer && at.role == DbRole::writer)
                    at.replication_broken =
                        region_lost(region) ||
                        std::any_of(spec.writers.begin(), spec.writers.end(),
                                    [&, &r = region](const std::string &o) {
                                        return o != r && (region_lost(o) || separated(o, r));
                                    });
            }
            at.behind = at.lag_ms && *at.lag_ms > p99;
            d.regions.push_back(std::move(at));
        }
    }

    // The sampled series at the playhead's step.
    for (std::size_t p = 0; p < run.population_steps.size(); ++p) {
        const PopulationSteps &ps = run.population_steps[p];
        if (k >= ps.reads_ok.size()) {
            w.population_success.push_back(1.0);
            continue;
        }
        const double ok = ps.reads_ok[k] + ps.writes_ok[k];
        const double all = ok + ps.reads_failed[k] + ps.writes_failed[k];
        w.population_success.push_back(all > 0 ? ok / all : 1.0);
        for (std::size_t tier = 0; tier < ps.tier_requests.size(); ++tier) {
            const double n = ps.tier_requests[tier][k];
            if (n <= 0)
                continue;
            Flow f;
            f.population = static_cast<int>(p);
            f.tier = tier < s.app_tiers.size() ? static_cast<int>(tier) : -1;
            f.requests_per_s = n * 1000.0 / static_cast<double>(run.step_ms);
            f.failed_share = ps.tier_failed[tier][k] / n;
            w.flows.push_back(f);
        }
    }

    // Answers, client caches and the routes the answers light.
    w.answers.resize(s.populations.size());
    w.caches.resize(s.populations.size());
    for (std::size_t p = 0; p < s.populations.size(); ++p) {
        w.answers[p].entry = s.populations[p].entry;
        w.answers[p].via_accelerator =
            find_by_id(s.accelerators, s.populations[p].entry) != nullptr;
        if (const Distribution *d = entry_distribution(s, s.populations[p].entry))
            w.answers[p].distribution = index_of_id(s.distributions, d->id);
    }
    for (const auto &a : run.answers) {
        if (a.t_ms > w.t_ms)
            break;
        if (a.population < 0 || static_cast<std::size_t>(a.population) >= w.answers.size())
            continue;
        auto &tiers = w.answers[static_cast<std::size_t>(a.population)].tiers;
        tiers.clear();
        for (const auto &[tier, share] : a.tiers)
            tiers.push_back(TierShare{tier, share});
    }
    for (const auto &c : run.caches) {
        if (c.t_ms > w.t_ms)
            break;
        if (c.population < 0 || static_cast<std::size_t>(c.population) >= w.caches.size())
            continue;
        CacheAt &at = w.caches[static_cast<std::size_t>(c.population)];
        at.stale_share = c.stale_share;
        at.expires_in_ms.reset();
        if (c.expires_by_ms > w.t_ms)
            at.expires_in_ms = c.expires_by_ms - w.t_ms;
    }
    const std::vector<DnsName> names = records_at(s, run, w.t_ms);
    for (const auto &answer : w.answers)
        for (const auto &share : answer.tiers) {
            if (share.tier < 0 || static_cast<std::size_t>(share.tier) >= s.app_tiers.size())
                continue;
            const std::string &tier = s.app_tiers[static_cast<std::size_t>(share.tier)].id;
            if (answer.via_accelerator) {
                w.routes.push_back(RouteAt{answer.entry, tier});
                continue;
            }
            std::map<std::string, int> memo;
            walk_to(names, answer.entry, tier, memo, w.routes);
        }
    std::sort(w.routes.begin(), w.routes.end());
    w.routes.erase(std::unique(w.routes.begin(), w.routes.end()), w.routes.end());

    // The distributions: each edge's latest record, and the populations' requests this step.
    for (const auto &rec : run.cdn_edges) {
        if (rec.t_ms > w.t_ms)
            break;
        auto it = std::find_if(w.cdn_edges.begin(), w.cdn_edges.end(), [&](const CdnEdgeAt &e) {
            return e.distribution == rec.distribution && e.edge == rec.edge;
        });
        if (it == w.cdn_edges.end()) {
            CdnEdgeAt fresh;
            fresh.distribution = rec.distribution;
            fresh.edge = rec.edge;
            it = w.cdn_edges.insert(w.cdn_edges.end(), fresh);
        }
        const Distribution &d = s.distributions[static_cast<std::size_t>(rec.distribution)];
        it->answering = rec.answering;
        it->cache_fresh = cache_freshness(d, rec.ageing_since_ms, w.t_ms);
        it->expires_in_ms.reset();
        if (rec.ageing_since_ms >= 0 && rec.ageing_since_ms + d.cache_ttl_ms > w.t_ms)
            it->expires_in_ms = rec.ageing_since_ms + d.cache_ttl_ms - w.t_ms;
    }
    // The routes the distributions light: a DNS name to the distribution it aliases, and the
    // distribution to the origin that answers an edge's misses.
    for (std::size_t p = 0; p < s.populations.size(); ++p) {
        const AnswerAt &a = w.answers[p];
        if (a.distribution >= 0 && !find_by_id(s.distributions, a.entry))
            w.routes.push_back(
                RouteAt{a.entry, s.distributions[static_cast<std::size_t>(a.distribution)].id});
    }
    for (const CdnEdgeAt &e : w.cdn_edges) {
        const Distribution &d = s.distributions[static_cast<std::size_t>(e.distribution)];
        if (e.answering != CdnOrigin::none)
            w.routes.push_back(
                RouteAt{d.id, e.answering == CdnOrigin::primary ? d.primary : d.secondary});
    }
    std::sort(w.routes.begin(), w.routes.end());
    w.routes.erase(std::unique(w.routes.begin(), w.routes.end()), w.routes.end());
    const double per_s = 1000.0 / static_cast<double>(run.step_ms);
    for (const auto &c : run.cdn) {
        CdnFlowAt f;
        f.population = c.population;
        f.distribution = c.distribution;
        f.edge = c.edge;
        if (k < c.steps.hits.size()) {
            f.hits_per_s = c.steps.hits[k] * per_s;
            f.primary_per_s = c.steps.misses_primary[k] * per_s;
            f.secondary_per_s = c.steps.misses_secondary[k] * per_s;
            f.failovers_per_s = c.steps.failovers[k] * per_s;
            f.failed_per_s = c.steps.failed[k] * per_s;
        }
        w.cdn_flows.push_back(f);
    }

    if (k < run.lost_writes_cumulative.size()) {
        w.lost_writes = run.lost_writes_cumulative[k];
        w.conflicts = run.conflicts_cumulative[k];
    }
    return w;
}

std::optional<Ms> next_event_time(const Report &r, Ms t) {
    for (const auto &e : r.run.events)
        if (e.t_ms > t && e.kind != EventKind::run_ended)
            return e.t_ms;
    return std::nullopt;
}

std::optional<Ms> previous_event_time(const Report &r, Ms t) {
    std::optional<Ms> out;
    for (const auto &e : r.run.events) {
        if (e.t_ms >= t)
            break;
        out = e.t_ms;
    }
    return out;
}

} // namespace model
