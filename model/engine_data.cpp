// The data layer, part one: the databases as the scenario builds them, what is up and reachable,
// how a lost writer is noticed, and the faults and operator actions that act on a database.
#include "engine_data.h"

#include <algorithm>

namespace model::engine {

Data::Data(Kernel &kernel, const Faults &faults)
    : k_(kernel), s_(kernel.scenario), topo_(kernel.topology), faults_(faults) {
    build();
}

void Data::build() {
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
                in.region = topo_.region_index(spec.writers[w]);
                in.writer = db.multi || w == 0; // consensus: the first is the leader
                in.voter = db.consensus;
                in.lag = spec.lag;
                db.inst.push_back(in);
            }
        } else {
            DbInstance w;
            w.region = topo_.region_index(spec.writer);
            w.writer = true;
            db.inst.push_back(w);
        }
        for (std::size_t r = 0; r < spec.replicas.size(); ++r) {
            DbInstance rep;
            rep.region = topo_.region_index(spec.replicas[r].region);
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
                        db.inst[i].region == topo_.region_index(s_.app_tiers[t].region))
                        db.tier_endpoint[t] = static_cast<int>(i);
        Random r = k_.rng.fork(0x6462000000000000ULL + d);
        const Ms period = spec.endpoint_cache == EndpointCache::fixed ? spec.endpoint_cache_ms
                                                                      : spec.endpoint_ttl_ms;
        for (std::size_t t = 0; t < s_.app_tiers.size(); ++t)
            db.tier_phase.push_back(
                period > 0 ? static_cast<Ms>(r.below(static_cast<std::uint64_t>(period))) : 0);
        db.accounts.database = spec.id;
        db.lag_rng = k_.rng.fork(0x6c61670000000000ULL + d);
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
            db.lag_series.push_back(static_cast<int>(k_.out.lags.size()));
            Run::LagSeries series;
            series.database = spec.id;
            series.replica = topo_.region_id(db.inst[i].region);
            series.lag_ms.assign(static_cast<std::size_t>(k_.out.steps), 0);
            k_.out.lags.push_back(std::move(series));
        }
        dbs_.push_back(std::move(db));
    }
}

bool Data::has_quorum(int d, int leader, Ms *commit_rtt) const {
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
            faults_.regions_connected(l.region, db.inst[i].region))
            peers.push_back(topo_.rtt(l.region, db.inst[i].region));
    }
    const int need = voters / 2; // peers besides the leader
    if (static_cast<int>(peers.size()) < need)
        return false;
    std::sort(peers.begin(), peers.end());
    if (commit_rtt)
        *commit_rtt = need > 0 ? peers[static_cast<std::size_t>(need - 1)] : 0;
    return true;
}

bool Data::instance_up(int d, int i) const {
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    const DbInstance &in = db.inst[static_cast<std::size_t>(i)];
    if (!faults_.region_up(in.region) || in.crashed)
        return false;
    // Without a standby in a second AZ, the writer's AZ going down takes the writer with it.
    const bool az_down = !faults_.az_up(in.region, in.az);
    return !(az_down && (!s_.databases[static_cast<std::size_t>(d)].multi_az || !in.writer));
}

int Data::read_instance(int d, int tier) const {
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    const int r = topo_.tier_region(tier);
    for (std::size_t i = 0; i < db.inst.size(); ++i)
        if (db.inst[i].region == r && instance_up(d, static_cast<int>(i)))
            return static_cast<int>(i);
    const int e = db.tier_endpoint[static_cast<std::size_t>(tier)];
    if (instance_up(d, e) &&
        faults_.regions_connected(r, db.inst[static_cast<std::size_t>(e)].region))
        return e;
    return -1;
}

void Data::state_changed(Ms t) {
    for (std::size_t d = 0; d < dbs_.size(); ++d) {
        if (dbs_[d].multi)
            multi_writer_state(t, static_cast<int>(d));
        else
            single_writer_state(t, static_cast<int>(d));
    }
}

// Every writer takes writes; one that goes down takes its not-yet-shipped writes with it.
void Data::multi_writer_state(Ms t, int d) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    for (std::size_t i = 0; i < db.inst.size(); ++i) {
        DbInstance &in = db.inst[i];
        const bool up = instance_up(d, static_cast<int>(i));
        if (in.writer && in.was_up && !up) {
            const std::int64_t shipped = seq_at(in.log, t - db.link_lag);
            const std::int64_t before = held(in.ranges);
            in.ranges = clip(in.ranges, shipped);
            const std::int64_t lost = before - held(in.ranges);
            db.accounts.lost += lost;
            if (lost > 0) {
                db.accounts.rpo_ms = std::max(db.accounts.rpo_ms.value_or(0), db.link_lag);
                const DbInstance &other = db.inst[i == 0 ? 1 : 0];
                k_.emit(t, EventKind::writes_lost, spec.id,
                        {{"count", lost},
                         {"rpo_ms", db.link_lag},
                         {"region", topo_.region_id(other.region)}});
            }
            k_.emit(t, EventKind::writer_unavailable, spec.id,
                    {{"region", topo_.region_id(in.region)},
                     {"reason", std::string(in.crashed ? "crash" : "region_down")}});
        }
        if (in.writer && !in.was_up && up)
            k_.emit(t, EventKind::writer_restored, spec.id,
                    {{"region", topo_.region_id(in.region)}});
        in.was_up = up;
    }
}

