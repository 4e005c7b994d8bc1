#include "fault.h"

#include "find.h"

namespace model {

bool is_action(FaultKind k) {
    return k == FaultKind::manual_promotion || k == FaultKind::manual_dns_change ||
           k == FaultKind::fail_back || k == FaultKind::switchover;
}

std::vector<std::string> fault_subjects(const Fault &f) {
    switch (f.kind) {
    case FaultKind::region_outage:
    case FaultKind::az_outage:
        return {f.region};
    case FaultKind::brownout:
        return {f.target};
    case FaultKind::partition:
    case FaultKind::health_checker_impaired:
        return f.regions;
    case FaultKind::dns_control_plane_impaired:
        return {"dns"};
    case FaultKind::manual_dns_change:
        return {f.dns_name};
    case FaultKind::writer_crash:
    case FaultKind::replication_broken:
    case FaultKind::replication_lagging:
    case FaultKind::manual_promotion:
    case FaultKind::fail_back:
    case FaultKind::switchover:
        return {f.database};
    }
    return {};
}

void apply_dns_change(std::vector<DnsName> &names, const Fault &change) {
    if (change.kind != FaultKind::manual_dns_change)
        return;
    DnsName *name = find_by_id(names, change.dns_name);
    DnsRecord *record = name ? find_by_id(name->records, change.record) : nullptr;
    if (!record)
        return;
    if (change.set_weight)
        record->weight = *change.set_weight;
    if (!change.set_target.empty())
        record->target = change.set_target;
}

} // namespace model
