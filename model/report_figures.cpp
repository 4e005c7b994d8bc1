#include "report_figures.h"

#include "fault.h"

#include <algorithm>

namespace model {

RunCounts count_requests(const Run &run) {
    const auto steps = static_cast<std::size_t>(run.steps);
    const auto zeros = [steps] {
        return StepCounts{std::vector<std::int64_t>(steps), std::vector<std::int64_t>(steps)};
    };
    RunCounts c{zeros(), zeros(), {}, {}};
    for (const auto &ps : run.population_steps) {
        StepCounts pr = zeros(), pw = zeros();
        for (std::size_t k = 0; k < steps; ++k) {
            pr.ok[k] = ps.reads_ok[k];
            pr.failed[k] = ps.reads_failed[k];
            pw.ok[k] = ps.writes_ok[k];
            pw.failed[k] = ps.writes_failed[k];
            c.reads.ok[k] += pr.ok[k];
            c.reads.failed[k] += pr.failed[k];
            c.writes.ok[k] += pw.ok[k];
            c.writes.failed[k] += pw.failed[k];
        }
        c.pop_reads.push_back(std::move(pr));
        c.pop_writes.push_back(std::move(pw));
    }
    return c;
}

Ms window_end_after(const Scenario &s, const Run &run, Ms t) {
    Ms end = run.end_ms;
    for (const auto &f : s.faults)
        if (!is_action(f.kind) && f.at_ms > t)
            end = std::min(end, f.at_ms);
    return end;
}

Figures figures_for(const Scenario &s, const Run &run, const StepCounts &reads,
                    const StepCounts &writes, std::optional<Ms> t_fault, Ms window_start,
                    Ms window_end, int population) {
    Figures f;
    const auto from = static_cast<std::size_t>(window_start / run.step_ms);
    const auto to = std::min(
        reads.ok.size(), static_cast<std::size_t>((window_end + run.step_ms - 1) / run.step_ms));
    std::int64_t ok = 0, all = 0;
    for (std::size_t k = from; k < to; ++k) {
        const std::int64_t step_ok = reads.ok[k] + writes.ok[k];
        const std::int64_t step_all = step_ok + reads.failed[k] + writes.failed[k];
        ok += step_ok;
        all += step_all;
        if (step_all > 0)
            f.downtime_ms += run.step_ms * (step_all - step_ok) / step_all;
    }
    f.requests = all;
    f.failed = all - ok;
    f.availability = all > 0 ? static_cast<double>(ok) / static_cast<double>(all) : 1.0;
    f.error_budget_used = (1.0 - f.availability) / (1.0 - s.settings.slo);
    if (t_fault) {
        f.read = recovery(reads, run, *t_fault, window_end, Op::reads, population);
        f.write = recovery(writes, run, *t_fault, window_end, Op::writes, population);
    }
    return f;
}

// From the first wave of moves in the fault's window that reached 99 % (an answer change that
// was overtaken by a later one never does), or else the last wave in the window.
void moved_times(Figures &f, const std::vector<MoveWave> &waves, Ms t_fault, Ms window_end) {
    const MoveWave *chosen = nullptr;
    for (const auto &w : waves) {
        if (w.started_ms < t_fault || w.started_ms >= window_end || w.cohorts_to_move == 0)
            continue;
        chosen = &w;
        if (w.t99)
            break;
    }
    if (!chosen)
        return;
    const auto later = [&](std::optional<Ms> &into, const std::optional<Ms> &t) {
        if (t)
            into = std::max(into.value_or(0), *t - t_fault);
    };
    later(f.moved50_ms, chosen->t50);
    later(f.moved90_ms, chosen->t90);
    later(f.moved99_ms, chosen->t99);
}

std::optional<std::int32_t> p99_of(const std::map<std::int32_t, std::int64_t> &hist) {
    std::int64_t total = 0;
    for (const auto &[lat, w] : hist)
        total += w;
    if (total == 0)
        return std::nullopt;
    std::int64_t run = 0;
    for (const auto &[lat, w] : hist) {
        run += w;
        if (run * 100 >= total * 99)
            return lat;
    }
    return hist.rbegin()->first;
}

} // namespace model
