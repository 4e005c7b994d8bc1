// Faults and operator actions: how each scripted entry changes the world.
#include "engine.h"

#include <algorithm>

namespace model::engine {
namespace {

bool contains(const std::vector<std::string> &v, const std::string &x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

} // namespace

bool Engine::regions_connected(int a, int b) const {
    if (a == b)
        return true;
    for (int f : active_partitions_) {
        const auto &cut = cut_[static_cast<std::size_t>(f)];
        if (cut[static_cast<std::size_t>(a)] != cut[static_cast<std::size_t>(b)])
            return false;
    }
    return true;
}

bool Engine::users_reach(int r) const {
    for (int f : active_partitions_)
        if (cut_[static_cast<std::size_t>(f)][static_cast<std::size_t>(r)] &&
            !s_.faults[static_cast<std::size_t>(f)].users_reach)
            return false;
    return true;
}

bool Engine::checkers_reach(int r, const std::string &location) const {
    for (int f : impaired_checker_faults_)
        if (contains(s_.faults[static_cast<std::size_t>(f)].regions, location))
            return false;
    const std::string &id = s_.regions[static_cast<std::size_t>(r)].id;
    for (int f : active_partitions_) {
        const Fault &fault = s_.faults[static_cast<std::size_t>(f)];
        if (contains(fault.regions, id) && !fault.checkers_reach &&
            !contains(fault.regions, location))
            return false;
    }
    return true;
}

void Engine::fault_start(Ms t, int index) {
    const Fault &f = s_.faults[static_cast<std::size_t>(index)];
    std::vector<std::pair<std::string, Value>> data = {{"fault", f.id},
                                                       {"fault_kind", to_string(f.kind)}};
    std::string subject;
    switch (f.kind) {
    case FaultKind::region_outage:
        subject = f.region;
        ++region_down_[static_cast<std::size_t>(region_index(f.region))];
        break;
    case FaultKind::az_outage:
        subject = f.region;
        data.push_back({"az", std::int64_t{f.az}});
        ++az_down_[static_cast<std::size_t>(region_index(f.region))]
                  [static_cast<std::size_t>(f.az)];
        break;
    case FaultKind::brownout: {
        subject = f.target;
        data.push_back({"error_pct", static_cast<std::int64_t>(f.error_share * 100.0 + 0.5)});
        data.push_back({"extra_latency_ms", f.extra_latency_ms});
        int slot = tier_index(f.target);
        if (slot < 0)
            slot = static_cast<int>(s_.app_tiers.size()) + store_index(f.target);
        brownouts_[static_cast<std::size_t>(slot)].push_back(index);
        break;
    }
    case FaultKind::partition:
        for (const auto &r : f.regions)
            subject += (subject.empty() ? "" : ", ") + r;
        data.push_back({"users_reach", std::int64_t{f.users_reach}});
        data.push_back({"checkers_reach", std::int64_t{f.checkers_reach}});
        active_partitions_.push_back(index);
        break;
    case FaultKind::writer_crash: {
        subject = f.database;
        DbState &db = dbs_[static_cast<std::size_t>(db_index(f.database))];
        db.inst[static_cast<std::size_t>(db.writer)].crashed = true;
        break;
    }
    case FaultKind::replication_broken:
    case FaultKind::replication_lagging: {
        subject = f.database;
        data.push_back({"replica", f.replica});
        DbState &db = dbs_[static_cast<std::size_t>(db_index(f.database))];
        for (auto &in : db.inst)
            if (s_.regions[static_cast<std::size_t>(in.region)].id == f.replica) {
                if (f.kind == FaultKind::replication_broken)
                    in.link_broken = true;
                else {
                    in.lag_now += f.lag_ms - in.extra_lag; // from this instant on
                    in.extra_lag = f.lag_ms;
                }
            }
        if (f.kind == FaultKind::replication_lagging)
            data.push_back({"lag_ms", f.lag_ms});
        emit(t, EventKind::fault_started, subject, std::move(data));
        if (f.kind == FaultKind::replication_broken)
            emit(t, EventKind::replication_stopped, f.database, {{"replica", f.replica}});
        state_changed(t);
        return;
    }
    case FaultKind::dns_control_plane_impaired:
        subject = "dns";
        ++control_plane_impaired_;
        break;
    case FaultKind::health_checker_impaired:
        for (const auto &r : f.regions)
            subject += (subject.empty() ? "" : ", ") + r;
        impaired_checker_faults_.push_back(index);
        break;
    case FaultKind::manual_promotion: {
        subject = f.database;
        data.push_back({"region", f.region});
        emit(t, EventKind::fault_started, subject, std::move(data));
        const int d = db_index(f.database);
        DbState &db = dbs_[static_cast<std::size_t>(d)];
        for (std::size_t i = 0; i < db.inst.size(); ++i)
            if (s_.regions[static_cast<std::size_t>(db.inst[i].region)].id == f.region &&
                !db.inst[i].writer && !db.inst[i].promoting)
                promote(t, d, static_cast<int>(i), "operator");
        return;
    }
    case FaultKind::manual_dns_change: {
        subject = f.dns_name;
        data.push_back({"record", f.record});
        emit(t, EventKind::fault_started, subject, std::move(data));
        // The operator submits the edit after thinking it over.
        schedule(t + f.operator_delay_ms, ev::DnsEdit{index, ev::EditStage::submit});
        return;
    }
    case FaultKind::fail_back: {
        subject = f.database;
        emit(t, EventKind::fault_started, subject, std::move(data));
        fail_back(t, db_index(f.database));
        return;
    }
    case FaultKind::switchover: {
        subject = f.database;
        data.push_back({"region", f.region});
        emit(t, EventKind::fault_started, subject, std::move(data));
        const int d = db_index(f.database);
        const DbState &db = dbs_[static_cast<std::size_t>(d)];
        for (std::size_t i = 0; i < db.inst.size(); ++i)
            if (s_.regions[static_cast<std::size_t>(db.inst[i].region)].id == f.region)
                start_switchover(t, d, static_cast<int>(i));
        return;
    }
    }
    emit(t, EventKind::fault_started, subject, std::move(data));
    state_changed(t);
}

void Engine::fault_end(Ms t, int index) {
    const Fault &f = s_.faults[static_cast<std::size_t>(index)];
    std::string subject;
    const auto erase = [&](std::vector<int> &v) { v.erase(std::find(v.begin(), v.end(), index)); };
    switch (f.kind) {
    case FaultKind::region_outage: {
        subject = f.region;
        const int r = region_index(f.region);
        --region_down_[static_cast<std::size_t>(r)];
        // App tiers starting again in the region resolve the writer endpoint afresh.
        if (region_up(r))
            for (std::size_t d = 0; d < dbs_.size(); ++d)
                if (!dbs_[d].multi)
                    for (std::size_t tier = 0; tier < s_.app_tiers.size(); ++tier)
                        if (region_index(s_.app_tiers[tier].region) == r)
                            schedule(t,
                                     ev::TierRefresh{static_cast<int>(d), static_cast<int>(tier)});
        break;
    }
    case FaultKind::az_outage:
        subject = f.region;
        --az_down_[static_cast<std::size_t>(region_index(f.region))]
                  [static_cast<std::size_t>(f.az)];
        break;
    case FaultKind::brownout: {
        subject = f.target;
        int slot = tier_index(f.target);
        if (slot < 0)
            slot = static_cast<int>(s_.app_tiers.size()) + store_index(f.target);
        erase(brownouts_[static_cast<std::size_t>(slot)]);
        break;
    }
    case FaultKind::partition:
        for (const auto &r : f.regions)
            subject += (subject.empty() ? "" : ", ") + r;
        erase(active_partitions_);
        break;
    case FaultKind::writer_crash: {
        subject = f.database;
        DbState &db = dbs_[static_cast<std::size_t>(db_index(f.database))];
        for (auto &in : db.inst)
            in.crashed = false;
        break;
    }
    case FaultKind::replication_broken:
    case FaultKind::replication_lagging: {
        subject = f.database;
        DbState &db = dbs_[static_cast<std::size_t>(db_index(f.database))];
        for (auto &in : db.inst)
            if (s_.regions[static_cast<std::size_t>(in.region)].id == f.replica) {
                if (f.kind == FaultKind::replication_broken) {
                    in.link_broken = false;
                    if (!in.standalone && !in.writer)
                        emit(t, EventKind::replication_resumed, f.database,
                             {{"replica", f.replica}});
                } else {
                    in.lag_now = std::max<Ms>(0, in.lag_now - in.extra_lag);
                    in.extra_lag = 0;
                }
            }
        break;
    }
    case FaultKind::dns_control_plane_impaired:
        subject = "dns";
        --control_plane_impaired_;
        break;
    case FaultKind::health_checker_impaired:
        for (const auto &r : f.regions)
            subject += (subject.empty() ? "" : ", ") + r;
        erase(impaired_checker_faults_);
        break;
    case FaultKind::manual_promotion:
    case FaultKind::manual_dns_change:
    case FaultKind::fail_back:
    case FaultKind::switchover:
        return;
    }
    emit(t, EventKind::fault_ended, subject, {{"fault", f.id}, {"fault_kind", to_string(f.kind)}});
    state_changed(t);
}

} // namespace model::engine
