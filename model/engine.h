#pragma once
// Design note: the simulation engine.
//
// A run is a discrete-event simulation in whole milliseconds. State (regions, partitions, health
// verdicts, DNS answers, which region each client cohort is using, who the database writer is)
// changes only at events taken from one queue in (time, insertion) order. Between events the
// state is constant, so request traffic is not simulated request by request: for every span
// between two events (cut at sample-step boundaries) the engine integrates request *rates*
// per population, target and outcome, and turns them into whole numbers per step with a
// carried remainder. A cache refresh that returns the same answer is not an event; each
// cohort's move time is computed once per answer change. Write sequence numbers are handed
// out as ranges per step. The same scenario and seed therefore cost the same few thousand
// events whatever the request rate, and give the same trace on every machine.

#include "engine_events.h"
#include "event_queue.h"
#include "random.h"
#include "run.h"
#include "scenario.h"

#include <array>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace model::engine {

enum class Regime : std::uint8_t { pass, fail, random };

struct Checker {
    std::string location;
    Ms phase = 0;
    bool healthy = true;
    int contrary = 0;
    Regime regime = Regime::pass;
    double fail_share = 0;
    std::uint32_t gen = 0;
};

// A set of checkers probing one app tier: a Route 53 health check or an accelerator's.
struct Monitor {
    std::string id;
    int tier = -1;
    Ms interval = 30000;
    int threshold = 3;
    bool deep = false;
    int accelerator = -1; // -1: a Route 53 health check
    std::vector<Checker> checkers;
    bool healthy = true;   // the checkers' aggregate verdict
    bool effective = true; // what DNS answers use (after the verdict delay)
    std::uint32_t effective_gen = 0;
    int failing = 0; // checkers currently saying unhealthy
};

struct Answer {
    std::vector<std::pair<int, double>> parts; // tier -> share; empty: no answer
    bool operator==(const Answer &o) const { return parts == o.parts; }
};

struct Cohort {
    int tier = -1;
    double pick = 0; // stable draw in [0,1) for weighted answers
    Ms period = 60000;
    Ms phase = 0;
    Ms pending = -1; // time of the scheduled refresh, -1 none
};

struct PopulationState {
    int entry_dns = -1;
    int entry_accelerator = -1;
    std::vector<Cohort> cohorts;
    std::vector<double> share; // per tier slot (last slot: no answer)
    Answer answer;
    int to_move = 0, moved = 0, next_mark = 0;
    std::vector<Ms> rtt_to_region; // public internet
    std::vector<Ms> rtt_via_accelerator;
};

// Writes an instance acknowledged between two instants, at a constant rate: sequence numbers
// (seq_from, seq_to] were issued evenly over (from, to]. The whole numbers are the rates'
// volume rounded; exact_from and exact_to are that volume unrounded, in the same numbering,
// so that a point inside the span is placed to within half a write.
struct WriteSpan {
    Ms from = 0, to = 0;
    std::int64_t seq_from = 0, seq_to = 0;
    double exact_from = 0, exact_to = 0;
};

struct DbInstance {
    int region = -1;
    int az = 0;
    bool writer = false;       // takes writes as the database's writer
    bool stale_writer = false; // was replaced while away and still believes it is the writer
    bool standalone = false;   // promoted: replicates from nobody
    bool voter = false;        // consensus: a member of the write quorum
    bool announced = false;    // a split-brain episode has been reported
    bool lease_lost = false;   // lease fencing: its lease ran out, it refuses writes
    bool was_up = true;
    bool crashed = false;
    bool promoting = false;
    int replica_index = -1; // index into Database::replicas, -1 for the first writer
    Replication mode = Replication::async;
    LagSpec lag;
    Ms extra_lag = 0;
    bool link_broken = false;
    std::int64_t received = 0; // highest sequence number held from the source writer
    Ms received_until = 0;     // ... which holds every write the source acknowledged up to here
    Ms lag_now = 0;            // the replication lag in force now
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges; // held sequence ranges [a, b)
    std::vector<WriteSpan> log; // the writes it acknowledged, span by span
    Ms sync_broken_since = -1;
};

