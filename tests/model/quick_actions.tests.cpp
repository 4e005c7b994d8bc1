// Gestures on a scenario: each one adds the fault it names at the playhead's whole second or is
// refused leaving the scenario as it was, on generated scenarios as on the built-in ones.
#include "builders.h"
#include "generator.h"

#include "model/quick_actions.h"
#include "model/scenario_json.h"
#include "model/scenario_names.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

using namespace model;

namespace {

std::vector<QuickRequest> every_gesture(const Scenario &s) {
    std::vector<QuickRequest> out;
    for (const Region &r : s.regions) {
        for (QuickAction a : {QuickAction::fail_region, QuickAction::recover_region,
                              QuickAction::cut_off, QuickAction::remove})
            out.push_back({a, r.id, {}, 0});
        for (int az = 0; az < r.azs; ++az)
            out.push_back({QuickAction::fail_az, r.id, {}, az});
    }
    for (const Database &d : s.databases) {
        out.push_back({QuickAction::crash_writer, d.id, {}, 0});
        for (const DbReplica &rep : d.replicas)
            out.push_back({QuickAction::promote_here, d.id, rep.region, 0});
    }
    // Aimed at the wrong kind of part.
    if (!s.populations.empty())
        out.push_back({QuickAction::fail_region, s.populations.front().id, {}, 0});
    if (!s.regions.empty())
        out.push_back({QuickAction::crash_writer, s.regions.front().id, {}, 0});
    return out;
}

} // namespace

TEST_CASE("A gesture adds its fault at the playhead's second, or changes nothing",
          "[quick-actions][properties]") {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const Scenario s = testing::generate_scenario(seed);
        const Ms playhead = static_cast<Ms>(seed) * 37'777 % s.settings.duration_ms;
        for (const QuickRequest &q : every_gesture(s)) {
            INFO(s.name << ", action " << static_cast<int>(q.action) << " on " << q.target << " at "
                        << playhead);
            Scenario after = s;
            const EditResult r = apply_quick_action(after, q, playhead);
            if (!r.ok) {
                CHECK(write_scenario(after) == write_scenario(s));
                CHECK_FALSE(r.message.empty());
                continue;
            }
            CHECK(q.action != QuickAction::remove);
            INFO(testing::problems_text(check_scenario(after, "after")));
            CHECK(check_scenario(after, "after").empty());
            if (q.action == QuickAction::recover_region) {
                CHECK(after.faults.size() == s.faults.size());
                bool ended_here = false;
                for (const Fault &f : after.faults)
                    ended_here =
                        ended_here || (f.until_ms && *f.until_ms == gesture_instant(playhead));
                CHECK(ended_here);
            } else {
                REQUIRE(after.faults.size() == s.faults.size() + 1);
                bool added_here = false;
                for (const Fault &f : after.faults)
                    added_here = added_here || f.at_ms == gesture_instant(playhead);
                CHECK(added_here);
            }
        }
    }
}

TEST_CASE("Failing and recovering a region from the map", "[quick-actions]") {
    Scenario s = testing::failover_pair(10 * kSecond, 3, 60 * kSecond);
    CHECK(gesture_instant(125'900) == 125'000);
    REQUIRE(apply_quick_action(s, {QuickAction::fail_region, "us-east-1", {}, 0}, 125'900).ok);
    REQUIRE(s.faults.size() == 1);
    CHECK(s.faults[0].kind == FaultKind::region_outage);
    CHECK(s.faults[0].at_ms == 125'000);
    CHECK_FALSE(s.faults[0].until_ms);
    // Down already: a second outage is refused.
    CHECK_FALSE(apply_quick_action(s, {QuickAction::fail_region, "us-east-1", {}, 0}, 200'000).ok);
    // Nothing to end before it started, or in the other region.
    CHECK_FALSE(
        apply_quick_action(s, {QuickAction::recover_region, "us-east-1", {}, 0}, 60'000).ok);
    CHECK_FALSE(
        apply_quick_action(s, {QuickAction::recover_region, "us-west-2", {}, 0}, 300'000).ok);
    REQUIRE(apply_quick_action(s, {QuickAction::recover_region, "us-east-1", {}, 0}, 300'400).ok);
    REQUIRE(s.faults[0].until_ms);
    CHECK(*s.faults[0].until_ms == 300'000);
    const Report r = simulate(s);
    CHECK(r.summary.read.status == RtoStatus::ok);
}

TEST_CASE("A new fault aims at the selected region and the scenario's first parts",
          "[quick-actions]") {
    const Scenario s = testing::load_builtin("pattern-warm-standby.json");
    REQUIRE(s.regions.size() >= 2);
    const std::string second = s.regions[1].id;
    const Fault outage = default_fault(s, FaultKind::region_outage, second, 61'500);
    CHECK(outage.region == second);
    CHECK(outage.at_ms == 61'000);
    const Fault first = default_fault(s, FaultKind::region_outage, "no-such-part", 0);
    CHECK(first.region == s.regions.front().id);
    if (!s.databases.empty() && !s.databases.front().replicas.empty()) {
        const Fault promote = default_fault(s, FaultKind::manual_promotion, {}, 0);
        CHECK(promote.region == s.databases.front().replicas.front().region);
        Scenario after = s;
        CHECK(add_fault(after, promote).ok);
    }
    // Every kind the fault list offers is accepted on a full built-in design.
    for (const auto &[name, kind] : fault_kind_names()) {
        INFO(name);
        Scenario after = s;
        const EditResult r = add_fault(after, default_fault(s, kind, second, 61'500));
        INFO(r.message);
        CHECK(r.ok);
    }
}

TEST_CASE("File > New starts from a scenario that validates and runs", "[quick-actions]") {
    const Scenario s = starter_scenario("Untitled");
    CHECK(s.name == "Untitled");
    INFO(testing::problems_text(check_scenario(s, "new")));
    CHECK(check_scenario(s, "new").empty());
    const Report r = simulate(s);
    CHECK(r.summary.requests > 0);
    CHECK(r.summary.failed == 0);
    // Round trip: what File > Save writes reads back the same.
    const ScenarioLoad back = parse_scenario(write_scenario(s), "new");
    REQUIRE(back.scenario);
    CHECK(write_scenario(*back.scenario) == write_scenario(s));
}
