// The data layer, part two: a new writer. Promotion (automated, by an operator, by election),
// the writer endpoint record and the app tiers re-resolving it, and planned switchovers.
#include "engine_data.h"

#include "scenario_names.h"

#include <algorithm>

namespace model::engine {

void Data::handle(Ms t, const ev::DbAct &e) {
    const int d = e.db;
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    if (e.gen != db.gen || db.writer_lost_at < 0)
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

void Data::promote(Ms t, int d, int instance, const char *why) {
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    DbInstance &in = db.inst[static_cast<std::size_t>(instance)];
    in.promoting = true;
    // With lease fencing the promotion may only start once the old writer's lease has run
    // out, and a writer without a lease stops taking writes.
    if (spec.fencing == Fencing::lease)
        db.inst[static_cast<std::size_t>(db.writer)].lease_lost = true;
    const Ms takes = db.consensus ? 0 : spec.promotion_ms;
    k_.emit(t, EventKind::promotion_started, spec.id,
            {{"region", topo_.region_id(in.region)},
             {"by", std::string(why)},
             {"expected_ms", takes},
             {"db_kind", std::string(name_of(db_kind_names(), spec.kind))}});
    if (!db.consensus)
        k_.emit(t, EventKind::replication_stopped, spec.id,
                {{"replica", topo_.region_id(in.region)}});
    k_.milestone(t, Chain::writer, Stage::detection);
    k_.schedule(t + takes, ev::PromotionDone{d, instance});
}

void Data::handle(Ms t, const ev::PromotionDone &e) {
    const int d = e.db, instance = e.instance;
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
    const std::string from = topo_.region_id(db.inst[static_cast<std::size_t>(previous)].region);
    k_.emit(t, EventKind::promotion_finished, spec.id,
            {{"region", topo_.region_id(in.region)},
             {"took_ms", db.consensus ? Ms{0} : spec.promotion_ms},
             {"from", from},
             {"db_kind", std::string(name_of(db_kind_names(), spec.kind))}});
    k_.milestone(t, Chain::writer, Stage::promotion);
    if (lost > 0)
        k_.emit(t, EventKind::writes_lost, spec.id,
                {{"count", lost}, {"rpo_ms", rpo}, {"region", topo_.region_id(in.region)}});
    if (!db.consensus && spec.fencing != Fencing::none)
        k_.emit(t, EventKind::writes_rejected_by_fencing, spec.id,
                {{"region", from},
                 {"fencing", std::string(spec.fencing == Fencing::lease ? "lease" : "token")}});
    k_.schedule(t + spec.endpoint_update_ms, ev::EndpointChange{d, instance});
    k_.invalidate();
}

void Data::handle(Ms t, const ev::EndpointChange &e) {
    const int d = e.db, instance = e.instance;
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    const Database &spec = s_.databases[static_cast<std::size_t>(d)];
    db.endpoint = instance;
    k_.emit(t, EventKind::db_endpoint_changed, spec.id,
            {{"region", topo_.region_id(db.inst[static_cast<std::size_t>(instance)].region)},
             {"ttl_ms", spec.endpoint_ttl_ms}});
    k_.milestone(t, Chain::writer, Stage::propagation);
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
        k_.schedule(when, ev::TierRefresh{d, static_cast<int>(tier)});
    }
}

void Data::handle(Ms t, const ev::TierRefresh &e) {
    const int d = e.db, tier = e.tier;
    DbState &db = dbs_[static_cast<std::size_t>(d)];
    if (db.tier_endpoint[static_cast<std::size_t>(tier)] == db.endpoint)
        return;
    // An app tier whose region is down runs nothing that could re-resolve; it resolves afresh
    // when its region comes back (see fault_end).
    if (!faults_.region_up(topo_.tier_region(tier)))
        return;
    db.tier_endpoint[static_cast<std::size_t>(tier)] = db.endpoint;
    k_.emit(t, EventKind::writer_endpoint_refreshed,
            s_.app_tiers[static_cast<std::size_t>(tier)].id,
            {{"database", s_.databases[static_cast<std::size_t>(d)].id},
             {"region", topo_.region_id(db.inst[static_cast<std::size_t>(db.endpoint)].region)}});
    k_.milestone(t, Chain::writer, Stage::client_cache);
    k_.invalidate();
}

void Data::handle(Ms t, const ev::AzFailoverDone &e) {
    DbState &db = dbs_[static_cast<std::size_t>(e.db)];
    if (e.gen != db.gen)
        return;
    db.az_failover_until = -1;
    k_.emit(t, EventKind::az_failover_finished, s_.databases[static_cast<std::size_t>(e.db)].id,
            {{"region", topo_.region_id(db.inst[static_cast<std::size_t>(db.writer)].region)}});
    k_.milestone(t, Chain::writer, Stage::promotion);
    k_.invalidate();
}

void Data::start_switchover(Ms t, int d, int instance) {
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
            ? topo_.rtt(db.inst[static_cast<std::size_t>(db.writer)].region, target.region) * 10
            : target.lag_now;
    const Ms pause = spec.switchover_base_ms + 2 * lag;
    db.paused = true;
    k_.emit(t, EventKind::switchover_started, spec.id,
            {{"to", topo_.region_id(target.region)}, {"pause_ms", pause}});
    k_.schedule(t + pause, ev::SwitchoverDone{d, instance});
    k_.invalidate();
}

void Data::fail_back(Ms t, int d) {
    start_switchover(t, d, 0);
}

void Data::handle(Ms t, const ev::SwitchoverDone &e) {
    const int d = e.db, instance = e.instance;
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
    k_.emit(t, EventKind::switchover_finished, spec.id, {{"region", topo_.region_id(in.region)}});
    k_.milestone(t, Chain::writer, Stage::promotion);
    k_.schedule(t + spec.endpoint_update_ms, ev::EndpointChange{d, instance});
    k_.invalidate();
}

// A synchronous peer's timeout ran out: writes no longer wait for it (the flows change).
void Data::handle(Ms t, const ev::Recheck &e) {
    k_.invalidate();
    const DbInstance &peer =
        dbs_[static_cast<std::size_t>(e.db)].inst[static_cast<std::size_t>(e.instance)];
    const Database &spec = s_.databases[static_cast<std::size_t>(e.db)];
    if (peer.sync_broken_since >= 0 && t - peer.sync_broken_since >= spec.sync_timeout_ms)
        k_.emit(t, EventKind::sync_degraded, spec.id,
                {{"replica", topo_.region_id(peer.region)}, {"timeout_ms", spec.sync_timeout_ms}});
}

} // namespace model::engine
