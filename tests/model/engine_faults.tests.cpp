#include "builders.h"

#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;
using testing::fail_east;
using testing::failover_pair;
using testing::first_event;

namespace {

constexpr Ms kFault = 10 * kMinute;

} // namespace

TEST_CASE("A manual DNS edit fails while the control plane is impaired", "[dns][faults]") {
    Scenario s = failover_pair(10 * kSecond, 2, 60 * kSecond);
    for (auto &rec : s.dns[0].records)
        rec.health_check.clear(); // no automation: an operator has to act
    fail_east(s, kFault);
    Fault cp;
    cp.id = "control-plane";
    cp.kind = FaultKind::dns_control_plane_impaired;
    cp.at_ms = kFault;
    cp.until_ms = kFault + 2 * kHour;
    Fault edit;
    edit.id = "edit";
    edit.kind = FaultKind::manual_dns_change;
    edit.at_ms = kFault + 2 * kMinute;
    edit.dns_name = "app.example.com";
    edit.record = "primary";
    edit.set_target = "app-west";
    s.faults = {s.faults[0], cp, edit};
    const Report r = simulate(s);
    CHECK(first_event(r, EventKind::dns_change_failed));
    CHECK_FALSE(first_event(r, EventKind::dns_answer_changed));

    s.faults = {s.faults[0], edit};
    const Report ok = simulate(s);
    const auto applied = first_event(ok, EventKind::dns_change_applied);
    REQUIRE(applied);
    CHECK(*applied - edit.at_ms <= 60 * kSecond);
    CHECK(ok.summary.read.status == "ok");
}
