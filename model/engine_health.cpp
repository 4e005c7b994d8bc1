// Health checking: checker fleets, their consecutive-failure counts, the 18 % aggregation rule,
// and the load balancer health that Evaluate Target Health reads.
#include "engine.h"

namespace model::engine {
namespace {

Ms next_probe(const Checker &c, Ms interval, Ms t) {
    if (t <= c.phase)
        return c.phase;
    return c.phase + (t - c.phase + interval - 1) / interval * interval;
}

// Healthy when more than 18 % of the checkers say so (Route 53's documented rule).
bool aggregate_healthy(int healthy, int total) {
    return healthy * 100 > 18 * total;
}

} // namespace

void Engine::build_monitors() {
    const auto add = [&](Monitor m, int checkers, const std::vector<std::string> &regions) {
        Random r = rng_.fork(0x6865616c74680000ULL + monitors_.size());
        const auto &locs = regions.empty() ? checker_regions() : regions;
        for (int i = 0; i < checkers; ++i) {
            Checker c;
            c.location = locs[static_cast<std::size_t>(i) % locs.size()];
            c.phase = static_cast<Ms>(r.below(static_cast<std::uint64_t>(m.interval)));
            m.checkers.push_back(c);
        }
        monitors_.push_back(std::move(m));
        return static_cast<int>(monitors_.size()) - 1;
    };
    for (const auto &h : s_.health_checks) {
        Monitor m;
        m.id = h.id;
        m.tier = tier_index(h.target);
        m.interval = h.interval_ms;
        m.threshold = h.failure_threshold;
        m.deep = h.deep;
        check_monitor_.push_back(add(std::move(m), h.checkers, h.checker_regions));
    }
    for (std::size_t a = 0; a < s_.accelerators.size(); ++a) {
        const Accelerator &acc = s_.accelerators[a];
        accel_monitor_.emplace_back(s_.app_tiers.size(), -1);
        for (const auto &g : acc.groups)
            for (const auto &e : g.endpoints) {
                Monitor m;
                m.id = acc.id + "/" + e.target;
                m.tier = tier_index(e.target);
                m.interval = acc.interval_ms;
                m.threshold = acc.threshold;
                m.accelerator = static_cast<int>(a);
                accel_monitor_[a][static_cast<std::size_t>(m.tier)] = add(std::move(m), 15, {});
            }
    }
    eth_watched_.assign(s_.app_tiers.size(), false);
    for (const auto &n : s_.dns)
        for (const auto &rec : n.records)
            if (rec.alias && rec.evaluate_target_health && tier_index(rec.target) >= 0)
                eth_watched_[static_cast<std::size_t>(tier_index(rec.target))] = true;
    eth_healthy_.assign(s_.app_tiers.size(), true);
    eth_target_.assign(s_.app_tiers.size(), true);
    eth_gen_.assign(s_.app_tiers.size(), 0);
}

bool Engine::tier_serving(int tier) const {
    const AppTier &a = s_.app_tiers[static_cast<std::size_t>(tier)];
    const int r = region_index(a.region);
    if (!region_up(r))
        return false;
    int up = 0;
    for (int d : az_down_[static_cast<std::size_t>(r)])
        up += d == 0;
    if (up == 0 || a.capacity_rps == 0)
        return false;
    const auto ti = static_cast<std::size_t>(tier);
    return a.standby == Standby::hot || tier_scaled_[ti] || a.warm_fraction > 0;
}

Regime Engine::probe_regime(const Monitor &mon, const Checker &chk, double &fail_share) const {
    fail_share = 0;
    const auto ti = static_cast<std::size_t>(mon.tier);
    const int r = region_index(s_.app_tiers[ti].region);
    if (!checkers_reach(r, chk.location) || !tier_serving(mon.tier))
        return Regime::fail;
    if (!mon.deep)
        return Regime::pass; // a shallow /health answers whenever the process runs
    const TierStatus &st = tiers_[ti];
    if (st.dep_fail[0] >= 0)
        return Regime::fail;
    // An HTTP check wants its status within 2 s of connecting (FACTS.md section 1).
    if (st.brown_latency + st.dep_latency[0] + s_.app_tiers[ti].service_ms > 2000)
        return Regime::fail;
    if (st.brown > 0) {
        fail_share = st.brown;
        return fail_share >= 1.0 ? Regime::fail : Regime::random;
    }
    return Regime::pass;
}

void Engine::refresh_probes(Ms t) {
    for (std::size_t i = 0; i < tiers_.size(); ++i)
        tier_status(t, static_cast<int>(i), tiers_[i]);
    status_dirty_ = true; // the statuses above do not carry demand and shedding
    for (std::size_t m = 0; m < monitors_.size(); ++m) {
        Monitor &mon = monitors_[m];
        for (std::size_t c = 0; c < mon.checkers.size(); ++c) {
            Checker &chk = mon.checkers[c];
            double share = 0;
            const Regime reg = probe_regime(mon, chk, share);
            if (reg == chk.regime && share == chk.fail_share)
                continue;
            chk.regime = reg;
            chk.fail_share = share;
            ++chk.gen;
            chk.contrary = 0;
            const Ms first = next_probe(chk, mon.interval, t);
            const int monitor = static_cast<int>(m), checker = static_cast<int>(c);
            if (reg == Regime::random)
                schedule(first, ev::Probe{monitor, checker, chk.gen});
            else if ((reg == Regime::pass) != chk.healthy)
                schedule(first + (mon.threshold - 1) * mon.interval,
                         ev::CheckerFlip{monitor, checker, chk.gen});
        }
    }
}

void Engine::checker_flip(Ms t, int m, int c, std::uint32_t gen) {
    Monitor &mon = monitors_[static_cast<std::size_t>(m)];
    Checker &chk = mon.checkers[static_cast<std::size_t>(c)];
    if (gen != chk.gen)
        return;
    chk.healthy = chk.regime == Regime::pass;
    chk.contrary = 0;
    checker_changed(t, m);
}

void Engine::probe(Ms t, int m, int c, std::uint32_t gen) {
    Monitor &mon = monitors_[static_cast<std::size_t>(m)];
    Checker &chk = mon.checkers[static_cast<std::size_t>(c)];
    if (gen != chk.gen)
        return;
    const bool passed = rng_.unit() >= chk.fail_share;
    if (passed != chk.healthy) {
        if (++chk.contrary >= mon.threshold) {
            chk.healthy = passed;
            chk.contrary = 0;
            checker_changed(t, m);
        }
    } else {
        chk.contrary = 0;
    }
    schedule(t + mon.interval, ev::Probe{m, c, gen});
}

void Engine::checker_changed(Ms t, int m) {
    Monitor &mon = monitors_[static_cast<std::size_t>(m)];
    const int total = static_cast<int>(mon.checkers.size());
    int failing = 0;
    for (const auto &c : mon.checkers)
        failing += !c.healthy;
    if (mon.failing == 0 && failing > 0)
        emit(t, EventKind::health_check_failed, mon.id,
             {{"failing", std::int64_t{failing}}, {"checkers", std::int64_t{total}}});
    if (mon.failing > 0 && failing == 0)
        emit(t, EventKind::health_check_recovered, mon.id, {{"checkers", std::int64_t{total}}});
    mon.failing = failing;
    const bool verdict = aggregate_healthy(total - failing, total);
    if (verdict == mon.healthy)
        return;
    mon.healthy = verdict;
    emit(t, verdict ? EventKind::endpoint_healthy : EventKind::endpoint_unhealthy, mon.id,
         {{"healthy_checkers", std::int64_t{total - failing}},
          {"checkers", std::int64_t{total}},
          {"target", s_.app_tiers[static_cast<std::size_t>(mon.tier)].id}});
    milestone(t, Chain::route, Stage::detection);
    if (mon.accelerator >= 0) {
        mon.effective = verdict;
        refresh_answers(t, true);
        return;
    }
    // The delay between a verdict and the DNS answers is undocumented; bounded by the 60 s
    // propagation figure (FACTS.md section 1).
    const Ms delay =
        rng_.between(s_.settings.verdict_delay_min_ms, s_.settings.verdict_delay_max_ms);
    schedule(t + delay, ev::VerdictEffective{m, verdict, ++mon.effective_gen});
}

// Evaluate Target Health follows the tier's load balancer. Its own target health check marks
// a target unhealthy after interval x unhealthy threshold and healthy after interval x healthy
// threshold (documented, FACTS.md section 1); Route 53 then reads that status after a modelled
// delay. A region lost whole takes the load balancer with it: a separate modelled delay.
void Engine::refresh_target_health(Ms t) {
    for (std::size_t i = 0; i < s_.app_tiers.size(); ++i) {
        const bool target = tier_serving(static_cast<int>(i));
        if (target == eth_target_[i])
            continue;
        eth_target_[i] = target;
        if (target == eth_healthy_[i]) {
            ++eth_gen_[i]; // back before anyone noticed: nothing changes
            continue;
        }
        const AppTier &a = s_.app_tiers[i];
        const int tier = static_cast<int>(i);
        if (!target && !region_up(tier_region_[i])) {
            schedule(t + s_.settings.lb_region_loss_ms,
                     ev::EthUpdate{tier, false, ev::EthSource::region_lost, ++eth_gen_[i]});
            continue;
        }
        const int checks = target ? a.lb_healthy_threshold : a.lb_unhealthy_threshold;
        schedule(t + a.lb_interval_ms * checks, ev::LbVerdict{tier, target, checks, ++eth_gen_[i]});
    }
}

void Engine::lb_verdict(Ms t, int tier, bool healthy, int checks, std::uint32_t gen) {
    const auto ti = static_cast<std::size_t>(tier);
    if (gen != eth_gen_[ti])
        return;
    if (eth_watched_[ti]) {
        emit(t, EventKind::load_balancer_health_changed, s_.app_tiers[ti].id,
             {{"healthy", std::int64_t{healthy}},
              {"checks", std::int64_t{checks}},
              {"interval_ms", s_.app_tiers[ti].lb_interval_ms}});
        milestone(t, Chain::route, Stage::detection);
    }
    schedule(t + s_.settings.eth_read_delay_ms,
             ev::EthUpdate{tier, healthy, ev::EthSource::load_balancer, gen});
}

} // namespace model::engine
