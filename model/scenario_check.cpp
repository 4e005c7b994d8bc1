// Cross-reference checks of a scenario: unique ids, references that resolve, sane structure.
#include "scenario_json.h"

#include "find.h"
#include "limits.h"
#include "problem_place.h"
#include "work.h"

#include <algorithm>
#include <map>
#include <set>

namespace model {
namespace {

class Checker {
public:
    Checker(const Scenario &s, const std::string &file) : s_(s), file_(file) {}

    Problems run() {
        // Counts first: the checks below compare lists with lists, which must stay short.
        if (!within_limits())
            return std::move(problems_);
        unique_ids("regions", s_.regions);
        unique_ids("app_tiers", s_.app_tiers);
        unique_ids("data_stores", s_.data_stores);
        unique_ids("databases", s_.databases);
        unique_ids("health_checks", s_.health_checks);
        unique_ids("dns", s_.dns);
        unique_ids("accelerators", s_.accelerators);
        unique_ids("distributions", s_.distributions);
        for (std::size_t i = 0; i < s_.distributions.size(); ++i)
            unique_ids("distributions/" + std::to_string(i) + "/edges", s_.distributions[i].edges);
        unique_ids("populations", s_.populations);
        std::set<std::string> fault_ids;
        for (std::size_t i = 0; i < s_.faults.size(); ++i)
            if (!fault_ids.insert(s_.faults[i].id).second)
                add("/faults/" + std::to_string(i) + "/id",
                    "the id \"" + s_.faults[i].id + "\" is used twice");

        if (s_.regions.empty())
            add("/regions", "a scenario needs at least one region");
        if (s_.app_tiers.empty())
            add("/app_tiers", "a scenario needs at least one app tier");
        if (s_.populations.empty())
            add("/populations", "a scenario needs at least one population of users");
        rtt_overrides();
        tiers();
        stores();
        databases();
        checks();
        dns();
        accelerators();
        distributions();
        populations();
        faults();
        if (problems_.empty())
            if (const auto refusal = work_refusal(s_))
                add(refusal->where, refusal->message);
        return std::move(problems_);
    }

private:
    void add(const std::string &where, const std::string &message) {
        add_problem(problems_, {file_, where, message});
    }
    // The ids of one of the file's arrays, each checked against every id seen before it.
    template <typename List> void unique_ids(const std::string &array, const List &list) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string &id = list[i].id;
            if (!ids_.insert(id).second)
                add("/" + array + "/" + std::to_string(i) + "/id",
                    "the id \"" + id + "\" is used twice; every id in a scenario is unique");
        }
    }
    // At most `limit` entries in a list; the message says what the limit is for.
    bool at_most(const std::string &where, std::size_t count, std::size_t limit,
                 const std::string &what) {
        if (count <= limit)
            return true;
        add(where, "a scenario has at most " + std::to_string(limit) + " " + what + "; found " +
                       std::to_string(count));
        return false;
    }
    template <typename List> bool refs_at_most(const std::string &where, const List &list) {
        return at_most(where, list.size(), limits::kRefsPerList, "entries in one list");
    }

