#include "report.h"

#include "cost.h"

#include <algorithm>
#include <map>

namespace model {
namespace {

bool is_action(FaultKind k) {
    return k == FaultKind::manual_promotion || k == FaultKind::manual_dns_change ||
           k == FaultKind::fail_back || k == FaultKind::switchover;
}

struct Counts {
    std::vector<std::int64_t> ok, failed;
};

// Request-weighted recovery: t_r is the start of the first step from which every step until
// the window's end succeeds at >= 99 %, for at least 60 s.
Rto measure_rto(const Counts &c, Ms step, Ms t_fault, Ms window_end) {
    Rto out;
    const auto steps = static_cast<std::int64_t>(c.ok.size());
    const std::int64_t k0 = t_fault / step;
    const std::int64_t kend = std::min<std::int64_t>(steps, (window_end + step - 1) / step);
    std::int64_t total = 0;
    for (std::int64_t k = k0; k < kend; ++k)
        total += c.ok[static_cast<std::size_t>(k)] + c.failed[static_cast<std::size_t>(k)];
    if (total == 0 || k0 >= kend) {
        out.status = "not_applicable";
        return out;
    }
    // The minute before the fault must itself have been healthy.
    std::int64_t ok_before = 0, all_before = 0;
    for (std::int64_t k = std::max<std::int64_t>(0, k0 - kRecoveredHold / step); k < k0; ++k) {
        ok_before += c.ok[static_cast<std::size_t>(k)];
        all_before += c.ok[static_cast<std::size_t>(k)] + c.failed[static_cast<std::size_t>(k)];
    }
    if (all_before > 0 && ok_before * 100 < all_before * 99) {
        out.status = "baseline_below_threshold";
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
        out.status = "not_recovered";
        return out;
    }
    out.status = "ok";
    out.restored_at_ms = std::max<Ms>(t_fault, kr * step);
    out.ms = *out.restored_at_ms - t_fault;
    return out;
}

// The RTO taken apart along the critical path: of the chains recovery waited on (traffic
// routing, the database writer), the one that finished last is followed stage by stage; a
// capacity warm-up after it adds its own part; what is left is `other`.
Breakdown take_apart(const std::vector<Milestone> &ms, Ms t_fault, Ms t_restored, bool writes,
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
    const Chain critical = writes && last_writer > last_route ? Chain::writer : Chain::route;
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

void fill_rto(Rto &rto, const Counts &c, const Run &run, Ms t_fault, Ms window_end, bool writes,
              int population) {
    rto = measure_rto(c, run.step_ms, t_fault, window_end);
    if (!rto.ms)
        return;
    if (*rto.ms == 0) { // no step was below the threshold
        rto.breakdown = take_apart(run.milestones, t_fault, t_fault, writes, population);
        return;
    }
    // The counts place the recovery at a step boundary. A milestone of a chain recovery waits on
    // that falls inside the first good step is the instant service really came back: take it,
    // so the RTO and its parts do not depend on where the step boundaries fall.
    Ms restored = *rto.restored_at_ms;
    for (const auto &m : run.milestones) {
        const bool relevant = m.chain == Chain::route || m.chain == Chain::capacity ||
                              (writes && m.chain == Chain::writer);
        const bool ours = m.chain != Chain::route || m.population < 0 || population < 0 ||
                          m.population == population;
        if (relevant && ours && m.t_ms > restored && m.t_ms < *rto.restored_at_ms + run.step_ms)
            restored = m.t_ms;
    }
    rto.restored_at_ms = restored;
    rto.ms = restored - t_fault;
    rto.breakdown = take_apart(run.milestones, t_fault, restored, writes, population);
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

Figures figures_for(const Scenario &s, const Run &run, const Counts &reads, const Counts &writes,
                    std::optional<Ms> t_fault, Ms window_start, Ms window_end, int population) {
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
        fill_rto(f.read, reads, run, *t_fault, window_end, false, population);
        fill_rto(f.write, writes, run, *t_fault, window_end, true, population);
    }
    return f;
}

} // namespace

Report build_report(const Scenario &s, Run run) {
    Report r;
    r.seed = run.seed;
    r.scenario_name = s.name;
    const std::size_t steps = static_cast<std::size_t>(run.steps);
    Counts all_reads{std::vector<std::int64_t>(steps), std::vector<std::int64_t>(steps)};
    Counts all_writes = all_reads;
    std::vector<Counts> pop_reads, pop_writes;
    for (const auto &ps : run.population_steps) {
        Counts pr{std::vector<std::int64_t>(steps), std::vector<std::int64_t>(steps)};
        Counts pw = pr;
        for (std::size_t k = 0; k < steps; ++k) {
            pr.ok[k] = ps.reads_ok[k];
            pr.failed[k] = ps.reads_failed[k];
            pw.ok[k] = ps.writes_ok[k];
            pw.failed[k] = ps.writes_failed[k];
            all_reads.ok[k] += pr.ok[k];
            all_reads.failed[k] += pr.failed[k];
            all_writes.ok[k] += pw.ok[k];
            all_writes.failed[k] += pw.failed[k];
        }
        pop_reads.push_back(std::move(pr));
        pop_writes.push_back(std::move(pw));
    }
    // The summary measures recovery from the first fault (operator actions are not faults).
    std::optional<Ms> first_fault;
    Ms first_window_end = run.end_ms;
    std::vector<std::size_t> fault_order;
    for (std::size_t i = 0; i < s.faults.size(); ++i)
        fault_order.push_back(i);
    std::stable_sort(fault_order.begin(), fault_order.end(), [&](std::size_t a, std::size_t b) {
        return s.faults[a].at_ms < s.faults[b].at_ms;
    });
    const auto window_end_after = [&](Ms t) {
        Ms end = run.end_ms;
        for (const auto &f : s.faults)
            if (!is_action(f.kind) && f.at_ms > t)
                end = std::min(end, f.at_ms);
        return end;
    };
    // The summary measures recovery from the first fault that hurt (a fault nobody noticed,
    // such as a stream falling behind, would report an RTO of zero); failing that, the first.
    std::optional<std::size_t> chosen;
    for (std::size_t i : fault_order) {
        const Fault &f = s.faults[i];
        if (is_action(f.kind) || f.at_ms >= run.end_ms)
            continue;
        if (!chosen)
            chosen = i;
        const Ms end = window_end_after(f.at_ms);
        const auto hurt = [](const Rto &x) {
            return x.status == "not_recovered" || (x.ms && *x.ms > 0);
        };
        if (hurt(measure_rto(all_reads, run.step_ms, f.at_ms, end)) ||
            hurt(measure_rto(all_writes, run.step_ms, f.at_ms, end))) {
            chosen = i;
            break;
        }
    }
    if (chosen) {
        first_fault = s.faults[*chosen].at_ms;
        first_window_end = window_end_after(*first_fault);
        r.summary_fault = s.faults[*chosen].id;
    }

    const CostFigures cost = estimate_cost(s);
    r.cost_units = cost.units;
    r.cost_baseline = cost.baseline;

    std::map<std::int32_t, std::int64_t> write_latency;
    for (const auto &p : run.populations)
        for (const auto &[lat, w] : p.write_latency_ms)
            write_latency[lat] += w;

    const auto add_data = [&](Figures &f, Ms from, Ms to) {
        for (const auto &e : run.events) {
            if (e.t_ms < from || e.t_ms >= to)
                continue;
            if (e.kind == EventKind::writes_lost) {
                f.lost_writes += e.number("count");
                f.rpo_ms = std::max(f.rpo_ms.value_or(0), e.number("rpo_ms"));
            }
        }
    };

    r.summary = figures_for(s, run, all_reads, all_writes, first_fault, 0, run.end_ms, -1);
    if (first_fault) {
        // RTOs are measured until the next fault; the totals cover the whole run.
        Figures windowed =
            figures_for(s, run, all_reads, all_writes, first_fault, 0, first_window_end, -1);
        r.summary.read = windowed.read;
        r.summary.write = windowed.write;
        for (const auto &p : run.populations) {
            Figures mv;
            moved_times(mv, p.waves, *first_fault, first_window_end);
            const auto later = [](std::optional<Ms> &a, const std::optional<Ms> &b) {
                if (b)
                    a = std::max(a.value_or(0), *b);
            };
            later(r.summary.moved50_ms, mv.moved50_ms);
            later(r.summary.moved90_ms, mv.moved90_ms);
            later(r.summary.moved99_ms, mv.moved99_ms);
        }
    }
    for (const auto &w : run.writes) {
        r.summary.lost_writes += w.lost;
        r.summary.divergent_writes += w.divergent;
        r.summary.conflicts += w.conflicts;
        if (w.rpo_ms)
            r.summary.rpo_ms = std::max(r.summary.rpo_ms.value_or(0), *w.rpo_ms);
    }
    if (!r.summary.rpo_ms && !run.writes.empty() && first_fault)
        r.summary.rpo_ms = 0;
    r.summary.p99_write_latency_ms = p99_of(write_latency);
    r.summary.cost_multiplier = cost.multiplier;

    for (std::size_t p = 0; p < run.populations.size(); ++p) {
        PopulationFigures pf;
        pf.id = run.populations[p].id;
        pf.figures = figures_for(s, run, pop_reads[p], pop_writes[p], first_fault, 0, run.end_ms,
                                 static_cast<int>(p));
        if (first_fault) {
            Figures windowed = figures_for(s, run, pop_reads[p], pop_writes[p], first_fault, 0,
                                           first_window_end, static_cast<int>(p));
            pf.figures.read = windowed.read;
            pf.figures.write = windowed.write;
            moved_times(pf.figures, run.populations[p].waves, *first_fault, first_window_end);
        }
        pf.figures.p99_write_latency_ms = p99_of(run.populations[p].write_latency_ms);
        pf.figures.cost_multiplier = cost.multiplier;
        pf.figures.lost_writes = r.summary.lost_writes;
        pf.figures.divergent_writes = r.summary.divergent_writes;
        pf.figures.conflicts = r.summary.conflicts;
        pf.figures.rpo_ms = r.summary.rpo_ms;
        for (int i = 0; i < kFailReasons; ++i)
            pf.reasons[i] = run.populations[p].reasons[i];
        r.populations.push_back(std::move(pf));
    }

    for (std::size_t i : fault_order) {
        const Fault &f = s.faults[i];
        if (f.at_ms >= run.end_ms)
            continue;
        FaultFigures ff;
        ff.id = f.id;
        ff.kind = to_string(f.kind);
        ff.at_ms = f.at_ms;
        const Ms end = window_end_after(f.at_ms);
        ff.figures = figures_for(s, run, all_reads, all_writes,
                                 is_action(f.kind) ? std::nullopt : std::optional<Ms>(f.at_ms),
                                 f.at_ms, end, -1);
        add_data(ff.figures, f.at_ms, end);
        ff.figures.cost_multiplier = cost.multiplier;
        for (const auto &p : run.populations)
            moved_times(ff.figures, p.waves, f.at_ms, end);
        r.faults.push_back(std::move(ff));
    }

    if (s.cost.baseline_monthly > 0) {
        BreakEven b;
        b.monthly_cost = s.cost.baseline_monthly * cost.multiplier;
        b.extra_cost_per_year = s.cost.baseline_monthly * (cost.multiplier - 1.0) * 12.0;
        const Ms slower = std::max(r.summary.read.ms.value_or(0), r.summary.write.ms.value_or(0));
        b.downtime_min_per_outage = static_cast<double>(slower) / 60000.0;
        b.outage_cost_per_year =
            s.cost.outages_per_year * b.downtime_min_per_outage * s.cost.revenue_per_minute;
        r.break_even = b;
    }

    // Mark the moments of degradation and recovery in the trace itself.
    std::int64_t seq = static_cast<std::int64_t>(run.events.size()) + 1000000;
    for (const auto &ff : r.faults)
        for (int op = 0; op < 2; ++op) {
            const Rto &rto = op == 0 ? ff.figures.read : ff.figures.write;
            const Counts &c = op == 0 ? all_reads : all_writes;
            // The first step after the fault below 99 %.
            const Ms until = rto.restored_at_ms.value_or(window_end_after(ff.at_ms));
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
    std::stable_sort(run.events.begin(), run.events.end(), [](const Event &a, const Event &b) {
        return a.t_ms < b.t_ms || (a.t_ms == b.t_ms && a.seq < b.seq);
    });
    std::int64_t renumber = 0;
    for (auto &e : run.events)
        e.seq = renumber++;
    r.run = std::move(run);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fingerprint(r.run)));
    r.fingerprint = hex;
    return r;
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
    return h;
}

} // namespace model
