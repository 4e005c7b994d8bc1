// Changing a DNS name's routing policy, with its records rewritten into a set the new policy
// accepts.
#include "edit.h"

#include "edit_checked.h"
#include "find.h"
#include "scenario_names.h"

#include <algorithm>

namespace model {
namespace {

// The continent a record serves by default under geolocation: that of its target tier's region.
std::string continent_of_target(const Scenario &s, const DnsRecord &rec) {
    const AppTier *tier = find_by_id(s.app_tiers, rec.target);
    const Region *region = tier ? find_by_id(s.regions, tier->region) : nullptr;
    return region ? edit_detail::continent_of(region->where) : "*";
}

std::string listed(const std::vector<std::string> &ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + ("\"" + ids[i] + "\"");
    return out;
}

} // namespace

std::vector<std::string> records_dropped_by_policy(const DnsName &name, RoutingPolicy policy) {
    std::vector<std::string> ids;
    if (policy == RoutingPolicy::failover)
        for (std::size_t i = 2; i < name.records.size(); ++i)
            ids.push_back(name.records[i].id);
    return ids;
}

EditResult set_routing_policy(Scenario &s, const std::string &dns_id, RoutingPolicy policy,
                              DropRecords drop) {
    const DnsName *name = find_by_id(s.dns, dns_id);
    if (!name)
        return edit_detail::refused("there is no DNS name \"" + dns_id + "\"");
    if (name->policy == policy)
        return {true, dns_id + " already uses " + to_string(policy) + " routing", dns_id};
    if (policy == RoutingPolicy::failover && name->records.size() < 2)
        return edit_detail::refused(
            "a failover name needs two records, a primary and a secondary; " + dns_id +
            " has one: link it to a second app tier first");
    const std::vector<std::string> dropped = records_dropped_by_policy(*name, policy);
    if (!dropped.empty() && drop == DropRecords::refuse)
        return edit_detail::refused("a failover name holds two records, a primary and a "
                                    "secondary; failover routing would remove the records " +
                                    listed(dropped));
    return edit_detail::checked(s, [&](Scenario &c) -> EditResult {
        DnsName &n = *find_by_id(c.dns, dns_id);
        n.policy = policy;
        if (policy == RoutingPolicy::failover)
            n.records.resize(2);
        for (std::size_t i = 0; i < n.records.size(); ++i) {
            DnsRecord &rec = n.records[i];
            // Only the new policy's own field stays, as a file would hold it.
            rec.role = policy != RoutingPolicy::failover ? "" : i == 0 ? "primary" : "secondary";
            if (policy != RoutingPolicy::weighted)
                rec.weight = DnsRecord{}.weight;
            rec.location = policy != RoutingPolicy::geolocation ? ""
                           : i == 0                             ? "*"
                                                                : continent_of_target(c, rec);
        }
        std::string message = dns_id + " now uses " + to_string(policy) + " routing";
        if (!dropped.empty())
            message += "; removed the records " + listed(dropped);
        return {true, message, dns_id};
    });
}

} // namespace model
