#include "report_rto.h"

#include <algorithm>

namespace model {
namespace {

// The RTO taken apart along the critical path: of the chains recovery waited on (traffic
// routing, the database writer), the one that finished last is followed stage by stage; a
// capacity warm-up after it adds its own part; what is left is `other`.
Breakdown take_apart(const std::vector<Milestone> &ms, Ms t_fault, Ms t_restored, Op op,
                     int population) {
    Breakdown b;
    const auto in_window = [&](const Milestone &m) {
        return m.t_ms > t_fault && m.t_ms <= t_restored &&
               (m.chain != Chain::route || m.population < 0 || population < 0 ||
                m.population == population);
    };
    Ms last_route = -1, last_writer = -1;
    for (const auto &m : ms) {
        if (!in_window(m))
            continue;
        if (m.chain == Chain::route)
            last_route = std::max(last_route, m.t_ms);
        if (m.chain == Chain::writer)
            last_writer = std::max(last_writer, m.t_ms);
    }
    const Chain critical =
        op == Op::writes && last_writer > last_route ? Chain::writer : Chain::route;
    Ms prev = t_fault;
    const auto add = [&](Stage stage, Ms part) {
        switch (stage) {
        case Stage::detection:
            b.detection += part;
            break;
        case Stage::propagation:
            b.propagation += part;
            break;
        case Stage::client_cache:
            b.client_cache += part;
            break;
        case Stage::promotion:
            b.promotion += part;
            break;
        case Stage::warmup:
            b.warmup += part;
            break;
        }
    };
    for (const auto &m : ms) {
        if (!in_window(m) || m.chain != critical || m.t_ms <= prev)
            continue;
        add(m.stage, m.t_ms - prev);
        prev = m.t_ms;
    }
    // Capacity still warming up after the critical chain was done kept the service down too.
    for (const auto &m : ms)
        if (in_window(m) && m.chain == Chain::capacity && m.t_ms > prev) {
            add(Stage::warmup, m.t_ms - prev);
            prev = m.t_ms;
        }
    b.other = t_restored - prev;
    return b;
}

} // namespace

// Request-weighted recovery: t_r is the start of the first step from which every step until
// the window's end succeeds at >= 99 %, for at least 60 s.
const char *to_string(RtoStatus status) {
    switch (status) {
    case RtoStatus::ok:
        return "ok";
    case RtoStatus::not_recovered:
        return "not_recovered";
    case RtoStatus::not_applicable:
        return "not_applicable";
    case RtoStatus::baseline_below_threshold:
        return "baseline_below_threshold";
    }
    return "not_applicable";
}

Rto measure_rto(const StepCounts &c, Ms step, Ms t_fault, Ms window_end) {
    Rto out;
    const auto steps = static_cast<std::int64_t>(c.ok.size());
    const std::int64_t k0 = t_fault / step;
    const std::int64_t kend = std::min<std::int64_t>(steps, (window_end + step - 1) / step);
    std::int64_t total = 0;
    for (std::int64_t k = k0; k < kend; ++k)
        total += c.ok[static_cast<std::size_t>(k)] + c.failed[static_cast<std::size_t>(k)];
    if (total == 0 || k0 >= kend) {
        out.status = RtoStatus::not_applicable;
        return out;
    }
    // The minute before the fault must itself have been healthy.
    std::int64_t ok_before = 0, all_before = 0;
    for (std::int64_t k = std::max<std::int64_t>(0, k0 - kRecoveredHold / step); k < k0; ++k) {
        ok_before += c.ok[static_cast<std::size_t>(k)];
        all_before += c.ok[static_cast<std::size_t>(k)] + c.failed[static_cast<std::size_t>(k)];
    }
    if (all_before > 0 && ok_before * 100 < all_before * 99) {
        out.status = RtoStatus::baseline_below_threshold;
        return out;
    }
    std::int64_t last_bad = k0 - 1;
    for (std::int64_t k = k0; k < kend; ++k) {
        const auto ok = c.ok[static_cast<std::size_t>(k)];
        const auto all = ok + c.failed[static_cast<std::size_t>(k)];
        if (all > 0 && ok * 100 < all * 99)
            last_bad = k;
    }
    const std::int64_t kr = last_bad + 1;
    if ((kend - kr) * step < kRecoveredHold) {
        out.status = RtoStatus::not_recovered;
        return out;
    }
    out.status = RtoStatus::ok;
    out.restored_at_ms = std::max<Ms>(t_fault, kr * step);
    out.ms = *out.restored_at_ms - t_fault;
    return out;
}

Rto recovery(const StepCounts &c, const Run &run, Ms t_fault, Ms window_end, Op op,
             int population) {
    Rto rto = measure_rto(c, run.step_ms, t_fault, window_end);
    if (!rto.ms)
        return rto;
    if (*rto.ms == 0) { // no step was below the threshold
        rto.breakdown = take_apart(run.milestones, t_fault, t_fault, op, population);
        return rto;
    }
    // The counts place the recovery at a step boundary. A milestone of a chain recovery waits on
    // that falls inside the first good step is the instant service really came back: take it,
    // so the RTO and its parts do not depend on where the step boundaries fall.
    Ms restored = *rto.restored_at_ms;
    for (const auto &m : run.milestones) {
        const bool relevant = m.chain == Chain::route || m.chain == Chain::capacity ||
                              (op == Op::writes && m.chain == Chain::writer);
        const bool ours = m.chain != Chain::route || m.population < 0 || population < 0 ||
                          m.population == population;
        if (relevant && ours && m.t_ms > restored && m.t_ms < *rto.restored_at_ms + run.step_ms)
            restored = m.t_ms;
    }
    rto.restored_at_ms = restored;
    rto.ms = restored - t_fault;
    rto.breakdown = take_apart(run.milestones, t_fault, restored, op, population);
    return rto;
}

} // namespace model
