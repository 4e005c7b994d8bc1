// The data layer: the writer, its replicas, promotion, the writer endpoint the app tiers cache,
// and the accounting of every acknowledged write by sequence-number ranges.
#include "engine.h"

#include "scenario_names.h"

#include <algorithm>
#include <cmath>

namespace model::engine {
namespace {

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

} // namespace

void Engine::build_databases() {
    // Populations grouped by the key set they write, in the order the sets first appear.
    std::vector<std::string> names;
    for (std::size_t p = 0; p < s_.populations.size(); ++p) {
        const Population &pop = s_.populations[p];
        const std::string name = pop.keys.empty() ? "population:" + pop.id : "keys:" + pop.keys;
        const auto at = std::find(names.begin(), names.end(), name);
        if (at == names.end()) {
            names.push_back(name);
            key_sets_.push_back({static_cast<int>(p)});
        } else {
            key_sets_[static_cast<std::size_t>(at - names.begin())].push_back(static_cast<int>(p));
        }
    }
    for (std::size_t d = 0; d < s_.databases.size(); ++d) {
        const Database &spec = s_.databases[d];
        DbState db;
        db.multi = spec.kind == DbKind::multi_writer;
        db.consensus = spec.kind == DbKind::consensus;
        if (db.multi || db.consensus) {
            for (std::size_t w = 0; w < spec.writers.size(); ++w) {
                DbInstance in;
                in.region = region_index(spec.writers[w]);
                in.writer = db.multi || w == 0; // consensus: the first is the leader
                in.voter = db.consensus;
                in.lag = spec.lag;
                db.inst.push_back(in);
            }
        } else {
            DbInstance w;
            w.region = region_index(spec.writer);
            w.writer = true;
            db.inst.push_back(w);
        }
        for (std::size_t r = 0; r < spec.replicas.size(); ++r) {
            DbInstance rep;
            rep.region = region_index(spec.replicas[r].region);
            rep.replica_index = static_cast<int>(r);
            rep.mode = spec.replicas[r].mode;
            rep.lag = spec.replicas[r].lag;
            db.inst.push_back(rep);
        }
        db.tier_endpoint.assign(s_.app_tiers.size(), 0);
        if (db.multi) // each app tier writes to the writer in its own region, if there is one
            for (std::size_t t = 0; t < s_.app_tiers.size(); ++t)
                for (std::size_t i = 0; i < db.inst.size(); ++i)
                    if (db.inst[i].writer &&
                        db.inst[i].region == region_index(s_.app_tiers[t].region))
                        db.tier_endpoint[t] = static_cast<int>(i);
        Random r = rng_.fork(0x6462000000000000ULL + d);
        const Ms period = spec.endpoint_cache == EndpointCache::fixed ? spec.endpoint_cache_ms
                                                                      : spec.endpoint_ttl_ms;
        for (std::size_t t = 0; t < s_.app_tiers.size(); ++t)
            db.tier_phase.push_back(
                period > 0 ? static_cast<Ms>(r.below(static_cast<std::uint64_t>(period))) : 0);
        db.accounts.database = spec.id;
        db.lag_rng = rng_.fork(0x6c61670000000000ULL + d);
        if (db.multi)
            db.link_lag = sample_lag(db.lag_rng, spec.lag);
        for (auto &in : db.inst)
            if (in.replica_index >= 0)
                in.lag_now = in.mode == Replication::sync ? 0 : sample_lag(db.lag_rng, in.lag);
        for (std::size_t i = 0; i < db.inst.size(); ++i) {
            if (i == 0) {
                db.lag_series.push_back(-1);
                continue;
            }
            db.lag_series.push_back(static_cast<int>(out_.lags.size()));
            Run::LagSeries series;
            series.database = spec.id;
            series.replica = s_.regions[static_cast<std::size_t>(db.inst[i].region)].id;
            series.lag_ms.assign(static_cast<std::size_t>(out_.steps), 0);
            out_.lags.push_back(std::move(series));
        }
        dbs_.push_back(std::move(db));
    }
}

bool Engine::has_quorum(int d, int leader, Ms *commit_rtt) const {
    // A majority of the voters, the leader included, must be up and reachable from the
    // leader; the commit waits for the nearest peers that complete that majority.
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    const DbInstance &l = db.inst[static_cast<std::size_t>(leader)];
    int voters = 0;
    std::vector<Ms> peers;
    for (std::size_t i = 0; i < db.inst.size(); ++i) {
        if (!db.inst[i].voter)
            continue;
        ++voters;
        if (static_cast<int>(i) != leader && instance_up(d, static_cast<int>(i)) &&
            regions_connected(l.region, db.inst[i].region))
            peers.push_back(rtt(l.region, db.inst[i].region));
    }
    const int need = voters / 2; // peers besides the leader
    if (static_cast<int>(peers.size()) < need)
        return false;
    std::sort(peers.begin(), peers.end());
    if (commit_rtt)
        *commit_rtt = need > 0 ? peers[static_cast<std::size_t>(need - 1)] : 0;
    return true;
}

bool Engine::instance_up(int d, int i) const {
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    const DbInstance &in = db.inst[static_cast<std::size_t>(i)];
    if (!region_up(in.region) || in.crashed)
        return false;
    // Without a standby in a second AZ, the writer's AZ going down takes the writer with it.
    const bool az_down =
        az_down_[static_cast<std::size_t>(in.region)][static_cast<std::size_t>(in.az)] > 0;
    return !(az_down && (!s_.databases[static_cast<std::size_t>(d)].multi_az || !in.writer));
}

int Engine::read_instance(int d, int tier) const {
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    const int r = tier_region_[static_cast<std::size_t>(tier)];
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
        if (db.multi) {
            // A writer that goes down takes its not-yet-shipped writes with it.
            for (std::size_t i = 0; i < db.inst.size(); ++i) {
                DbInstance &in = db.inst[i];
                const bool up = instance_up(d, static_cast<int>(i));
                if (in.writer && in.was_up && !up) {
                    const std::int64_t shipped = seq_at(in.log, t - db.link_lag);
                    const std::int64_t before = held(in.ranges);
                    std::vector<std::pair<std::int64_t, std::int64_t>> kept;
                    for (const auto &[a, b] : in.ranges) {
                        if (a < shipped)
                            kept.emplace_back(a, std::min(b, shipped));
                    }
                    in.ranges = kept;
                    const std::int64_t lost = before - held(in.ranges);
                    db.accounts.lost += lost;
                    if (lost > 0) {
                        db.accounts.rpo_ms = std::max(db.accounts.rpo_ms.value_or(0), db.link_lag);
                        const DbInstance &other = db.inst[i == 0 ? 1 : 0];
                        emit(t, EventKind::writes_lost, spec.id,
                             {{"count", lost},
                              {"rpo_ms", db.link_lag},
                              {"region", s_.regions[static_cast<std::size_t>(other.region)].id}});
                    }
                    emit(t, EventKind::writer_unavailable, spec.id,
                         {{"region", s_.regions[static_cast<std::size_t>(in.region)].id},
                          {"reason", std::string(in.crashed ? "crash" : "region_down")}});
                }
                if (in.writer && !in.was_up && up)
                    emit(t, EventKind::writer_restored, spec.id,
                         {{"region", s_.regions[static_cast<std::size_t>(in.region)].id}});
                in.was_up = up;
            }
            continue;
        }
        DbInstance &w = db.inst[static_cast<std::size_t>(db.writer)];
        // An AZ outage under a Multi-AZ writer: the in-region standby takes over (no loss).
        auto &azs = az_down_[static_cast<std::size_t>(w.region)];
        if (spec.multi_az && !db.consensus && azs[static_cast<std::size_t>(w.az)] > 0 &&
            region_up(w.region)) {
            for (std::size_t z = 0; z < azs.size(); ++z)
                if (azs[z] == 0) {
                    w.az = static_cast<int>(z);
                    db.az_failover_until = t + spec.multi_az_failover_ms;
                    emit(t, EventKind::writer_unavailable, spec.id,
                         {{"region", s_.regions[static_cast<std::size_t>(w.region)].id},
                          {"reason", std::string("az_failover")}});
                    milestone(t, Chain::writer, Stage::detection);
                    schedule(db.az_failover_until, ev::AzFailoverDone{d, db.gen});
                    break;
                }
        }
        // Sync peers that cannot be reached start their timeout.
        for (auto &peer : db.inst) {
            if (peer.writer || peer.standalone || peer.mode != Replication::sync)
                continue;
            const bool ok = region_up(peer.region) && !peer.crashed && !peer.link_broken &&
                            regions_connected(w.region, peer.region);
            if (!ok && peer.sync_broken_since < 0) {
                peer.sync_broken_since = t;
                const bool degrade = spec.sync_unreachable == SyncUnreachable::degrade_to_async;
                emit(t, EventKind::replication_stopped, spec.id,
                     {{"replica", s_.regions[static_cast<std::size_t>(peer.region)].id},
                      {"mode", std::string("sync")},
                      {"then", std::string(degrade ? "degrade_to_async" : "block")}});
                if (degrade)
                    schedule(t + spec.sync_timeout_ms,
                             ev::Recheck{static_cast<int>(di),
                                         static_cast<int>(&peer - db.inst.data())});
            }
            if (ok)
                peer.sync_broken_since = -1;
        }
        // Is the writer lost, as the replicas (or the quorum) see it?
        int candidate = -1;
        for (std::size_t i = 0; i < db.inst.size(); ++i)
            if (!db.inst[i].writer && !db.inst[i].standalone && !db.inst[i].stale_writer &&
                instance_up(d, static_cast<int>(i)) && (!db.consensus || db.inst[i].voter)) {
                candidate = static_cast<int>(i);
                break;
            }
        bool lost = !instance_up(d, db.writer);
        if (db.consensus) {
            lost = lost || !has_quorum(d, db.writer, nullptr);
            if (candidate >= 0 && !has_quorum(d, candidate, nullptr))
                candidate = -1; // no majority on the other side either: nobody can take over
        } else if (!lost && candidate >= 0) {
            lost =
                !regions_connected(w.region, db.inst[static_cast<std::size_t>(candidate)].region);
        }
        if (lost && db.writer_lost_at < 0) {
            db.writer_lost_at = t;
            emit(t, EventKind::writer_unavailable, spec.id,
                 {{"region", s_.regions[static_cast<std::size_t>(w.region)].id},
                  {"reason", std::string(w.crashed              ? "crash"
                                         : !region_up(w.region) ? "region_down"
                                                                : "unreachable")}});
            const Ms delay = db.consensus || spec.promotion == PromotionMode::automated
                                 ? spec.detection_ms
                                 : spec.operator_delay_ms;
            if ((db.consensus || spec.promotion != PromotionMode::none) && candidate >= 0)
                schedule(t + delay, ev::DbAct{d, ++db.gen});
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
    for (std::size_t i = 0; i < db.inst.size(); ++i) {
        const DbInstance &in = db.inst[i];
        if (in.writer || in.standalone || in.stale_writer || in.promoting ||
            !instance_up(d, static_cast<int>(i)) || (db.consensus && !in.voter) ||
            (db.consensus && !has_quorum(d, static_cast<int>(i), nullptr)))
            continue;
        const bool automated =
            db.consensus ||
            s_.databases[static_cast<std::size_t>(d)].promotion == PromotionMode::automated;
        promote(t, d, static_cast<int>(i),
                db.consensus ? "election"
                : automated  ? "automated"
                             : "operator");
        return;
    }
}

void Engine::promote(Ms t, int d, int instance, const char *why) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    DbInstance &in = db.inst[static_cast<std::size_t>(instance)];
    in.promoting = true;
    // With lease fencing the promotion may only start once the old writer's lease has run
    // out, and a writer without a lease stops taking writes.
    if (spec.fencing == Fencing::lease)
        db.inst[static_cast<std::size_t>(db.writer)].lease_lost = true;
    const Ms takes = db.consensus ? 0 : spec.promotion_ms;
    emit(t, EventKind::promotion_started, spec.id,
         {{"region", s_.regions[static_cast<std::size_t>(in.region)].id},
          {"by", std::string(why)},
          {"expected_ms", takes},
          {"db_kind", std::string(name_of(db_kind_names(), spec.kind))}});
    if (!db.consensus)
        emit(t, EventKind::replication_stopped, spec.id,
             {{"replica", s_.regions[static_cast<std::size_t>(in.region)].id}});
    milestone(t, Chain::writer, Stage::detection);
    schedule(t + takes, ev::PromotionDone{d, instance});
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
    // The RPO: from the last write the old writer acknowledged to the point the promoted copy
    // stopped at.
    Ms rpo = 0;
    if (lost > 0)
        rpo = std::max<Ms>(0, last_write(old.log) - in.received_until);
    db.accounts.rpo_ms = std::max(db.accounts.rpo_ms.value_or(0), rpo);
    old.writer = false;
    // A consensus term fences the old leader; otherwise it believes it is still the writer.
    old.stale_writer = !db.consensus;
    old.announced = false;
    in.writer = true;
    in.standalone = !db.consensus;
    in.promoting = false;
    in.log.clear();
    const int previous = db.writer;
    db.writer = instance;
    if (spec.kind == DbKind::global || db.consensus)
        db.source = instance; // the others follow the new primary
    db.writer_lost_at = -1;
    ++db.gen;
    const std::string from =
        s_.regions[static_cast<std::size_t>(db.inst[static_cast<std::size_t>(previous)].region)].id;
    emit(t, EventKind::promotion_finished, spec.id,
         {{"region", s_.regions[static_cast<std::size_t>(in.region)].id},
          {"took_ms", db.consensus ? Ms{0} : spec.promotion_ms},
          {"from", from},
          {"db_kind", std::string(name_of(db_kind_names(), spec.kind))}});
    milestone(t, Chain::writer, Stage::promotion);
    if (lost > 0)
        emit(t, EventKind::writes_lost, spec.id,
             {{"count", lost},
              {"rpo_ms", rpo},
              {"region", s_.regions[static_cast<std::size_t>(in.region)].id}});
    if (!db.consensus && spec.fencing != Fencing::none)
        emit(t, EventKind::writes_rejected_by_fencing, spec.id,
             {{"region", from},
              {"fencing", std::string(spec.fencing == Fencing::lease ? "lease" : "token")}});
    schedule(t + spec.endpoint_update_ms, ev::EndpointChange{d, instance});
    invalidate();
}

void Engine::endpoint_change(Ms t, int d, int instance) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    db.endpoint = instance;
    emit(t, EventKind::db_endpoint_changed, spec.id,
         {{"region",
           s_.regions[static_cast<std::size_t>(db.inst[static_cast<std::size_t>(instance)].region)]
               .id},
          {"ttl_ms", spec.endpoint_ttl_ms}});
    milestone(t, Chain::writer, Stage::propagation);
    if (spec.endpoint_cache == EndpointCache::for_good)
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
        schedule(when, ev::TierRefresh{d, static_cast<int>(tier)});
    }
}