    bool within_limits() {
        bool ok = at_most("/regions", s_.regions.size(), limits::kRegions, "regions");
        ok = at_most("/app_tiers", s_.app_tiers.size(), limits::kAppTiers, "app tiers") && ok;
        ok = at_most("/data_stores", s_.data_stores.size(), limits::kDataStores, "data stores") &&
             ok;
        ok = at_most("/databases", s_.databases.size(), limits::kDatabases, "databases") && ok;
        ok = at_most("/health_checks", s_.health_checks.size(), limits::kHealthChecks,
                     "health checks") &&
             ok;
        ok = at_most("/dns", s_.dns.size(), limits::kDnsNames, "DNS names") && ok;
        ok = at_most("/accelerators", s_.accelerators.size(), limits::kAccelerators,
                     "accelerators") &&
             ok;
        ok = at_most("/populations", s_.populations.size(), limits::kPopulations, "populations") &&
             ok;
        ok = at_most("/faults", s_.faults.size(), limits::kFaults, "faults") && ok;
        ok = at_most("/rtt_overrides", s_.rtt_overrides.size(), limits::kRttOverrides,
                     "round-trip overrides") &&
             ok;
        std::size_t records = 0, endpoints = 0;
        for (const auto &n : s_.dns)
            records += n.records.size();
        ok =
            at_most("/dns", records, limits::kDnsRecords, "DNS records (all names together)") && ok;
        for (const auto &a : s_.accelerators)
            for (const auto &g : a.groups)
                endpoints += g.endpoints.size();
        ok = at_most("/accelerators", endpoints, limits::kAcceleratorEndpoints,
                     "accelerator endpoints (all accelerators together)") &&
             ok;
        for (std::size_t i = 0; i < s_.app_tiers.size(); ++i)
            ok = refs_at_most("/app_tiers/" + std::to_string(i) + "/depends_on",
                              s_.app_tiers[i].depends_on) &&
                 ok;
        for (std::size_t i = 0; i < s_.data_stores.size(); ++i)
            ok = refs_at_most("/data_stores/" + std::to_string(i) + "/replicas",
                              s_.data_stores[i].replicas) &&
                 ok;
        for (std::size_t i = 0; i < s_.databases.size(); ++i) {
            const std::string at = "/databases/" + std::to_string(i);
            ok = refs_at_most(at + "/writers", s_.databases[i].writers) && ok;
            ok = at_most(at + "/replicas", s_.databases[i].replicas.size(), limits::kReplicas,
                         "replicas of one database") &&
                 ok;
        }
        for (std::size_t i = 0; i < s_.health_checks.size(); ++i)
            ok = refs_at_most("/health_checks/" + std::to_string(i) + "/checker_regions",
                              s_.health_checks[i].checker_regions) &&
                 ok;
        for (std::size_t i = 0; i < s_.populations.size(); ++i)
            ok = refs_at_most("/populations/" + std::to_string(i) + "/dns_cache",
                              s_.populations[i].dns_cache) &&
                 ok;
        for (std::size_t i = 0; i < s_.faults.size(); ++i)
            ok = refs_at_most("/faults/" + std::to_string(i) + "/regions", s_.faults[i].regions) &&
                 ok;
        return ok;
    }

    bool is_region(const std::string &id) const { return region(id) != nullptr; }
    const Region *region(const std::string &id) const { return find_by_id(s_.regions, id); }
    const AppTier *tier(const std::string &id) const { return find_by_id(s_.app_tiers, id); }
    bool is_store(const std::string &id) const { return find_by_id(s_.data_stores, id) != nullptr; }
    const Database *database(const std::string &id) const { return find_by_id(s_.databases, id); }
    const DnsName *dns_name(const std::string &id) const { return find_by_id(s_.dns, id); }
    bool is_check(const std::string &id) const {
        return find_by_id(s_.health_checks, id) != nullptr;
    }
    bool is_accelerator(const std::string &id) const {
        return find_by_id(s_.accelerators, id) != nullptr;
    }
    bool is_distribution(const std::string &id) const {
        return find_by_id(s_.distributions, id) != nullptr;
    }
    void need_region(const std::string &id, const std::string &where) {
        if (!is_region(id))
            add(where, "\"" + id + "\" is not one of this scenario's regions");
    }

    void rtt_overrides() {
        for (std::size_t i = 0; i < s_.rtt_overrides.size(); ++i) {
            const std::string at = "/rtt_overrides/" + std::to_string(i);
            const auto &o = s_.rtt_overrides[i];
            need_region(o.a, at + "/a");
            need_region(o.b, at + "/b");
            if (o.a == o.b)
                add(at + "/b", "an override joins two different regions (between the AZs of one "
                               "region, set the region's inter_az_rtt_ms)");
            for (std::size_t k = 0; k < i; ++k) {
                const auto &p = s_.rtt_overrides[k];
                if ((p.a == o.a && p.b == o.b) || (p.a == o.b && p.b == o.a))
                    add(at, "the pair " + o.a + " / " + o.b +
                                " already has an override at /rtt_overrides/" + std::to_string(k));
            }
        }
    }

