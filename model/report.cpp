// Building a report: which fault the summary measures recovery from; the figures for the whole
// run, each population and each fault (report_figures.h); the break-even; and the marks the
// report adds to the trace before it is fingerprinted (report_trace.h).
#include "report.h"

#include "cdn.h"
#include "cost.h"
#include "fault.h"
#include "report_figures.h"
#include "report_trace.h"

#include <algorithm>
#include <map>

namespace model {
namespace {

// The window the summary and population figures measure recovery in: from the summary's
// fault until the next one. Their totals cover the whole run.
struct Recovery {
    std::optional<Ms> fault;
    Ms window_end = 0;
};

std::vector<std::size_t> faults_by_start(const Scenario &s) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < s.faults.size(); ++i)
        order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return s.faults[a].at_ms < s.faults[b].at_ms;
    });
    return order;
}

// The fault the summary measures recovery from: the first that hurt (a fault nobody noticed,
// such as a stream falling behind, would report an RTO of zero); failing that, the first.
// Operator actions are not faults.
std::optional<std::size_t> summary_fault(const Scenario &s, const Run &run, const RunCounts &c,
                                         const std::vector<std::size_t> &order) {
    std::optional<std::size_t> chosen;
    for (std::size_t i : order) {
        const Fault &f = s.faults[i];
        if (is_action(f.kind) || f.at_ms >= run.end_ms)
            continue;
        if (!chosen)
            chosen = i;
        const Ms end = window_end_after(s, run, f.at_ms);
        if (measure_rto(c.reads, run.step_ms, f.at_ms, end).hurt() ||
            measure_rto(c.writes, run.step_ms, f.at_ms, end).hurt())
            return i;
    }
    return chosen;
}

// Figures over the whole run, with the RTOs (and move times) of the recovery window.
Figures run_figures(const Scenario &s, const Run &run, const StepCounts &reads,
                    const StepCounts &writes, const Recovery &rec, int population) {
    Figures f = figures_for(s, run, reads, writes, rec.fault, 0, run.end_ms, population);
    if (rec.fault) {
        const Figures windowed =
            figures_for(s, run, reads, writes, rec.fault, 0, rec.window_end, population);
        f.read = windowed.read;
        f.write = windowed.write;
    }
    return f;
}

Figures summary_figures(const Scenario &s, const Run &run, const RunCounts &c,
                        const Recovery &rec) {
    Figures f = run_figures(s, run, c.reads, c.writes, rec, -1);
    if (rec.fault)
        for (const auto &p : run.populations) {
            Figures mv;
            moved_times(mv, p.waves, *rec.fault, rec.window_end);
            const auto later = [](std::optional<Ms> &a, const std::optional<Ms> &b) {
                if (b)
                    a = std::max(a.value_or(0), *b);
            };
            later(f.moved50_ms, mv.moved50_ms);
            later(f.moved90_ms, mv.moved90_ms);
            later(f.moved99_ms, mv.moved99_ms);
        }
    for (const auto &w : run.writes) {
        f.lost_writes += w.lost;
        f.divergent_writes += w.divergent;
        f.conflicts += w.conflicts;
        if (w.rpo_ms)
            f.rpo_ms = std::max(f.rpo_ms.value_or(0), *w.rpo_ms);
    }
    if (!f.rpo_ms && !run.writes.empty() && rec.fault)
        f.rpo_ms = 0;
    std::map<std::int32_t, std::int64_t> write_latency;
    for (const auto &p : run.populations)
        for (const auto &[lat, w] : p.write_latency_ms)
            write_latency[lat] += w;
    f.p99_write_latency_ms = p99_of(write_latency);
    return f;
}

// A population's own requests and recovery; the data figures are the whole run's.
PopulationFigures population_figures(const Scenario &s, const Run &run, const RunCounts &c,
                                     const Recovery &rec, std::size_t p, const Figures &summary) {
    PopulationFigures pf;
    const PopulationRun &pop = run.populations[p];
    pf.id = pop.id;
    pf.figures = run_figures(s, run, c.pop_reads[p], c.pop_writes[p], rec, static_cast<int>(p));
    if (rec.fault)
        moved_times(pf.figures, pop.waves, *rec.fault, rec.window_end);
    pf.figures.p99_write_latency_ms = p99_of(pop.write_latency_ms);
    pf.figures.cost_multiplier = summary.cost_multiplier;
    pf.figures.lost_writes = summary.lost_writes;
    pf.figures.divergent_writes = summary.divergent_writes;
    pf.figures.conflicts = summary.conflicts;
    pf.figures.rpo_ms = summary.rpo_ms;
    for (int i = 0; i < kFailReasons; ++i)
        pf.reasons[i] = pop.reasons[i];
    return pf;
}

