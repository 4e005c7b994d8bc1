// The data layer: the writer, its replicas, promotion, the writer endpoint the app tiers cache,
// and the accounting of every acknowledged write by sequence-number ranges.
#include "engine.h"

#include <algorithm>
#include <cmath>

namespace model::engine {
namespace {

// Sequence number the log had reached at time t (0 before the first write). Each entry closes a
// sample step whose writes were issued evenly over the step, so the count is interpolated.
std::int64_t seq_at(const std::vector<std::pair<Ms, std::int64_t>> &log, Ms t, Ms step) {
    auto it = std::upper_bound(log.begin(), log.end(), t,
                               [](Ms v, const auto &e) { return v < e.first; });
    const std::int64_t before = it == log.begin() ? 0 : std::prev(it)->second;
    if (it == log.end() || it->first - step >= t)
        return before;
    const Ms into = t - (it->first - step);
    return before + (it->second - before) * into / step;
}

// The time at which the log first reached sequence number seq, interpolated within its step
// (-1 if never).
Ms time_of(const std::vector<std::pair<Ms, std::int64_t>> &log, std::int64_t seq, Ms step) {
    std::int64_t before = 0;
    for (const auto &[t, s] : log) {
        if (s >= seq)
            return s == before ? t : t - step + step * (seq - before) / (s - before);
        before = s;
    }
    return -1;
}

std::int64_t held(const std::vector<std::pair<std::int64_t, std::int64_t>> &ranges) {
    std::int64_t n = 0;
    for (const auto &[a, b] : ranges)
        n += b - a;
    return n;
}

std::vector<std::pair<std::int64_t, std::int64_t>>
clip(const std::vector<std::pair<std::int64_t, std::int64_t>> &ranges, std::int64_t below) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (const auto &[a, b] : ranges)
        if (a < below)
            out.emplace_back(a, std::min(b, below));
    return out;
}

// A lag drawn from a piecewise-linear quantile function through (0, median/2), (0.5, median),
// (0.99, p99) and (1, 1.5 p99): simple, and the same on every platform.
Ms sample_lag(Random &rng, const LagSpec &lag) {
    const double u = rng.unit();
    const double m = static_cast<double>(lag.median_ms), p = static_cast<double>(lag.p99_ms);
    double v;
    if (u < 0.5)
        v = m / 2 + (m - m / 2) * (u / 0.5);
    else if (u < 0.99)
        v = m + (p - m) * ((u - 0.5) / 0.49);
    else
        v = p + (1.5 * p - p) * ((u - 0.99) / 0.01);
    return static_cast<Ms>(std::llround(v));
}

} // namespace

void Engine::build_databases() {
    for (std::size_t d = 0; d < s_.databases.size(); ++d) {
        const Database &spec = s_.databases[d];
        DbState db;
        DbInstance w;
        w.region = region_index(spec.kind == DbKind::single_writer || spec.kind == DbKind::global
                                    ? spec.writer
                                    : spec.writers.front());
        w.writer = true;
        db.inst.push_back(w);
        for (std::size_t r = 0; r < spec.replicas.size(); ++r) {
            DbInstance rep;
            rep.region = region_index(spec.replicas[r].region);
            rep.replica_index = static_cast<int>(r);
            rep.mode = spec.replicas[r].mode;
            rep.lag = spec.replicas[r].lag;
            db.inst.push_back(rep);
        }
        db.tier_endpoint.assign(s_.app_tiers.size(), 0);
        Random r = rng_.fork(0x6462000000000000ULL + d);
        const Ms period = spec.endpoint_cache == EndpointCache::fixed ? spec.endpoint_cache_ms
                                                                      : spec.endpoint_ttl_ms;
        for (std::size_t t = 0; t < s_.app_tiers.size(); ++t)
            db.tier_phase.push_back(period > 0 ? static_cast<Ms>(r.below(static_cast<std::uint64_t>(period))) : 0);
        db.accounts.database = spec.id;
        for (const auto &in : db.inst) {
            if (in.writer) {
                db.lag_series.push_back(-1);
                continue;
            }
            db.lag_series.push_back(static_cast<int>(out_.lags.size()));
            Run::LagSeries series;
            series.database = spec.id;
            series.replica = s_.regions[static_cast<std::size_t>(in.region)].id;
            series.lag_ms.assign(static_cast<std::size_t>(out_.steps), 0);
            out_.lags.push_back(std::move(series));
        }
        dbs_.push_back(std::move(db));
    }
}

