#pragma once
// The report of a run: the figures a learner, a quiz or a study asks about, computed from the
// raw run. Its JSON form is documented field by field in model/REPORT_FORMAT.md.

#include "run.h"
#include "scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace model {

constexpr const char *kReportFormat = "failover-lab-report";
constexpr int kReportVersion = 1;
constexpr double kRecoveredRatio = 0.99;
constexpr Ms kRecoveredHold = 60 * kSecond;

struct Breakdown {
    Ms detection = 0, propagation = 0, client_cache = 0, promotion = 0, warmup = 0, other = 0;
    Ms total() const { return detection + propagation + client_cache + promotion + warmup + other; }
};

// Whether an RTO could be measured, and if not, why.
enum class RtoStatus : std::uint8_t {
    ok,                       // measured: ms holds it
    not_recovered,            // below the threshold at the end of the run
    not_applicable,           // no fault, or no requests of this kind
    baseline_below_threshold, // already below the threshold before the fault
};
// The spelling of the report's JSON and text ("not_recovered", ...).
const char *to_string(RtoStatus status);

struct Rto {
    std::optional<Ms> ms;
    RtoStatus status = RtoStatus::not_applicable;
    // Whether the fault hurt these requests: they dipped below the threshold, for a while or
    // for good. A fault nobody noticed has an RTO of zero.
    bool hurt() const { return status == RtoStatus::not_recovered || (ms && *ms > 0); }
    std::optional<Ms> restored_at_ms;
    Breakdown breakdown;
};

struct Figures {
    Rto read, write;
    std::optional<Ms> rpo_ms;
    std::int64_t lost_writes = 0, divergent_writes = 0, conflicts = 0;
    std::int64_t requests = 0, failed = 0;
    Ms downtime_ms = 0;
    double availability = 1;
    double error_budget_used = 0;
    std::optional<std::int32_t> p99_write_latency_ms;
    double cost_multiplier = 1;
    // Times after the fault at which 50/90/99 % of the clients that had to move had moved.
    std::optional<Ms> moved50_ms, moved90_ms, moved99_ms;
};

struct FaultFigures {
    std::string id;
    std::string kind;
    Ms at_ms = 0;
    Figures figures;
};

struct PopulationFigures {
    std::string id;
    Figures figures;
    std::int64_t reasons[kFailReasons] = {};
};

// What a population's requests through a distribution met, counted over some span.
struct CdnCounts {
    std::int64_t cacheable = 0, hits = 0;
    std::int64_t misses_primary = 0, misses_secondary = 0, failovers = 0;
    std::int64_t reads_failed = 0, writes = 0, writes_failed = 0;
};

// A population that enters through a distribution (FACTS.md section 5): hits, misses by the
// origin that served them, failures by cause and latency; over the whole run, and during the
// summary fault (from its start to its end, or to the end of the run).
struct CdnFigures {
    std::string id; // the population
    std::string distribution, edge;
    CdnCounts total, outage;
    std::int64_t causes[kCdnCauses] = {};
    Ms hit_latency_ms = 0, miss_latency_ms = 0;
    std::optional<Ms> slowest_failover_ms;
    Ms failover_delay_ms = 0; // connection attempts x connection timeout
};

// Curriculum C6: what the design's downtime costs a year against what the extra regions cost.
struct BreakEven {
    double monthly_cost = 0;            // baseline_monthly x cost multiplier
    double extra_cost_per_year = 0;     // above the single-region baseline
    double downtime_min_per_outage = 0; // the slower of the read and write RTOs
    double outage_cost_per_year = 0;    // outages_per_year x downtime x revenue_per_minute
};

struct Report {
    std::uint64_t seed = 0;
    std::string scenario_name;
    double slo = 0; // the scenario's availability objective the error budget is measured against
    std::string fingerprint; // 16 hex digits
    Figures summary;
    std::string summary_fault; // the fault the summary's RTOs are measured from ("" none)
    std::vector<PopulationFigures> populations;
    std::vector<FaultFigures> faults;
    double cost_units = 0, cost_baseline = 0;
    std::optional<BreakEven> break_even; // when the scenario states a baseline monthly cost
    std::vector<CdnFigures> cdn;         // populations entering through a distribution
    Run run;
};

Report build_report(const Scenario &scenario, Run run);

// A stable 64-bit hash of the trace: every event and every sample, in order (FNV-1a over
// 64-bit words, each followed by a shift-xor to spread the high bits).
std::uint64_t fingerprint(const Run &run);

// Asks for one figure by name: "rto_read_s", "populations.eu-users.rto_write_s",
// "faults.f1.rpo_s", "first.endpoint_unhealthy" (seconds), "count.clients_moved".
// Returns nothing if the name is unknown or the figure is null.
std::optional<double> query_figure(const Report &report, const std::string &name);
std::vector<std::string> figure_names();

} // namespace model
