// Request traffic: what each population's requests meet at the region their answer names,
// integrated as rates between events and counted in whole numbers per sample step.
#include "engine_flows.h"

#include <algorithm>
#include <cmath>

namespace model::engine {
namespace {

double power(double x, int n) {
    double r = 1;
    for (int i = 0; i < n; ++i)
        r *= x;
    return r;
}

// The share of a tier's attempts that fail, shed for want of capacity or failed by a brownout.
double attempt_failure(const TierStatus &st, const TierLoad &load) {
    return 1.0 - (1.0 - st.brown) * (1.0 - load.shed);
}

// Attempts a client makes per request when each attempt fails with probability f and it retries
// up to `retries` times: 1 + f + ... + f^retries.
double attempts_per_request(double f, int retries) {
    double sum = 0, term = 1;
    for (int k = 0; k <= retries; ++k) {
        sum += term;
        term *= f;
    }
    return sum;
}

} // namespace

Flows::Flows(Kernel &kernel, const Faults &faults, Tiers &tiers, const Routing &routing, Data &data)
    : k_(kernel), s_(kernel.scenario), topo_(kernel.topology), faults_(faults), tiers_(tiers),
      routing_(routing), data_(data), loads_(s_.app_tiers.size()) {
    slots_ = static_cast<int>(s_.app_tiers.size()) + 1;
    const std::size_t cells =
        s_.populations.size() * static_cast<std::size_t>(slots_) * 2 * kOutcomes;
    rate_.assign(cells, 0);
    acc_.assign(cells, 0);
    cum_.assign(cells, 0);
    is_active_.assign(cells, 0);
    latency_.assign(cells / kOutcomes, 0);
    served_.assign(cells / kOutcomes, 0);
    writes_pending_.assign(cells / kOutcomes, 0);
    written_.assign(cells / kOutcomes, 0);
    segment_writes_.assign(s_.app_tiers.size(), 0);
    segment_exact_.assign(s_.app_tiers.size(), 0.0);
    segment_writing_.assign(s_.app_tiers.size(), 0);
    latency_order_.assign(s_.populations.size(), {});
}

// Retries make a tier's offered load depend on how many attempts fail, and what it sheds depends
// on that load. The attempts it accepts, offered x (1 - shed), fall as the shed share grows, so a
// bisection finds the share at which they equal the capacity. The requests it serves are then
// at most its capacity, whatever the clients' retry counts: each retry of a shed or failed
// request is one more attempt offered.
void Flows::settle_load(int tier) {
    const TierStatus &st = tiers_.status(tier);
    TierLoad &load = loads_[static_cast<std::size_t>(tier)];
    const auto offered = [&](double shed) {
        const double f = 1.0 - (1.0 - st.brown) * (1.0 - shed);
        double sum = 0;
        for (std::size_t p = 0; p < routing_.populations(); ++p) {
            const double share = routing_.population(p).share[static_cast<std::size_t>(tier)];
            if (share > 0)
                sum += s_.populations[p].rps * share *
                       attempts_per_request(f, s_.populations[p].retries);
        }
        return sum;
    };
    load.shed = 0;
    load.demand = offered(0.0);
    if (load.demand <= st.capacity || load.demand <= 0)
        return;
    if (st.capacity <= 0) {
        load.shed = 1;
        load.demand = offered(1.0);
        return;
    }
    double lo = 0, hi = 1;
    for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (lo + hi);
        (offered(mid) * (1.0 - mid) > st.capacity ? lo : hi) = mid;
    }
    load.shed = hi; // the side on which the tier accepts no more than its capacity
    load.demand = offered(hi);
}

void Flows::flush_write_latencies() {
    const auto slots = static_cast<std::size_t>(slots_);
    for (std::size_t cell = 0; cell < writes_pending_.size(); ++cell) {
        const std::int64_t n = writes_pending_[cell];
        if (n == 0)
            continue;
        writes_pending_[cell] = 0;
        const std::size_t p = cell / 2 / slots;
        for (int j = 0; j < 4; ++j)
            k_.out.populations[p].write_latency_ms[latency_[cell] * kJitterFactor[j] / 100] +=
                n * kJitterShare[j];
    }
}

