// The data layer, part three: writes. Every acknowledged write is accounted for by
// sequence-number ranges; replicas catch up by their lag; multi-writer conflicts are counted.
#include "engine_data.h"

#include <algorithm>
#include <cmath>

namespace model::engine {

// Sequence number the log had reached at time t (0 before the first write). Within a span the
// writes were issued evenly, so the count is interpolated (from the unrounded volume, to the
// nearest write).
std::int64_t seq_at(const std::vector<WriteSpan> &log, Ms t) {
    auto it = std::lower_bound(log.begin(), log.end(), t,
                               [](const WriteSpan &w, Ms v) { return w.to < v; });
    if (it == log.end())
        return log.empty() ? 0 : log.back().seq_to;
    const std::int64_t before = it == log.begin() ? 0 : std::prev(it)->seq_to;
    if (t <= it->from)
        return before;
    const double exact = it->exact_from + (it->exact_to - it->exact_from) *
                                              static_cast<double>(t - it->from) /
                                              static_cast<double>(it->to - it->from);
    return std::clamp<std::int64_t>(std::llround(exact), it->seq_from, it->seq_to);
}

// The time of the last write the log holds (-1 if none).
Ms last_write(const std::vector<WriteSpan> &log) {
    for (auto it = log.rbegin(); it != log.rend(); ++it)
        if (it->seq_to > it->seq_from)
            return it->to;
    return -1;
}

std::int64_t held(const SeqRanges &ranges) {
    std::int64_t n = 0;
    for (const auto &[a, b] : ranges)
        n += b - a;
    return n;
}

SeqRanges clip(const SeqRanges &ranges, std::int64_t below) {
    SeqRanges out;
    for (const auto &[a, b] : ranges)
        if (a < below)
            out.emplace_back(a, std::min(b, below));
    return out;
}

// A lag drawn from a piecewise-linear quantile function through (0, lo), (0.5, median),
// (0.99, p99) and (1, 1.5 p99), where lo = median - (p99 - median) / 4 (at least 0): a
// right-skewed spread that collapses to a constant when p99 == median, and draws the same
// values on every platform.
Ms sample_lag(Random &rng, const LagSpec &lag) {
    if (lag.p99_ms <= lag.median_ms)
        return lag.median_ms; // a fixed lag draws nothing
    const double u = rng.unit();
    const double m = static_cast<double>(lag.median_ms), p = static_cast<double>(lag.p99_ms);
    const double lo = m - (p - m) / 4 > 0 ? m - (p - m) / 4 : 0;
    double v;
    if (u < 0.5)
        v = lo + (m - lo) * (u / 0.5);
    else if (u < 0.99)
        v = m + (p - m) * ((u - 0.5) / 0.49);
    else
        v = p + (1.5 * p - p) * ((u - 0.99) / 0.01);
    return static_cast<Ms>(std::llround(v));
}

void Data::record_tier_writes(int tier, std::int64_t count, double exact, Ms from, Ms to) {
    for (int d : topo_.tier_dbs(tier))
        record_writes(
            d, dbs_[static_cast<std::size_t>(d)].tier_endpoint[static_cast<std::size_t>(tier)],
            count, exact, from, to);
}

void Data::record_writes(int d, int instance, std::int64_t count, double exact, Ms from, Ms to) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    DbInstance &in = db.inst[static_cast<std::size_t>(instance)];
    const std::int64_t first = db.next_seq;
    const double first_exact = db.next_exact;
    db.next_seq += count;
    db.next_exact += exact;
    db.accounts.acknowledged += count;
    if (count > 0) {
        if (!in.ranges.empty() && in.ranges.back().second == first)
            in.ranges.back().second = db.next_seq;
        else
            in.ranges.emplace_back(first, db.next_seq);
    }
    in.log.push_back(WriteSpan{from, to, first, db.next_seq, first_exact, db.next_exact});
    if (db.multi)
        return;
    if (instance != db.writer) {
        // A replaced writer that nobody fenced off is still taking writes: split brain.
        if (!in.announced && count > 0) {
            k_.emit(to, EventKind::split_brain_write, s_.databases[static_cast<std::size_t>(d)].id,
                    {{"region", topo_.region_id(in.region)}, {"count", count}});
            in.announced = true;
        }
        db.accounts.divergent += count;
        return;
    }
    // A synchronous peer (or a consensus majority) holds every write it acknowledged.
    for (std::size_t i = 0; i < db.inst.size(); ++i) {
        DbInstance &peer = db.inst[i];
        const bool sync = (peer.mode == Replication::sync && !peer.standalone &&
                           !peer.stale_writer && peer.replica_index >= 0) ||
                          (peer.voter && static_cast<int>(i) != instance);
        if (!sync || peer.promoting)
            continue;
        const bool reachable = instance_up(d, static_cast<int>(i)) && !peer.link_broken &&
                               faults_.regions_connected(in.region, peer.region);
        if (reachable && (peer.voter || peer.sync_broken_since < 0)) {
            peer.received = db.next_seq;
            peer.received_until = to;
        }
    }
}