    void tiers() {
        std::set<std::string> regions_with_tier;
        for (std::size_t i = 0; i < s_.app_tiers.size(); ++i) {
            const auto &a = s_.app_tiers[i];
            const std::string at = "/app_tiers/" + std::to_string(i);
            need_region(a.region, at + "/region");
            for (std::size_t k = 0; k < a.depends_on.size(); ++k)
                if (!is_store(a.depends_on[k]) && !database(a.depends_on[k]))
                    add(at + "/depends_on/" + std::to_string(k),
                        "\"" + a.depends_on[k] + "\" is neither a data store nor a database");
        }
    }

    void stores() {
        for (std::size_t i = 0; i < s_.data_stores.size(); ++i) {
            const auto &d = s_.data_stores[i];
            const std::string at = "/data_stores/" + std::to_string(i);
            need_region(d.region, at + "/region");
            std::set<std::string> copies{d.region};
            for (std::size_t k = 0; k < d.replicas.size(); ++k) {
                need_region(d.replicas[k], at + "/replicas/" + std::to_string(k));
                if (!copies.insert(d.replicas[k]).second)
                    add(at + "/replicas/" + std::to_string(k),
                        "the store already has a copy in " + d.replicas[k]);
            }
        }
    }

    void databases() {
        for (std::size_t i = 0; i < s_.databases.size(); ++i) {
            const auto &d = s_.databases[i];
            const std::string at = "/databases/" + std::to_string(i);
            std::set<std::string> placed;
            if (!d.writer.empty()) {
                need_region(d.writer, at + "/writer");
                placed.insert(d.writer);
            }
            for (std::size_t k = 0; k < d.writers.size(); ++k) {
                need_region(d.writers[k], at + "/writers/" + std::to_string(k));
                if (!placed.insert(d.writers[k]).second)
                    add(at + "/writers/" + std::to_string(k),
                        "the database already has an instance in " + d.writers[k]);
            }
            for (std::size_t k = 0; k < d.replicas.size(); ++k) {
                const std::string rat = at + "/replicas/" + std::to_string(k) + "/region";
                need_region(d.replicas[k].region, rat);
                if (!placed.insert(d.replicas[k].region).second)
                    add(rat, "the database already has an instance in " + d.replicas[k].region);
            }
        }
    }

    void checks() {
        for (std::size_t i = 0; i < s_.health_checks.size(); ++i) {
            const auto &h = s_.health_checks[i];
            const std::string at = "/health_checks/" + std::to_string(i);
            if (!tier(h.target))
                add(at + "/target", "\"" + h.target + "\" is not an app tier");
            if (!h.checker_regions.empty() && h.checker_regions.size() < 3)
                add(at + "/checker_regions",
                    "a custom list of checker regions needs at least 3 regions");
            std::set<std::string> seen;
            for (std::size_t k = 0; k < h.checker_regions.size(); ++k)
                if (!seen.insert(h.checker_regions[k]).second)
                    add(at + "/checker_regions/" + std::to_string(k),
                        "\"" + h.checker_regions[k] + "\" is listed twice");
            for (std::size_t k = 0; k < h.checker_regions.size(); ++k)
                if (!is_checker_region(h.checker_regions[k]))
                    add(at + "/checker_regions/" + std::to_string(k),
                        "\"" + h.checker_regions[k] + "\" is not a health-checker region");
        }
    }

