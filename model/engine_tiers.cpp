// The app tiers' status: capacity, dependencies, brownouts, and a warm standby's scaling.
#include "engine_tiers.h"

#include <algorithm>
#include <cmath>

namespace model::engine {

Tiers::Tiers(Kernel &kernel, const Faults &faults, const Data &data)
    : k_(kernel), s_(kernel.scenario), topo_(kernel.topology), faults_(faults), data_(data),
      status_(s_.app_tiers.size()), scaling_(s_.app_tiers.size(), false),
      scaled_(s_.app_tiers.size(), false) {}

void Tiers::refresh(Ms t) {
    for (std::size_t i = 0; i < status_.size(); ++i)
        compute(t, static_cast<int>(i), status_[i]);
}

bool Tiers::serving(int tier) const {
    const AppTier &a = s_.app_tiers[static_cast<std::size_t>(tier)];
    const int r = topo_.tier_region(tier);
    if (!faults_.region_up(r))
        return false;
    if (faults_.azs_up(r) == 0 || a.capacity_rps == 0)
        return false;
    const auto ti = static_cast<std::size_t>(tier);
    return a.standby == Standby::hot || scaled_[ti] || a.warm_fraction > 0;
}

void Tiers::scale_for(Ms t, int tier, double demand) {
    const auto ti = static_cast<std::size_t>(tier);
    const AppTier &a = s_.app_tiers[ti];
    const TierStatus &st = status_[ti];
    if (a.standby == Standby::warm && !scaled_[ti] && !scaling_[ti] && st.region_up &&
        demand > st.capacity) {
        scaling_[ti] = true;
        k_.emit(t, EventKind::capacity_scaling_started, a.id,
                {{"from_rps", std::int64_t{std::llround(st.capacity)}},
                 {"to_rps", std::int64_t{a.capacity_rps}},
                 {"scale_up_ms", a.scale_up_ms}});
        k_.schedule(t + a.scale_up_ms, ev::ScaleReady{tier});
    }
}

void Tiers::handle(Ms t, const ev::ScaleReady &e) {
    const auto ti = static_cast<std::size_t>(e.tier);
    scaling_[ti] = false;
    scaled_[ti] = true;
    k_.emit(t, EventKind::capacity_ready, s_.app_tiers[ti].id,
            {{"capacity_rps", std::int64_t{s_.app_tiers[ti].capacity_rps}}});
    k_.milestone(t, Chain::capacity, Stage::warmup);
    k_.invalidate();
}

void Tiers::compute(Ms t, int tier, TierStatus &st) const {
    const auto ti = static_cast<std::size_t>(tier);
    const AppTier &a = s_.app_tiers[ti];
    const int r = topo_.tier_region(tier);
    st.region_up = faults_.region_up(r);
    const int up = faults_.azs_up(r);
    double cap = st.region_up ? a.capacity_rps * static_cast<double>(up) /
                                    static_cast<double>(faults_.azs(r))
                              : 0.0;
    if (a.standby == Standby::warm && !scaled_[ti])
        cap *= a.warm_fraction;
    st.capacity = cap;
    st.dep_fail[0] = st.dep_fail[1] = -1;
    st.dep_latency[0] = st.dep_latency[1] = 0;
    double keep = 1.0;
    Ms brown_ms = 0;
    for (int f : faults_.brownouts(ti)) {
        keep *= 1.0 - s_.faults[static_cast<std::size_t>(f)].error_share;
        brown_ms += s_.faults[static_cast<std::size_t>(f)].extra_latency_ms;
    }
    const auto fail_both = [&](FailReason why) {
        for (int op = 0; op < 2; ++op)
            if (st.dep_fail[op] < 0)
                st.dep_fail[op] = static_cast<int>(why);
    };
    for (int sidx : topo_.tier_stores(tier)) {
        Ms best = -1;
        for (int cr : topo_.store_copies(sidx)) {
            if (!faults_.region_up(cr) || !faults_.regions_connected(r, cr))
                continue;
            const Ms l = cr == r ? 0 : topo_.rtt(r, cr);
            if (best < 0 || l < best)
                best = l;
        }
        if (best < 0)
            fail_both(FailReason::dependency);
        else
            for (auto &l : st.dep_latency)
                l += best;
        for (int f : faults_.brownouts(s_.app_tiers.size() + static_cast<std::size_t>(sidx))) {
            keep *= 1.0 - s_.faults[static_cast<std::size_t>(f)].error_share;
            brown_ms += s_.faults[static_cast<std::size_t>(f)].extra_latency_ms;
        }
    }
    for (int d : topo_.tier_dbs(tier)) {
        const DbState &db = data_.db(d);
        const Database &spec = s_.databases[static_cast<std::size_t>(d)];
        // Reads: a local instance if one is up, else whatever the writer endpoint names.
        const int ri = data_.read_instance(d, tier);
        // No instance to read from fails reads; so does an in-region Multi-AZ failover, which
        // changes the endpoint's address: connections to the writer drop, reads included, until
        // it is done (FACTS.md section 7).
        if (ri < 0 || (ri == db.writer && db.az_failover_until > t)) {
            if (st.dep_fail[0] < 0)
                st.dep_fail[0] = static_cast<int>(FailReason::dependency);
        } else {
            const int ir = db.inst[static_cast<std::size_t>(ri)].region;
            st.dep_latency[0] += topo_.rtt(r, ir);
        }
        // Writes: through the cached writer endpoint (a consensus database forwards every write
        // to its leader, whichever node the app reaches).
        const int wi = db.consensus ? db.writer : db.tier_endpoint[ti];
        const DbInstance &w = db.inst[static_cast<std::size_t>(wi)];
        if (st.dep_fail[1] >= 0)
            continue;
        if (!data_.instance_up(d, wi) || !faults_.regions_connected(r, w.region) ||
            (wi == db.writer && db.az_failover_until > t)) {
            st.dep_fail[1] = static_cast<int>(FailReason::dependency);
            continue;
        }
        const bool fenced = (w.stale_writer && spec.fencing != Fencing::none) || w.lease_lost;
        if ((!w.writer && !w.stale_writer) || fenced || (db.paused && wi == db.writer)) {
            st.dep_fail[1] = static_cast<int>(FailReason::write_refused);
            continue;
        }
        Ms write_ms = topo_.rtt(r, w.region);
        if (db.consensus) {
            Ms commit = 0;
            if (!data_.has_quorum(d, wi, &commit))
                st.dep_fail[1] = static_cast<int>(FailReason::dependency);
            write_ms += commit;
        } else if (w.writer && !db.multi) {
            for (std::size_t i = 0; i < db.inst.size(); ++i) {
                const DbInstance &peer = db.inst[i];
                if (static_cast<int>(i) == wi || peer.standalone || peer.mode != Replication::sync)
                    continue;
                const bool ok = data_.instance_up(d, static_cast<int>(i)) && !peer.link_broken &&
                                faults_.regions_connected(w.region, peer.region);
                if (ok) {
                    write_ms = std::max(write_ms,
                                        topo_.rtt(r, w.region) + topo_.rtt(w.region, peer.region));
                } else if (spec.sync_unreachable == SyncUnreachable::block ||
                           peer.sync_broken_since < 0 ||
                           t - peer.sync_broken_since < spec.sync_timeout_ms) {
                    st.dep_fail[1] = static_cast<int>(FailReason::dependency);
                }
            }
        }
        st.dep_latency[1] += write_ms;
    }
    st.brown = 1.0 - keep;
    st.brown_latency = brown_ms;
}

} // namespace model::engine
