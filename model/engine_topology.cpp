#include "engine_topology.h"

#include "geo.h"

namespace model::engine {

namespace {

// Each id's position in its list; the first one wins, as index_of_id's scan would.
template <typename List> std::unordered_map<std::string, int> index_by_id(const List &list) {
    std::unordered_map<std::string, int> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i)
        out.emplace(list[i].id, static_cast<int>(i));
    return out;
}

int find_index(const std::unordered_map<std::string, int> &index, const std::string &id) {
    const auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
}

} // namespace

Topology::Topology(const Scenario &scenario)
    : s_(scenario), regions_(scenario.regions.size()), region_ids_(index_by_id(scenario.regions)),
      tier_ids_(index_by_id(scenario.app_tiers)), store_ids_(index_by_id(scenario.data_stores)),
      db_ids_(index_by_id(scenario.databases)), dns_ids_(index_by_id(scenario.dns)),
      check_ids_(index_by_id(scenario.health_checks)) {
    rtt_.resize(regions_ * regions_);
    for (std::size_t a = 0; a < regions_; ++a)
        for (std::size_t b = 0; b < regions_; ++b)
            rtt_[a * regions_ + b] = compute_rtt(static_cast<int>(a), static_cast<int>(b));
    for (const auto &a : s_.app_tiers) {
        tier_region_.push_back(region_index(a.region));
        std::vector<int> stores, dbs;
        for (const auto &dep : a.depends_on) {
            if (store_index(dep) >= 0)
                stores.push_back(store_index(dep));
            if (db_index(dep) >= 0)
                dbs.push_back(db_index(dep));
        }
        tier_stores_.push_back(std::move(stores));
        tier_dbs_.push_back(std::move(dbs));
    }
    for (const auto &ds : s_.data_stores) {
        std::vector<int> copies{region_index(ds.region)};
        for (const auto &r : ds.replicas)
            copies.push_back(region_index(r));
        store_copies_.push_back(std::move(copies));
    }
}

int Topology::region_index(const std::string &id) const {
    return find_index(region_ids_, id);
}
int Topology::tier_index(const std::string &id) const {
    return find_index(tier_ids_, id);
}
int Topology::store_index(const std::string &id) const {
    return find_index(store_ids_, id);
}
int Topology::db_index(const std::string &id) const {
    return find_index(db_ids_, id);
}
// DNS edits change records' weights and targets, never a name's id.
int Topology::dns_index(const std::string &id) const {
    return find_index(dns_ids_, id);
}
int Topology::check_index(const std::string &id) const {
    return find_index(check_ids_, id);
}

int Topology::brownout_slot(const std::string &id) const {
    const int tier = tier_index(id);
    return tier >= 0 ? tier : static_cast<int>(s_.app_tiers.size()) + store_index(id);
}

Ms Topology::compute_rtt(int a, int b) const {
    const Region &ra = s_.regions[static_cast<std::size_t>(a)];
    const Region &rb = s_.regions[static_cast<std::size_t>(b)];
    if (a == b)
        return ra.inter_az_rtt_ms;
    for (const auto &o : s_.rtt_overrides)
        if ((o.a == ra.id && o.b == rb.id) || (o.a == rb.id && o.b == ra.id))
            return o.rtt_ms;
    if (auto m = measured_rtt(ra.id, rb.id))
        return *m;
    return rtt_from_distance(great_circle_km(ra.where, rb.where), s_.settings.public_route_factor);
}

} // namespace model::engine