bool Engine::instance_up(int d, int i) const {
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    const DbInstance &in = db.inst[static_cast<std::size_t>(i)];
    if (!region_up(in.region) || in.crashed)
        return false;
    // Without a standby in a second AZ, the writer's AZ going down takes the writer with it.
    const bool az_down = az_down_[static_cast<std::size_t>(in.region)][static_cast<std::size_t>(in.az)] > 0;
    return !(az_down && (!s_.databases[static_cast<std::size_t>(d)].multi_az || !in.writer));
}

int Engine::read_instance(int d, int tier) const {
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    const int r = region_index(s_.app_tiers[static_cast<std::size_t>(tier)].region);
    for (std::size_t i = 0; i < db.inst.size(); ++i)
        if (db.inst[i].region == r && instance_up(d, static_cast<int>(i)))
            return static_cast<int>(i);
    const int e = db.tier_endpoint[static_cast<std::size_t>(tier)];
    if (instance_up(d, e) && regions_connected(r, db.inst[static_cast<std::size_t>(e)].region))
        return e;
    return -1;
}

void Engine::data_state_changed(Ms t) {
    for (std::size_t di = 0; di < dbs_.size(); ++di) {
        const int d = static_cast<int>(di);
        DbState &db = dbs_[di];
        const Database &spec = s_.databases[di];
        DbInstance &w = db.inst[static_cast<std::size_t>(db.writer)];
        // An AZ outage under a Multi-AZ writer: the in-region standby takes over (no loss).
        auto &azs = az_down_[static_cast<std::size_t>(w.region)];
        if (spec.multi_az && azs[static_cast<std::size_t>(w.az)] > 0 && region_up(w.region)) {
            for (std::size_t z = 0; z < azs.size(); ++z)
                if (azs[z] == 0) {
                    w.az = static_cast<int>(z);
                    db.az_failover_until = t + spec.multi_az_failover_ms;
                    emit(t, EventKind::writer_unavailable, spec.id,
                         {{"region", s_.regions[static_cast<std::size_t>(w.region)].id},
                          {"reason", std::string("az_failover")}});
                    milestone(t, Chain::writer, Stage::detection);
                    schedule(db.az_failover_until, Pending{Ev::az_failover_done, d, 0, 0, db.gen});
                    break;
                }
        }
        // Sync peers that cannot be reached start their timeout.
        for (auto &peer : db.inst) {
            if (peer.writer || peer.standalone || peer.mode != Replication::sync)
                continue;
            const bool ok = region_up(peer.region) && !peer.crashed && !peer.link_broken &&
                            regions_connected(w.region, peer.region);
            if (!ok && peer.sync_broken_since < 0)
                peer.sync_broken_since = t;
            if (ok)
                peer.sync_broken_since = -1;
        }
        // Is the writer lost, as the replicas see it?
        int candidate = -1;
        for (std::size_t i = 0; i < db.inst.size(); ++i)
            if (!db.inst[i].writer && !db.inst[i].standalone && instance_up(d, static_cast<int>(i))) {
                candidate = static_cast<int>(i);
                break;
            }
        bool lost = !instance_up(d, db.writer);
        if (!lost && candidate >= 0)
            lost = !regions_connected(w.region, db.inst[static_cast<std::size_t>(candidate)].region);
        if (lost && db.writer_lost_at < 0) {
            db.writer_lost_at = t;
            emit(t, EventKind::writer_unavailable, spec.id,
                 {{"region", s_.regions[static_cast<std::size_t>(w.region)].id},
                  {"reason", std::string(w.crashed ? "crash" : !region_up(w.region) ? "region_down"
                                                          : "unreachable")}});
            const Ms delay = spec.promotion == PromotionMode::automated ? spec.detection_ms
                                                                        : spec.operator_delay_ms;
            if (spec.promotion != PromotionMode::none && candidate >= 0)
                schedule(t + delay, Pending{Ev::db_act, d, 0, 0, ++db.gen});
        } else if (!lost && db.writer_lost_at >= 0) {
            db.writer_lost_at = -1;
            ++db.gen; // the writer came back before anyone acted
            emit(t, EventKind::writer_restored, spec.id,
                 {{"region", s_.regions[static_cast<std::size_t>(w.region)].id}});
        }
    }
}

void Engine::db_act(Ms t, int d, std::uint32_t gen) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    if (gen != db.gen || db.writer_lost_at < 0)
        return;
    for (std::size_t i = 0; i < db.inst.size(); ++i)
        if (!db.inst[i].writer && !db.inst[i].standalone && !db.inst[i].promoting &&
            instance_up(d, static_cast<int>(i))) {
            const bool automated =
                s_.databases[static_cast<std::size_t>(d)].promotion == PromotionMode::automated;
            promote(t, d, static_cast<int>(i), automated ? "automated" : "operator");
            return;
        }
}

