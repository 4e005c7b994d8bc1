// Asking a report for one figure by name.
#include "report.h"

#include "find.h"

namespace model {
namespace {

std::optional<double> seconds(const std::optional<Ms> &ms) {
    if (!ms)
        return std::nullopt;
    return static_cast<double>(*ms) / 1000.0;
}

std::optional<double> from_figures(const Figures &f, const std::string &name) {
    if (name == "rto_read_s")
        return seconds(f.read.ms);
    if (name == "rto_write_s")
        return seconds(f.write.ms);
    if (name == "rpo_s")
        return seconds(f.rpo_ms);
    if (name == "lost_writes")
        return static_cast<double>(f.lost_writes);
    if (name == "divergent_writes")
        return static_cast<double>(f.divergent_writes);
    if (name == "conflicts")
        return static_cast<double>(f.conflicts);
    if (name == "downtime_s")
        return static_cast<double>(f.downtime_ms) / 1000.0;
    if (name == "availability")
        return f.availability;
    if (name == "error_budget_used")
        return f.error_budget_used;
    if (name == "p99_write_latency_ms") {
        if (!f.p99_write_latency_ms)
            return std::nullopt;
        return static_cast<double>(*f.p99_write_latency_ms);
    }
    if (name == "cost_multiplier")
        return f.cost_multiplier;
    if (name == "requests")
        return static_cast<double>(f.requests);
    if (name == "failed")
        return static_cast<double>(f.failed);
    if (name == "moved_50_s")
        return seconds(f.moved50_ms);
    if (name == "moved_90_s")
        return seconds(f.moved90_ms);
    if (name == "moved_99_s")
        return seconds(f.moved99_ms);
    const auto part = [&](const Rto &rto, const std::string &prefix) -> std::optional<double> {
        const Breakdown &b = rto.breakdown;
        if (!rto.ms)
            return std::nullopt;
        const std::string p = name.substr(prefix.size());
        const Ms v = p == "detection_s"      ? b.detection
                     : p == "propagation_s"  ? b.propagation
                     : p == "client_cache_s" ? b.client_cache
                     : p == "promotion_s"    ? b.promotion
                     : p == "warmup_s"       ? b.warmup
                     : p == "other_s"        ? b.other
                                             : -1;
        if (v < 0)
            return std::nullopt;
        return static_cast<double>(v) / 1000.0;
    };
    if (name.rfind("rto_breakdown.read.", 0) == 0)
        return part(f.read, "rto_breakdown.read.");
    if (name.rfind("rto_breakdown.write.", 0) == 0)
        return part(f.write, "rto_breakdown.write.");
    return std::nullopt;
}

std::optional<double> from_cdn_counts(const CdnCounts &c, const std::string &name) {
    const std::pair<const char *, std::int64_t> counts[] = {
        {"cacheable", c.cacheable},
        {"hits", c.hits},
        {"misses_primary", c.misses_primary},
        {"misses_secondary", c.misses_secondary},
        {"failovers", c.failovers},
        {"reads_failed", c.reads_failed},
        {"writes", c.writes},
        {"writes_failed", c.writes_failed}};
    for (const auto &[key, value] : counts)
        if (name == key)
            return static_cast<double>(value);
    if (name == "hit_share")
        return c.cacheable > 0 ? std::optional<double>(static_cast<double>(c.hits) /
                                                       static_cast<double>(c.cacheable))
                               : std::nullopt;
    return std::nullopt;
}

std::optional<double> from_cdn(const CdnFigures &f, const std::string &name) {
    if (name.rfind("outage.", 0) == 0)
        return from_cdn_counts(f.outage, name.substr(7));
    if (name == "hit_latency_ms")
        return static_cast<double>(f.hit_latency_ms);
    if (name == "miss_latency_ms")
        return static_cast<double>(f.miss_latency_ms);
    if (name == "slowest_failover_ms")
        return f.slowest_failover_ms ? std::optional<double>(*f.slowest_failover_ms) : std::nullopt;
    if (name == "failover_delay_s")
        return static_cast<double>(f.failover_delay_ms) / 1000.0;
    for (int i = 0; i < kCdnCauses; ++i)
        if (name == std::string("failures.") + to_string(static_cast<CdnCause>(i)))
            return static_cast<double>(f.causes[i]);
    return from_cdn_counts(f.total, name);
}

} // namespace

std::vector<std::string> figure_names() {
    return {"rto_read_s",
            "rto_write_s",
            "rpo_s",
            "lost_writes",
            "divergent_writes",
            "conflicts",
            "downtime_s",
            "availability",
            "error_budget_used",
            "p99_write_latency_ms",
            "cost_multiplier",
            "requests",
            "failed",
            "moved_50_s",
            "moved_90_s",
            "moved_99_s",
            "rto_breakdown.read.detection_s",
            "rto_breakdown.read.propagation_s",
            "rto_breakdown.read.client_cache_s",
            "rto_breakdown.read.promotion_s",
            "rto_breakdown.read.warmup_s",
            "rto_breakdown.read.other_s",
            "rto_breakdown.write.detection_s",
            "rto_breakdown.write.propagation_s",
            "rto_breakdown.write.client_cache_s",
            "rto_breakdown.write.promotion_s",
            "rto_breakdown.write.warmup_s",
            "rto_breakdown.write.other_s",
            "populations.<id>.<figure>",
            "faults.<id>.<figure>",
            "cdn.<population id>.hits",
            "cdn.<population id>.cacheable",
            "cdn.<population id>.hit_share",
            "cdn.<population id>.misses_primary",
            "cdn.<population id>.misses_secondary",
            "cdn.<population id>.failovers",
            "cdn.<population id>.reads_failed",
            "cdn.<population id>.writes",
            "cdn.<population id>.writes_failed",
            "cdn.<population id>.outage.<any of the nine above>",
            "cdn.<population id>.failures.origin_unreachable",
            "cdn.<population id>.failures.origin_error",
            "cdn.<population id>.failures.origin_timeout",
            "cdn.<population id>.failures.failover_too_slow",
            "cdn.<population id>.failures.client_timeout",
            "cdn.<population id>.hit_latency_ms",
            "cdn.<population id>.miss_latency_ms",
            "cdn.<population id>.slowest_failover_ms",
            "cdn.<population id>.failover_delay_s",
            "first.<event kind>",
            "break_even.monthly_cost",
            "break_even.extra_cost_per_year",
            "break_even.downtime_min_per_outage",
            "break_even.outage_cost_per_year",
            "count.<event kind>"};
}

std::optional<double> query_figure(const Report &r, const std::string &name) {
    const auto after = [&](const std::string &prefix) { return name.substr(prefix.size()); };
    if (name.rfind("first.", 0) == 0 || name.rfind("count.", 0) == 0) {
        const bool first = name[0] == 'f';
        const std::string kind = after(first ? "first." : "count.");
        bool known = false;
        for (EventKind k : all_event_kinds())
            known = known || kind == to_string(k);
        if (!known)
            return std::nullopt;
        double count = 0;
        for (const auto &e : r.run.events)
            if (kind == to_string(e.kind)) {
                if (first)
                    return static_cast<double>(e.t_ms) / 1000.0;
                ++count;
            }
        if (first)
            return std::nullopt;
        return count;
    }
    if (name.rfind("populations.", 0) == 0 || name.rfind("faults.", 0) == 0) {
        const bool pops = name[0] == 'p';
        const std::string rest = after(pops ? "populations." : "faults.");
        // Ids and figure names may both contain dots: try every split.
        for (std::size_t cut = rest.find('.'); cut != std::string::npos;
             cut = rest.find('.', cut + 1)) {
            const std::string id = rest.substr(0, cut), figure = rest.substr(cut + 1);
            if (pops) {
                if (const PopulationFigures *p = find_by_id(r.populations, id))
                    return from_figures(p->figures, figure);
            } else {
                if (const FaultFigures *f = find_by_id(r.faults, id))
                    return from_figures(f->figures, figure);
            }
        }
        return std::nullopt;
    }
    if (name.rfind("cdn.", 0) == 0) {
        const std::string rest = after("cdn.");
        for (std::size_t cut = rest.find('.'); cut != std::string::npos;
             cut = rest.find('.', cut + 1))
            if (const CdnFigures *c = find_by_id(r.cdn, rest.substr(0, cut)))
                return from_cdn(*c, rest.substr(cut + 1));
        return std::nullopt;
    }
    if (name.rfind("break_even.", 0) == 0) {
        if (!r.break_even)
            return std::nullopt;
        const std::string part = after("break_even.");
        const BreakEven &b = *r.break_even;
        if (part == "monthly_cost")
            return b.monthly_cost;
        if (part == "extra_cost_per_year")
            return b.extra_cost_per_year;
        if (part == "downtime_min_per_outage")
            return b.downtime_min_per_outage;
        if (part == "outage_cost_per_year")
            return b.outage_cost_per_year;
        return std::nullopt;
    }
    return from_figures(r.summary, name);
}

} // namespace model