    void dns() {
        for (std::size_t i = 0; i < s_.dns.size(); ++i) {
            const auto &n = s_.dns[i];
            const std::string at = "/dns/" + std::to_string(i);
            int primaries = 0, secondaries = 0;
            std::set<std::string> record_ids;
            for (std::size_t k = 0; k < n.records.size(); ++k) {
                const auto &rec = n.records[k];
                const std::string rat = at + "/records/" + std::to_string(k);
                if (!record_ids.insert(rec.id).second)
                    add(rat + "/id", "the record id \"" + rec.id + "\" is used twice in " + n.id);
                if (!tier(rec.target) && !dns_name(rec.target) && !is_distribution(rec.target))
                    add(rat + "/target", "\"" + rec.target +
                                             "\" is neither an app tier, a DNS name nor a "
                                             "distribution");
                if (dns_name(rec.target) && !rec.alias)
                    add(rat + "/alias", "a record that points at another DNS name is an alias");
                if (is_distribution(rec.target)) {
                    // Route 53 refuses Evaluate Target Health on an alias to CloudFront
                    // (FACTS.md section 1).
                    if (!rec.alias)
                        add(rat + "/alias",
                            "a record that points at a distribution is an alias; set \"alias\" "
                            "to true");
                    else if (rec.evaluate_target_health)
                        add(rat + "/evaluate_target_health",
                            "an alias to a distribution cannot evaluate target health (Route 53 "
                            "does not allow it for CloudFront); set \"evaluate_target_health\" "
                            "to false and attach a health check if the record needs one");
                    if (n.records.size() != 1)
                        add(rat + "/target",
                            "a DNS name that aliases a distribution has that one record only; "
                            "the model does not mix a distribution with other answers");
                }
                if (!rec.health_check.empty() && !is_check(rec.health_check))
                    add(rat + "/health_check",
                        "\"" + rec.health_check + "\" is not a health check");
                primaries += rec.role == "primary";
                secondaries += rec.role == "secondary";
            }
            if (n.records.empty())
                add(at + "/records", "a DNS name needs at least one record");
            if (n.policy == RoutingPolicy::failover && (primaries != 1 || secondaries != 1))
                add(at + "/records",
                    "a failover name has exactly one primary and one secondary record");
        }
        alias_chains();
    }

