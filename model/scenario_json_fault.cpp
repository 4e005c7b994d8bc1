// Reading one fault, whose fields depend on its kind.
#include "scenario_json.h"

#include "scenario_json_read.h"
#include "scenario_names.h"

namespace model {

using scenario_json_detail::FieldReader;

void read_fault(JsonReader &r, Fault &f, std::size_t index) {
    FieldReader fields(r, "fault");
    r.enumeration("kind", f.kind, fault_kind_names(), true);
    if (r.has("id"))
        r.id("id", f.id);
    else {
        r.string("id", f.id);
        f.id = "fault-" + std::to_string(index + 1);
    }
    fields.seconds("at_s", f.at_ms, true);
    const auto lasting = [&] {
        fields.optional_seconds("until_s", f.until_ms);
        if (f.until_ms && *f.until_ms <= f.at_ms)
            r.fail("until_s", "must be later than its start");
    };
    switch (f.kind) {
    case FaultKind::region_outage:
        r.string("region", f.region, true);
        lasting();
        break;
    case FaultKind::az_outage:
        r.string("region", f.region, true);
        fields.integer("az", f.az, true);
        lasting();
        break;
    case FaultKind::brownout:
        r.string("target", f.target, true);
        fields.number("error_share", f.error_share);
        fields.millis("extra_latency_ms", f.extra_latency_ms);
        lasting();
        break;
    case FaultKind::partition:
        r.strings("regions", f.regions);
        if (f.regions.empty())
            r.fail("regions", "list the regions that are cut off from the rest");
        r.boolean("users_reach", f.users_reach);
        r.boolean("checkers_reach", f.checkers_reach);
        lasting();
        break;
    case FaultKind::writer_crash:
        r.string("database", f.database, true);
        lasting();
        break;
    case FaultKind::replication_broken:
        r.string("database", f.database, true);
        r.string("replica", f.replica, true);
        lasting();
        break;
    case FaultKind::replication_lagging:
        r.string("database", f.database, true);
        r.string("replica", f.replica, true);
        fields.millis("lag_ms", f.lag_ms, true);
        lasting();
        break;
    case FaultKind::dns_control_plane_impaired:
        lasting();
        break;
    case FaultKind::health_checker_impaired:
        r.strings("regions", f.regions);
        if (f.regions.empty())
            r.fail("regions", "list the checker regions whose probes fail");
        lasting();
        break;
    case FaultKind::manual_promotion:
        r.string("database", f.database, true);
        r.string("region", f.region, true);
        break;
    case FaultKind::manual_dns_change:
        r.string("dns", f.dns_name, true);
        r.string("record", f.record, true);
        fields.seconds("operator_delay_s", f.operator_delay_ms);
        if (r.has("set_weight")) {
            int w = 0;
            fields.integer("set_weight", w);
            f.set_weight = w;
        } else {
            r.string("set_weight", f.set_target); // marks the key as known
        }
        r.string("set_target", f.set_target);
        if (!f.set_weight && f.set_target.empty())
            r.fail("", "a manual DNS change needs a new weight or a new target");
        break;
    case FaultKind::fail_back:
        r.string("database", f.database, true);
        break;
    case FaultKind::switchover:
        r.string("database", f.database, true);
        r.string("region", f.region, true);
        break;
    }
}

} // namespace model
