#pragma once
// What a scripted fault means for the scenario's parts, in one place for the engine, the report
// and the world at a playhead: whether it is an operator's action, the components it acts on,
// and the edit a manual DNS change makes.

#include "scenario.h"

#include <string>
#include <vector>

namespace model {

// An operator's action (a promotion, a DNS edit, a fail-back, a switchover) is not a fault:
// it happens at an instant, no recovery is measured from it, and it does not end another
// fault's window.
bool is_action(FaultKind kind);

// The components a fault acts on: its region, target, regions or database, its DNS name, or
// "dns" for the DNS control plane. Its trace events name them; the timeline shows it in their
// lanes.
std::vector<std::string> fault_subjects(const Fault &fault);

// Carries out a manual DNS change on `names`, a copy of the scenario's: the record it names takes
// the new weight and the new target, where the change sets them. Other faults change nothing.
void apply_dns_change(std::vector<DnsName> &names, const Fault &change);

} // namespace model
