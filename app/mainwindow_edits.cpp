// What the user asks for on the map, the inspector and the fault list, made into undoable
// edits of the document.
#include "mainwindow.h"

#include "model/scenario_names.h"
#include "widgets/inspector.h"

#include <QStatusBar>
#include <nlohmann/json.hpp>

namespace app {

void MainWindow::report_edit(const model::EditResult &result) {
    if (result.ok) {
        say(QString::fromStdString(result.message), 4000);
        return;
    }
    say(tr("Not done: %1").arg(QString::fromStdString(result.message)));
    inspector_->show_error(QString::fromStdString(result.message));
}

void MainWindow::drop_component(model::ComponentKind kind, model::LatLon where,
                                const QString &region) {
    const model::EditResult r = doc_.edit(
        tr("Add %1").arg(QString::fromUtf8(model::to_string(kind))), [&](model::Scenario &s) {
            return model::add_component(s, kind, where, region.toStdString());
        });
    report_edit(r);
    if (r.ok && !r.id.empty()) {
        selected_ = QString::fromStdString(r.id);
        inspector_->show_component(doc_.scenario(), selected_);
    }
}

void MainWindow::move_component(const QString &id, model::LatLon where, bool finished) {
    // One undo entry per drag: every step of one drag shares a merge key.
    const QString key = QStringLiteral("move:%1:%2").arg(id).arg(drag_serial_);
    const model::EditResult r = doc_.edit(
        tr("Move %1").arg(id),
        [&](model::Scenario &s) { return model::move_component(s, id.toStdString(), where); }, key);
    if (!r.ok)
        report_edit(r);
    if (finished)
        ++drag_serial_;
}

void MainWindow::link_components(const QString &from, const QString &to) {
    report_edit(doc_.edit(tr("Link %1 to %2").arg(from, to), [&](model::Scenario &s) {
        return model::link_components(s, from.toStdString(), to.toStdString());
    }));
}

void MainWindow::edit_field(const QString &id, const QString &field, const QString &json_value) {
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(json_value.toStdString());
    } catch (const nlohmann::json::exception &) {
        report_edit({false, tr("not a value: %1").arg(json_value).toStdString(), {}});
        return;
    }
    report_edit(doc_.edit(tr("Change %1 of %2").arg(field, id), [&](model::Scenario &s) {
        return model::set_field(s, id.toStdString(), field.toStdString(), value);
    }));
}

void MainWindow::add_fault(const QString &kind_name) {
    model::Fault f;
    bool known = false;
    for (const auto &[name, kind] : model::fault_kind_names())
        if (kind_name == name) {
            f.kind = kind;
            known = true;
        }
    if (!known)
        return;
    const model::Scenario &s = doc_.scenario();
    f.at_ms = clock_.playhead() - clock_.playhead() % 1000;
    // Sensible targets: the selected region, or the first of each kind.
    const std::string sel = selected_.toStdString();
    const std::string region =
        model::kind_of(s, sel) == "region" ? sel : (s.regions.empty() ? "" : s.regions.front().id);
    f.region = region;
    f.regions = {region};
    if (!s.app_tiers.empty())
        f.target = s.app_tiers.front().id;
    f.error_share = 0.5;
    if (!s.databases.empty()) {
        f.database = s.databases.front().id;
        if (!s.databases.front().replicas.empty())
            f.replica = s.databases.front().replicas.front().region;
        f.region =
            f.kind == model::FaultKind::manual_promotion || f.kind == model::FaultKind::switchover
                ? f.replica
                : f.region;
    }
    f.lag_ms = 30000;
    if (f.kind == model::FaultKind::health_checker_impaired)
        f.regions = {"us-east-1", "us-west-1", "us-west-2"};
    if (!s.dns.empty()) {
        f.dns_name = s.dns.front().id;
        f.record = s.dns.front().records.front().id;
        f.set_target = s.dns.front().records.back().target;
    }
    report_edit(doc_.edit(tr("Add fault %1").arg(kind_name),
                          [&](model::Scenario &sc) { return model::add_fault(sc, f); }));
}

void MainWindow::remove_selected() {
    if (selected_.isEmpty())
        return;
    const QString id = selected_;
    report_edit(doc_.edit(tr("Remove %1").arg(id), [&](model::Scenario &s) {
        return model::remove_component(s, id.toStdString());
    }));
}

void MainWindow::context_action(const QString &id, const QString &action) {
    const model::Scenario &s = doc_.scenario();
    const std::string sid = id.toStdString();
    const model::Ms at = clock_.playhead() - clock_.playhead() % 1000;
    if (action == QLatin1String("remove")) {
        selected_ = id;
        remove_selected();
        return;
    }
    model::Fault f;
    f.at_ms = at;
    if (action == QLatin1String("fail_now")) {
        if (model::kind_of(s, sid) != "region") {
            say(tr("Select a region to fail"));
            return;
        }
        f.kind = model::FaultKind::region_outage;
        f.region = sid;
    } else if (action.startsWith(QLatin1String("fail_az_"))) {
        f.kind = model::FaultKind::az_outage;
        f.region = sid;
        f.az = action.mid(8).toInt();
    } else if (action == QLatin1String("partition_now")) {
        f.kind = model::FaultKind::partition;
        f.regions = {sid};
    } else if (action == QLatin1String("crash_writer")) {
        f.kind = model::FaultKind::writer_crash;
        f.database = sid;
    } else if (action == QLatin1String("promote_here")) {
        // id is "database@region" for a replica badge.
        const QStringList parts = id.split('@');
        if (parts.size() != 2)
            return;
        f.kind = model::FaultKind::manual_promotion;
        f.database = parts[0].toStdString();
        f.region = parts[1].toStdString();
    } else if (action == QLatin1String("recover_now")) {
        // End the outage of this region that is in force at the playhead.
        for (const auto &fault : s.faults)
            if (fault.kind == model::FaultKind::region_outage && fault.region == sid &&
                fault.at_ms < at && (!fault.until_ms || *fault.until_ms > at)) {
                report_edit(doc_.edit(tr("Recover %1").arg(id), [&](model::Scenario &c) {
                    return model::set_field(c, fault.id, "until_s",
                                            static_cast<double>(at) / 1000.0);
                }));
                return;
            }
        say(tr("%1 has no outage in force at the playhead").arg(id));
        return;
    } else {
        return;
    }
    report_edit(doc_.edit(tr("Fault on %1").arg(id),
                          [&](model::Scenario &c) { return model::add_fault(c, f); }));
}

} // namespace app