void Engine::tier_refresh(Ms t, int d, int tier) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    if (db.tier_endpoint[static_cast<std::size_t>(tier)] == db.endpoint)
        return;
    // An app tier whose region is down runs nothing that could re-resolve; it resolves afresh
    // when its region comes back (see fault_end).
    if (!region_up(region_index(s_.app_tiers[static_cast<std::size_t>(tier)].region)))
        return;
    db.tier_endpoint[static_cast<std::size_t>(tier)] = db.endpoint;
    emit(t, EventKind::writer_endpoint_refreshed, s_.app_tiers[static_cast<std::size_t>(tier)].id,
         {{"database", s_.databases[static_cast<std::size_t>(d)].id},
          {"region", s_.regions[static_cast<std::size_t>(
                                    db.inst[static_cast<std::size_t>(db.endpoint)].region)]
                         .id}});
    milestone(t, Chain::writer, Stage::client_cache);
    invalidate();
}

void Engine::record_writes(int d, int instance, std::int64_t count, double exact, Ms from, Ms to) {
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
            emit(
                to, EventKind::split_brain_write, s_.databases[static_cast<std::size_t>(d)].id,
                {{"region", s_.regions[static_cast<std::size_t>(in.region)].id}, {"count", count}});
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
                               regions_connected(in.region, peer.region);
        if (reachable && (peer.voter || peer.sync_broken_since < 0)) {
            peer.received = db.next_seq;
            peer.received_until = to;
        }
    }
}