    // Alias records that lead back to their own name, and chains of names longer than the
    // limit. Each name's successors are found once and each name is searched from once, so
    // names with many aliases into each other cost names x records, not records ^ depth.
    void alias_chains() {
        const std::size_t count = s_.dns.size();
        std::map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < count; ++i)
            index.emplace(s_.dns[i].id, i);
        std::vector<std::vector<std::size_t>> next(count);
        for (std::size_t i = 0; i < count; ++i)
            for (const auto &rec : s_.dns[i].records)
                if (const auto it = index.find(rec.target); it != index.end())
                    next[i].push_back(it->second);
        std::vector<bool> cyclic(count, false);
        for (std::size_t i = 0; i < count; ++i) {
            std::vector<bool> seen(count, false);
            std::vector<std::size_t> todo = next[i];
            while (!todo.empty() && !cyclic[i]) {
                const std::size_t j = todo.back();
                todo.pop_back();
                if (seen[j])
                    continue;
                seen[j] = true;
                cyclic[i] = j == i;
                todo.insert(todo.end(), next[j].begin(), next[j].end());
            }
            if (cyclic[i])
                add("/dns/" + std::to_string(i),
                    "the alias records of \"" + s_.dns[i].id + "\" lead back to it");
        }
        // The longest chain of names from each name down to an app tier (1: its records name
        // tiers only), in an order where every name comes after the names it points at.
        std::vector<int> depth(count, 0);
        std::vector<int> state(count, 0); // 0 new, 1 on the stack, 2 done
        for (std::size_t root = 0; root < count; ++root) {
            if (state[root] != 0)
                continue;
            std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
            state[root] = 1;
            while (!stack.empty()) {
                auto &[at, k] = stack.back();
                if (k < next[at].size()) {
                    const std::size_t j = next[at][k++];
                    if (state[j] == 0) {
                        state[j] = 1;
                        stack.emplace_back(j, 0);
                    }
                    continue; // a name on the stack is a cycle, reported above
                }
                int longest = 0;
                for (std::size_t j : next[at])
                    if (state[j] == 2)
                        longest = std::max(longest, depth[j]);
                depth[at] = longest + 1;
                state[at] = 2;
                stack.pop_back();
            }
        }
        for (std::size_t i = 0; i < count; ++i)
            if (!cyclic[i] && depth[i] > limits::kAliasDepth)
                add("/dns/" + std::to_string(i),
                    "the alias records of \"" + s_.dns[i].id + "\" lead through " +
                        std::to_string(depth[i]) +
                        " DNS names before they reach an app tier; "
                        "at most " +
                        std::to_string(limits::kAliasDepth) +
                        " are followed: point the aliases closer to the app tiers");
    }

    void accelerators() {
        for (std::size_t i = 0; i < s_.accelerators.size(); ++i) {
            const auto &a = s_.accelerators[i];
            const std::string at = "/accelerators/" + std::to_string(i);
            if (a.groups.empty())
                add(at + "/groups", "an accelerator needs at least one endpoint group");
            std::set<std::string> group_regions;
            for (std::size_t g = 0; g < a.groups.size(); ++g) {
                const std::string gat = at + "/groups/" + std::to_string(g);
                need_region(a.groups[g].region, gat + "/region");
                if (!group_regions.insert(a.groups[g].region).second)
                    add(gat + "/region", "the accelerator already has a group in " +
                                             a.groups[g].region + " (one group per region)");
                if (a.groups[g].endpoints.empty())
                    add(gat + "/endpoints", "an endpoint group needs at least one endpoint");
                for (std::size_t k = 0; k < a.groups[g].endpoints.size(); ++k) {
                    const auto *t = tier(a.groups[g].endpoints[k].target);
                    const std::string eat = gat + "/endpoints/" + std::to_string(k) + "/target";
                    if (!t)
                        add(eat, "\"" + a.groups[g].endpoints[k].target + "\" is not an app tier");
                    else if (t->region != a.groups[g].region)
                        add(eat, "the app tier is in " + t->region +
                                     ", not in the group's region " + a.groups[g].region);
                }
            }
        }
    }

    void distributions() {
        for (std::size_t i = 0; i < s_.distributions.size(); ++i) {
            const auto &d = s_.distributions[i];
            const std::string at = "/distributions/" + std::to_string(i);
            if (d.edges.empty())
                add(at + "/edges", "a distribution needs at least one edge location");
            const auto origin = [&](const std::string &id, const char *key) {
                const DataStore *store = find_by_id(s_.data_stores, id);
                if (!tier(id) && !store)
                    add(at + "/" + key, "\"" + id + "\" is neither an app tier nor a bucket");
                else if (store && store->kind != StoreKind::bucket)
                    add(at + "/" + key, "the data store \"" + id + "\" is a " +
                                            to_string(store->kind) +
                                            "; an origin is an app tier or a bucket");
            };
            origin(d.primary, "primary");
            origin(d.secondary, "secondary");
            if (d.primary == d.secondary)
                add(at + "/secondary", "an origin group has two different origins; pick "
                                       "another secondary than the primary");
        }
    }

    void populations() {
        for (std::size_t i = 0; i < s_.populations.size(); ++i) {
            const auto &p = s_.populations[i];
            const std::string at = "/populations/" + std::to_string(i);
            if (!dns_name(p.entry) && !is_accelerator(p.entry) && !is_distribution(p.entry))
                add(at + "/entry", "\"" + p.entry +
                                       "\" is neither a DNS name, an accelerator nor a "
                                       "distribution");
        }
    }

    void faults() {
        for (std::size_t i = 0; i < s_.faults.size(); ++i) {
            const auto &f = s_.faults[i];
            const std::string at = "/faults/" + std::to_string(i);
            if (f.at_ms > s_.settings.duration_ms)
                add(at + "/at_s", "the fault starts after the end of the run");
            switch (f.kind) {
            case FaultKind::region_outage:
                need_region(f.region, at + "/region");
                break;
            case FaultKind::az_outage:
                need_region(f.region, at + "/region");
                if (const Region *r = region(f.region); r && f.az >= r->azs)
                    add(at + "/az",
                        "the region has " + std::to_string(r->azs) + " AZs, numbered from 0");
                break;
            case FaultKind::brownout:
                if (!tier(f.target) && !is_store(f.target))
                    add(at + "/target",
                        "\"" + f.target + "\" is neither an app tier nor a data store");
                break;
            case FaultKind::partition: {
                std::set<std::string> cut;
                for (std::size_t k = 0; k < f.regions.size(); ++k) {
                    need_region(f.regions[k], at + "/regions/" + std::to_string(k));
                    if (!cut.insert(f.regions[k]).second)
                        add(at + "/regions/" + std::to_string(k),
                            "\"" + f.regions[k] + "\" is listed twice");
                }
                if (cut.size() >= s_.regions.size())
                    add(at + "/regions", "a partition cuts some regions off from the rest; this "
                                         "list leaves no region on the other side");
                break;
            }
            case FaultKind::writer_crash:
            case FaultKind::fail_back:
                if (!database(f.database))
                    add(at + "/database", "\"" + f.database + "\" is not a database");
                break;
            case FaultKind::replication_broken:
            case FaultKind::replication_lagging: {
                const Database *d = database(f.database);
                if (!d) {
                    add(at + "/database", "\"" + f.database + "\" is not a database");
                    break;
                }
                bool found = false;
                for (const auto &r : d->replicas)
                    found = found || r.region == f.replica;
                for (const auto &w : d->writers)
                    found = found || w == f.replica;
                if (!found)
                    add(at + "/replica", "the database has no replica in \"" + f.replica + "\"");
                break;
            }
            case FaultKind::dns_control_plane_impaired:
                break;
            case FaultKind::health_checker_impaired:
                for (std::size_t k = 0; k < f.regions.size(); ++k)
                    if (!is_checker_region(f.regions[k]))
                        add(at + "/regions/" + std::to_string(k),
                            "\"" + f.regions[k] + "\" is not a health-checker region");
                break;
            case FaultKind::switchover: {
                const Database *d = database(f.database);
                if (!d) {
                    add(at + "/database", "\"" + f.database + "\" is not a database");
                    break;
                }
                bool found = false;
                for (const auto &r : d->replicas)
                    found = found || r.region == f.region;
                if (d->kind != DbKind::global && d->kind != DbKind::single_writer)
                    add(at + "/database", "a switchover needs a database with one writer");
                else if (!found)
                    add(at + "/region",
                        "the database has no replica in \"" + f.region + "\" to switch over to");
                break;
            }
            case FaultKind::manual_promotion: {
                const Database *d = database(f.database);
                if (!d) {
                    add(at + "/database", "\"" + f.database + "\" is not a database");
                    break;
                }
                bool found = false;
                for (const auto &r : d->replicas)
                    found = found || r.region == f.region;
                if (!found)
                    add(at + "/region",
                        "the database has no replica in \"" + f.region + "\" to promote");
                break;
            }
            case FaultKind::manual_dns_change: {
                const DnsName *n = dns_name(f.dns_name);
                if (!n) {
                    add(at + "/dns", "\"" + f.dns_name + "\" is not a DNS name");
                    break;
                }
                if (!find_by_id(n->records, f.record))
                    add(at + "/record",
                        "\"" + f.dns_name + "\" has no record \"" + f.record + "\"");
                if (f.set_weight && n->policy != RoutingPolicy::weighted)
                    add(at + "/set_weight", "only a weighted name has weights; \"" + n->id +
                                                "\" uses another routing policy");
                if (!f.set_target.empty() && !tier(f.set_target) && !dns_name(f.set_target))
                    add(at + "/set_target",
                        "\"" + f.set_target + "\" is neither an app tier nor a DNS name");
                break;
            }
            }
        }
    }

    const Scenario &s_;
    const std::string &file_;
    std::set<std::string> ids_;
    Problems problems_;
};

} // namespace

Problems check_scenario(const Scenario &scenario, const std::string &file) {
    Problems problems = Checker(scenario, file).run();
    if (!problems.empty())
        locate_problems(problems, nlohmann::json::parse(write_scenario(scenario)));
    return problems;
}

} // namespace model