void Engine::promote(Ms t, int d, int instance, const char *why) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    DbInstance &in = db.inst[static_cast<std::size_t>(instance)];
    in.promoting = true;
    emit(t, EventKind::promotion_started, spec.id,
         {{"region", s_.regions[static_cast<std::size_t>(in.region)].id},
          {"by", std::string(why)},
          {"expected_ms", spec.promotion_ms}});
    emit(t, EventKind::replication_stopped, spec.id,
         {{"replica", s_.regions[static_cast<std::size_t>(in.region)].id}});
    milestone(t, Chain::writer, Stage::detection);
    schedule(t + spec.promotion_ms, Pending{Ev::promotion_done, d, instance});
}

void Engine::promotion_done(Ms t, int d, int instance) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    DbInstance &old = db.inst[static_cast<std::size_t>(db.writer)];
    DbInstance &in = db.inst[static_cast<std::size_t>(instance)];
    // The new writer holds what it had received of the old writer's history, nothing more.
    in.ranges = clip(old.ranges, in.received);
    const std::int64_t lost = held(old.ranges) - held(in.ranges);
    db.accounts.lost += lost;
    Ms rpo = 0;
    if (lost > 0 && !old.log.empty()) {
        const Ms last_ack = old.log.back().first;
        const Ms last_received = in.received > 0 ? time_of(old.log, in.received, out_.step_ms) : 0;
        rpo = std::max<Ms>(0, last_ack - last_received);
    }
    db.accounts.rpo_ms = std::max(db.accounts.rpo_ms.value_or(0), rpo);
    old.writer = false;
    old.stale_writer = true;
    in.writer = true;
    in.standalone = true;
    in.promoting = false;
    in.log.clear();
    in.log.emplace_back(t, db.next_seq);
    const int previous = db.writer;
    db.writer = instance;
    if (spec.kind == DbKind::global)
        db.source = instance; // the global database's secondaries follow the new primary
    db.writer_lost_at = -1;
    ++db.gen;
    emit(t, EventKind::promotion_finished, spec.id,
         {{"region", s_.regions[static_cast<std::size_t>(in.region)].id},
          {"took_ms", spec.promotion_ms},
          {"from", s_.regions[static_cast<std::size_t>(db.inst[static_cast<std::size_t>(previous)].region)].id}});
    milestone(t, Chain::writer, Stage::promotion);
    if (lost > 0)
        emit(t, EventKind::writes_lost, spec.id,
             {{"count", lost},
              {"rpo_ms", rpo},
              {"region", s_.regions[static_cast<std::size_t>(in.region)].id}});
    schedule(t + spec.endpoint_update_ms, Pending{Ev::endpoint_change, d, instance});
    dirty_ = true;
}

void Engine::endpoint_change(Ms t, int d, int instance) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    db.endpoint = instance;
    emit(t, EventKind::db_endpoint_changed, spec.id,
         {{"region", s_.regions[static_cast<std::size_t>(db.inst[static_cast<std::size_t>(instance)].region)].id},
          {"ttl_ms", spec.endpoint_ttl_ms}});
    milestone(t, Chain::writer, Stage::propagation);
    if (spec.endpoint_cache == EndpointCache::forever)
        return; // the app keeps the address it resolved first until it restarts
    const Ms period =
        spec.endpoint_cache == EndpointCache::fixed ? spec.endpoint_cache_ms : spec.endpoint_ttl_ms;
    for (std::size_t tier = 0; tier < s_.app_tiers.size(); ++tier) {
        const auto &deps = s_.app_tiers[tier].depends_on;
        if (std::find(deps.begin(), deps.end(), spec.id) == deps.end() ||
            db.tier_endpoint[tier] == instance)
            continue;
        const Ms phase = db.tier_phase[tier];
        const Ms when = period <= 0 ? t : t + ((phase - t) % period + period) % period;
        schedule(when, Pending{Ev::tier_refresh, d, static_cast<int>(tier)});
    }
}

void Engine::tier_refresh(Ms t, int d, int tier) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    if (db.tier_endpoint[static_cast<std::size_t>(tier)] == db.endpoint)
        return;
    db.tier_endpoint[static_cast<std::size_t>(tier)] = db.endpoint;
    emit(t, EventKind::writer_endpoint_refreshed, s_.app_tiers[static_cast<std::size_t>(tier)].id,
         {{"database", s_.databases[static_cast<std::size_t>(d)].id},
          {"region", s_.regions[static_cast<std::size_t>(db.inst[static_cast<std::size_t>(db.endpoint)].region)].id}});
    milestone(t, Chain::writer, Stage::client_cache);
    dirty_ = true;
}

