// Health checking: checker fleets, their consecutive-failure counts, the 18 % aggregation rule,
// and the load balancer health that Evaluate Target Health reads.
#include "engine_health.h"

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

Health::Health(Kernel &kernel, const Faults &faults, const Tiers &tiers)
    : k_(kernel), s_(kernel.scenario), topo_(kernel.topology), faults_(faults), tiers_(tiers) {
    build();
}

void Health::build() {
    const auto add = [&](Monitor m, int checkers, const std::vector<std::string> &regions) {
        Random r = k_.rng.fork(0x6865616c74680000ULL + monitors_.size());
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
        m.tier = topo_.tier_index(h.target);
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
                m.tier = topo_.tier_index(e.target);
                m.interval = acc.interval_ms;
                m.threshold = acc.threshold;
                m.accelerator = static_cast<int>(a);
                const auto tier = static_cast<std::size_t>(m.tier); // read before the move
                accel_monitor_[a][tier] = add(std::move(m), 15, {});
            }
    }
    eth_watched_.assign(s_.app_tiers.size(), false);
    for (const auto &n : s_.dns)
        for (const auto &rec : n.records)
            if (rec.alias && rec.evaluate_target_health && topo_.tier_index(rec.target) >= 0)
                eth_watched_[static_cast<std::size_t>(topo_.tier_index(rec.target))] = true;
    eth_healthy_.assign(s_.app_tiers.size(), true);
    eth_target_.assign(s_.app_tiers.size(), true);
    eth_gen_.assign(s_.app_tiers.size(), 0);
}

Regime Health::probe_regime(const Monitor &mon, const Checker &chk, double &fail_share) const {
    fail_share = 0;
    const auto ti = static_cast<std::size_t>(mon.tier);
    const int r = topo_.tier_region(mon.tier);
    if (!faults_.checkers_reach(r, chk.location) || !tiers_.serving(mon.tier))
        return Regime::fail;
    if (!mon.deep)
        return Regime::pass; // a shallow /health answers whenever the process runs
    const TierStatus &st = tiers_.status(mon.tier);
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

// The tiers' statuses are up to date (the engine refreshed them first).
void Health::refresh_probes(Ms t) {
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
                k_.schedule(first, ev::Probe{monitor, checker, chk.gen});
            else if ((reg == Regime::pass) != chk.healthy)
                k_.schedule(first + (mon.threshold - 1) * mon.interval,
                            ev::CheckerFlip{monitor, checker, chk.gen});
        }
    }
}

VerdictMove Health::handle(Ms t, const ev::CheckerFlip &e) {
    Monitor &mon = monitors_[static_cast<std::size_t>(e.monitor)];
    Checker &chk = mon.checkers[static_cast<std::size_t>(e.checker)];
    if (e.gen != chk.gen)
        return VerdictMove::superseded;
    chk.healthy = chk.regime == Regime::pass;
    chk.contrary = 0;
    return checker_changed(t, e.monitor);
}

VerdictMove Health::handle(Ms t, const ev::Probe &e) {
    Monitor &mon = monitors_[static_cast<std::size_t>(e.monitor)];
    Checker &chk = mon.checkers[static_cast<std::size_t>(e.checker)];
    if (e.gen != chk.gen)
        return VerdictMove::superseded;
    const bool passed = k_.rng.unit() >= chk.fail_share;
    if (passed == chk.healthy) {
        chk.contrary = 0;
        return VerdictMove::none;
    }
    if (++chk.contrary < mon.threshold)
        return VerdictMove::none;
    chk.healthy = passed;
    chk.contrary = 0;
    return checker_changed(t, e.monitor);
}

void Health::probe_again(Ms t, const ev::Probe &e) {
    k_.schedule(t + monitors_[static_cast<std::size_t>(e.monitor)].interval, e);
}

