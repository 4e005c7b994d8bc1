#include "faultkinds.h"
#include "qtext.h"

#include <QCoreApplication>
#include <QStringList>

namespace widgets {
namespace {

using K = model::FaultKind;

} // namespace

QString fault_kind_label(model::FaultKind kind) {
    switch (kind) {
    case K::region_outage:
        return QCoreApplication::translate("widgets::FaultList", "Region outage");
    case K::az_outage:
        return QCoreApplication::translate("widgets::FaultList", "AZ outage");
    case K::brownout:
        return QCoreApplication::translate("widgets::FaultList", "Brownout");
    case K::partition:
        return QCoreApplication::translate("widgets::FaultList", "Network partition");
    case K::writer_crash:
        return QCoreApplication::translate("widgets::FaultList", "Writer crash");
    case K::replication_broken:
        return QCoreApplication::translate("widgets::FaultList", "Replication broken");
    case K::replication_lagging:
        return QCoreApplication::translate("widgets::FaultList", "Replication lagging");
    case K::dns_control_plane_impaired:
        return QCoreApplication::translate("widgets::FaultList", "DNS control plane impaired");
    case K::health_checker_impaired:
        return QCoreApplication::translate("widgets::FaultList", "Health checkers impaired");
    case K::manual_promotion:
        return QCoreApplication::translate("widgets::FaultList", "Manual promotion");
    case K::manual_dns_change:
        return QCoreApplication::translate("widgets::FaultList", "Manual DNS change");
    case K::fail_back:
        return QCoreApplication::translate("widgets::FaultList", "Fail back");
    case K::switchover:
        return QCoreApplication::translate("widgets::FaultList", "Switchover");
    }
    return q(model::to_string(kind));
}

QString fault_kind_help(model::FaultKind kind) {
    switch (kind) {
    case K::region_outage:
        return QCoreApplication::translate(
            "widgets::FaultList", "The region goes down: its tiers are unreachable and its "
                                  "database instances are down.");
    case K::az_outage:
        return QCoreApplication::translate(
            "widgets::FaultList", "One Availability Zone fails: tiers lose its share of "
                                  "capacity; a writer there fails over if it is Multi-AZ.");
    case K::brownout:
        return QCoreApplication::translate(
            "widgets::FaultList", "An app tier or data store fails a share of requests and "
                                  "slows the rest. Shallow health checks do not notice.");
    case K::partition:
        return QCoreApplication::translate("widgets::FaultList",
                                           "Some regions lose contact with the others; users and "
                                           "checkers may or may not still reach them.");
    case K::writer_crash:
        return QCoreApplication::translate("widgets::FaultList",
                                           "The database's current writer crashes; when the fault "
                                           "ends, it comes back believing it is still the writer.");
    case K::replication_broken:
        return QCoreApplication::translate("widgets::FaultList",
                                           "A replica stops receiving writes and its lag grows.");
    case K::replication_lagging:
        return QCoreApplication::translate("widgets::FaultList",
                                           "Extra lag is added to every sample of a replica.");
    case K::dns_control_plane_impaired:
        return QCoreApplication::translate(
            "widgets::FaultList", "Record edits fail; health checks and DNS answers go on.");
    case K::health_checker_impaired:
        return QCoreApplication::translate("widgets::FaultList",
                                           "Health checkers in some locations fail every probe.");
    case K::manual_promotion:
        return QCoreApplication::translate("widgets::FaultList",
                                           "An operator promotes a replica now, whatever the "
                                           "writer's state: a live old writer may split-brain.");
    case K::manual_dns_change:
        return QCoreApplication::translate(
            "widgets::FaultList", "An operator edits a DNS record's weight or target; it goes "
                                  "live after propagation unless the control plane is "
                                  "impaired.");
    case K::fail_back:
        return QCoreApplication::translate(
            "widgets::FaultList", "A planned switchover back to the database's home writer.");
    case K::switchover:
        return QCoreApplication::translate("widgets::FaultList",
                                           "A planned switchover of the writer to another region: "
                                           "writes pause, nothing is lost.");
    }
    return {};
}

bool fault_lasts(model::FaultKind kind) {
    return kind != K::manual_promotion && kind != K::manual_dns_change && kind != K::fail_back &&
           kind != K::switchover;
}

QString fault_target(const model::Fault &f) {
    const QString arrow = QStringLiteral(" → ");
    QStringList regions;
    for (const auto &r : f.regions)
        regions << q(r);
    switch (f.kind) {
    case K::region_outage:
        return q(f.region);
    case K::az_outage:
        return QCoreApplication::translate("widgets::FaultList", "%1, AZ %2")
            .arg(q(f.region))
            .arg(f.az);
    case K::brownout:
        return QCoreApplication::translate("widgets::FaultList", "%1: %2 % errors, +%3 ms")
            .arg(q(f.target))
            .arg(f.error_share * 100.0, 0, 'g', 3)
            .arg(f.extra_latency_ms);
    case K::partition:
        return QCoreApplication::translate("widgets::FaultList", "%1 cut off")
            .arg(regions.join(QLatin1String(", ")));
    case K::health_checker_impaired:
        return regions.join(QLatin1String(", "));
    case K::writer_crash:
    case K::fail_back:
        return q(f.database);
    case K::replication_broken:
        return q(f.database) + arrow + q(f.replica);
    case K::replication_lagging:
        return QCoreApplication::translate("widgets::FaultList", "%1, +%2 ms")
            .arg(q(f.database) + arrow + q(f.replica))
            .arg(f.lag_ms);
    case K::manual_promotion:
    case K::switchover:
        return q(f.database) + arrow + q(f.region);
    case K::dns_control_plane_impaired:
        return QCoreApplication::translate("widgets::FaultList", "DNS control plane");
    case K::manual_dns_change:
        return q(f.dns_name) + QLatin1Char('/') + q(f.record);
    }
    return {};
}

QString minutes_seconds(model::Ms ms) {
    const model::Ms minutes = ms / model::kMinute;
    const model::Ms rest = ms % model::kMinute;
    QString text = QStringLiteral("%1:%2")
                       .arg(minutes, 2, 10, QLatin1Char('0'))
                       .arg(rest / model::kSecond, 2, 10, QLatin1Char('0'));
    if (rest % model::kSecond) {
        QString fraction = QStringLiteral("%1").arg(rest % model::kSecond, 3, 10, QLatin1Char('0'));
        while (fraction.endsWith(QLatin1Char('0')))
            fraction.chop(1);
        text += QLatin1Char('.') + fraction;
    }
    return text;
}

} // namespace widgets