void Data::count_conflicts(Ms t_end,
                           const std::vector<std::vector<std::int64_t>> &pop_tier_writes) {
    for (std::size_t di = 0; di < dbs_.size(); ++di) {
        DbState &db = dbs_[di];
        if (!db.multi)
            continue;
        const Database &spec = s_.databases[di];
        // Two writes to the same key from different writers within the replication window
        // (plus clock skew) collide. Populations that name the same key set write the same keys,
        // wherever they are; a population with no key set writes a partition of its own.
        const double window = static_cast<double>(db.link_lag + spec.clock_skew_ms);
        const double step = static_cast<double>(k_.out.step_ms);
        double expected = 0;
        for (const auto &members : key_sets_) {
            std::vector<double> per(db.inst.size(), 0.0);
            for (int p : members) {
                const auto &tiers = pop_tier_writes[static_cast<std::size_t>(p)];
                for (std::size_t t = 0; t < tiers.size(); ++t) {
                    const auto &deps = s_.app_tiers[t].depends_on;
                    if (tiers[t] == 0 || std::find(deps.begin(), deps.end(), spec.id) == deps.end())
                        continue;
                    per[static_cast<std::size_t>(db.tier_endpoint[t])] +=
                        static_cast<double>(tiers[t]);
                }
            }
            for (std::size_t i = 0; i < per.size(); ++i)
                for (std::size_t j = i + 1; j < per.size(); ++j) {
                    const double pairs = per[i] * per[j] * 2.0 * window / (spec.hot_keys * step);
                    expected += std::min(pairs, std::min(per[i], per[j]));
                }
        }
        const double before = db.conflict_cum;
        db.conflict_cum += expected;
        const std::int64_t n = std::llround(db.conflict_cum) - std::llround(before);
        if (n <= 0)
            continue;
        db.accounts.conflicts += n;
        db.accounts.lost_updates += n; // last writer wins: one of each pair is discarded
        db.conflicts_unreported += n;
        if (db.conflicts_reported_at < 0 || t_end - db.conflicts_reported_at >= 10 * kSecond) {
            k_.emit(
                t_end, EventKind::conflict, spec.id,
                {{"count", db.conflicts_unreported}, {"lost_updates", db.conflicts_unreported}});
            db.conflicts_unreported = 0;
            db.conflicts_reported_at = t_end;
        }
    }
}

// Whether replica i is receiving its source's writes now.
bool Data::replica_flowing(int d, int i) const {
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    const DbInstance &in = db.inst[static_cast<std::size_t>(i)];
    if (db.multi || i == db.source || in.writer || in.standalone || in.stale_writer)
        return false;
    const DbInstance &src = db.inst[static_cast<std::size_t>(db.source)];
    return instance_up(d, db.source) && !in.promoting && !in.link_broken && instance_up(d, i) &&
           faults_.regions_connected(src.region, in.region);
}

// Every flowing replica holds each write its source acknowledged up to t - lag(t). Called at
// every event and step end, before the state changes, so that a fault at any instant finds
// the replicas exactly where the lag puts them.
void Data::catch_up(Ms t) {
    for (std::size_t d = 0; d < dbs_.size(); ++d) {
        DbState &db = dbs_[d];
        const auto &log = db.inst[static_cast<std::size_t>(db.source)].log;
        for (std::size_t i = 0; i < db.inst.size(); ++i) {
            if (!replica_flowing(static_cast<int>(d), static_cast<int>(i)))
                continue;
            DbInstance &in = db.inst[i];
            const Ms until = t - in.lag_now;
            if (until <= in.received_until)
                continue;
            in.received = std::max(in.received, seq_at(log, until));
            in.received_until = until;
        }
    }
}

// At the end of a sample step, after catch_up: the lag series takes the lag that was in force,
// and the next step's lag is drawn.
void Data::replicate(int d, int step) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    for (std::size_t i = 0; i < db.inst.size(); ++i) {
        DbInstance &in = db.inst[i];
        bool draw = false;
        if (db.multi && in.writer) {
            in.lag_now =
                instance_up(d, static_cast<int>(i)) ? db.link_lag : in.lag_now + k_.out.step_ms;
        } else if (static_cast<int>(i) == db.source || in.writer || in.standalone ||
                   in.stale_writer) {
            continue;
        } else if (replica_flowing(d, static_cast<int>(i))) {
            draw = true;
        } else if (!in.promoting) {
            in.lag_now += k_.out.step_ms;
        }
        const int series = db.lag_series[i];
        if (series >= 0)
            k_.out.lags[static_cast<std::size_t>(series)].lag_ms[static_cast<std::size_t>(step)] =
                static_cast<std::int32_t>(std::min<Ms>(in.lag_now, 2000000000));
        if (draw) {
            const bool synchronous = in.voter || in.mode == Replication::sync;
            in.lag_now = (synchronous ? 0 : sample_lag(db.lag_rng, in.lag)) + in.extra_lag;
        }
    }
    if (db.multi)
        db.link_lag = sample_lag(db.lag_rng, spec.lag);
}

// Conflicts under the lag in force this step; replicas catch up (the writes themselves were
// recorded segment by segment) and the next step's lags are drawn.
void Data::finish_step(int step, Ms t_end,
                       const std::vector<std::vector<std::int64_t>> &pop_tier_writes) {
    count_conflicts(t_end, pop_tier_writes);
    catch_up(t_end);
    for (std::size_t d = 0; d < dbs_.size(); ++d)
        replicate(static_cast<int>(d), step);
    std::int64_t lost = 0, conflicts = 0;
    for (const auto &db : dbs_) {
        lost += db.accounts.lost;
        conflicts += db.accounts.conflicts;
    }
    const auto k = static_cast<std::size_t>(step);
    k_.out.lost_writes_cumulative[k] = lost;
    k_.out.conflicts_cumulative[k] = conflicts;
}

void Data::finish_accounts() {
    for (auto &db : dbs_) {
        if (db.multi) {
            db.accounts.present = 0;
            for (const auto &in : db.inst)
                if (in.writer)
                    db.accounts.present += held(in.ranges);
        } else {
            db.accounts.present = held(db.inst[static_cast<std::size_t>(db.writer)].ranges);
        }
        k_.out.writes.push_back(db.accounts);
    }
}

} // namespace model::engine
