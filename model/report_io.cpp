#include "report_io.h"

#include "sentences.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

namespace model {
namespace {

using OJson = nlohmann::ordered_json;

OJson report_secs(const std::optional<Ms> &ms) {
    if (!ms)
        return nullptr;
    return static_cast<double>(*ms) / 1000.0;
}

double ratio4(double x) {
    return std::round(x * 10000.0) / 10000.0;
}

// Whole numbers print as integers ("400", not "400.0").
OJson number(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return static_cast<std::int64_t>(v);
    return v;
}

OJson breakdown_json(const Rto &rto) {
    if (!rto.ms)
        return nullptr;
    const Breakdown &b = rto.breakdown;
    return {{"detection_s", report_secs(b.detection)},
            {"propagation_s", report_secs(b.propagation)},
            {"client_cache_s", report_secs(b.client_cache)},
            {"promotion_s", report_secs(b.promotion)},
            {"warmup_s", report_secs(b.warmup)},
            {"other_s", report_secs(b.other)}};
}

OJson figures_json(const Figures &f) {
    OJson j;
    j["rto_read_s"] = report_secs(f.read.ms);
    j["rto_read_status"] = to_string(f.read.status);
    j["rto_write_s"] = report_secs(f.write.ms);
    j["rto_write_status"] = to_string(f.write.status);
    j["rpo_s"] = report_secs(f.rpo_ms);
    j["lost_writes"] = f.lost_writes;
    j["divergent_writes"] = f.divergent_writes;
    j["conflicts"] = f.conflicts;
    j["requests"] = f.requests;
    j["failed"] = f.failed;
    j["downtime_s"] = static_cast<double>(f.downtime_ms) / 1000.0;
    j["availability"] = std::round(f.availability * 1e6) / 1e6;
    j["error_budget_used"] = std::round(f.error_budget_used * 1e4) / 1e4;
    j["p99_write_latency_ms"] =
        f.p99_write_latency_ms ? OJson(*f.p99_write_latency_ms) : OJson(nullptr);
    j["cost_multiplier"] = std::round(f.cost_multiplier * 1000.0) / 1000.0;
    j["clients_moved_s"] = {{"p50", report_secs(f.moved50_ms)},
                            {"p90", report_secs(f.moved90_ms)},
                            {"p99", report_secs(f.moved99_ms)}};
    j["rto_breakdown"] = {{"read", breakdown_json(f.read)}, {"write", breakdown_json(f.write)}};
    return j;
}

OJson cdn_counts_json(const CdnCounts &c) {
    return {{"cacheable", c.cacheable},
            {"hits", c.hits},
            {"misses_primary", c.misses_primary},
            {"misses_secondary", c.misses_secondary},
            {"failovers", c.failovers},
            {"reads_failed", c.reads_failed},
            {"writes", c.writes},
            {"writes_failed", c.writes_failed}};
}

OJson cdn_json(const CdnFigures &f) {
    OJson causes;
    for (int i = 0; i < kCdnCauses; ++i)
        causes[to_string(static_cast<CdnCause>(i))] = f.causes[i];
    return {{"id", f.id},
            {"distribution", f.distribution},
            {"edge", f.edge},
            {"total", cdn_counts_json(f.total)},
            {"outage", cdn_counts_json(f.outage)},
            {"failures", causes},
            {"hit_latency_ms", f.hit_latency_ms},
            {"miss_latency_ms", f.miss_latency_ms},
            {"slowest_failover_ms",
             f.slowest_failover_ms ? OJson(*f.slowest_failover_ms) : OJson(nullptr)},
            {"failover_delay_s", static_cast<double>(f.failover_delay_ms) / 1000.0}};
}

OJson value_json(const Value &v) {
    if (std::holds_alternative<std::int64_t>(v))
        return std::get<std::int64_t>(v);
    return std::get<std::string>(v);
}

template <typename F> void each_series(const Report &r, F &&row) {
    const Run &run = r.run;
    for (std::size_t p = 0; p < run.population_steps.size(); ++p) {
        const auto &ps = run.population_steps[p];
        const std::string &id = run.populations[p].id;
        for (std::size_t k = 0; k < static_cast<std::size_t>(run.steps); ++k) {
            const Ms t = static_cast<Ms>(k) * run.step_ms;
            const std::int64_t ok = ps.reads_ok[k] + ps.writes_ok[k];
            const std::int64_t all = ok + ps.reads_failed[k] + ps.writes_failed[k];
            row(t, "requests", id, static_cast<double>(all));
            if (all > 0) {
                row(t, "success_ratio", id,
                    ratio4(static_cast<double>(ok) / static_cast<double>(all)));
                row(t, "error_ratio", id,
                    ratio4(static_cast<double>(all - ok) / static_cast<double>(all)));
            }
            if (ps.p50_ms[k] >= 0) {
                row(t, "p50_ms", id, static_cast<double>(ps.p50_ms[k]));
                row(t, "p99_ms", id, static_cast<double>(ps.p99_ms[k]));
            }
        }
    }
    for (std::size_t g = 0; g < run.region_ids.size(); ++g)
        for (std::size_t k = 0; k < run.region_requests[g].size(); ++k)
            row(static_cast<Ms>(k) * run.step_ms, "region_requests", run.region_ids[g],
                static_cast<double>(run.region_requests[g][k]));
    for (const auto &l : run.lags)
        for (std::size_t k = 0; k < l.lag_ms.size(); ++k)
            row(static_cast<Ms>(k) * run.step_ms, "replication_lag_ms",
                l.database + "/" + l.replica, static_cast<double>(l.lag_ms[k]));
    for (const auto &c : run.cdn) {
        const std::string &id = run.populations[static_cast<std::size_t>(c.population)].id;
        for (std::size_t k = 0; k < c.steps.hits.size(); ++k) {
            const Ms t = static_cast<Ms>(k) * run.step_ms;
            row(t, "cdn_hits", id, static_cast<double>(c.steps.hits[k]));
            row(t, "cdn_misses_primary", id, static_cast<double>(c.steps.misses_primary[k]));
            row(t, "cdn_misses_secondary", id, static_cast<double>(c.steps.misses_secondary[k]));
            row(t, "cdn_failovers", id, static_cast<double>(c.steps.failovers[k]));
            row(t, "cdn_failed", id, static_cast<double>(c.steps.failed[k]));
        }
    }
    for (std::size_t k = 0; k < run.lost_writes_cumulative.size(); ++k) {
        row(static_cast<Ms>(k) * run.step_ms, "lost_writes", "all",
            static_cast<double>(run.lost_writes_cumulative[k]));
        row(static_cast<Ms>(k) * run.step_ms, "conflicts", "all",
            static_cast<double>(run.conflicts_cumulative[k]));
    }
}

} // namespace

std::string report_json(const Report &r) {
    OJson j;
    j["format"] = kReportFormat;
    j["version"] = kReportVersion;
    j["scenario"] = r.scenario_name;
    j["seed"] = r.seed;
    j["fingerprint"] = r.fingerprint;
    j["step_ms"] = r.run.step_ms;
    j["internal_errors"] = OJson::array();
    for (const auto &e : r.run.internal_errors)
        j["internal_errors"].push_back({{"t_ms", e.t_ms}, {"what", e.what}});
    j["end_ms"] = r.run.end_ms;
    j["summary"] = figures_json(r.summary);
    j["summary"]["fault"] = r.summary_fault.empty() ? OJson(nullptr) : OJson(r.summary_fault);
    j["summary"]["cost_units"] = std::round(r.cost_units * 1000.0) / 1000.0;
    j["summary"]["cost_baseline_units"] = std::round(r.cost_baseline * 1000.0) / 1000.0;
    if (r.break_even) {
        const BreakEven &b = *r.break_even;
        const auto money = [](double v) { return std::round(v * 100.0) / 100.0; };
        j["summary"]["break_even"] = {
            {"monthly_cost", money(b.monthly_cost)},
            {"extra_cost_per_year", money(b.extra_cost_per_year)},
            {"downtime_min_per_outage", std::round(b.downtime_min_per_outage * 100.0) / 100.0},
            {"outage_cost_per_year", money(b.outage_cost_per_year)}};
    } else {
        j["summary"]["break_even"] = nullptr;
    }
    j["populations"] = OJson::array();
    for (const auto &p : r.populations) {
        OJson pj;
        pj["id"] = p.id;
        const OJson figures = figures_json(p.figures);
        for (auto it = figures.begin(); it != figures.end(); ++it)
            pj[it.key()] = it.value();
        OJson reasons;
        for (int i = 0; i < kFailReasons; ++i)
            reasons[to_string(static_cast<FailReason>(i))] = p.reasons[i];
        pj["failures"] = reasons;
        j["populations"].push_back(pj);
    }
    j["cdn"] = OJson::array();
    for (const auto &c : r.cdn)
        j["cdn"].push_back(cdn_json(c));
    j["faults"] = OJson::array();
    for (const auto &f : r.faults) {
        OJson fj;
        fj["id"] = f.id;
        fj["kind"] = f.kind;
        fj["at_s"] = static_cast<double>(f.at_ms) / 1000.0;
        const OJson figures = figures_json(f.figures);
        for (auto it = figures.begin(); it != figures.end(); ++it)
            fj[it.key()] = it.value();
        j["faults"].push_back(fj);
    }
    j["events"] = OJson::array();
    for (const auto &e : r.run.events) {
        OJson data = OJson::object();
        for (const auto &[k, v] : e.data)
            data[k] = value_json(v);
        j["events"].push_back({{"t_ms", e.t_ms},
                               {"seq", e.seq},
                               {"kind", to_string(e.kind)},
                               {"subject", e.subject},
                               {"data", data},
                               {"text", sentence(e)}});
    }
    OJson series = OJson::array();
    each_series(r, [&](Ms t, const char *name, const std::string &subject, double value) {
        series.push_back({t, name, subject, number(value)});
    });
    j["series"] = {{"columns", {"t_ms", "series", "subject", "value"}}, {"rows", series}};
    return j.dump(1) + "\n";
}

std::string report_csv(const Report &r) {
    std::ostringstream out;
    out << "t_ms,series,subject,value\n";
    each_series(r, [&](Ms t, const char *name, const std::string &subject, double value) {
        out << t << ',' << name << ',' << subject << ',' << number(value).dump() << '\n';
    });
    return out.str();
}

std::string report_text(const Report &r) {
    std::ostringstream out;
    out << "Failover Lab: " << (r.scenario_name.empty() ? "scenario" : r.scenario_name) << " (seed "
        << r.seed << ", fingerprint " << r.fingerprint << ")\n\nTimeline\n";
    for (const auto &e : r.run.events) {
        if (e.kind == EventKind::run_ended)
            continue;
        out << "  " << format_clock(e.t_ms) << "  " << sentence(e) << '\n';
    }
    const Figures &s = r.summary;
    const auto rto = [&](const char *label, const Rto &x) {
        out << "  " << label << ": ";
        if (x.ms) {
            const Breakdown &b = x.breakdown;
            out << format_duration(*x.ms) << "  (detection " << format_duration(b.detection)
                << ", propagation " << format_duration(b.propagation) << ", client caches "
                << format_duration(b.client_cache) << ", promotion " << format_duration(b.promotion)
                << ", warm-up " << format_duration(b.warmup) << ", other "
                << format_duration(b.other) << ")\n";
        } else {
            out << to_string(x.status) << '\n';
        }
    };
    out << "\nSummary";
    if (!r.summary_fault.empty())
        out << " (recovery from " << r.summary_fault << ")";
    out << '\n';
    rto("RTO reads ", s.read);
    rto("RTO writes", s.write);
    out << "  RPO: " << (s.rpo_ms ? format_duration(*s.rpo_ms) : std::string("n/a"))
        << "; lost writes " << s.lost_writes << "; divergent writes " << s.divergent_writes
        << "; conflicts " << s.conflicts << '\n';
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "  requests %lld, failed %lld, availability %.4f %%, downtime %s, error budget "
                  "used %.1f x\n",
                  static_cast<long long>(s.requests), static_cast<long long>(s.failed),
                  s.availability * 100.0, format_duration(s.downtime_ms).c_str(),
                  s.error_budget_used);
    out << buf;
    if (s.p99_write_latency_ms)
        out << "  p99 write latency " << *s.p99_write_latency_ms << " ms\n";
    std::snprintf(buf, sizeof buf, "  cost multiplier %.2f x a single-region baseline\n",
                  s.cost_multiplier);
    out << buf;
    for (const auto &p : r.populations) {
        out << "  " << p.id << ": ";
        if (p.figures.read.ms)
            out << "reads back after " << format_duration(*p.figures.read.ms);
        else
            out << "reads " << to_string(p.figures.read.status);
        if (p.figures.moved99_ms)
            out << ", 99 % of clients moved after " << format_duration(*p.figures.moved99_ms);
        out << '\n';
    }
    for (const auto &c : r.cdn) {
        out << "  " << c.id << " through " << c.distribution << " (edge " << c.edge << "): hits "
            << c.total.hits << " of " << c.total.cacheable
            << " cacheable reads; misses served by the primary " << c.total.misses_primary
            << ", by the secondary " << c.total.misses_secondary << "; failovers "
            << c.total.failovers << "; reads failed " << c.total.reads_failed << ", writes failed "
            << c.total.writes_failed << " of " << c.total.writes << '\n';
        out << "    during " << (r.summary_fault.empty() ? "the run" : r.summary_fault) << ": hits "
            << c.outage.hits << ", misses by the primary " << c.outage.misses_primary
            << ", by the secondary " << c.outage.misses_secondary << ", reads failed "
            << c.outage.reads_failed << ", writes failed " << c.outage.writes_failed << " of "
            << c.outage.writes << '\n';
        out << "    failures:";
        for (int i = 0; i < kCdnCauses; ++i)
            if (c.causes[i] > 0)
                out << ' ' << to_string(static_cast<CdnCause>(i)) << ' ' << c.causes[i];
        out << "\n    latency: hit " << c.hit_latency_ms << " ms, miss " << c.miss_latency_ms
            << " ms; a dead primary delays a miss " << format_duration(c.failover_delay_ms);
        if (c.slowest_failover_ms)
            out << "; slowest served failover " << *c.slowest_failover_ms << " ms";
        out << '\n';
    }
    return out.str();
}

} // namespace model