struct DbState {
    std::vector<DbInstance> inst;
    int source = 0;                 // the instance replicas follow
    int writer = 0;                 // the current writer (by the control plane)
    int endpoint = 0;               // where the writer endpoint record points
    std::vector<int> tier_endpoint; // per tier: the instance its cached endpoint names
    std::vector<Ms> tier_phase;
    std::int64_t next_seq = 0;
    double next_exact = 0; // next_seq before rounding
    bool acting = false;   // a promotion decision is pending
    std::uint32_t gen = 0;
    Ms writer_lost_at = -1;
    Ms az_failover_until = -1;
    bool paused = false; // switchover in progress: writes wait
    bool multi = false;  // multi_writer: every writer instance takes writes
    bool consensus = false;
    Ms link_lag = 0; // multi_writer: the current lag between writers
    double conflict_cum = 0;
    std::int64_t conflicts_unreported = 0;
    Ms conflicts_reported_at = -1;
    WriteAccounts accounts;
    std::vector<int> lag_series; // index into Run::lags per instance, -1 none
    Random lag_rng{0};           // lag draws, a stream of their own
};

struct TierStatus {
    bool region_up = true;
    double capacity = 0; // requests per second it can serve now
    bool scaling = false, scaled = false;
    // per op (0 read, 1 write): deterministic failure reason (-1 none) and added latency
    int dep_fail[2] = {-1, -1};
    Ms dep_latency[2] = {0, 0};
    double brown = 0;
    Ms brown_latency = 0;
    double shed = 0;
    double demand = 0;
    Ms queue_ms = 0;
};

class Engine {
public:
    Engine(const Scenario &scenario, std::uint64_t seed, Ms until);
    Run run();

private:
    // set-up (engine.cpp)
    void build();
    void schedule(Ms t, Pending p) { queue_.schedule(t, p); }
    void emit(Ms t, EventKind kind, std::string subject,
              std::vector<std::pair<std::string, Value>> data = {});
    void milestone(Ms t, Chain chain, Stage stage, int population = -1);
    void dispatch(Ms t, const Pending &p);
    void handle(Ms t, const ev::FaultStart &e) { fault_start(t, e.fault); }
    void handle(Ms t, const ev::FaultEnd &e) { fault_end(t, e.fault); }
    void handle(Ms t, const ev::CheckerFlip &e) { checker_flip(t, e.monitor, e.checker, e.gen); }
    void handle(Ms t, const ev::Probe &e) { probe(t, e.monitor, e.checker, e.gen); }
    void handle(Ms t, const ev::VerdictEffective &e);
    void handle(Ms t, const ev::LbVerdict &e) { lb_verdict(t, e.tier, e.healthy, e.checks, e.gen); }
    void handle(Ms t, const ev::EthUpdate &e);
    void handle(Ms t, const ev::CohortRefresh &e) { cohort_refresh(t, e.population, e.cohort); }
    void handle(Ms t, const ev::ScaleReady &e);
    void handle(Ms t, const ev::DbAct &e) { db_act(t, e.db, e.gen); }
    void handle(Ms t, const ev::PromotionDone &e) { promotion_done(t, e.db, e.instance); }
    void handle(Ms t, const ev::EndpointChange &e) { endpoint_change(t, e.db, e.instance); }
    void handle(Ms t, const ev::TierRefresh &e) { tier_refresh(t, e.db, e.tier); }
    void handle(Ms t, const ev::AzFailoverDone &e);
    void handle(Ms t, const ev::DnsEdit &e);
    void handle(Ms t, const ev::SwitchoverDone &e) { switchover_done(t, e.db, e.instance); }
    void handle(Ms t, const ev::Recheck &e);
    void state_changed(Ms t);
    int region_index(const std::string &id) const;
    int tier_index(const std::string &id) const;
    int store_index(const std::string &id) const;
    int db_index(const std::string &id) const;
    int dns_index(const std::string &id) const;
    Ms rtt(int region_a, int region_b) const;
    Ms compute_rtt(int region_a, int region_b) const;

    // faults (engine_faults.cpp)
    void fault_start(Ms t, int f);
    void fault_end(Ms t, int f);
    bool region_up(int r) const { return region_down_[static_cast<std::size_t>(r)] == 0; }
    bool regions_connected(int a, int b) const;
    bool users_reach(int r) const;
    bool checkers_reach(int r, const std::string &location) const;

    // health (engine_health.cpp)
    void build_monitors();
    void refresh_probes(Ms t);
    void checker_flip(Ms t, int m, int c, std::uint32_t gen);
    void probe(Ms t, int m, int c, std::uint32_t gen);
    void checker_changed(Ms t, int m);
    Regime probe_regime(const Monitor &mon, const Checker &chk, double &fail_share) const;
    bool tier_serving(int tier) const;
    void refresh_target_health(Ms t);
    void lb_verdict(Ms t, int tier, bool healthy, int checks, std::uint32_t gen);

    // routing and clients (engine_routing.cpp)
    void build_populations();
    Answer resolve(int population, int dns, int depth) const;
    bool record_healthy(const DnsRecord &rec, int population, int depth) const;
    Answer accelerator_route(int population) const;
    void refresh_answers(Ms t, bool accelerators_only);
    void cohort_refresh(Ms t, int p, int c);
    void move_cohort(Ms t, int p, int c, int tier);
    int pick(const Answer &a, double u) const;
    Ms answer_ttl(int dns, int depth) const;