void Engine::record_writes(int d, int instance, std::int64_t count, Ms t_end) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    DbInstance &in = db.inst[static_cast<std::size_t>(instance)];
    const std::int64_t first = db.next_seq;
    db.next_seq += count;
    db.accounts.acknowledged += count;
    if (!in.ranges.empty() && in.ranges.back().second == first)
        in.ranges.back().second = db.next_seq;
    else
        in.ranges.emplace_back(first, db.next_seq);
    in.log.emplace_back(t_end, db.next_seq);
    if (instance != db.writer) {
        // A replaced writer that nobody fenced off is still taking writes: split brain.
        if (db.accounts.divergent == 0 || in.received >= 0) {
            if (in.received >= 0)
                emit(t_end, EventKind::split_brain_write, s_.databases[static_cast<std::size_t>(d)].id,
                     {{"region", s_.regions[static_cast<std::size_t>(in.region)].id},
                      {"count", count}});
            in.received = -1; // mark: the episode has been announced
        }
        db.accounts.divergent += count;
    }
}

void Engine::replicate(int d, Ms t_end, int step) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const DbInstance &src = db.inst[static_cast<std::size_t>(db.source)];
    const bool source_up = instance_up(d, db.source);
    for (std::size_t i = 0; i < db.inst.size(); ++i) {
        DbInstance &in = db.inst[i];
        if (static_cast<int>(i) == db.source || in.writer || in.standalone || in.stale_writer)
            continue;
        const bool flowing = source_up && !in.promoting && !in.link_broken &&
                             instance_up(d, static_cast<int>(i)) &&
                             regions_connected(src.region, in.region);
        if (flowing) {
            const Ms lag = (in.mode == Replication::sync ? 0 : sample_lag(rng_, in.lag)) + in.extra_lag;
            in.received = std::max(in.received, seq_at(src.log, t_end - lag, out_.step_ms));
            in.lag_now = lag;
        } else if (!in.promoting) {
            in.lag_now += out_.step_ms;
        }
        const int series = db.lag_series[i];
        if (series >= 0)
            out_.lags[static_cast<std::size_t>(series)].lag_ms[static_cast<std::size_t>(step)] =
                static_cast<std::int32_t>(std::min<Ms>(in.lag_now, 2000000000));
    }
}

void Engine::fail_back(Ms t, int d) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    const int home = 0; // the first writer
    if (db.writer == home || !instance_up(d, home) || db.paused)
        return;
    // A planned switchover: writes pause while the old home catches up; nothing is lost.
    const DbInstance &w = db.inst[static_cast<std::size_t>(db.writer)];
    const Ms lag = rtt(w.region, db.inst[home].region);
    const Ms pause = spec.switchover_base_ms + lag * 10;
    db.paused = true;
    emit(t, EventKind::switchover_started, spec.id,
         {{"to", s_.regions[static_cast<std::size_t>(db.inst[home].region)].id},
          {"pause_ms", pause}});
    schedule(t + pause, Pending{Ev::switchover_done, d, home});
    dirty_ = true;
}

void Engine::switchover_done(Ms t, int d, int instance) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    DbInstance &old = db.inst[static_cast<std::size_t>(db.writer)];
    DbInstance &in = db.inst[static_cast<std::size_t>(instance)];
    in.ranges = old.ranges; // fully synchronised first
    in.writer = true;
    in.stale_writer = false;
    in.standalone = false;
    in.log.clear();
    in.log.emplace_back(t, db.next_seq);
    old.writer = false;
    old.standalone = false;
    old.stale_writer = false;
    old.received = db.next_seq;
    old.log.clear();
    db.writer = instance;
    db.source = instance;
    db.paused = false;
    ++db.gen;
    emit(t, EventKind::switchover_finished, spec.id,
         {{"region", s_.regions[static_cast<std::size_t>(in.region)].id}});
    schedule(t + spec.endpoint_update_ms, Pending{Ev::endpoint_change, d, instance});
    dirty_ = true;
}

void Engine::finish_accounts() {
    for (auto &db : dbs_) {
        db.accounts.present = held(db.inst[static_cast<std::size_t>(db.writer)].ranges);
        out_.writes.push_back(db.accounts);
    }
}

} // namespace model::engine
