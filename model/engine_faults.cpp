// Faults: the damage each scripted entry does to the world while it lasts.
#include "engine_faults.h"

#include "fault.h"
#include "find.h"

#include <algorithm>
#include <cmath>

namespace model::engine {
namespace {

std::string joined(const std::vector<std::string> &parts) {
    std::string out;
    for (const auto &r : parts)
        out += (out.empty() ? "" : ", ") + r;
    return out;
}

} // namespace

Faults::Faults(const Scenario &s, const Topology &topology) : s_(s), topo_(topology) {
    const std::size_t nr = s_.regions.size();
    region_down_.assign(nr, 0);
    az_down_.resize(nr);
    for (std::size_t r = 0; r < nr; ++r)
        az_down_[r].assign(static_cast<std::size_t>(s_.regions[r].azs), 0);
    brownouts_.assign(s_.app_tiers.size() + s_.data_stores.size(), {});
    for (const auto &f : s_.faults) {
        std::vector<char> cut(nr, 0);
        for (const auto &r : f.regions)
            if (topo_.region_index(r) >= 0)
                cut[static_cast<std::size_t>(topo_.region_index(r))] = 1;
        cut_.push_back(std::move(cut));
    }
}

int Faults::azs_up(int r) const {
    int up = 0;
    for (int d : az_down_[static_cast<std::size_t>(r)])
        up += d == 0;
    return up;
}

bool Faults::regions_connected(int a, int b) const {
    if (a == b)
        return true;
    for (int f : active_partitions_) {
        const auto &cut = cut_[static_cast<std::size_t>(f)];
        if (cut[static_cast<std::size_t>(a)] != cut[static_cast<std::size_t>(b)])
            return false;
    }
    return true;
}

bool Faults::users_reach(int r) const {
    for (int f : active_partitions_)
        if (cut_[static_cast<std::size_t>(f)][static_cast<std::size_t>(r)] &&
            !s_.faults[static_cast<std::size_t>(f)].users_reach)
            return false;
    return true;
}

bool Faults::checkers_reach(int r, const std::string &location) const {
    for (int f : impaired_checker_faults_)
        if (contains(s_.faults[static_cast<std::size_t>(f)].regions, location))
            return false;
    const std::string &id = topo_.region_id(r);
    for (int f : active_partitions_) {
        const Fault &fault = s_.faults[static_cast<std::size_t>(f)];
        if (contains(fault.regions, id) && !fault.checkers_reach &&
            !contains(fault.regions, location))
            return false;
    }
    return true;
}

bool Faults::start(int index) {
    const Fault &f = s_.faults[static_cast<std::size_t>(index)];
    switch (f.kind) {
    case FaultKind::region_outage:
        ++region_down_[static_cast<std::size_t>(topo_.region_index(f.region))];
        return true;
    case FaultKind::az_outage:
        ++az_down_[static_cast<std::size_t>(topo_.region_index(f.region))]
                  [static_cast<std::size_t>(f.az)];
        return true;
    case FaultKind::brownout:
        brownouts_[static_cast<std::size_t>(topo_.brownout_slot(f.target))].push_back(index);
        return true;
    case FaultKind::partition:
        active_partitions_.push_back(index);
        return true;
    case FaultKind::dns_control_plane_impaired:
        ++control_plane_impaired_;
        return true;
    case FaultKind::health_checker_impaired:
        impaired_checker_faults_.push_back(index);
        return true;
    default:
        return false;
    }
}

bool Faults::end(int index) {
    const Fault &f = s_.faults[static_cast<std::size_t>(index)];
    const auto erase = [&](std::vector<int> &v) { v.erase(std::find(v.begin(), v.end(), index)); };
    switch (f.kind) {
    case FaultKind::region_outage:
        --region_down_[static_cast<std::size_t>(topo_.region_index(f.region))];
        return true;
    case FaultKind::az_outage:
        --az_down_[static_cast<std::size_t>(topo_.region_index(f.region))]
                  [static_cast<std::size_t>(f.az)];
        return true;
    case FaultKind::brownout:
        erase(brownouts_[static_cast<std::size_t>(topo_.brownout_slot(f.target))]);
        return true;
    case FaultKind::partition:
        erase(active_partitions_);
        return true;
    case FaultKind::dns_control_plane_impaired:
        --control_plane_impaired_;
        return true;
    case FaultKind::health_checker_impaired:
        erase(impaired_checker_faults_);
        return true;
    default:
        return false;
    }
}

std::string fault_subject(const Fault &f) {
    return joined(fault_subjects(f));
}

std::vector<std::pair<std::string, Value>> fault_started_data(const Fault &f) {
    std::vector<std::pair<std::string, Value>> data = {{"fault", f.id},
                                                       {"fault_kind", to_string(f.kind)}};
    switch (f.kind) {
    case FaultKind::az_outage:
        data.push_back({"az", std::int64_t{f.az}});
        break;
    case FaultKind::brownout:
        data.push_back({"error_pct", std::int64_t{std::llround(f.error_share * 100.0)}});
        data.push_back({"extra_latency_ms", f.extra_latency_ms});
        break;
    case FaultKind::partition:
        data.push_back({"users_reach", std::int64_t{f.users_reach}});
        data.push_back({"checkers_reach", std::int64_t{f.checkers_reach}});
        break;
    case FaultKind::replication_broken:
        data.push_back({"replica", f.replica});
        break;
    case FaultKind::replication_lagging:
        data.push_back({"replica", f.replica});
        data.push_back({"lag_ms", f.lag_ms});
        break;
    case FaultKind::manual_promotion:
    case FaultKind::switchover:
        data.push_back({"region", f.region});
        break;
    case FaultKind::manual_dns_change:
        data.push_back({"record", f.record});
        break;
    default:
        break;
    }
    return data;
}

} // namespace model::engine