void Engine::count_conflicts(Ms t_end,
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
        const double step = static_cast<double>(out_.step_ms);
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
            emit(t_end, EventKind::conflict, spec.id,
                 {{"count", db.conflicts_unreported}, {"lost_updates", db.conflicts_unreported}});
            db.conflicts_unreported = 0;
            db.conflicts_reported_at = t_end;
        }
    }
}

// Whether replica i is receiving its source's writes now.
bool Engine::replica_flowing(int d, int i) const {
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    const DbInstance &in = db.inst[static_cast<std::size_t>(i)];
    if (db.multi || i == db.source || in.writer || in.standalone || in.stale_writer)
        return false;
    const DbInstance &src = db.inst[static_cast<std::size_t>(db.source)];
    return instance_up(d, db.source) && !in.promoting && !in.link_broken && instance_up(d, i) &&
           regions_connected(src.region, in.region);
}

// Every flowing replica holds each write its source acknowledged up to t - lag(t). Called at
// every event and step end, before the state changes, so that a fault at any instant finds
// the replicas exactly where the lag puts them.
void Engine::catch_up(Ms t) {
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
void Engine::replicate(int d, int step) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    for (std::size_t i = 0; i < db.inst.size(); ++i) {
        DbInstance &in = db.inst[i];
        bool draw = false;
        if (db.multi && in.writer) {
            in.lag_now =
                instance_up(d, static_cast<int>(i)) ? db.link_lag : in.lag_now + out_.step_ms;
        } else if (static_cast<int>(i) == db.source || in.writer || in.standalone ||
                   in.stale_writer) {
            continue;
        } else if (replica_flowing(d, static_cast<int>(i))) {
            draw = true;
        } else if (!in.promoting) {
            in.lag_now += out_.step_ms;
        }
        const int series = db.lag_series[i];
        if (series >= 0)
            out_.lags[static_cast<std::size_t>(series)].lag_ms[static_cast<std::size_t>(step)] =
                static_cast<std::int32_t>(std::min<Ms>(in.lag_now, 2000000000));
        if (draw) {
            const bool synchronous = in.voter || in.mode == Replication::sync;
            in.lag_now = (synchronous ? 0 : sample_lag(db.lag_rng, in.lag)) + in.extra_lag;
        }
    }
    if (db.multi)
        db.link_lag = sample_lag(db.lag_rng, spec.lag);
}

