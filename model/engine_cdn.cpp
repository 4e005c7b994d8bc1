// Requests through a distribution: edge caches that age while no origin can fill them, and an
// origin group that every read miss tries in order, primary first.
#include "engine_cdn.h"

#include "cdn.h"
#include "find.h"

#include <algorithm>
#include <cmath>

namespace model::engine {
namespace {

constexpr int kRead = 0, kWrite = 1;
constexpr int kByEdge = 0, kByPrimary = 1, kBySecondary = 2;
constexpr Ms kBucketServiceMs = 20; // what a bucket takes to answer a GET or PUT (modelled)

int outcome_of(CdnCause cause) {
    return 1 + static_cast<int>(cause);
}

} // namespace

Cdn::Cdn(Kernel &kernel, const Faults &faults, const Tiers &tiers, Data &data)
    : k_(kernel), s_(kernel.scenario), topo_(kernel.topology), faults_(faults), tiers_(tiers),
      data_(data) {
    for (std::size_t d = 0; d < s_.distributions.size(); ++d) {
        first_edge_.push_back(static_cast<int>(edges_.size()));
        for (std::size_t e = 0; e < s_.distributions[d].edges.size(); ++e)
            edges_.push_back(Edge{static_cast<int>(d), static_cast<int>(e)});
    }
    const auto steps = static_cast<std::size_t>(k_.out.steps);
    for (std::size_t p = 0; p < s_.populations.size(); ++p) {
        const Population &pop = s_.populations[p];
        const Distribution *dist = entry_distribution(s_, pop.entry);
        if (!dist || dist->edges.empty())
            continue;
        Pop cp;
        cp.population = static_cast<int>(p);
        cp.distribution = index_of_id(s_.distributions, dist->id);
        cp.edge = nearest_edge(*dist, pop.where);
        cp.edge_slot = first_edge_[static_cast<std::size_t>(cp.distribution)] + cp.edge;
        edges_[static_cast<std::size_t>(cp.edge_slot)].serves = true;
        const double km =
            great_circle_km(pop.where, dist->edges[static_cast<std::size_t>(cp.edge)].where);
        cp.to_edge_ms =
            rtt_from_distance(km, s_.settings.public_route_factor) + dist->edge_service_ms;
        pops_.push_back(cp);
        CdnPopulationRun run;
        run.population = cp.population;
        run.distribution = cp.distribution;
        run.edge = cp.edge;
        run.hit_latency_ms = cp.to_edge_ms;
        for (auto *series : {&run.steps.cacheable, &run.steps.hits, &run.steps.misses_primary,
                             &run.steps.misses_secondary, &run.steps.failovers, &run.steps.failed})
            series->assign(steps, 0);
        k_.out.cdn.push_back(std::move(run));
    }
    const std::size_t cells = pops_.size() * kCells;
    rate_fixed_.assign(cells, 0);
    rate_fresh_.assign(cells, 0);
    acc_.assign(cells, 0);
    cum_.assign(cells, 0);
    latency_.assign(cells, 0);
    served_.assign(cells, 0);
    written_.assign(cells, 0);
    latency_order_.assign(pops_.size(), {});
}

std::size_t Cdn::cell(std::size_t pop, int op, int by, int outcome) const {
    return pop * kCells + static_cast<std::size_t>((op * 3 + by) * kOutcomes + outcome);
}

Cdn::Attempt Cdn::attempt(int distribution, int edge, const std::string &origin, int op) const {
    const Distribution &d = s_.distributions[static_cast<std::size_t>(distribution)];
    const LatLon at = d.edges[static_cast<std::size_t>(edge)].where;
    Attempt a;
    const int tier = topo_.tier_index(origin);
    const int store = tier >= 0 ? -1 : topo_.store_index(origin);
    const int region = tier >= 0 ? topo_.tier_region(tier) : topo_.store_copies(store).front();
    const Ms rtt =
        rtt_from_distance(great_circle_km(at, s_.regions[static_cast<std::size_t>(region)].where),
                          s_.settings.public_route_factor);
    const auto fail = [&](Miss how, int status, Ms after) {
        a.ok = 0;
        a.fail = how;
        a.status = status;
        a.fail_after_ms = after;
        return a;
    };
    if (!faults_.region_up(region) || !faults_.users_reach(region))
        return fail(Miss::connect, 0, connection_failover_delay(d));
    Ms latency = rtt;
    double brown = 0;
    if (tier >= 0) {
        const TierStatus &st = tiers_.status(tier);
        if (st.capacity <= 0)
            return fail(Miss::status, kUnavailableStatus, rtt);
        const Ms service = s_.app_tiers[static_cast<std::size_t>(tier)].service_ms;
        if (st.dep_fail[op] >= 0)
            return fail(Miss::status, kUnavailableStatus, rtt + service);
        latency += service + st.dep_latency[op] + st.brown_latency;
        brown = st.brown;
    } else {
        double keep = 1;
        latency += kBucketServiceMs;
        for (int f : faults_.brownouts(s_.app_tiers.size() + static_cast<std::size_t>(store))) {
            keep *= 1.0 - s_.faults[static_cast<std::size_t>(f)].error_share;
            latency += s_.faults[static_cast<std::size_t>(f)].extra_latency_ms;
        }
        brown = 1.0 - keep;
    }
    if (latency > d.origin_response_timeout_ms)
        return fail(Miss::timeout, 0, d.origin_response_timeout_ms);
    a.ok = 1.0 - brown;
    a.latency_ms = latency;
    if (brown > 0) {
        a.fail = Miss::status;
        a.status = kBrownoutStatus;
        a.fail_after_ms = latency;
    }
    return a;
}

void Cdn::origins_changed(Ms t, Edge &edge, const Attempt &primary, const Attempt &secondary) {
    const Distribution &d = s_.distributions[static_cast<std::size_t>(edge.distribution)];
    const bool fails_over = primary.fail == Miss::connect || primary.fail == Miss::timeout ||
                            (primary.fail == Miss::status && fails_over_on(d, primary.status));
    const CdnOrigin now = primary.ok > 0                   ? CdnOrigin::primary
                          : fails_over && secondary.ok > 0 ? CdnOrigin::secondary
                                                           : CdnOrigin::none;
    if (now == edge.answering) {
        if (!edge.recorded)
            k_.out.cdn_edges.push_back(CdnEdgeRecord{t, edge.distribution, edge.edge, now, -1});
        edge.recorded = true;
        return;
    }
    edge.recorded = true;
    const CdnOrigin was = edge.answering;
    edge.answering = now;
    ++edge.gen;
    const std::string edge_id = d.edges[static_cast<std::size_t>(edge.edge)].id;
    const auto origin_id = [&](CdnOrigin o) {
        return o == CdnOrigin::primary ? d.primary : d.secondary;
    };
    if (now == CdnOrigin::none) {
        edge.ageing_since = t;
        edge.expired = false;
        k_.emit(t, EventKind::cdn_origins_down, d.id,
                {{"edge", edge_id}, {"ttl_ms", d.cache_ttl_ms}});
        k_.schedule(t + d.cache_ttl_ms, ev::CdnCacheExpiry{edge.distribution, edge.edge, edge.gen});
    } else if (was == CdnOrigin::none) {
        edge.ageing_since = -1;
        edge.expired = false;
        k_.emit(t, EventKind::cdn_origins_back, d.id,
                {{"edge", edge_id}, {"origin", origin_id(now)}});
    } else if (now == CdnOrigin::secondary) {
        const char *cause = primary.fail == Miss::connect ? "it cannot be connected to"
                            : primary.fail == Miss::timeout
                                ? "it does not answer within the origin response timeout"
                                : "it answers an error status";
        k_.emit(t, EventKind::cdn_failover_started, d.id,
                {{"edge", edge_id},
                 {"from", d.primary},
                 {"to", d.secondary},
                 {"cause", std::string(cause)},
                 {"status", std::int64_t{primary.status}},
                 {"delay_ms", primary.fail_after_ms}});
    } else {
        k_.emit(t, EventKind::cdn_failover_ended, d.id, {{"edge", edge_id}, {"origin", d.primary}});
    }
    k_.out.cdn_edges.push_back(
        CdnEdgeRecord{t, edge.distribution, edge.edge, now, edge.ageing_since});
}

void Cdn::handle(Ms t, const ev::CdnCacheExpiry &e) {
    const int index = first_edge_[static_cast<std::size_t>(e.distribution)] + e.edge;
    Edge &edge = edges_[static_cast<std::size_t>(index)];
    if (edge.gen != e.gen || edge.ageing_since < 0)
        return; // an origin came back in the meantime
    edge.expired = true;
    const Distribution &d = s_.distributions[static_cast<std::size_t>(e.distribution)];
    k_.emit(t, EventKind::cdn_cache_expired, d.id,
            {{"edge", d.edges[static_cast<std::size_t>(e.edge)].id}});
}

void Cdn::refresh(Ms t) {
    std::vector<Attempt> primary_read(edges_.size()), secondary_read(edges_.size());
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        Edge &edge = edges_[i];
        if (!edge.serves)
            continue;
        const Distribution &d = s_.distributions[static_cast<std::size_t>(edge.distribution)];
        primary_read[i] = attempt(edge.distribution, edge.edge, d.primary, kRead);
        secondary_read[i] = attempt(edge.distribution, edge.edge, d.secondary, kRead);
        origins_changed(t, edge, primary_read[i], secondary_read[i]);
    }
    std::fill(rate_fixed_.begin(), rate_fixed_.end(), 0.0);
    std::fill(rate_fresh_.begin(), rate_fresh_.end(), 0.0);
    for (std::size_t i = 0; i < pops_.size(); ++i) {
        const Pop &cp = pops_[i];
        const Population &pop = s_.populations[static_cast<std::size_t>(cp.population)];
        const Distribution &d = s_.distributions[static_cast<std::size_t>(cp.distribution)];
        CdnPopulationRun &run = k_.out.cdn[i];
        const auto slot = static_cast<std::size_t>(cp.edge_slot);
        const double reads = pop.rps * (1.0 - pop.write_share);
        const double writes = pop.rps * pop.write_share;
        const double fresh_hits = reads * d.cacheable_share * d.hit_share;
        rate_fresh_[cell(i, kRead, kByEdge, 0)] = fresh_hits;
        latency_[cell(i, kRead, kByEdge, 0)] = static_cast<std::int32_t>(cp.to_edge_ms);
        rate_fixed_[i * kCells + kCells - 1] = reads * d.cacheable_share;
        for (int op = kRead; op <= kWrite; ++op) {
            // A share of this op's misses reaches (by, outcome) with a latency at the client.
            const auto add = [&](int by, int outcome, double share, Ms latency) {
                if (share <= 0)
                    return;
                const std::size_t c = cell(i, op, by, outcome);
                rate_fixed_[c] += (op == kRead ? reads : writes) * share;
                if (op == kRead)
                    rate_fresh_[c] -= fresh_hits * share;
                if (outcome == 0)
                    latency_[c] = static_cast<std::int32_t>(latency);
            };
            const Attempt p = op == kRead ? primary_read[slot]
                                          : attempt(cp.distribution, cp.edge, d.primary, kWrite);
            const Ms timeout = pop.timeout_ms;
            const Ms served_p = cp.to_edge_ms + p.latency_ms;
            if (t == 0 && op == kRead)
                run.miss_latency_ms = served_p;
            add(kByPrimary, served_p > timeout ? outcome_of(CdnCause::client_timeout) : 0, p.ok,
                served_p);
            if (p.fail == Miss::none)
                continue;
            const double failing = 1.0 - p.ok;
            const auto cause_of = [](Miss m) {
                return m == Miss::connect   ? CdnCause::origin_unreachable
                       : m == Miss::timeout ? CdnCause::origin_timeout
                                            : CdnCause::origin_error;
            };
            const bool fails_over = method_fails_over(op == kRead ? Method::read : Method::write) &&
                                    (p.fail != Miss::status || fails_over_on(d, p.status));
            if (!fails_over) {
                add(kByPrimary, outcome_of(cause_of(p.fail)), failing, 0);
                continue;
            }
            const Attempt &s = secondary_read[slot];
            const Ms waited = cp.to_edge_ms + p.fail_after_ms;
            if (waited > timeout) {
                add(kBySecondary, outcome_of(CdnCause::failover_too_slow), failing, 0);
                continue;
            }
            const Ms served_s = waited + s.latency_ms;
            if (served_s > timeout)
                add(kBySecondary, outcome_of(CdnCause::failover_too_slow), failing * s.ok, 0);
            else {
                add(kBySecondary, 0, failing * s.ok, served_s);
                if (s.ok > 0)
                    run.slowest_failover_ms =
                        std::max(run.slowest_failover_ms.value_or(0), served_s);
            }
            if (s.fail != Miss::none)
                add(kBySecondary,
                    waited + s.fail_after_ms > timeout ? outcome_of(CdnCause::failover_too_slow)
                                                       : outcome_of(cause_of(s.fail)),
                    1.0 - s.ok, 0);
        }
        // The order in which this population's served requests line up by latency.
        auto &order = latency_order_[i];
        order.clear();
        for (int op = kRead; op <= kWrite; ++op)
            for (int by = kByEdge; by <= kBySecondary; ++by) {
                const std::size_t c = cell(i, op, by, 0);
                if (rate_fixed_[c] <= 0 && rate_fresh_[c] <= 0)
                    continue;
                for (int j = 0; j < 4; ++j)
                    order.emplace_back(latency_[c] * kJitterFactor[j] / 100, static_cast<int>(c),
                                       j);
            }
        std::sort(order.begin(), order.end());
    }
}

