#pragma once
// The damage the scripted faults are doing to the world right now: regions and AZs down,
// partitions, brownouts, impaired health checkers and an impaired DNS control plane; and the
// reachability questions the other parts of the engine ask of it. Faults that act on a database
// or a DNS record, and operator actions, are carried out by the engine on those parts.

#include "engine_topology.h"
#include "scenario.h"
#include "trace.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace model::engine {

// The faults in force and the reachability they leave.
class Faults {
public:
    Faults(const Scenario &scenario, const Topology &topology);

    // Takes a fault that damages the world into account, or out of it; false (and nothing
    // changes) for the kinds that act on a database or a DNS record.
    bool start(int index);
    bool end(int index);

    bool region_up(int r) const { return region_down_[static_cast<std::size_t>(r)] == 0; }
    bool az_up(int r, int az) const {
        return az_down_[static_cast<std::size_t>(r)][static_cast<std::size_t>(az)] == 0;
    }
    int azs(int r) const { return static_cast<int>(az_down_[static_cast<std::size_t>(r)].size()); }
    int azs_up(int r) const;
    bool regions_connected(int a, int b) const;
    // Users outside a partition can reach the region.
    bool users_reach(int r) const;
    // Health checkers at `location` can reach the region.
    bool checkers_reach(int r, const std::string &location) const;
    bool dns_control_plane_impaired() const { return control_plane_impaired_ > 0; }
    // The brownout faults on a tier or data store (see Topology::brownout_slot).
    const std::vector<int> &brownouts(std::size_t slot) const { return brownouts_[slot]; }

private:
    const Scenario &s_;
    const Topology &topo_;
    std::vector<std::vector<char>> cut_; // per fault: 1 for the regions a partition cuts off
    std::vector<int> region_down_;
    std::vector<std::vector<int>> az_down_;
    std::vector<int> active_partitions_;       // fault indices
    std::vector<int> impaired_checker_faults_; // fault indices
    int control_plane_impaired_ = 0;
    std::vector<std::vector<int>> brownouts_; // per brownout slot: fault indices
};

// What a fault's trace events name: a region, a target, a database, "dns", ...
std::string fault_subject(const Fault &fault);
// The data of a fault's fault_started event.
std::vector<std::pair<std::string, Value>> fault_started_data(const Fault &fault);

} // namespace model::engine
