// What the user asks for on the map, the inspector and the fault list, made into undoable
// edits of the document.
#include "mainwindow.h"

#include "app/dialogs.h"
#include "model/scenario_names.h"
#include "widgets/faultkinds.h"
#include "widgets/faultlist.h"
#include "widgets/fieldhelp.h"
#include "widgets/inspector.h"
#include "widgets/regionchooser.h"

#include <QCursor>
#include <QStatusBar>
#include <QStringList>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace app {
namespace {

// Why an edit was refused, for people: the first problem's place in words and its message.
QString why_not(const model::EditResult &result) {
    return result.problems.empty() ? QString::fromStdString(result.message)
                                   : widgets::problem_text(result.problems.front());
}

// The same with the places as JSON pointers, for the details.
QString why_not_in_detail(const model::EditResult &result) {
    QStringList lines;
    for (const model::Problem &p : result.problems)
        lines << QString::fromStdString(p.where + ": " + p.message);
    return lines.join(QLatin1Char('\n'));
}

// A field of a component as people call it: "Capacity", "Alias" for "records/0/alias".
QString field_words(const model::Scenario &s, const QString &id, const QString &field) {
    QString section = QString::fromStdString(model::kind_of(s, id.toStdString()));
    const QStringList parts = field.split(QLatin1Char('/'));
    for (int i = 0; i + 1 < parts.size(); ++i) {
        bool index = false;
        parts[i].toInt(&index);
        if (!index)
            section += QLatin1Char('/') + parts[i];
    }
    return widgets::field_help(section, parts.back()).label;
}

// One line per component, for a list in a question.
QString listed(const std::vector<model::ComponentRef> &parts) {
    QStringList lines;
    for (const model::ComponentRef &p : parts)
        lines << QStringLiteral("• %1 %2").arg(widgets::kind_label(QString::fromStdString(p.kind)),
                                               QString::fromStdString(p.id));
    return lines.join(QLatin1Char('\n'));
}

struct PolicyChange {
    model::RoutingPolicy policy;
    std::vector<std::string> dropped; // the records the new policy has no room for
};

// What asking for this value of a DNS name's "policy" would do; nothing for another field.
std::optional<PolicyChange> policy_change(const model::Scenario &s, const QString &id,
                                          const QString &field, const nlohmann::json &value) {
    if (field != QLatin1String("policy") || !value.is_string())
        return std::nullopt;
    for (const auto &name : s.dns)
        if (name.id == id.toStdString())
            for (const auto &[spelling, policy] : model::policy_names())
                if (value.get<std::string>() == spelling)
                    return PolicyChange{policy, model::records_dropped_by_policy(name, policy)};
    return std::nullopt;
}

} // namespace

void MainWindow::report_edit(const model::EditResult &result) {
    if (result.ok) {
        say(QString::fromStdString(result.message), 4000);
        return;
    }
    const QString why = why_not(result);
    say(tr("Not done: %1").arg(why));
    // Every editor shows the scenario's value again, whatever the refused edit had typed.
    inspector_->show_component(doc().scenario(), selected_);
    faults_->show_scenario(doc().scenario());
    inspector_->show_error(why, why_not_in_detail(result));
}

void MainWindow::drop_component(model::ComponentKind kind, model::LatLon where,
                                const QString &region) {
    if (kind == model::ComponentKind::region) {
        // The known regions not yet on the map, or one of the learner's own.
        const std::vector<model::KnownRegion> offered =
            model::regions_to_offer(doc().scenario(), where);
        std::optional<QString> chosen;
        if (choose_region_) {
            chosen = choose_region_(offered);
        } else {
            widgets::RegionChooser chooser(offered, this);
            chosen = chooser.choose(QCursor::pos());
        }
        if (!chosen)
            return;
        const model::EditResult r = doc().edit(
            chosen->isEmpty() ? tr("Add a region") : tr("Add region %1").arg(*chosen),
            [&](model::Scenario &s) { return model::add_region(s, where, chosen->toStdString()); });
        report_edit(r);
        if (r.ok && !r.id.empty()) {
            selected_ = QString::fromStdString(r.id);
            inspector_->show_component(doc().scenario(), selected_);
        }
        return;
    }
    const model::EditResult r = doc().edit(
        tr("Add %1").arg(QString::fromUtf8(model::to_string(kind))), [&](model::Scenario &s) {
            return model::add_component(s, kind, where, region.toStdString());
        });
    report_edit(r);
    if (r.ok && !r.id.empty()) {
        selected_ = QString::fromStdString(r.id);
        inspector_->show_component(doc().scenario(), selected_);
    }
}

void MainWindow::move_component(const QString &id, model::LatLon where, bool finished) {
    // One undo entry per drag: every step of one drag shares a merge key.
    const QString key = QStringLiteral("move:%1:%2").arg(id).arg(drag_serial_);
    const model::EditResult r = doc().edit(
        tr("Move %1").arg(id),
        [&](model::Scenario &s) { return model::move_component(s, id.toStdString(), where); }, key);
    if (!r.ok)
        report_edit(r);
    if (finished)
        ++drag_serial_;
}