void Engine::start_switchover(Ms t, int d, int instance) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    if (db.multi || db.consensus || db.writer == instance || db.paused ||
        !instance_up(d, instance) || !instance_up(d, db.writer))
        return;
    // A planned switchover: writes pause while the target catches up, so nothing is lost;
    // the larger the lag, the longer the pause (FACTS.md section 6).
    const DbInstance &target = db.inst[static_cast<std::size_t>(instance)];
    const Ms lag =
        target.stale_writer || target.standalone
            ? rtt(db.inst[static_cast<std::size_t>(db.writer)].region, target.region) * 10
            : target.lag_now;
    const Ms pause = spec.switchover_base_ms + 2 * lag;
    db.paused = true;
    emit(t, EventKind::switchover_started, spec.id,
         {{"to", s_.regions[static_cast<std::size_t>(target.region)].id}, {"pause_ms", pause}});
    schedule(t + pause, ev::SwitchoverDone{d, instance});
    invalidate();
}

void Engine::fail_back(Ms t, int d) {
    start_switchover(t, d, 0);
}

void Engine::switchover_done(Ms t, int d, int instance) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    DbInstance &old = db.inst[static_cast<std::size_t>(db.writer)];
    DbInstance &in = db.inst[static_cast<std::size_t>(instance)];
    in.ranges = old.ranges; // fully synchronised first
    in.lease_lost = false;
    in.writer = true;
    in.stale_writer = false;
    in.standalone = false;
    in.log.clear();
    old.writer = false;
    old.standalone = false;
    old.stale_writer = false;
    old.received = db.next_seq;
    old.received_until = t;
    old.log.clear();
    db.writer = instance;
    db.source = instance;
    db.paused = false;
    ++db.gen;
    emit(t, EventKind::switchover_finished, spec.id,
         {{"region", s_.regions[static_cast<std::size_t>(in.region)].id}});
    milestone(t, Chain::writer, Stage::promotion);
    schedule(t + spec.endpoint_update_ms, ev::EndpointChange{d, instance});
    invalidate();
}

void Engine::finish_accounts() {
    for (auto &db : dbs_) {
        if (db.multi) {
            db.accounts.present = 0;
            for (const auto &in : db.inst)
                if (in.writer)
                    db.accounts.present += held(in.ranges);
        } else {
            db.accounts.present = held(db.inst[static_cast<std::size_t>(db.writer)].ranges);
        }
        out_.writes.push_back(db.accounts);
    }
}

} // namespace model::engine
