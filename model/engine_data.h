#pragma once
// The data layer: each database's writer and replicas, promotion and switchover, the writer
// endpoint the app tiers cache, replication as it catches up, and the accounting of every
// acknowledged write by sequence-number ranges.

#include "engine_events.h"
#include "engine_faults.h"
#include "engine_kernel.h"
#include "random.h"
#include "run.h"
#include "scenario.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace model::engine {

// Writes an instance acknowledged between two instants, at a constant rate: sequence numbers
// (seq_from, seq_to] were issued evenly over (from, to]. The whole numbers are the rates'
// volume rounded; exact_from and exact_to are that volume unrounded, in the same numbering,
// so that a point inside the span is placed to within half a write.
struct WriteSpan {
    Ms from = 0, to = 0;
    std::int64_t seq_from = 0, seq_to = 0;
    double exact_from = 0, exact_to = 0;
};

using SeqRanges = std::vector<std::pair<std::int64_t, std::int64_t>>; // held ranges [a, b)

// One copy of a database: a writer or a replica, where it is and what it holds.
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
    SeqRanges ranges;
    std::vector<WriteSpan> log; // the writes it acknowledged, span by span
    Ms sync_broken_since = -1;
};

// One database: its instances, who writes and who follows, and its write accounts.
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

// Every database of the scenario; the only part that changes them.
class Data {
public:
    Data(Kernel &kernel, const Faults &faults);

    const DbState &db(int d) const { return dbs_[static_cast<std::size_t>(d)]; }
    bool instance_up(int d, int i) const;
    // The instance an app tier reads from: one in its region if up, else its writer endpoint's.
    int read_instance(int d, int tier) const;
    // Whether a majority of the voters is up and reachable from `leader`; the commit round trip.
    bool has_quorum(int d, int leader, Ms *commit_rtt) const;

    // Something in the world changed: writers lost and restored, sync peers out of reach.
    void state_changed(Ms t);

    // Faults and operator actions that act on a database.
    void crash_writer(int d);
    void restart_instances(int d);
    void break_replication(Ms t, const Fault &fault);
    void repair_replication(Ms t, const Fault &fault);
    void promote_by_operator(Ms t, const Fault &fault);
    void switchover(Ms t, const Fault &fault);
    void fail_back(Ms t, int d);
    // App tiers starting again in a region resolve the writer endpoint afresh.
    void region_back(Ms t, int region);

    void handle(Ms t, const ev::DbAct &e);
    void handle(Ms t, const ev::PromotionDone &e);
    void handle(Ms t, const ev::EndpointChange &e);
    void handle(Ms t, const ev::TierRefresh &e);
    void handle(Ms t, const ev::AzFailoverDone &e);
    void handle(Ms t, const ev::SwitchoverDone &e);
    void handle(Ms t, const ev::Recheck &e);

    // Writes an app tier's requests made over a span, through its cached writer endpoint.
    void record_tier_writes(int tier, std::int64_t count, double exact, Ms from, Ms to);
    // Replicas hold what reached them up to t (before anything changes at t).
    void catch_up(Ms t);
    // End of a sample step: conflicts, replication lags, the cumulative series.
    void finish_step(int step, Ms t_end,
                     const std::vector<std::vector<std::int64_t>> &pop_tier_writes);
    void finish_accounts();

private:
    void build();
    void promote(Ms t, int d, int instance, const char *why);
    void start_switchover(Ms t, int d, int instance);
    void record_writes(int d, int instance, std::int64_t count, double exact, Ms from, Ms to);
    bool replica_flowing(int d, int i) const;
    void replicate(int d, int step);
    void count_conflicts(Ms t_end, const std::vector<std::vector<std::int64_t>> &pop_tier_writes);
    void multi_writer_state(Ms t, int d);
    void single_writer_state(Ms t, int d);

    Kernel &k_;
    const Scenario &s_;
    const Topology &topo_;
    const Faults &faults_;
    std::vector<DbState> dbs_;
    std::vector<std::vector<int>> key_sets_; // populations writing the same keys
};

// Write-log arithmetic shared by the data layer's files (engine_data_writes.cpp).
// The sequence number a log had reached at time t (0 before the first write).
std::int64_t seq_at(const std::vector<WriteSpan> &log, Ms t);
// The time of the last write a log holds (-1 if none).
Ms last_write(const std::vector<WriteSpan> &log);
std::int64_t held(const SeqRanges &ranges);
SeqRanges clip(const SeqRanges &ranges, std::int64_t below);
// A replication lag drawn from its spread.
Ms sample_lag(Random &rng, const LagSpec &lag);

} // namespace model::engine