void Flows::compute(Ms t) {
    k_.routes_stale = false;
    flush_write_latencies();
    const std::size_t nt = s_.app_tiers.size();
    // Client moves change only who goes where; the tiers' own state is as it was.
    if (k_.statuses_stale) {
        k_.statuses_stale = false;
        tiers_.refresh(t);
    }
    for (std::size_t i = 0; i < nt; ++i)
        settle_load(static_cast<int>(i));
    for (std::size_t i = 0; i < nt; ++i) {
        const TierStatus &st = tiers_.status(static_cast<int>(i));
        TierLoad &load = loads_[i];
        const double rho = st.capacity > 0 ? std::min(load.demand / st.capacity, 0.95) : 0.0;
        // A queueing term that grows as utilisation nears 1 (M/M/1 shape, capped).
        load.queue_ms =
            Ms{std::llround(static_cast<double>(s_.app_tiers[i].service_ms) * rho / (1.0 - rho))};
        tiers_.scale_for(t, static_cast<int>(i), load.demand);
    }
    std::fill(rate_.begin(), rate_.end(), 0.0);
    const auto slots = static_cast<std::size_t>(slots_);
    for (std::size_t p = 0; p < routing_.populations(); ++p) {
        const Population &pop = s_.populations[p];
        const PopulationState &ps = routing_.population(p);
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
                const TierStatus &st = tiers_.status(static_cast<int>(slot));
                const TierLoad &load = loads_[slot];
                const int r = topo_.tier_region(static_cast<int>(slot));
                if (!st.region_up || !faults_.users_reach(r)) {
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
                const Ms latency = net + s_.app_tiers[slot].service_ms + load.queue_ms +
                                   st.dep_latency[op] + st.brown_latency;
                if (latency > pop.timeout_ms) {
                    out[1 + static_cast<int>(FailReason::timeout)] = rate;
                    continue;
                }
                latency_[cell] = static_cast<std::int32_t>(latency);
                const double fail = power(attempt_failure(st, load), pop.retries + 1);
                out[0] = rate * (1.0 - fail);
                if (fail > 0) {
                    const double brown_part = st.brown / (st.brown + load.shed);
                    out[1 + static_cast<int>(FailReason::brownout)] = rate * fail * brown_part;
                    out[1 + static_cast<int>(FailReason::shed)] = rate * fail * (1.0 - brown_part);
                }
            }
        }
    }
    // The order in which this population's served requests line up by latency.
    for (std::size_t p = 0; p < latency_order_.size(); ++p) {
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

void Flows::integrate(Ms from, Ms to) {
    if (k_.routes_stale)
        compute(from);
    const double seconds = static_cast<double>(to - from) / 1000.0;
    for (int i : active_)
        acc_[static_cast<std::size_t>(i)] += rate_[static_cast<std::size_t>(i)] * seconds;
    record_segment_writes(from, to);
}

void Flows::record_segment_writes(Ms from, Ms to) {
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
        data_.record_tier_writes(static_cast<int>(tier), segment_writes_[tier],
                                 segment_exact_[tier], from, to);
        segment_writes_[tier] = 0;
        segment_exact_[tier] = 0;
        segment_writing_[tier] = 0;
    }
}

void Flows::finish_step(int step) {
    const auto k = static_cast<std::size_t>(step);
    const auto slots = static_cast<std::size_t>(slots_);
    const std::size_t nt = s_.app_tiers.size();
    auto &pop_tier_writes = pop_tier_writes_;
    pop_tier_writes.resize(routing_.populations());
    for (auto &v : pop_tier_writes)
        v.assign(nt, 0);
    for (int idx : active_) {
        const auto i = static_cast<std::size_t>(idx);
        const double before = cum_[i];
        const double after = before + acc_[i];
        acc_[i] = 0;
        cum_[i] = after;
        // One population's requests in one step fit 32 bits (at most 10^6 per second for 60 s);
        // the regions' sums of many populations need 64 (Run::region_requests).
        const std::int64_t n = std::llround(after) - std::llround(before);
        if (n == 0)
            continue;
        const std::size_t outcome = i % kOutcomes;
        const std::size_t cell = i / kOutcomes;
        const std::size_t op = cell % 2;
        const std::size_t slot = (cell / 2) % slots;
        const std::size_t p = cell / 2 / slots;
        PopulationSteps &ps = k_.out.population_steps[p];
        const auto n32 = static_cast<std::int32_t>(n);
        ps.tier_requests[slot][k] += n32;
        if (outcome != 0)
            ps.tier_failed[slot][k] += n32;
        if (outcome == 0)
            (op == 0 ? ps.reads_ok : ps.writes_ok)[k] += n32;
        else {
            (op == 0 ? ps.reads_failed : ps.writes_failed)[k] += n32;
            k_.out.populations[p].reasons[outcome - 1] += n;
        }
        if (slot < nt) {
            const auto r = static_cast<std::size_t>(topo_.tier_region(static_cast<int>(slot)));
            if (outcome == 0 || outcome - 1 != static_cast<std::size_t>(FailReason::unreachable))
                k_.out.region_requests[r][k] += n;
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
    for (std::size_t p = 0; p < latency_order_.size(); ++p) {
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
        k_.out.population_steps[p].p50_ms[k] = p50;
        k_.out.population_steps[p].p99_ms[k] = p99;
    }
    for (int idx : active_)
        served_[static_cast<std::size_t>(idx) / kOutcomes] = 0;
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
