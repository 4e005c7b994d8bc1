#include "compare.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace model {
namespace {

SideValue side_value(const Report &r, const ComparedFigure &f) {
    SideValue v;
    v.value = query_figure(r, f.figure);
    if (!v.value) {
        if (f.figure == "rto_read_s")
            v.not_recovered = r.summary.read.status == RtoStatus::not_recovered;
        else if (f.figure == "rto_write_s")
            v.not_recovered = r.summary.write.status == RtoStatus::not_recovered;
    }
    return v;
}

std::string format(double v, FigureUnit unit, bool sign) {
    char buf[64];
    const char *plus = sign && v > 0 ? "+" : "";
    switch (unit) {
    case FigureUnit::seconds:
        std::snprintf(buf, sizeof buf, "%s%.1f s", plus, v);
        break;
    case FigureUnit::milliseconds:
        std::snprintf(buf, sizeof buf, "%s%.0f ms", plus, v);
        break;
    case FigureUnit::count:
        std::snprintf(buf, sizeof buf, "%s%.0f", plus, v);
        break;
    case FigureUnit::share:
        // A change of a share is in percentage points.
        std::snprintf(buf, sizeof buf, sign ? "%s%.3f pp" : "%s%.3f %%", plus, v * 100.0);
        break;
    case FigureUnit::multiplier:
        std::snprintf(buf, sizeof buf, "%s%.2fx", plus, v);
        break;
    case FigureUnit::money:
        std::snprintf(buf, sizeof buf, "%s%.0f", plus, v);
        break;
    }
    return buf;
}

std::string side_text(const SideValue &v, FigureUnit unit) {
    if (v.value)
        return format(*v.value, unit, false);
    return v.not_recovered ? "not recovered" : "n/a";
}

} // namespace

const char *to_string(Change change) {
    switch (change) {
    case Change::same:
        return "same";
    case Change::better:
        return "better";
    case Change::worse:
        return "worse";
    case Change::changed:
        return "changed";
    case Change::not_comparable:
        return "n/a";
    }
    return "n/a";
}

Change compare_values(Better better, const SideValue &a, const SideValue &b) {
    if (a.value && b.value) {
        if (*a.value == *b.value)
            return Change::same;
        if (better == Better::neither)
            return Change::changed;
        const bool lower = *b.value < *a.value;
        return lower == (better == Better::lower) ? Change::better : Change::worse;
    }
    // Not recovered is worse than any time, and the same as not recovered.
    if (a.not_recovered && b.not_recovered)
        return Change::same;
    if (a.not_recovered && b.value)
        return Change::better;
    if (b.not_recovered && a.value)
        return Change::worse;
    if (!a.value && !b.value && !a.not_recovered && !b.not_recovered)
        return Change::same;
    return Change::not_comparable;
}

const std::vector<ComparedFigure> &compared_figures() {
    using U = FigureUnit;
    using B = Better;
    static const std::vector<ComparedFigure> list = {
        {"rto_read_s", U::seconds, B::lower},
        {"rto_write_s", U::seconds, B::lower},
        {"rpo_s", U::seconds, B::lower},
        {"lost_writes", U::count, B::lower},
        {"divergent_writes", U::count, B::lower},
        {"conflicts", U::count, B::lower},
        {"failed", U::count, B::lower},
        {"requests", U::count, B::neither},
        {"downtime_s", U::seconds, B::lower},
        {"availability", U::share, B::higher},
        {"error_budget_used", U::share, B::lower},
        {"p99_write_latency_ms", U::milliseconds, B::lower},
        {"cost_multiplier", U::multiplier, B::lower},
        {"moved_50_s", U::seconds, B::lower},
        {"moved_90_s", U::seconds, B::lower},
        {"moved_99_s", U::seconds, B::lower},
        // A part of a breakdown is neither better nor worse on its own: the critical path can
        // move from one part to another while the RTO shrinks.
        {"rto_breakdown.read.detection_s", U::seconds, B::neither},
        {"rto_breakdown.read.propagation_s", U::seconds, B::neither},
        {"rto_breakdown.read.client_cache_s", U::seconds, B::neither},
        {"rto_breakdown.read.promotion_s", U::seconds, B::neither},
        {"rto_breakdown.read.warmup_s", U::seconds, B::neither},
        {"rto_breakdown.read.other_s", U::seconds, B::neither},
        {"rto_breakdown.write.detection_s", U::seconds, B::neither},
        {"rto_breakdown.write.propagation_s", U::seconds, B::neither},
        {"rto_breakdown.write.client_cache_s", U::seconds, B::neither},
        {"rto_breakdown.write.promotion_s", U::seconds, B::neither},
        {"rto_breakdown.write.warmup_s", U::seconds, B::neither},
        {"rto_breakdown.write.other_s", U::seconds, B::neither},
        {"break_even.monthly_cost", U::money, B::lower},
        {"break_even.extra_cost_per_year", U::money, B::lower},
        {"break_even.outage_cost_per_year", U::money, B::lower},
    };
    return list;
}

std::vector<FigureDiff> compare_reports(const Report &a, const Report &b) {
    std::vector<FigureDiff> out;
    for (const ComparedFigure &f : compared_figures()) {
        FigureDiff d;
        d.figure = f.figure;
        d.unit = f.unit;
        d.better = f.better;
        d.a = side_value(a, f);
        d.b = side_value(b, f);
        if (!d.a.value && !d.b.value && !d.a.not_recovered && !d.b.not_recovered)
            continue; // applies to neither design
        if (d.a.value && d.b.value)
            d.delta = *d.b.value - *d.a.value;
        d.change = compare_values(f.better, d.a, d.b);
        out.push_back(std::move(d));
    }
    return out;
}

std::string compare_text(const Report &a, const Report &b, const std::string &a_name,
                         const std::string &b_name) {
    const std::vector<FigureDiff> diffs = compare_reports(a, b);
    std::ostringstream out;
    out << "A: " << a_name << " (" << a.scenario_name << ")\n";
    out << "B: " << b_name << " (" << b.scenario_name << ")\n\n";
    char line[256];
    std::snprintf(line, sizeof line, "%-36s %16s %16s %16s  %s\n", "figure", "A", "B",
                  "change (B - A)", "B is");
    out << line;
    int better = 0, worse = 0;
    for (const FigureDiff &d : diffs) {
        const std::string delta = d.delta ? format(*d.delta, d.unit, true) : "-";
        std::snprintf(line, sizeof line, "%-36s %16s %16s %16s  %s\n", d.figure.c_str(),
                      side_text(d.a, d.unit).c_str(), side_text(d.b, d.unit).c_str(), delta.c_str(),
                      to_string(d.change));
        out << line;
        better += d.change == Change::better;
        worse += d.change == Change::worse;
    }
    out << "\nB is better in " << better << " figure" << (better == 1 ? "" : "s")
        << " and worse in " << worse << ".\n";
    return out.str();
}

} // namespace model