    // requests (engine_flows.cpp)
    void compute_flows(Ms t);
    void integrate(Ms from, Ms to);
    void finish_step(int step, Ms t_end);
    void tier_status(Ms t, int tier, TierStatus &st);
    void settle_load(int tier);

    // data (engine_data.cpp)
    void build_databases();
    void data_state_changed(Ms t);
    void db_act(Ms t, int d, std::uint32_t gen);
    void promote(Ms t, int d, int instance, const char *why);
    void promotion_done(Ms t, int d, int instance);
    void endpoint_change(Ms t, int d, int instance);
    void tier_refresh(Ms t, int d, int tier);
    void record_writes(int d, int instance, std::int64_t count, double exact, Ms from, Ms to);
    void record_segment_writes(Ms from, Ms to);
    bool replica_flowing(int d, int i) const;
    void catch_up(Ms t);
    void replicate(int d, int step);
    void fail_back(Ms t, int d);
    void start_switchover(Ms t, int d, int instance);
    void switchover_done(Ms t, int d, int instance);
    void count_conflicts(Ms t_end, const std::vector<std::vector<std::int64_t>> &pop_tier_writes);
    bool has_quorum(int d, int leader, Ms *commit_rtt) const;
    bool instance_up(int d, int i) const;
    int read_instance(int d, int tier) const;
    void finish_accounts();

    const Scenario &s_;
    Run out_;
    Random rng_;
    Ms end_;
    Agenda<Pending> queue_;
    std::int64_t seq_ = 0;

    // indices resolved once, for the hot paths
    std::vector<int> tier_region_;
    std::vector<Ms> rtt_; // region x region
    std::vector<std::vector<int>> tier_stores_, tier_dbs_, store_copies_;
    std::vector<std::vector<char>> cut_; // per fault: 1 for the regions a partition cuts off

    // state
    std::vector<int> region_down_;
    std::vector<std::vector<int>> az_down_;
    std::vector<int> active_partitions_;       // fault indices
    std::vector<int> impaired_checker_faults_; // fault indices
    int control_plane_impaired_ = 0;
    std::vector<std::vector<int>> brownouts_; // per tier/store id index: fault indices
    std::vector<Monitor> monitors_;
    std::vector<int> check_monitor_;              // health check -> monitor
    std::vector<std::vector<int>> accel_monitor_; // accelerator -> endpoint tier -> monitor
    std::vector<bool> eth_watched_;               // per tier: an alias with ETH points at it
    std::vector<bool> eth_healthy_;               // per tier, as DNS sees it
    std::vector<bool> eth_target_;                // per tier, what it is heading to
    std::vector<std::uint32_t> eth_gen_;
    std::vector<DnsName> dns_; // live copy: manual edits change it
    std::vector<PopulationState> pops_;
    std::vector<TierStatus> tiers_;
    std::vector<bool> tier_scaling_, tier_scaled_;
    std::vector<DbState> dbs_;
    std::vector<std::vector<int>> key_sets_; // populations writing the same keys

    // flows: index ((p * slots + slot) * 2 + op) * kOutcomes + outcome
    static constexpr int kOutcomes = 1 + kFailReasons;
    int slots_ = 0;
    bool dirty_ = true;        // the flows need recomputing
    bool status_dirty_ = true; // ... and so do the tiers' statuses (not just who goes where)
    void invalidate() { dirty_ = status_dirty_ = true; }
    std::vector<double> rate_, acc_, cum_;
    std::vector<std::int32_t> latency_;
    std::vector<int> active_;
    std::vector<std::uint8_t> is_active_;
    // Served requests this step per cell, and served writes not yet added to the latency
    // histogram (flushed whenever latencies change, and at the end).
    std::vector<std::int64_t> served_, writes_pending_;
    // Per cell: served requests already handed to the data layer (whole numbers, cumulative).
    std::vector<std::int64_t> written_;
    std::vector<std::int64_t> segment_writes_; // per tier, in the current segment
    std::vector<double> segment_exact_;        // ... unrounded
    std::vector<char> segment_writing_;        // per tier: served writes flowed in the segment
    // Per population: (latency, cell, jitter index) in latency order, rebuilt with the flows.
    std::vector<std::vector<std::tuple<std::int32_t, int, int>>> latency_order_;
    void flush_write_latencies();
    std::vector<std::vector<std::int64_t>> pop_tier_writes_;
};

} // namespace model::engine
