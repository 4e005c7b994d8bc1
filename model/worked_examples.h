#pragma once
// The rules behind the two worked examples, so that the app's sliders, the lessons and the
// tests agree: what the RTO example changes in its scenario and the textbook floor it compares
// the model's RTO with (C15), and how the break-even example prices the four patterns and
// picks a winner (C6). Running the model is the caller's: the app does it off the GUI thread.

#include "edit.h"
#include "report.h"
#include "scenario.h"

#include <array>
#include <cstdint>
#include <optional>

namespace model {

// C15 ---------------------------------------------------------------------------------------

// The scenario the RTO example runs again as a slider moves.
constexpr const char *kRtoExampleScenario = "dns-ttl-floor";

struct RtoInputs {
    Ms interval_ms = 30 * kSecond; // Route 53: 10 s (fast) or 30 s (standard)
    int threshold = 3;             // consecutive failed probes before "unhealthy"
    Ms ttl_ms = 60 * kSecond;
};

// The scenario's own values, to start the sliders at.
RtoInputs rto_inputs_of(const Scenario &s);
// Sets every health check's interval and threshold and every DNS name's TTL.
EditResult apply_rto_inputs(Scenario &s, const RtoInputs &in);
// The textbook's floor under a DNS failover's RTO: interval x threshold + TTL.
Ms textbook_rto_floor(const RtoInputs &in);

// C6 ----------------------------------------------------------------------------------------

enum class Pattern : std::uint8_t { single_region, warm_standby, hot_standby, active_active };
constexpr std::array<Pattern, 4> kPatterns = {Pattern::single_region, Pattern::warm_standby,
                                              Pattern::hot_standby, Pattern::active_active};
// The built-in scenario of each pattern.
const char *pattern_scenario(Pattern p);

struct MoneyInputs {
    double revenue_per_minute = 5000;
    double baseline_monthly = 50000;
    double outages_per_year = 1;
    Ms region_outage_ms = 60 * kMinute; // how long a region stays down
};

// Prices a pattern's scenario with the money inputs. One region cannot fail over, so its
// scenario gets a region outage of the given length (and a run long enough to see the end);
// the other patterns keep their own fault and recover by failing over.
EditResult price_pattern(Scenario &s, Pattern p, const MoneyInputs &in);

struct PatternCost {
    double cost_multiplier = 1;
    double extra_per_year = 0;    // running cost above the one-AZ baseline
    double downtime_min = 0;      // per outage: the model's RTO
    double downtime_per_year = 0; // what the outages cost
    double total() const { return extra_per_year + downtime_per_year; }
};
// A priced pattern's figures from its report; zeros where the report has no break-even.
PatternCost pattern_cost(const Report &priced);

struct BreakEvenTable {
    std::array<PatternCost, 4> rows;
    Pattern cheapest = Pattern::single_region; // lowest yearly total; the first on a tie
    // What a warm standby saves a year in downtime over one region: the most its extra
    // running cost can be worth (C6).
    double warm_standby_worth = 0;
    double warm_standby_extra = 0; // what it costs a year more than one region
    bool active_active_pays = false;
    double active_active_gap = 0; // its yearly total above the cheapest
};
BreakEvenTable break_even_table(const std::array<PatternCost, 4> &rows);

} // namespace model