VerdictMove Health::checker_changed(Ms t, int m) {
    Monitor &mon = monitors_[static_cast<std::size_t>(m)];
    const int total = static_cast<int>(mon.checkers.size());
    int failing = 0;
    for (const auto &c : mon.checkers)
        failing += !c.healthy;
    if (mon.failing == 0 && failing > 0)
        k_.emit(t, EventKind::health_check_failed, mon.id,
                {{"failing", std::int64_t{failing}}, {"checkers", std::int64_t{total}}});
    if (mon.failing > 0 && failing == 0)
        k_.emit(t, EventKind::health_check_recovered, mon.id, {{"checkers", std::int64_t{total}}});
    mon.failing = failing;
    const bool verdict = aggregate_healthy(total - failing, total);
    if (verdict == mon.healthy)
        return VerdictMove::none;
    mon.healthy = verdict;
    k_.emit(t, verdict ? EventKind::endpoint_healthy : EventKind::endpoint_unhealthy, mon.id,
            {{"healthy_checkers", std::int64_t{total - failing}},
             {"checkers", std::int64_t{total}},
             {"target", s_.app_tiers[static_cast<std::size_t>(mon.tier)].id}});
    k_.milestone(t, Chain::route, Stage::detection);
    if (mon.accelerator >= 0) {
        mon.effective = verdict;
        return VerdictMove::in_force;
    }
    // The delay between a verdict and the DNS answers is undocumented; bounded by the 60 s
    // propagation figure (FACTS.md section 1).
    const Ms delay =
        k_.rng.between(s_.settings.verdict_delay_min_ms, s_.settings.verdict_delay_max_ms);
    k_.schedule(t + delay, ev::VerdictEffective{m, verdict, ++mon.effective_gen});
    return VerdictMove::scheduled;
}

// Evaluate Target Health follows the tier's load balancer. Its own target health check marks
// a target unhealthy after interval x unhealthy threshold and healthy after interval x healthy
// threshold (documented, FACTS.md section 1); Route 53 then reads that status after a modelled
// delay. A region lost whole takes the load balancer with it: a separate modelled delay.
void Health::refresh_target_health(Ms t) {
    for (std::size_t i = 0; i < s_.app_tiers.size(); ++i) {
        const bool target = tiers_.serving(static_cast<int>(i));
        if (target == eth_target_[i])
            continue;
        eth_target_[i] = target;
        if (target == eth_healthy_[i]) {
            ++eth_gen_[i]; // back before anyone noticed: nothing changes
            continue;
        }
        const AppTier &a = s_.app_tiers[i];
        const int tier = static_cast<int>(i);
        if (!target && !faults_.region_up(topo_.tier_region(tier))) {
            k_.schedule(t + s_.settings.lb_region_loss_ms,
                        ev::EthUpdate{tier, false, ev::EthSource::region_lost, ++eth_gen_[i]});
            continue;
        }
        const int checks = target ? a.lb_healthy_threshold : a.lb_unhealthy_threshold;
        k_.schedule(t + a.lb_interval_ms * checks,
                    ev::LbVerdict{tier, target, checks, ++eth_gen_[i]});
    }
}

void Health::handle(Ms t, const ev::LbVerdict &e) {
    const auto ti = static_cast<std::size_t>(e.tier);
    if (e.gen != eth_gen_[ti])
        return;
    if (eth_watched_[ti]) {
        k_.emit(t, EventKind::load_balancer_health_changed, s_.app_tiers[ti].id,
                {{"healthy", std::int64_t{e.healthy}},
                 {"checks", std::int64_t{e.checks}},
                 {"interval_ms", s_.app_tiers[ti].lb_interval_ms}});
        k_.milestone(t, Chain::route, Stage::detection);
    }
    k_.schedule(t + s_.settings.eth_read_delay_ms,
                ev::EthUpdate{e.tier, e.healthy, ev::EthSource::load_balancer, e.gen});
}

bool Health::handle(const ev::VerdictEffective &e) {
    Monitor &m = monitors_[static_cast<std::size_t>(e.monitor)];
    if (e.gen != m.effective_gen)
        return false;
    m.effective = e.healthy;
    return true;
}

bool Health::handle(Ms t, const ev::EthUpdate &e) {
    const auto tier = static_cast<std::size_t>(e.tier);
    if (e.gen != eth_gen_[tier])
        return false;
    eth_healthy_[tier] = e.healthy;
    if (eth_watched_[tier]) {
        k_.emit(t, EventKind::target_health_changed, s_.app_tiers[tier].id,
                {{"healthy", std::int64_t{e.healthy}}});
        // Route 53 reading the load balancer's verdict is propagation; a region lost whole,
        // load balancer and all, is detected here.
        k_.milestone(t, Chain::route,
                     e.source == ev::EthSource::load_balancer ? Stage::propagation
                                                              : Stage::detection);
    }
    return true;
}

} // namespace model::engine
