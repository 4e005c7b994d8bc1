// Global routing and clients: DNS record selection with health, the anycast accelerator, and
// client cohorts that each re-resolve at their own moment.
#include "engine_routing.h"

#include "cdn.h"
#include "fault.h"
#include "find.h"

#include <algorithm>
#include <cmath>

namespace model::engine {
namespace {

constexpr int kMaxCohorts = 400;
constexpr Ms kLoadBalancerTtl = 60 * kSecond; // alias to a load balancer (FACTS.md section 2)
constexpr int kMarks[] = {50, 90, 99, 100};

std::string describe(const Scenario &s, const Answer &a) {
    if (a.parts.empty())
        return "no answer";
    std::string out;
    for (const auto &[tier, share] : a.parts) {
        if (!out.empty())
            out += " + ";
        out += s.app_tiers[static_cast<std::size_t>(tier)].id;
        if (a.parts.size() > 1)
            out += " (" + std::to_string(std::llround(share * 100.0)) + " %)";
    }
    return out;
}

// Adds a part of an answer, scaled, into per-tier sums; `seen` lists the tiers in the order they
// first appeared. The same additions in the same order as add_scaled, without its search.
void add_scaled_into(std::vector<double> &sum, std::vector<int> &seen, std::vector<bool> &present,
                     const Answer &part, double scale) {
    for (const auto &[tier, share] : part.parts) {
        const auto t = static_cast<std::size_t>(tier);
        if (!present[t]) {
            present[t] = true;
            seen.push_back(tier);
            sum[t] = share * scale;
        } else {
            sum[t] += share * scale;
        }
    }
}

void add_scaled(Answer &into, const Answer &part, double scale) {
    for (const auto &[tier, share] : part.parts) {
        const int wanted = tier; // a structured binding cannot be captured before clang 16
        auto it = std::find_if(into.parts.begin(), into.parts.end(),
                               [&](const auto &x) { return x.first == wanted; });
        if (it == into.parts.end())
            into.parts.emplace_back(tier, share * scale);
        else
            it->second += share * scale;
    }
}

void normalise(Answer &a) {
    std::sort(a.parts.begin(), a.parts.end());
    double total = 0;
    for (const auto &p : a.parts)
        total += p.second;
    if (total > 0)
        for (auto &p : a.parts)
            p.second /= total;
    a.upto.clear();
    double acc = 0;
    for (const auto &p : a.parts)
        a.upto.push_back(acc += p.second);
}

// The first tier whose running sum of shares exceeds u (the last one if none does).
int pick(const Answer &a, double u) {
    if (a.parts.empty())
        return -1;
    const auto it = std::upper_bound(a.upto.begin(), a.upto.end(), u);
    if (it == a.upto.end())
        return a.parts.back().first;
    return a.parts[static_cast<std::size_t>(it - a.upto.begin())].first;
}

} // namespace

Routing::Routing(Kernel &kernel, const Health &health)
    : k_(kernel), s_(kernel.scenario), topo_(kernel.topology), health_(health), dns_(s_.dns) {
    build();
}

Ms Routing::answer_ttl(int dns, int depth) const {
    const DnsName &n = dns_[static_cast<std::size_t>(dns)];
    if (n.records.empty() || !n.records.front().alias || depth > 16)
        return n.ttl_ms;
    const int next = topo_.dns_index(n.records.front().target);
    return next >= 0 ? answer_ttl(next, depth + 1) : kLoadBalancerTtl;
}

void Routing::build() {
    for (std::size_t p = 0; p < s_.populations.size(); ++p) {
        const Population &pop = s_.populations[p];
        PopulationState st;
        Random r = k_.rng.fork(0x706f700000000000ULL + p);
        st.entry_accelerator = index_of_id(s_.accelerators, pop.entry);
        st.entry_dns = topo_.dns_index(pop.entry);
        if (entry_distribution(s_, pop.entry) != nullptr) {
            // Its requests are the distribution's (engine_cdn.h): no cohorts, no answer here.
            st.entry_distribution = true;
            st.entry_dns = -1;
            st.share.assign(s_.app_tiers.size() + 1, 0.0);
            pops_.push_back(std::move(st));
            continue;
        }
        for (const auto &reg : s_.regions) {
            const double km = great_circle_km(pop.where, reg.where);
            st.rtt_to_region.push_back(rtt_from_distance(km, s_.settings.public_route_factor));
            if (st.entry_accelerator >= 0) {
                const Accelerator &acc =
                    s_.accelerators[static_cast<std::size_t>(st.entry_accelerator)];
                st.rtt_via_accelerator.push_back(acc.edge_rtt_ms +
                                                 rtt_from_distance(km, acc.backbone_route_factor));
            }
        }
        // Split the cohorts between the caching habits by largest remainder.
        const int k = std::min(pop.clients, kMaxCohorts);
        std::vector<int> counts(pop.dns_cache.size(), 0);
        std::vector<std::pair<double, std::size_t>> rest;
        int given = 0;
        for (std::size_t h = 0; h < pop.dns_cache.size(); ++h) {
            const double exact = pop.dns_cache[h].share * k;
            counts[h] = static_cast<int>(exact);
            given += counts[h];
            rest.emplace_back(-(exact - counts[h]), h);
        }
        std::sort(rest.begin(), rest.end());
        for (std::size_t i = 0; given < k; ++i, ++given)
            ++counts[rest[i % rest.size()].second];
        const Ms ttl = st.entry_dns >= 0 ? answer_ttl(st.entry_dns, 0) : 0;
        for (std::size_t h = 0; h < pop.dns_cache.size(); ++h)
            for (int i = 0; i < counts[h]; ++i) {
                Cohort c;
                c.period = st.entry_accelerator >= 0 ? std::max<Ms>(pop.connection_lifetime_ms, 1)
                                                     : (pop.dns_cache[h].mode == CacheMode::ttl
                                                            ? ttl
                                                            : pop.dns_cache[h].cache_ms);
                c.phase = c.period > 0
                              ? static_cast<Ms>(r.below(static_cast<std::uint64_t>(c.period)))
                              : 0;
                st.cohorts.push_back(c);
            }
        // Evenly spaced picks in a random order: a weighted answer splits the cohorts in its
        // exact proportions, and no caching habit is tied to one record.
        const std::size_t count = st.cohorts.size();
        std::vector<double> picks(count);
        for (std::size_t i = 0; i < count; ++i)
            picks[i] = (static_cast<double>(i) + 0.5) / static_cast<double>(count);
        for (std::size_t i = count; i > 1; --i)
            std::swap(picks[i - 1], picks[static_cast<std::size_t>(r.below(i))]);
        for (std::size_t i = 0; i < count; ++i)
            st.cohorts[i].pick = picks[i];
        st.share.assign(s_.app_tiers.size() + 1, 0.0);
        pops_.push_back(std::move(st));
    }
    // Everyone starts on the answer of t = 0.
    for (std::size_t p = 0; p < pops_.size(); ++p) {
        PopulationState &st = pops_[p];
        if (st.entry_distribution) {
            k_.out.answers.push_back(AnswerRecord{0, static_cast<int>(p), {}});
            continue;
        }
        st.answer = st.entry_dns >= 0 ? resolve_entry(static_cast<int>(p))
                                      : accelerator_route(static_cast<int>(p));
        k_.out.answers.push_back(AnswerRecord{0, static_cast<int>(p), st.answer.parts});
        const double w = 1.0 / static_cast<double>(st.cohorts.size());
        for (auto &c : st.cohorts) {
            c.tier = pick(st.answer, c.pick);
            st.share[c.tier < 0 ? s_.app_tiers.size() : static_cast<std::size_t>(c.tier)] += w;
        }
    }
}

bool Routing::record_healthy(const DnsRecord &rec, int population, int depth) const {
    if (!rec.health_check.empty()) {
        const int h = topo_.check_index(rec.health_check);
        if (h >= 0 && !health_.check_effective(static_cast<std::size_t>(h)))
            return false;
    }
    if (rec.alias && rec.evaluate_target_health) {
        const int tier = topo_.tier_index(rec.target);
        if (tier >= 0)
            return health_.target_healthy(tier);
        const int n = topo_.dns_index(rec.target);
        if (n >= 0 && depth < 16) {
            // Whether any record of the name is healthy depends on the health verdicts alone,
            // which hold still during one resolve_entry: worked out once per name.
            signed char &known = name_healthy_[static_cast<std::size_t>(n)];
            if (known < 0) {
                known = 0;
                for (const auto &r : dns_[static_cast<std::size_t>(n)].records)
                    if (record_healthy(r, population, depth + 1)) {
                        known = 1;
                        break;
                    }
            }
            return known == 1;
        }
    }
    return true; // a record with no health check is always healthy
}

Answer Routing::resolve_entry(int population) const {
    resolved_.assign(dns_.size(), std::nullopt);
    name_healthy_.assign(dns_.size(), -1);
    return resolve(population, pops_[static_cast<std::size_t>(population)].entry_dns, 0);
}

Answer Routing::resolve(int population, int dns, int depth) const {
    Answer out;
    if (depth > 16)
        return out;
    // The checks allow alias chains of limits::kAliasDepth names, far below 16, so a name's
    // answer is the same at whatever depth it is reached.
    if (const auto &known = resolved_[static_cast<std::size_t>(dns)])
        return *known;
    const DnsName &n = dns_[static_cast<std::size_t>(dns)];
    const Population &pop = s_.populations[static_cast<std::size_t>(population)];
    const PopulationState &ps = pops_[static_cast<std::size_t>(population)];
    const std::size_t count = n.records.size();
    std::vector<bool> healthy(count);
    bool any = false;
    for (std::size_t i = 0; i < count; ++i) {
        healthy[i] = record_healthy(n.records[i], population, depth);
        any = any || healthy[i];
    }
    // "If no record is healthy, all records are healthy" (fail open).
    const auto usable = [&](std::size_t i) { return healthy[i] || !any; };
    const auto answer_of = [&](std::size_t i) {
        const DnsRecord &rec = n.records[i];
        const int tier = topo_.tier_index(rec.target);
        if (tier >= 0)
            return Answer{{{tier, 1.0}}, {1.0}};
        const int next = topo_.dns_index(rec.target);
        if (next < 0)
            return Answer{}; // a distribution further down a record tree: not followed
        return resolve(population, next, depth + 1);
    };
    const auto region_of = [&](std::size_t i) {
        Answer a = answer_of(i);
        if (a.parts.empty())
            return -1;
        return topo_.region_index(
            s_.app_tiers[static_cast<std::size_t>(a.parts.front().first)].region);
    };
    switch (n.policy) {
    case RoutingPolicy::failover: {
        std::size_t primary = 0, secondary = 0;
        for (std::size_t i = 0; i < count; ++i)
            (n.records[i].role == "primary" ? primary : secondary) = i;
        // Primary healthy -> primary; else secondary if healthy; both unhealthy -> primary.
        out = answer_of(healthy[primary] || !healthy[secondary] ? primary : secondary);
        break;
    }
    case RoutingPolicy::latency: {
        std::size_t best = count;
        Ms best_rtt = 0;
        for (std::size_t i = 0; i < count; ++i) {
            if (!usable(i))
                continue;
            const int r = region_of(i);
            const Ms rtt = r < 0 ? 1000000 : ps.rtt_to_region[static_cast<std::size_t>(r)];
            if (best == count || rtt < best_rtt) {
                best = i;
                best_rtt = rtt;
            }
        }
        if (best < count)
            out = answer_of(best);
        break;
    }
    case RoutingPolicy::geolocation: {
        // The most specific matching location wins; an unhealthy one falls back up the
        // hierarchy: country, continent, then the default record "*".
        const std::string levels[] = {pop.country, pop.continent, "*"};
        for (const auto &level : levels) {
            if (level.empty())
                continue;
            for (std::size_t i = 0; i < count && out.parts.empty(); ++i)
                if (n.records[i].location == level && usable(i))
                    out = answer_of(i);
            if (!out.parts.empty())
                break;
        }
        break;
    }
    case RoutingPolicy::weighted: {
        // Healthy records with weight > 0; weight-0 records only when no such record is
        // healthy; all weights 0 means an equal split.
        std::vector<std::size_t> chosen;
        for (std::size_t i = 0; i < count; ++i)
            if (usable(i) && n.records[i].weight > 0)
                chosen.push_back(i);
        if (chosen.empty())
            for (std::size_t i = 0; i < count; ++i)
                if (usable(i))
                    chosen.push_back(i);
        int total = 0;
        for (std::size_t i : chosen)
            total += n.records[i].weight;
        std::vector<double> sum(s_.app_tiers.size(), 0.0);
        std::vector<bool> present(s_.app_tiers.size(), false);
        std::vector<int> seen;
        for (std::size_t i : chosen) {
            const double share = total > 0 ? static_cast<double>(n.records[i].weight) / total
                                           : 1.0 / static_cast<double>(chosen.size());
            if (share > 0)
                add_scaled_into(sum, seen, present, answer_of(i), share);
        }
        for (int tier : seen)
            out.parts.emplace_back(tier, sum[static_cast<std::size_t>(tier)]);
        break;
    }
    }
    normalise(out);
    resolved_[static_cast<std::size_t>(dns)] = out;
    return out;
}

Answer Routing::accelerator_route(int population) const {
    const PopulationState &ps = pops_[static_cast<std::size_t>(population)];
    const auto a = static_cast<std::size_t>(ps.entry_accelerator);
    const Accelerator &acc = s_.accelerators[a];
    // Endpoint groups by proximity to the population.
    std::vector<std::pair<Ms, std::size_t>> order;
    for (std::size_t g = 0; g < acc.groups.size(); ++g)
        order.emplace_back(ps.rtt_via_accelerator[static_cast<std::size_t>(
                               topo_.region_index(acc.groups[g].region))],
                           g);
    std::sort(order.begin(), order.end());
    const auto group_answer = [&](std::size_t g, bool healthy_only) {
        Answer out;
        int total = 0;
        for (const auto &e : acc.groups[g].endpoints) {
            const int t = topo_.tier_index(e.target);
            const bool ok = health_.endpoint_effective(ps.entry_accelerator, t);
            if ((ok || !healthy_only) && e.weight > 0)
                total += e.weight;
        }
        for (const auto &e : acc.groups[g].endpoints) {
            const int t = topo_.tier_index(e.target);
            const bool ok = health_.endpoint_effective(ps.entry_accelerator, t);
            if ((ok || !healthy_only) && e.weight > 0 && total > 0)
                out.parts.emplace_back(t, static_cast<double>(e.weight) / total);
        }
        return out;
    };
    Answer out;
    double remaining = 1.0;
    // The traffic dial keeps a share of the traffic proximity would send to a group; the rest
    // goes on to the next-nearest groups.
    for (const auto &[rtt, g] : order) {
        if (remaining <= 0)
            break;
        Answer ga = group_answer(g, true);
        if (ga.parts.empty())
            continue;
        const double take = remaining * acc.groups[g].traffic_dial_pct / 100.0;
        add_scaled(out, ga, take);
        remaining -= take;
    }
    if (remaining > 1e-12) {
        // What no dial kept, and traffic whose nearest group has no healthy endpoint, spills
        // to the nearest healthy groups ignoring their dials (the three closest are tried).
        int tried = 0;
        for (const auto &[rtt, g] : order) {
            if (g != order.front().second && ++tried > 3)
                break;
            Answer ga = group_answer(g, true);
            if (!ga.parts.empty()) {
                add_scaled(out, ga, remaining);
                remaining = 0;
                break;
            }
        }
    }
    if (out.parts.empty() && !order.empty())
        out = group_answer(order.front().second, false); // fail open to the nearest group
    normalise(out);
    return out;
}

void Routing::refresh_answers(Ms t, Answers which) {
    for (std::size_t p = 0; p < pops_.size(); ++p) {
        PopulationState &ps = pops_[p];
        const bool via_dns = ps.entry_dns >= 0;
        if ((via_dns && which == Answers::accelerators_only) || ps.entry_distribution)
            continue;
        Answer next =
            via_dns ? resolve_entry(static_cast<int>(p)) : accelerator_route(static_cast<int>(p));
        if (next == ps.answer)
            continue;
        const std::string from = describe(s_, ps.answer), to = describe(s_, next);
        ps.answer = std::move(next);
        k_.out.answers.push_back(AnswerRecord{t, static_cast<int>(p), ps.answer.parts});
        const Population &pop = s_.populations[p];
        k_.emit(t, via_dns ? EventKind::dns_answer_changed : EventKind::accelerator_rerouted,
                via_dns ? dns_[static_cast<std::size_t>(ps.entry_dns)].id : pop.entry,
                {{"population", pop.id}, {"from", from}, {"to", to}});
        if (via_dns)
            k_.milestone(t, Chain::route, Stage::propagation, static_cast<int>(p));
        // A new wave of moves: every cohort whose answer differs re-resolves at its own moment.
        ps.to_move = 0;
        ps.moved = 0;
        ps.next_mark = 0;
        ps.expires_by = -1;
        for (std::size_t c = 0; c < ps.cohorts.size(); ++c) {
            Cohort &co = ps.cohorts[c];
            if (pick(ps.answer, co.pick) == co.tier)
                continue;
            ++ps.to_move;
            Ms when;
            if (via_dns) {
                when =
                    co.period <= 0 ? t : t + ((co.phase - t) % co.period + co.period) % co.period;
            } else {
                const Accelerator &acc =
                    s_.accelerators[static_cast<std::size_t>(ps.entry_accelerator)];
                const bool current_ok =
                    co.tier >= 0 && health_.endpoint_effective(ps.entry_accelerator, co.tier);
                // Broken connections move within the edge's propagation time; healthy ones
                // are not moved: traffic returns about 30 s later, as connections end.
                when = current_ok ? t + acc.return_delay_ms + co.phase
                                  : t + co.phase * acc.edge_propagation_ms / co.period;
            }
            if (co.pending >= t && co.pending <= when)
                continue;
            co.pending = when;
            k_.schedule(when, ev::CohortRefresh{static_cast<int>(p), static_cast<int>(c)});
        }
        for (const Cohort &co : ps.cohorts)
            if (pick(ps.answer, co.pick) != co.tier)
                ps.expires_by = std::max(ps.expires_by, co.pending);
        record_cache(t, static_cast<int>(p));
        MoveWave wave;
        wave.started_ms = t;
        wave.cohorts_to_move = ps.to_move;
        k_.out.populations[p].waves.push_back(wave);
    }
}

void Routing::record_cache(Ms t, int p) {
    const PopulationState &ps = pops_[static_cast<std::size_t>(p)];
    int stale = 0;
    for (const Cohort &co : ps.cohorts)
        stale += pick(ps.answer, co.pick) != co.tier;
    const double share = static_cast<double>(stale) / static_cast<double>(ps.cohorts.size());
    k_.out.caches.push_back(CacheRecord{t, p, share, stale > 0 ? ps.expires_by : -1});
}

void Routing::handle(Ms t, const ev::CohortRefresh &e) {
    const int p = e.population, c = e.cohort;
    PopulationState &ps = pops_[static_cast<std::size_t>(p)];
    Cohort &co = ps.cohorts[static_cast<std::size_t>(c)];
    if (co.pending != t)
        return; // superseded by an earlier refresh
    co.pending = -1;
    const int tier = pick(ps.answer, co.pick);
    if (tier != co.tier)
        move_cohort(t, p, c, tier);
}

void Routing::move_cohort(Ms t, int p, int c, int tier) {
    PopulationState &ps = pops_[static_cast<std::size_t>(p)];
    Cohort &co = ps.cohorts[static_cast<std::size_t>(c)];
    const double w = 1.0 / static_cast<double>(ps.cohorts.size());
    const std::size_t none = s_.app_tiers.size();
    ps.share[co.tier < 0 ? none : static_cast<std::size_t>(co.tier)] -= w;
    ps.share[tier < 0 ? none : static_cast<std::size_t>(tier)] += w;
    co.tier = tier;
    k_.clients_moved();
    record_cache(t, p);
    const bool via_dns = ps.entry_dns >= 0;
    k_.milestone(t, Chain::route, via_dns ? Stage::client_cache : Stage::propagation, p);
    ++ps.moved;
    if (k_.out.populations[static_cast<std::size_t>(p)].waves.empty() || ps.to_move == 0)
        return;
    MoveWave &wave = k_.out.populations[static_cast<std::size_t>(p)].waves.back();
    while (ps.next_mark < 4 && ps.moved * 100 >= kMarks[ps.next_mark] * ps.to_move) {
        const int mark = kMarks[ps.next_mark++];
        (mark == 50 ? wave.t50 : mark == 90 ? wave.t90 : mark == 99 ? wave.t99 : wave.t100) = t;
        k_.emit(t, EventKind::clients_moved, s_.populations[static_cast<std::size_t>(p)].id,
                {{"moved_pct", std::int64_t{mark}},
                 {"to", tier < 0 ? std::string("no answer")
                                 : s_.app_tiers[static_cast<std::size_t>(tier)].id}});
    }
}

void Routing::apply_edit(const Fault &edit) {
    apply_dns_change(dns_, edit);
}

} // namespace model::engine
