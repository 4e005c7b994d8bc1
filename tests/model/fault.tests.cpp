#include "model/fault.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace model;

namespace {

std::vector<DnsName> weighted_name() {
    DnsName n;
    n.id = "app.example.com";
    n.policy = RoutingPolicy::weighted;
    for (const char *region : {"east", "west"}) {
        DnsRecord rec;
        rec.id = region;
        rec.target = std::string("app-") + region;
        n.records.push_back(rec);
    }
    return {n};
}

Fault dns_change(const std::string &record) {
    Fault f;
    f.kind = FaultKind::manual_dns_change;
    f.dns_name = "app.example.com";
    f.record = record;
    return f;
}

} // namespace

TEST_CASE("Operator actions are told apart from faults", "[faults]") {
    CHECK(is_action(FaultKind::manual_promotion));
    CHECK(is_action(FaultKind::manual_dns_change));
    CHECK(is_action(FaultKind::fail_back));
    CHECK(is_action(FaultKind::switchover));
    CHECK_FALSE(is_action(FaultKind::region_outage));
    CHECK_FALSE(is_action(FaultKind::writer_crash));
}

TEST_CASE("A fault's subjects are the components it acts on", "[faults]") {
    Fault f;
    f.kind = FaultKind::partition;
    f.regions = {"us-east-1", "eu-west-1"};
    CHECK(fault_subjects(f) == std::vector<std::string>{"us-east-1", "eu-west-1"});
    f.kind = FaultKind::brownout;
    f.target = "app-east";
    CHECK(fault_subjects(f) == std::vector<std::string>{"app-east"});
    f.kind = FaultKind::dns_control_plane_impaired;
    CHECK(fault_subjects(f) == std::vector<std::string>{"dns"});
    f.kind = FaultKind::switchover;
    f.database = "orders";
    CHECK(fault_subjects(f) == std::vector<std::string>{"orders"});
}

TEST_CASE("A manual DNS change edits only the record it names", "[faults][dns]") {
    std::vector<DnsName> names = weighted_name();
    Fault f = dns_change("west");
    f.set_weight = 0;
    apply_dns_change(names, f);
    CHECK(names[0].records[1].weight == 0);
    CHECK(names[0].records[1].target == "app-west");
    CHECK(names[0].records[0].weight == 1);

    f.set_weight.reset();
    f.set_target = "app-central";
    apply_dns_change(names, f);
    CHECK(names[0].records[1].weight == 0);
    CHECK(names[0].records[1].target == "app-central");

    // A record or name that is not there, or another kind of fault, changes nothing.
    const std::vector<DnsName> before = names;
    apply_dns_change(names, dns_change("north"));
    Fault outage = dns_change("east");
    outage.kind = FaultKind::region_outage;
    outage.set_weight = 7;
    apply_dns_change(names, outage);
    CHECK(names[0].records[0].weight == before[0].records[0].weight);
    CHECK(names[0].records[1].target == before[0].records[1].target);
}
