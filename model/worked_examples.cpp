// The worked examples' rules: the RTO example's inputs and textbook floor, the break-even's
// pricing and verdict.
#include "worked_examples.h"

#include <algorithm>

namespace model {

RtoInputs rto_inputs_of(const Scenario &s) {
    RtoInputs in;
    if (!s.health_checks.empty()) {
        in.interval_ms = s.health_checks.front().interval_ms;
        in.threshold = s.health_checks.front().failure_threshold;
    }
    if (!s.dns.empty())
        in.ttl_ms = s.dns.front().ttl_ms;
    return in;
}

EditResult apply_rto_inputs(Scenario &s, const RtoInputs &in) {
    // Edits a copy, so that a refused value leaves the scenario as it was.
    Scenario t = s;
    const auto seconds = [](Ms ms) { return static_cast<double>(ms) / 1000.0; };
    for (const auto &hc : s.health_checks) {
        if (EditResult r = set_field(t, hc.id, "interval_s", seconds(in.interval_ms)); !r.ok)
            return r;
        if (EditResult r = set_field(t, hc.id, "failure_threshold", in.threshold); !r.ok)
            return r;
    }
    for (const auto &d : s.dns)
        if (EditResult r = set_field(t, d.id, "ttl_s", seconds(in.ttl_ms)); !r.ok)
            return r;
    s = std::move(t);
    return EditResult(true, "inputs set");
}

Ms textbook_rto_floor(const RtoInputs &in) {
    return in.interval_ms * in.threshold + in.ttl_ms;
}

const char *pattern_scenario(Pattern p) {
    switch (p) {
    case Pattern::single_region:
        return "pattern-single-region-multi-az";
    case Pattern::warm_standby:
        return "pattern-warm-standby";
    case Pattern::hot_standby:
        return "pattern-hot-standby";
    case Pattern::active_active:
        return "pattern-active-active";
    }
    return "";
}

EditResult price_pattern(Scenario &s, Pattern p, const MoneyInputs &in) {
    // Edits a copy, so that a refused value leaves the scenario as it was.
    Scenario t = s;
    for (const auto &[field, value] :
         {std::pair<const char *, double>{"baseline_monthly", in.baseline_monthly},
          {"revenue_per_minute", in.revenue_per_minute},
          {"outages_per_year", in.outages_per_year}})
        if (EditResult r = set_field(t, "cost", field, value); !r.ok)
            return r;
    if (p != Pattern::single_region) {
        s = std::move(t);
        return EditResult(true, "priced");
    }
    // Ten minutes in, the region goes down for the outage's length; the run lasts until
    // twenty minutes after it is back (at most a day), so that the recovery is measured.
    Fault f;
    f.id = "region-down";
    f.kind = FaultKind::region_outage;
    f.region = t.regions.empty() ? std::string() : t.regions.front().id;
    f.at_ms = 10 * kMinute;
    f.until_ms = f.at_ms + in.region_outage_ms;
    t.faults.clear();
    const Ms needed = std::min<Ms>(*f.until_ms + 20 * kMinute, 24 * kHour);
    if (t.settings.duration_ms < needed)
        if (EditResult r = set_field(t, "settings", "duration_s",
                                     static_cast<double>(needed) / static_cast<double>(kSecond));
            !r.ok)
            return r;
    if (EditResult r = add_fault(t, f); !r.ok)
        return r;
    s = std::move(t);
    return EditResult(true, "priced");
}

PatternCost pattern_cost(const Report &priced) {
    PatternCost c;
    c.cost_multiplier = priced.summary.cost_multiplier;
    if (priced.break_even) {
        c.extra_per_year = priced.break_even->extra_cost_per_year;
        c.downtime_min = priced.break_even->downtime_min_per_outage;
        c.downtime_per_year = priced.break_even->outage_cost_per_year;
    }
    return c;
}

BreakEvenTable break_even_table(const std::array<PatternCost, 4> &rows) {
    BreakEvenTable out;
    out.rows = rows;
    std::size_t best = 0;
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (rows[i].total() < rows[best].total())
            best = i;
    out.cheapest = kPatterns[best];
    const PatternCost &single = rows[0], &warm = rows[1], &active = rows[3];
    out.warm_standby_worth = std::max(0.0, single.downtime_per_year - warm.downtime_per_year);
    out.warm_standby_extra = std::max(0.0, warm.extra_per_year - single.extra_per_year);
    out.active_active_pays = out.cheapest == Pattern::active_active;
    out.active_active_gap = active.total() - rows[best].total();
    return out;
}

} // namespace model
