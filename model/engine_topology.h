#pragma once
// The scenario's ids resolved to indices once, for the engine's hot paths: which region each app
// tier runs in, what it depends on, where each data store keeps copies, and the round trip
// between any two regions.

#include "scenario.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace model::engine {

// Indices and round trips resolved once from the scenario.
class Topology {
public:
    explicit Topology(const Scenario &scenario);

    // -1 when no such id. Looked up in a hash table: a name may have thousands of records.
    int region_index(const std::string &id) const;
    int tier_index(const std::string &id) const;
    int store_index(const std::string &id) const;
    int db_index(const std::string &id) const;
    int dns_index(const std::string &id) const;
    int check_index(const std::string &id) const;

    const std::string &region_id(int region) const {
        return s_.regions[static_cast<std::size_t>(region)].id;
    }
    // Round trip between two regions (inside one region: between its AZs).
    Ms rtt(int a, int b) const {
        return rtt_[static_cast<std::size_t>(a) * regions_ + static_cast<std::size_t>(b)];
    }
    int tier_region(int tier) const { return tier_region_[static_cast<std::size_t>(tier)]; }
    const std::vector<int> &tier_stores(int tier) const {
        return tier_stores_[static_cast<std::size_t>(tier)];
    }
    const std::vector<int> &tier_dbs(int tier) const {
        return tier_dbs_[static_cast<std::size_t>(tier)];
    }
    // The regions holding a copy of a data store, its home region first.
    const std::vector<int> &store_copies(int store) const {
        return store_copies_[static_cast<std::size_t>(store)];
    }
    // The brownout slot of an app tier or data store id: tiers first, then stores.
    int brownout_slot(const std::string &id) const;

private:
    Ms compute_rtt(int a, int b) const;

    const Scenario &s_;
    std::size_t regions_ = 0;
    std::vector<Ms> rtt_; // region x region
    std::unordered_map<std::string, int> region_ids_, tier_ids_, store_ids_, db_ids_, dns_ids_,
        check_ids_;
    std::vector<int> tier_region_;
    std::vector<std::vector<int>> tier_stores_, tier_dbs_, store_copies_;
};

} // namespace model::engine
