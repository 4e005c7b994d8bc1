// Request traffic: what each population's requests meet at the region their answer names,
// integrated as rates between events and counted in whole numbers per sample step.
#include "engine.h"

#include <algorithm>
#include <cmath>

namespace model::engine {
namespace {

// The spread of latencies within one flow: share (per cent) and latency factor (per cent).
constexpr int kJitterShare[] = {50, 40, 9, 1};
constexpr int kJitterFactor[] = {100, 115, 140, 200};

double power(double x, int n) {
    double r = 1;
    for (int i = 0; i < n; ++i)
        r *= x;
    return r;
}

// The share of a tier's attempts that fail, shed for want of capacity or failed by a brownout.
double attempt_failure(const TierStatus &st) {
    return 1.0 - (1.0 - st.brown) * (1.0 - st.shed);
}

// Attempts a client makes per request when each attempt fails with probability f and it retries
// up to `retries` times: 1 + f + ... + f^retries.
double attempts_per_request(double f, int retries) {
    double sum = 0, term = 1;
    for (int k = 0; k <= retries; ++k, term *= f)
        sum += term;
    return sum;
}

} // namespace

void Engine::tier_status(Ms t, int tier, TierStatus &st) {
    const auto ti = static_cast<std::size_t>(tier);
    const AppTier &a = s_.app_tiers[ti];
    const int r = tier_region_[ti];
    st.region_up = region_up(r);
    int up = 0;
    const auto &azs = az_down_[static_cast<std::size_t>(r)];
    for (int d : azs)
        up += d == 0;
    double cap = st.region_up ? a.capacity_rps * static_cast<double>(up) / azs.size() : 0.0;
    if (a.standby == Standby::warm && !tier_scaled_[ti])
        cap *= a.warm_fraction;
    st.capacity = cap;
    st.dep_fail[0] = st.dep_fail[1] = -1;
    st.dep_latency[0] = st.dep_latency[1] = 0;
    double keep = 1.0;
    Ms brown_ms = 0;
    for (int f : brownouts_[ti]) {
        keep *= 1.0 - s_.faults[static_cast<std::size_t>(f)].error_share;
        brown_ms += s_.faults[static_cast<std::size_t>(f)].extra_latency_ms;
    }
    const auto fail_both = [&](FailReason why) {
        for (int op = 0; op < 2; ++op)
            if (st.dep_fail[op] < 0)
                st.dep_fail[op] = static_cast<int>(why);
    };
    for (int sidx : tier_stores_[ti]) {
        Ms best = -1;
        for (int cr : store_copies_[static_cast<std::size_t>(sidx)]) {
            if (!region_up(cr) || !regions_connected(r, cr))
                continue;
            const Ms l = cr == r ? 0 : rtt(r, cr);
            if (best < 0 || l < best)
                best = l;
        }
        if (best < 0)
            fail_both(FailReason::dependency);
        else
            for (auto &l : st.dep_latency)
                l += best;
        for (int f : brownouts_[s_.app_tiers.size() + static_cast<std::size_t>(sidx)]) {
            keep *= 1.0 - s_.faults[static_cast<std::size_t>(f)].error_share;
            brown_ms += s_.faults[static_cast<std::size_t>(f)].extra_latency_ms;
        }
    }
    for (int d : tier_dbs_[ti]) {
        const DbState &db = dbs_[static_cast<std::size_t>(d)];
        const Database &spec = s_.databases[static_cast<std::size_t>(d)];
        // Reads: a local instance if one is up, else whatever the writer endpoint names.
        const int ri = read_instance(d, tier);
        // An in-region Multi-AZ failover changes the endpoint's address: connections to the
        // writer drop, reads included, until it is done (FACTS.md section 7).
        if (ri >= 0 && ri == db.writer && db.az_failover_until > t) {
            if (st.dep_fail[0] < 0)
                st.dep_fail[0] = static_cast<int>(FailReason::dependency);
        } else if (ri < 0) {
            if (st.dep_fail[0] < 0)
                st.dep_fail[0] = static_cast<int>(FailReason::dependency);
        } else {
            const int ir = db.inst[static_cast<std::size_t>(ri)].region;
            st.dep_latency[0] += rtt(r, ir);
        }
        // Writes: through the cached writer endpoint (a consensus database forwards every write
        // to its leader, whichever node the app reaches).
        const int wi = db.consensus ? db.writer : db.tier_endpoint[ti];
        const DbInstance &w = db.inst[static_cast<std::size_t>(wi)];
        if (st.dep_fail[1] >= 0)
            continue;
        if (!instance_up(d, wi) || !regions_connected(r, w.region) ||
            (wi == db.writer && db.az_failover_until > t)) {
            st.dep_fail[1] = static_cast<int>(FailReason::dependency);
            continue;
        }
        const bool fenced = (w.stale_writer && spec.fencing != Fencing::none) || w.lease_lost;
        if ((!w.writer && !w.stale_writer) || fenced || (db.paused && wi == db.writer)) {
            st.dep_fail[1] = static_cast<int>(FailReason::write_refused);
            continue;
        }
        Ms write_ms = rtt(r, w.region);
        if (db.consensus) {
            Ms commit = 0;
            if (!has_quorum(d, wi, &commit))
                st.dep_fail[1] = static_cast<int>(FailReason::dependency);
            write_ms += commit;
        } else if (w.writer && !db.multi) {
            for (std::size_t i = 0; i < db.inst.size(); ++i) {
                const DbInstance &peer = db.inst[i];
                if (static_cast<int>(i) == wi || peer.standalone || peer.mode != Replication::sync)
                    continue;
                const bool ok = instance_up(d, static_cast<int>(i)) && !peer.link_broken &&
                                regions_connected(w.region, peer.region);
                if (ok) {
                    write_ms = std::max(write_ms, rtt(r, w.region) + rtt(w.region, peer.region));
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

// Retries make a tier's offered load depend on how many attempts fail, and what it sheds depends
// on that load. The attempts it accepts, offered x (1 - shed), fall as the shed share grows, so a
// bisection finds the share at which they equal the capacity. The requests it serves are then
// at most its capacity, whatever the clients' retry counts: each retry of a shed or failed
// request is one more attempt offered.
void Engine::settle_load(int tier) {
    TierStatus &st = tiers_[static_cast<std::size_t>(tier)];
    const auto offered = [&](double shed) {
        const double f = 1.0 - (1.0 - st.brown) * (1.0 - shed);
        double load = 0;
        for (std::size_t p = 0; p < pops_.size(); ++p) {
            const double share = pops_[p].share[static_cast<std::size_t>(tier)];
            if (share > 0)
                load += s_.populations[p].rps * share *
                        attempts_per_request(f, s_.populations[p].retries);
        }
        return load;
    };
    st.shed = 0;
    st.demand = offered(0.0);
    if (st.demand <= st.capacity || st.demand <= 0)
        return;
    if (st.capacity <= 0) {
        st.shed = 1;
        st.demand = offered(1.0);
        return;
    }
    double lo = 0, hi = 1;
    for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (lo + hi);
        (offered(mid) * (1.0 - mid) > st.capacity ? lo : hi) = mid;
    }
    st.shed = hi; // the side on which the tier accepts no more than its capacity
    st.demand = offered(hi);
}

void Engine::flush_write_latencies() {
    const auto slots = static_cast<std::size_t>(slots_);
    for (std::size_t cell = 0; cell < writes_pending_.size(); ++cell) {
        const std::int64_t n = writes_pending_[cell];
        if (n == 0)
            continue;
        writes_pending_[cell] = 0;
        const std::size_t p = cell / 2 / slots;
        for (int j = 0; j < 4; ++j)
            out_.populations[p].write_latency_ms[latency_[cell] * kJitterFactor[j] / 100] +=
                n * kJitterShare[j];
    }
}

void Engine::compute_flows(Ms t) {
    dirty_ = false;
    flush_write_latencies();
    const std::size_t nt = s_.app_tiers.size();
    // Client moves change only who goes where; the tiers' own state is as it was.
    if (status_dirty_) {
        status_dirty_ = false;
        for (std::size_t i = 0; i < nt; ++i)
            tier_status(t, static_cast<int>(i), tiers_[i]);
    }
    for (std::size_t i = 0; i < nt; ++i)
        settle_load(static_cast<int>(i));
    for (std::size_t i = 0; i < nt; ++i) {
        TierStatus &st = tiers_[i];
        const AppTier &a = s_.app_tiers[i];
        const double rho = st.capacity > 0 ? std::min(st.demand / st.capacity, 0.95) : 0.0;
        // A queueing term that grows as utilisation nears 1 (M/M/1 shape, capped).
        st.queue_ms = static_cast<Ms>(static_cast<double>(a.service_ms) * rho / (1.0 - rho) + 0.5);
        if (a.standby == Standby::warm && !tier_scaled_[i] && !tier_scaling_[i] && st.region_up &&
            st.demand > st.capacity) {
            tier_scaling_[i] = true;
            emit(t, EventKind::capacity_scaling_started, a.id,
                 {{"from_rps", static_cast<std::int64_t>(st.capacity + 0.5)},
                  {"to_rps", std::int64_t{a.capacity_rps}},
                  {"scale_up_ms", a.scale_up_ms}});
            schedule(t + a.scale_up_ms, ev::ScaleReady{static_cast<int>(i)});
        }
    }
    std::fill(rate_.begin(), rate_.end(), 0.0);
    const auto slots = static_cast<std::size_t>(slots_);
    for (std::size_t p = 0; p < pops_.size(); ++p) {
        const Population &pop = s_.populations[p];
        const PopulationState &ps = pops_[p];
        for (std::size_t slot = 0; slot < slots; ++slot) {
            const double share = ps.share[slot];
            if (share <= 1e-12)
                continue;
            for (int op = 0; op < 2; ++op) {
                const double rate =
                    pop.rps * share * (op == 0 ? 1.0 - pop.write_share : pop.write_share);
                if (rate <= 0)
                    continue;
                const std::size_t cell = (p * slots + slot) * 2 + static_cast<std::size_t>(op);
                double *out = &rate_[cell * kOutcomes];
                if (slot == nt) {
                    out[1 + static_cast<int>(FailReason::no_answer)] = rate;
                    continue;
                }
                const TierStatus &st = tiers_[slot];
                const int r = tier_region_[slot];
                if (!st.region_up || !users_reach(r)) {
                    out[1 + static_cast<int>(FailReason::unreachable)] = rate;
                    continue;
                }
                if (st.capacity <= 0) {
                    out[1 + static_cast<int>(FailReason::unavailable)] = rate;
                    continue;
                }
                if (st.dep_fail[op] >= 0) {
                    out[1 + st.dep_fail[op]] = rate;
                    continue;
                }
                const Ms net = ps.entry_accelerator >= 0
                                   ? ps.rtt_via_accelerator[static_cast<std::size_t>(r)]
                                   : ps.rtt_to_region[static_cast<std::size_t>(r)];
                const Ms latency = net + s_.app_tiers[slot].service_ms + st.queue_ms +
                                   st.dep_latency[op] + st.brown_latency;
                if (latency > pop.timeout_ms) {
                    out[1 + static_cast<int>(FailReason::timeout)] = rate;
                    continue;
                }
                latency_[cell] = static_cast<std::int32_t>(latency);
                const double fail = power(attempt_failure(st), pop.retries + 1);
                out[0] = rate * (1.0 - fail);
                if (fail > 0) {
                    const double brown_part = st.brown / (st.brown + st.shed);
                    out[1 + static_cast<int>(FailReason::brownout)] = rate * fail * brown_part;
                    out[1 + static_cast<int>(FailReason::shed)] = rate * fail * (1.0 - brown_part);
                }
            }
        }
    }
    // The order in which this population's served requests line up by latency.
    for (std::size_t p = 0; p < pops_.size(); ++p) {
        auto &order = latency_order_[p];
        order.clear();
        for (std::size_t slot = 0; slot < nt; ++slot)
            for (std::size_t op = 0; op < 2; ++op) {
                const std::size_t cell = (p * slots + slot) * 2 + op;
                if (rate_[cell * kOutcomes] <= 0)
                    continue;
                for (int j = 0; j < 4; ++j)
                    order.emplace_back(latency_[cell] * kJitterFactor[j] / 100,
                                       static_cast<int>(cell), j);
            }
        std::sort(order.begin(), order.end());
    }
    for (std::size_t i = 0; i < rate_.size(); ++i)
        if (rate_[i] > 0 && !is_active_[i]) {
            is_active_[i] = 1;
            active_.push_back(static_cast<int>(i));
        }
    std::sort(active_.begin(), active_.end());
}

void Engine::integrate(Ms from, Ms to) {
    if (dirty_)
        compute_flows(from);
    const double seconds = static_cast<double>(to - from) / 1000.0;
    for (int i : active_)
        acc_[static_cast<std::size_t>(i)] += rate_[static_cast<std::size_t>(i)] * seconds;
    record_segment_writes(from, to);
}

void Engine::record_segment_writes(Ms from, Ms to) {
    const auto slots = static_cast<std::size_t>(slots_);
    const std::size_t nt = s_.app_tiers.size();
    bool any = false;
    for (int idx : active_) {
        const auto i = static_cast<std::size_t>(idx);
        const std::size_t cell = i / kOutcomes;
        const std::size_t slot = (cell / 2) % slots;
        if (i % kOutcomes != 0 || cell % 2 != 1 || slot >= nt || rate_[i] <= 0)
            continue;
        // Whole writes so far, rounded the way the step's tallies round them.
        const std::int64_t total = std::llround(cum_[i] + acc_[i]);
        segment_writes_[slot] += total - written_[cell];
        segment_exact_[slot] += rate_[i] * static_cast<double>(to - from) / 1000.0;
        written_[cell] = total;
        segment_writing_[slot] = 1;
        any = true;
    }
    if (!any)
        return;
    for (std::size_t tier = 0; tier < nt; ++tier) {
        if (!segment_writing_[tier])
            continue;
        for (int d : tier_dbs_[tier])
            record_writes(d, dbs_[static_cast<std::size_t>(d)].tier_endpoint[tier],
                          segment_writes_[tier], segment_exact_[tier], from, to);
        segment_writes_[tier] = 0;
        segment_exact_[tier] = 0;
        segment_writing_[tier] = 0;
    }
}

void Engine::finish_step(int step, Ms t_end) {
    const auto k = static_cast<std::size_t>(step);
    const auto slots = static_cast<std::size_t>(slots_);
    const std::size_t nt = s_.app_tiers.size();
    auto &pop_tier_writes = pop_tier_writes_;
    pop_tier_writes.resize(pops_.size());
    for (auto &v : pop_tier_writes)
        v.assign(nt, 0);
    for (int idx : active_) {
        const auto i = static_cast<std::size_t>(idx);
        const double before = cum_[i];
        const double after = before + acc_[i];
        acc_[i] = 0;
        cum_[i] = after;
        const auto n = static_cast<std::int32_t>(std::llround(after) - std::llround(before));
        if (n == 0)
            continue;
        const std::size_t outcome = i % kOutcomes;
        const std::size_t cell = i / kOutcomes;
        const std::size_t op = cell % 2;
        const std::size_t slot = (cell / 2) % slots;
        const std::size_t p = cell / 2 / slots;
        PopulationSteps &ps = out_.population_steps[p];
        ps.tier_requests[slot][k] += n;
        if (outcome != 0)
            ps.tier_failed[slot][k] += n;
        if (outcome == 0)
            (op == 0 ? ps.reads_ok : ps.writes_ok)[k] += n;
        else {
            (op == 0 ? ps.reads_failed : ps.writes_failed)[k] += n;
            out_.populations[p].reasons[outcome - 1] += n;
        }
        if (slot < nt) {
            const auto r = static_cast<std::size_t>(tier_region_[slot]);
            if (outcome == 0 || outcome - 1 != static_cast<std::size_t>(FailReason::unreachable))
                out_.region_requests[r][k] += n;
            if (outcome == 0) {
                served_[cell] += n;
                if (op == 1) {
                    pop_tier_writes[p][slot] += n;
                    writes_pending_[cell] += n;
                }
            }
        }
    }
    // Percentiles of the served requests' latencies, walking the prepared latency order.
    for (std::size_t p = 0; p < pops_.size(); ++p) {
        std::int64_t total = 0;
        for (const auto &[lat, cell, j] : latency_order_[p])
            total += served_[static_cast<std::size_t>(cell)] * kJitterShare[j];
        if (total == 0)
            continue;
        std::int64_t run = 0;
        std::int32_t p50 = -1, p99 = -1;
        for (const auto &[lat, cell, j] : latency_order_[p]) {
            run += served_[static_cast<std::size_t>(cell)] * kJitterShare[j];
            if (p50 < 0 && run * 100 >= total * 50)
                p50 = lat;
            if (p99 < 0 && run * 100 >= total * 99) {
                p99 = lat;
                break;
            }
        }
        out_.population_steps[p].p50_ms[k] = p50;
        out_.population_steps[p].p99_ms[k] = p99;
    }
    for (int idx : active_)
        served_[static_cast<std::size_t>(idx) / kOutcomes] = 0;
    // Conflicts under the lag in force this step; replicas catch up (the writes themselves were
    // recorded segment by segment) and the next step's lags are drawn.
    count_conflicts(t_end, pop_tier_writes);
    catch_up(t_end);
    for (std::size_t d = 0; d < dbs_.size(); ++d)
        replicate(static_cast<int>(d), step);
    std::int64_t lost = 0, conflicts = 0;
    for (const auto &db : dbs_) {
        lost += db.accounts.lost;
        conflicts += db.accounts.conflicts;
    }
    out_.lost_writes_cumulative[k] = lost;
    out_.conflicts_cumulative[k] = conflicts;
    // Forget cells that no longer carry traffic.
    std::size_t keep = 0;
    for (int idx : active_) {
        const auto i = static_cast<std::size_t>(idx);
        if (rate_[i] > 0)
            active_[keep++] = idx;
        else
            is_active_[i] = 0;
    }
    active_.resize(keep);
}

} // namespace model::engine
