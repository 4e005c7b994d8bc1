#include "report_trace.h"

#include <algorithm>
#include <cstdio>

namespace model {

void mark_service_changes(Run &run, const std::vector<FaultFigures> &faults,
                          const std::vector<Ms> &window_ends, const StepCounts &reads,
                          const StepCounts &writes) {
    std::int64_t seq = static_cast<std::int64_t>(run.events.size()) + 1000000;
    for (std::size_t i = 0; i < faults.size(); ++i) {
        const FaultFigures &ff = faults[i];
        for (int op = 0; op < 2; ++op) {
            const Rto &rto = op == 0 ? ff.figures.read : ff.figures.write;
            const StepCounts &c = op == 0 ? reads : writes;
            // The first step after the fault below 99 %.
            const Ms until = rto.restored_at_ms.value_or(window_ends[i]);
            for (auto k = static_cast<std::size_t>(ff.at_ms / run.step_ms);
                 k < c.ok.size() && static_cast<Ms>(k) * run.step_ms < until; ++k) {
                const auto all = c.ok[k] + c.failed[k];
                if (all > 0 && c.ok[k] * 100 < all * 99) {
                    run.events.push_back(
                        Event{std::max<Ms>(ff.at_ms, static_cast<Ms>(k) * run.step_ms),
                              seq++,
                              EventKind::service_degraded,
                              op == 0 ? "reads" : "writes",
                              {{"fault", ff.id}, {"success_pct", c.ok[k] * 100 / all}}});
                    break;
                }
            }
            if (!rto.ms || *rto.ms == 0)
                continue;
            run.events.push_back(Event{*rto.restored_at_ms,
                                       seq++,
                                       EventKind::service_restored,
                                       op == 0 ? "reads" : "writes",
                                       {{"fault", ff.id}, {"rto_ms", *rto.ms}}});
        }
    }
    std::stable_sort(run.events.begin(), run.events.end(), [](const Event &a, const Event &b) {
        return a.t_ms < b.t_ms || (a.t_ms == b.t_ms && a.seq < b.seq);
    });
    std::int64_t renumber = 0;
    for (auto &e : run.events)
        e.seq = renumber++;
}

std::string fingerprint_hex(const Run &run) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fingerprint(run)));
    return hex;
}

std::uint64_t fingerprint(const Run &run) {
    // FNV-1a over 64-bit words (a word at a time, not a byte: the series are long), with a
    // shift-xor after each word so that high bits reach the low ones.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    const auto num = [&](std::int64_t v) {
        h ^= static_cast<std::uint64_t>(v);
        h *= 0x100000001b3ULL;
        h ^= h >> 29;
    };
    const auto str = [&](const std::string &s) {
        num(static_cast<std::int64_t>(s.size()));
        for (unsigned char c : s)
            num(c);
    };
    for (const auto &e : run.events) {
        num(e.t_ms);
        num(e.seq);
        num(static_cast<std::int64_t>(e.kind));
        str(e.subject);
        for (const auto &[k, v] : e.data) {
            str(k);
            if (std::holds_alternative<std::int64_t>(v))
                num(std::get<std::int64_t>(v));
            else
                str(std::get<std::string>(v));
        }
    }
    for (const auto &ps : run.population_steps)
        for (const auto *series : {&ps.reads_ok, &ps.reads_failed, &ps.writes_ok, &ps.writes_failed,
                                   &ps.p50_ms, &ps.p99_ms})
            for (auto v : *series)
                num(v);
    for (const auto &rr : run.region_requests)
        for (auto v : rr)
            num(v);
    for (const auto &l : run.lags)
        for (auto v : l.lag_ms)
            num(v);
    for (auto v : run.lost_writes_cumulative)
        num(v);
    for (auto v : run.conflicts_cumulative)
        num(v);
    // Distributions (absent from older scenarios, whose fingerprints stay as they were).
    for (const auto &c : run.cdn)
        for (const auto *series : {&c.steps.cacheable, &c.steps.hits, &c.steps.misses_primary,
                                   &c.steps.misses_secondary, &c.steps.failovers, &c.steps.failed})
            for (auto v : *series)
                num(v);
    for (const auto &e : run.cdn_edges) {
        num(e.t_ms);
        num(e.edge);
        num(static_cast<std::int64_t>(e.answering));
    }
    return h;
}

} // namespace model