void MainWindow::link_components(const QString &from, const QString &to) {
    report_edit(doc().edit(tr("Link %1 to %2").arg(from, to), [&](model::Scenario &s) {
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
    const model::Scenario &now = doc().scenario();
    // A new id renames the component, and every reference to it, in one undoable step.
    if (field == QLatin1String("id")) {
        const QString to =
            value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
        const model::EditResult r =
            doc().edit(tr("Rename %1 to %2").arg(id, to), [&](model::Scenario &s) {
                return model::rename_component(s, id.toStdString(), to.toStdString());
            });
        report_edit(r);
        if (r.ok && selected_ == id) {
            selected_ = to;
            inspector_->show_component(doc().scenario(), selected_);
        }
        return;
    }
    // A routing policy that cannot hold every record asks before dropping them, and drops them
    // in the same undoable step.
    if (const auto change = policy_change(now, id, field, value);
        change && !change->dropped.empty()) {
        QStringList records;
        for (const std::string &r : change->dropped)
            records << QString::fromStdString(r);
        const QString name = QString::fromStdString(model::to_string(change->policy));
        const bool agreed = ask_yes_no(
            this, tr("Change the routing policy?"),
            tr("A failover name holds two records, a primary and a secondary. The first two "
               "records of %1 take those roles; the name has no room for the others, so these "
               "would be removed: %2.")
                .arg(id, records.join(QLatin1String(", "))),
            tr("Remove them and change the policy to %1?")
                .arg(widgets::choice_text(QStringLiteral("policy"), name)));
        if (!agreed) {
            inspector_->show_component(now, selected_);
            say(tr("The routing policy of %1 is unchanged").arg(id));
            return;
        }
        report_edit(doc().edit(tr("Change routing policy of %1").arg(id), [&](model::Scenario &s) {
            return model::set_routing_policy(s, id.toStdString(), change->policy,
                                             model::DropRecords::allow);
        }));
        return;
    }
    report_edit(doc().edit(
        tr("Change %1 of %2").arg(field_words(now, id, field), id), [&](model::Scenario &s) {
            return model::set_field(s, id.toStdString(), field.toStdString(), value);
        }));
}

void MainWindow::add_fault(model::FaultKind kind) {
    const model::Fault f =
        model::default_fault(doc().scenario(), kind, selected_.toStdString(), clock_.playhead());
    report_edit(doc().edit(tr("Add fault %1").arg(widgets::fault_kind_label(kind)),
                           [&](model::Scenario &sc) { return model::add_fault(sc, f); }));
}

void MainWindow::remove_selected() {
    if (selected_.isEmpty())
        return;
    const QString id = selected_;
    const std::vector<model::ComponentRef> dependents =
        model::dependents_of(doc().scenario(), id.toStdString());
    if (dependents.empty()) {
        report_edit(doc().edit(tr("Remove %1").arg(id), [&](model::Scenario &s) {
            return model::remove_component(s, id.toStdString());
        }));
        return;
    }
    // Other parts cannot stand without it: say which, and remove them with it if the learner
    // agrees, in one undoable step.
    model::Scenario after = doc().scenario();
    const model::EditResult r = model::remove_with_dependents(after, id.toStdString());
    const QString what = tr("%1 %2").arg(widgets::kind_label(QString::fromStdString(
                                             model::kind_of(doc().scenario(), id.toStdString()))),
                                         id);
    if (!r.ok) {
        // Even with what depends on it, the scenario would not stand: say what would go, and
        // what would then be missing.
        tell(this, tr("Cannot delete %1").arg(what), tr("%1 cannot be deleted.").arg(what),
             tr("These parts depend on it and would go with it:\n%1\n\nWithout them the "
                "scenario would not stand: %2.")
                 .arg(listed(dependents), why_not(r)));
        say(tr("%1 cannot be deleted: %2").arg(what, why_not(r)));
        return;
    }
    const bool agreed = ask_yes_no(
        this, tr("Delete %1?").arg(what),
        tr("These parts depend on %1 and are deleted with it:\n%2").arg(what, listed(dependents)),
        tr("Delete all of them? Undo brings them back."));
    if (!agreed) {
        say(tr("%1 not deleted").arg(what));
        return;
    }
    doc().apply(tr("Remove %1 and what depends on it").arg(id), std::move(after));
    report_edit(r);
}

void MainWindow::quick_action(const model::QuickRequest &request) {
    const QString id = QString::fromStdString(request.target);
    if (request.action == model::QuickAction::remove) {
        selected_ = id;
        remove_selected();
        return;
    }
    const QString what = request.action == model::QuickAction::recover_region
                             ? tr("Recover %1").arg(id)
                             : tr("Fault on %1").arg(id);
    const model::Ms playhead = clock_.playhead();
    report_edit(doc().edit(
        what, [&](model::Scenario &s) { return model::apply_quick_action(s, request, playhead); }));
}

} // namespace app
