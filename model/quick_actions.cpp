// Gestures on a scenario: the faults of the map's quick actions, a new fault's targets, and
// the starter scenario.
#include "quick_actions.h"

#include "sim_time.h"

namespace model {

Ms gesture_instant(Ms playhead) {
    return playhead - playhead % kSecond;
}

namespace {

// The region outage in force at `at` in `region`, if any.
const Fault *outage_in_force(const Scenario &s, const std::string &region, Ms at) {
    for (const Fault &f : s.faults)
        if (f.kind == FaultKind::region_outage && f.region == region && f.at_ms <= at &&
            (!f.until_ms || *f.until_ms > at))
            return &f;
    return nullptr;
}

EditResult refuse(const std::string &why) {
    return EditResult(false, why);
}

} // namespace

EditResult apply_quick_action(Scenario &s, const QuickRequest &request, Ms playhead) {
    const Ms at = gesture_instant(playhead);
    const std::string kind = kind_of(s, request.target);
    const bool on_region = request.action == QuickAction::fail_region ||
                           request.action == QuickAction::recover_region ||
                           request.action == QuickAction::fail_az ||
                           request.action == QuickAction::cut_off;
    if (on_region && kind != "region")
        return refuse(request.target + " is not a region");
    const bool on_database =
        request.action == QuickAction::crash_writer || request.action == QuickAction::promote_here;
    if (on_database && kind != "database")
        return refuse(request.target + " is not a database");
    Fault f;
    f.at_ms = at;
    switch (request.action) {
    case QuickAction::remove:
        return refuse("removing a component is an edit, not a fault");
    case QuickAction::recover_region: {
        const Fault *outage = outage_in_force(s, request.target, at);
        if (!outage)
            return refuse(request.target + " has no outage in force at " + format_clock(at));
        if (outage->at_ms == at)
            return refuse(request.target + "'s outage starts at " + format_clock(at) +
                          "; remove the fault instead");
        return set_field(s, outage->id, "until_s", static_cast<double>(at) / 1000.0);
    }
    case QuickAction::fail_region:
        if (outage_in_force(s, request.target, at))
            return refuse(request.target + " is already down at " + format_clock(at));
        f.kind = FaultKind::region_outage;
        f.region = request.target;
        break;
    case QuickAction::fail_az:
        f.kind = FaultKind::az_outage;
        f.region = request.target;
        f.az = request.az;
        break;
    case QuickAction::cut_off:
        f.kind = FaultKind::partition;
        f.regions = {request.target};
        break;
    case QuickAction::crash_writer:
        f.kind = FaultKind::writer_crash;
        f.database = request.target;
        break;
    case QuickAction::promote_here:
        f.kind = FaultKind::manual_promotion;
        f.database = request.target;
        f.region = request.region;
        break;
    }
    return add_fault(s, f);
}

Fault default_fault(const Scenario &s, FaultKind kind, const std::string &selected, Ms playhead) {
    Fault f;
    f.kind = kind;
    f.at_ms = gesture_instant(playhead);
    const std::string region = kind_of(s, selected) == "region"
                                   ? selected
                                   : (s.regions.empty() ? std::string() : s.regions.front().id);
    f.region = region;
    f.regions = {region};
    if (!s.app_tiers.empty())
        f.target = s.app_tiers.front().id;
    f.error_share = 0.5;
    if (!s.databases.empty()) {
        const Database &db = s.databases.front();
        f.database = db.id;
        if (!db.replicas.empty())
            f.replica = db.replicas.front().region;
        // An operator promotes or switches over to a replica, in the replica's region.
        if (kind == FaultKind::manual_promotion || kind == FaultKind::switchover)
            f.region = f.replica;
    }
    f.lag_ms = 30 * kSecond;
    // Impaired checkers: three of Route 53's checker regions, enough to swing the verdict.
    if (kind == FaultKind::health_checker_impaired)
        f.regions = {"us-east-1", "us-west-1", "us-west-2"};
    if (!s.dns.empty() && !s.dns.front().records.empty()) {
        f.dns_name = s.dns.front().id;
        f.record = s.dns.front().records.front().id;
        f.set_target = s.dns.front().records.back().target;
    }
    return f;
}

Scenario starter_scenario(const std::string &name) {
    Scenario s;
    s.name = name;
    s.regions.push_back(Region{"us-east-1", "N. Virginia", {39.05, -77.49}});
    AppTier app;
    app.id = "app-us-east-1";
    app.region = "us-east-1";
    s.app_tiers.push_back(app);
    DnsName dns;
    dns.id = "app.example.com";
    dns.policy = RoutingPolicy::weighted;
    DnsRecord rec;
    rec.id = "main";
    rec.target = app.id;
    dns.records.push_back(rec);
    s.dns.push_back(dns);
    Population users;
    users.id = "users";
    users.name = "Users";
    users.where = {40.7, -74.0};
    users.continent = "NA";
    users.entry = dns.id;
    s.populations.push_back(users);
    return s;
}

} // namespace model