double Cdn::fresh_integral(const Edge &edge, Ms from, Ms to) const {
    if (edge.ageing_since < 0)
        return static_cast<double>(to - from) / 1000.0;
    const Ms ttl = s_.distributions[static_cast<std::size_t>(edge.distribution)].cache_ttl_ms;
    const Ms end = std::min(to, edge.ageing_since + ttl);
    if (ttl <= 0 || end <= from)
        return 0;
    const Distribution &d = s_.distributions[static_cast<std::size_t>(edge.distribution)];
    const auto fresh = [&](Ms x) { return cache_freshness(d, edge.ageing_since, x); };
    return static_cast<double>(end - from) / 1000.0 * (fresh(from) + fresh(end)) / 2.0;
}

void Cdn::integrate(Ms from, Ms to) {
    if (pops_.empty())
        return;
    const double seconds = static_cast<double>(to - from) / 1000.0;
    for (std::size_t i = 0; i < pops_.size(); ++i) {
        const double fresh =
            fresh_integral(edges_[static_cast<std::size_t>(pops_[i].edge_slot)], from, to);
        for (std::size_t c = i * kCells; c < (i + 1) * kCells; ++c)
            acc_[c] += rate_fixed_[c] * seconds + rate_fresh_[c] * fresh;
    }
    record_writes(from, to);
}

