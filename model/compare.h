#pragma once
// Two designs compared: each figure of a report for design A and design B, the change from A to
// B with its sign, and whether B is better, worse or the same. The one place the rule lives;
// the app's diff view and `failover-lab compare` only show it.

#include "report.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace model {

// Which way a figure is better.
enum class Better : std::uint8_t { lower, higher, neither };

// What happened to a figure from A to B.
enum class Change : std::uint8_t {
    same,          // equal, or both not recovered
    better,        // B is better
    worse,         // B is worse
    changed,       // different, but neither way is better (requests, a part of an RTO)
    not_comparable // one side has a value, the other none (not applicable there)
};

// How a figure's value reads: seconds, milliseconds, a count, a share of 1 (a percentage on
// screen), a multiple of a single-region baseline, money.
enum class FigureUnit : std::uint8_t { seconds, milliseconds, count, share, multiplier, money };

// One side's value of a figure: a number; or none, with not_recovered when the RTO was never
// reached (worse than any number); or none because the figure does not apply.
struct SideValue {
    std::optional<double> value;
    bool not_recovered = false;
    bool operator==(const SideValue &) const = default;
};

struct FigureDiff {
    std::string figure; // the name query_figure() takes, e.g. "rto_read_s"
    FigureUnit unit = FigureUnit::count;
    Better better = Better::lower;
    SideValue a, b;
    std::optional<double> delta; // b - a, when both have a value
    Change change = Change::same;
};

// The rule for one figure.
Change compare_values(Better better, const SideValue &a, const SideValue &b);

// The figures compared, in the order they are listed: the summary's RTOs, RPO, writes lost and
// divergent, conflicts, failed requests, downtime, availability, error budget, p99 write
// latency, cost, how fast clients moved, the RTO breakdowns, the break-even.
struct ComparedFigure {
    std::string figure;
    FigureUnit unit;
    Better better;
};
const std::vector<ComparedFigure> &compared_figures();

// Every compared figure that has a value (or is not recovered) on at least one side.
std::vector<FigureDiff> compare_reports(const Report &a, const Report &b);

// The diff as a plain-text table (the command line): figure, A, B, change, verdict.
std::string compare_text(const Report &a, const Report &b, const std::string &a_name,
                         const std::string &b_name);
// "better", "worse", "same", "changed", "n/a".
const char *to_string(Change change);

} // namespace model
