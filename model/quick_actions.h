#pragma once
// What a learner or a presenter does to a scenario in one gesture: a fault from the map's
// context menu or keys (fail a region or an AZ, cut a region off, crash a writer, promote a
// replica, end an outage), a fault of a chosen kind with sensible targets (the fault list's
// "Add"), and the scenario File > New starts from. The main window, presentation mode and the
// worked examples all go through these, so the rules live here once.

#include "edit.h"
#include "scenario.h"

#include <optional>
#include <string>

namespace model {

enum class QuickAction : std::uint8_t {
    fail_region,    // a region outage from the playhead on
    recover_region, // ends the region outage in force at the playhead
    fail_az,        // an AZ outage from the playhead on
    cut_off,        // a partition between the region and every other
    crash_writer,   // the database's writer crashes
    promote_here,   // an operator promotes the database's replica in a region
    remove,         // the component goes (an edit, not a fault: see remove_with_dependents)
};

// One gesture: what it is and what it acts on. `target` is a region for the region and AZ
// actions and a database for the database ones; `region` is where a replica is promoted.
struct QuickRequest {
    QuickAction action = QuickAction::fail_region;
    std::string target;
    std::string region;
    int az = 0;
};

// The instant a gesture at the playhead takes effect: the playhead, down to the whole second,
// so that fault times stay readable in the inspector and the scenario file.
Ms gesture_instant(Ms playhead);

// Applies a gesture made at `playhead` to `s`: adds the fault it stands for, or (recover_region)
// sets the end of the region outage in force at that instant. Refused, and `s` unchanged, when
// the target is not of the right kind, or nothing is in force to end. `remove` is refused
// here: removal asks about dependents first (remove_with_dependents).
EditResult apply_quick_action(Scenario &s, const QuickRequest &request, Ms playhead);

// A fault of `kind` at `playhead` aimed at sensible targets: the `selected` region if one is
// selected, else the first region; the first app tier, database, replica and DNS record.
Fault default_fault(const Scenario &s, FaultKind kind, const std::string &selected, Ms playhead);

// The scenario File > New starts from, named `name`: one region, one app tier behind a DNS
// name, and one population of users; it validates and runs.
Scenario starter_scenario(const std::string &name);

} // namespace model