// One writer: an AZ failover under it, sync peers out of reach, and whether it is lost.
void Data::single_writer_state(Ms t, int d) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    DbInstance &w = db.inst[static_cast<std::size_t>(db.writer)];
    // An AZ outage under a Multi-AZ writer: the in-region standby takes over (no loss).
    if (spec.multi_az && !db.consensus && !faults_.az_up(w.region, w.az) &&
        faults_.region_up(w.region)) {
        for (int z = 0; z < faults_.azs(w.region); ++z)
            if (faults_.az_up(w.region, z)) {
                w.az = z;
                db.az_failover_until = t + spec.multi_az_failover_ms;
                k_.emit(t, EventKind::writer_unavailable, spec.id,
                        {{"region", topo_.region_id(w.region)},
                         {"reason", std::string("az_failover")}});
                k_.milestone(t, Chain::writer, Stage::detection);
                k_.schedule(db.az_failover_until, ev::AzFailoverDone{d, db.gen});
                break;
            }
    }
    // Sync peers that cannot be reached start their timeout.
    for (auto &peer : db.inst) {
        if (peer.writer || peer.standalone || peer.mode != Replication::sync)
            continue;
        const bool ok = faults_.region_up(peer.region) && !peer.crashed && !peer.link_broken &&
                        faults_.regions_connected(w.region, peer.region);
        if (!ok && peer.sync_broken_since < 0) {
            peer.sync_broken_since = t;
            const bool degrade = spec.sync_unreachable == SyncUnreachable::degrade_to_async;
            k_.emit(t, EventKind::replication_stopped, spec.id,
                    {{"replica", topo_.region_id(peer.region)},
                     {"mode", std::string("sync")},
                     {"then", std::string(degrade ? "degrade_to_async" : "block")}});
            if (degrade)
                k_.schedule(t + spec.sync_timeout_ms,
                            ev::Recheck{d, static_cast<int>(&peer - db.inst.data())});
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
        lost = !faults_.regions_connected(w.region,
                                          db.inst[static_cast<std::size_t>(candidate)].region);
    }
    if (lost && db.writer_lost_at < 0) {
        db.writer_lost_at = t;
        k_.emit(t, EventKind::writer_unavailable, spec.id,
                {{"region", topo_.region_id(w.region)},
                 {"reason", std::string(w.crashed                      ? "crash"
                                        : !faults_.region_up(w.region) ? "region_down"
                                                                       : "unreachable")}});
        const Ms delay = db.consensus || spec.promotion == PromotionMode::automated
                             ? spec.detection_ms
                             : spec.operator_delay_ms;
        if ((db.consensus || spec.promotion != PromotionMode::none) && candidate >= 0)
            k_.schedule(t + delay, ev::DbAct{d, ++db.gen});
    } else if (!lost && db.writer_lost_at >= 0) {
        db.writer_lost_at = -1;
        ++db.gen; // the writer came back before anyone acted
        k_.emit(t, EventKind::writer_restored, spec.id, {{"region", topo_.region_id(w.region)}});
    }
}

void Data::crash_writer(int d) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    db.inst[static_cast<std::size_t>(db.writer)].crashed = true;
}

void Data::restart_instances(int d) {
    for (auto &in : dbs_[static_cast<std::size_t>(d)].inst)
        in.crashed = false;
}

void Data::break_replication(Ms t, const Fault &f) {
    DbState &db = dbs_[static_cast<std::size_t>(topo_.db_index(f.database))];
    for (auto &in : db.inst)
        if (topo_.region_id(in.region) == f.replica) {
            if (f.kind == FaultKind::replication_broken)
                in.link_broken = true;
            else {
                in.lag_now += f.lag_ms - in.extra_lag; // from this instant on
                in.extra_lag = f.lag_ms;
            }
        }
    if (f.kind == FaultKind::replication_broken)
        k_.emit(t, EventKind::replication_stopped, f.database, {{"replica", f.replica}});
}

void Data::repair_replication(Ms t, const Fault &f) {
    DbState &db = dbs_[static_cast<std::size_t>(topo_.db_index(f.database))];
    for (auto &in : db.inst)
        if (topo_.region_id(in.region) == f.replica) {
            if (f.kind == FaultKind::replication_broken) {
                in.link_broken = false;
                if (!in.standalone && !in.writer)
                    k_.emit(t, EventKind::replication_resumed, f.database,
                            {{"replica", f.replica}});
            } else {
                in.lag_now = std::max<Ms>(0, in.lag_now - in.extra_lag);
                in.extra_lag = 0;
            }
        }
}

void Data::promote_by_operator(Ms t, const Fault &f) {
    const int d = topo_.db_index(f.database);
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    for (std::size_t i = 0; i < db.inst.size(); ++i)
        if (topo_.region_id(db.inst[i].region) == f.region && !db.inst[i].writer &&
            !db.inst[i].promoting)
            promote(t, d, static_cast<int>(i), "operator");
}

void Data::switchover(Ms t, const Fault &f) {
    const int d = topo_.db_index(f.database);
    const DbState &db = dbs_[static_cast<std::size_t>(d)];
    for (std::size_t i = 0; i < db.inst.size(); ++i)
        if (topo_.region_id(db.inst[i].region) == f.region)
            start_switchover(t, d, static_cast<int>(i));
}

void Data::region_back(Ms t, int region) {
    for (std::size_t d = 0; d < dbs_.size(); ++d)
        if (!dbs_[d].multi)
            for (std::size_t tier = 0; tier < s_.app_tiers.size(); ++tier)
                if (topo_.tier_region(static_cast<int>(tier)) == region)
                    k_.schedule(t, ev::TierRefresh{static_cast<int>(d), static_cast<int>(tier)});
}
} // namespace model::engine