// A fault's figures over its own window; an operator's action measures no recovery.
FaultFigures fault_figures(const Scenario &s, const Run &run, const RunCounts &c, const Fault &f,
                           Ms window_end) {
    FaultFigures ff;
    ff.id = f.id;
    ff.kind = to_string(f.kind);
    ff.at_ms = f.at_ms;
    const std::optional<Ms> t_fault = is_action(f.kind) ? std::nullopt : std::optional<Ms>(f.at_ms);
    ff.figures = figures_for(s, run, c.reads, c.writes, t_fault, f.at_ms, window_end, -1);
    for (const auto &e : run.events)
        if (e.t_ms >= f.at_ms && e.t_ms < window_end && e.kind == EventKind::writes_lost) {
            ff.figures.lost_writes += e.number("count");
            ff.figures.rpo_ms = std::max(ff.figures.rpo_ms.value_or(0), e.number("rpo_ms"));
        }
    for (const auto &p : run.populations)
        moved_times(ff.figures, p.waves, f.at_ms, window_end);
    return ff;
}

std::optional<BreakEven> break_even(const Scenario &s, double cost_multiplier,
                                    const Figures &summary) {
    if (!(s.cost.baseline_monthly > 0))
        return std::nullopt;
    BreakEven b;
    b.monthly_cost = s.cost.baseline_monthly * cost_multiplier;
    b.extra_cost_per_year = s.cost.baseline_monthly * (cost_multiplier - 1.0) * 12.0;
    const Ms slower = std::max(summary.read.ms.value_or(0), summary.write.ms.value_or(0));
    b.downtime_min_per_outage = static_cast<double>(slower) / 60000.0;
    b.outage_cost_per_year =
        s.cost.outages_per_year * b.downtime_min_per_outage * s.cost.revenue_per_minute;
    return b;
}

// The counts of a population's requests through a distribution over the steps of [from, to).
CdnCounts cdn_counts(const Run &run, const CdnPopulationRun &c, Ms from, Ms to) {
    CdnCounts n;
    const PopulationSteps &ps = run.population_steps[static_cast<std::size_t>(c.population)];
    for (std::size_t k = 0; k < c.steps.hits.size(); ++k) {
        const Ms t = static_cast<Ms>(k) * run.step_ms;
        if (t < from || t + run.step_ms > to)
            continue;
        n.cacheable += c.steps.cacheable[k];
        n.hits += c.steps.hits[k];
        n.misses_primary += c.steps.misses_primary[k];
        n.misses_secondary += c.steps.misses_secondary[k];
        n.failovers += c.steps.failovers[k];
        n.reads_failed += ps.reads_failed[k];
        n.writes += ps.writes_ok[k] + ps.writes_failed[k];
        n.writes_failed += ps.writes_failed[k];
    }
    return n;
}

std::vector<CdnFigures> cdn_figures(const Scenario &s, const Run &run,
                                    const std::optional<std::size_t> &fault) {
    std::vector<CdnFigures> out;
    for (const auto &c : run.cdn) {
        CdnFigures f;
        const Distribution &d = s.distributions[static_cast<std::size_t>(c.distribution)];
        f.id = run.populations[static_cast<std::size_t>(c.population)].id;
        f.distribution = d.id;
        f.edge = d.edges[static_cast<std::size_t>(c.edge)].id;
        f.total = cdn_counts(run, c, 0, run.end_ms);
        if (fault) {
            const Fault &ft = s.faults[*fault];
            f.outage = cdn_counts(run, c, ft.at_ms, ft.until_ms.value_or(run.end_ms));
        }
        for (int i = 0; i < kCdnCauses; ++i)
            f.causes[i] = c.causes[i];
        f.hit_latency_ms = c.hit_latency_ms;
        f.miss_latency_ms = c.miss_latency_ms;
        f.slowest_failover_ms = c.slowest_failover_ms;
        f.failover_delay_ms = connection_failover_delay(d);
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace

Report build_report(const Scenario &s, Run run) {
    Report r;
    r.seed = run.seed;
    r.scenario_name = s.name;
    r.slo = s.settings.slo;
    const RunCounts counts = count_requests(run);
    const std::vector<std::size_t> order = faults_by_start(s);
    Recovery rec{std::nullopt, run.end_ms};
    const auto chosen = summary_fault(s, run, counts, order);
    if (chosen) {
        rec.fault = s.faults[*chosen].at_ms;
        rec.window_end = window_end_after(s, run, *rec.fault);
        r.summary_fault = s.faults[*chosen].id;
    }

    const CostFigures cost = estimate_cost(s);
    r.cost_units = cost.units;
    r.cost_baseline = cost.baseline;

    r.summary = summary_figures(s, run, counts, rec);
    r.summary.cost_multiplier = cost.multiplier;
    for (std::size_t p = 0; p < run.populations.size(); ++p)
        r.populations.push_back(population_figures(s, run, counts, rec, p, r.summary));
    std::vector<Ms> window_ends;
    for (std::size_t i : order) {
        const Fault &f = s.faults[i];
        if (f.at_ms >= run.end_ms)
            continue;
        window_ends.push_back(window_end_after(s, run, f.at_ms));
        r.faults.push_back(fault_figures(s, run, counts, f, window_ends.back()));
        r.faults.back().figures.cost_multiplier = cost.multiplier;
    }
    r.break_even = break_even(s, cost.multiplier, r.summary);
    r.cdn = cdn_figures(s, run, chosen);

    mark_service_changes(run, r.faults, window_ends, counts.reads, counts.writes);
    r.run = std::move(run);
    r.fingerprint = fingerprint_hex(r.run);
    return r;
}

} // namespace model