// Served writes on an app tier go to its databases span by span, as the request flows' do.
void Cdn::record_writes(Ms from, Ms to) {
    for (std::size_t i = 0; i < pops_.size(); ++i) {
        const Distribution &d = s_.distributions[static_cast<std::size_t>(pops_[i].distribution)];
        const int tier = topo_.tier_index(d.primary);
        const std::size_t c = cell(i, kWrite, kByPrimary, 0);
        if (tier < 0 || rate_fixed_[c] <= 0)
            continue;
        const std::int64_t total = std::llround(cum_[c] + acc_[c]);
        data_.record_tier_writes(tier, total - written_[c],
                                 rate_fixed_[c] * static_cast<double>(to - from) / 1000.0, from,
                                 to);
        written_[c] = total;
    }
}

void Cdn::finish_step(int step) {
    const auto k = static_cast<std::size_t>(step);
    step_writes_.assign(s_.populations.size(), std::vector<std::int64_t>(s_.app_tiers.size(), 0));
    for (std::size_t i = 0; i < pops_.size(); ++i) {
        const Pop &cp = pops_[i];
        const Distribution &d = s_.distributions[static_cast<std::size_t>(cp.distribution)];
        const auto p = static_cast<std::size_t>(cp.population);
        PopulationSteps &ps = k_.out.population_steps[p];
        PopulationRun &pr = k_.out.populations[p];
        CdnPopulationRun &run = k_.out.cdn[i];
        for (std::size_t c = i * kCells; c < (i + 1) * kCells; ++c) {
            const double before = cum_[c];
            const double after = before + acc_[c];
            acc_[c] = 0;
            cum_[c] = after;
            const auto n = static_cast<std::int32_t>(std::llround(after) - std::llround(before));
            if (n == 0)
                continue;
            const auto local = static_cast<int>(c - i * kCells);
            if (local == kCells - 1) {
                run.steps.cacheable[k] += n;
                run.cacheable += n;
                continue;
            }
            const int outcome = local % kOutcomes;
            const int by = (local / kOutcomes) % 3;
            const int op = local / kOutcomes / 3;
            if (outcome == 0) {
                served_[c] += n;
                (op == kRead ? ps.reads_ok : ps.writes_ok)[k] += n;
            } else {
                const auto cause = static_cast<CdnCause>(outcome - 1);
                (op == kRead ? ps.reads_failed : ps.writes_failed)[k] += n;
                (op == kRead ? run.reads_failed : run.writes_failed) += n;
                pr.reasons[static_cast<int>(fail_reason_of(cause))] += n;
                run.causes[outcome - 1] += n;
                run.steps.failed[k] += n;
            }
            if (op == kRead && outcome == 0) {
                if (by == kByEdge) {
                    run.steps.hits[k] += n;
                    run.hits += n;
                } else if (by == kByPrimary) {
                    run.steps.misses_primary[k] += n;
                    run.misses_primary += n;
                } else {
                    run.steps.misses_secondary[k] += n;
                    run.misses_secondary += n;
                }
            }
            if (op == kRead && by == kBySecondary) {
                run.steps.failovers[k] += n;
                run.failovers += n;
            }
            if (op == kWrite && outcome == 0) {
                run.writes_ok += n;
                for (int j = 0; j < 4; ++j)
                    pr.write_latency_ms[latency_[c] * kJitterFactor[j] / 100] +=
                        static_cast<std::int64_t>(n) * kJitterShare[j];
            }
            if (by == kByEdge)
                continue;
            const std::string &origin = by == kByPrimary ? d.primary : d.secondary;
            const int tier = topo_.tier_index(origin);
            const int region = tier >= 0 ? topo_.tier_region(tier)
                                         : topo_.store_copies(topo_.store_index(origin)).front();
            if (outcome == 0 || outcome != outcome_of(CdnCause::origin_unreachable))
                k_.out.region_requests[static_cast<std::size_t>(region)][k] += n;
            if (tier < 0)
                continue;
            ps.tier_requests[static_cast<std::size_t>(tier)][k] += n;
            if (outcome != 0)
                ps.tier_failed[static_cast<std::size_t>(tier)][k] += n;
            else if (op == kWrite)
                step_writes_[p][static_cast<std::size_t>(tier)] += n;
        }
        // Percentiles of the served requests' latencies.
        std::int64_t total = 0;
        for (const auto &[lat, c, j] : latency_order_[i])
            total += served_[static_cast<std::size_t>(c)] * kJitterShare[j];
        if (total > 0) {
            std::int64_t sum = 0;
            std::int32_t p50 = -1, p99 = -1;
            for (const auto &[lat, c, j] : latency_order_[i]) {
                sum += served_[static_cast<std::size_t>(c)] * kJitterShare[j];
                if (p50 < 0 && sum * 100 >= total * 50)
                    p50 = lat;
                if (p99 < 0 && sum * 100 >= total * 99) {
                    p99 = lat;
                    break;
                }
            }
            ps.p50_ms[k] = p50;
            ps.p99_ms[k] = p99;
        }
        for (std::size_t c = i * kCells; c < (i + 1) * kCells; ++c)
            served_[c] = 0;
    }
}

void Cdn::add_step_writes(std::vector<std::vector<std::int64_t>> &pop_tier_writes) const {
    for (std::size_t p = 0; p < step_writes_.size() && p < pop_tier_writes.size(); ++p)
        for (std::size_t t = 0; t < step_writes_[p].size() && t < pop_tier_writes[p].size(); ++t)
            pop_tier_writes[p][t] += step_writes_[p][t];
}

} // namespace model::engine
