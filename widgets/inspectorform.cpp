#include "inspectorform.h"
#include "qtext.h"

#include "model/edit.h"
#include "model/field_spec.h"
#include "model/scenario_names.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace widgets {
namespace {

using Json = nlohmann::json;

// An alias to a load balancer answers with the load balancer's TTL (SCENARIO_FORMAT.md,
// "Alias TTL"; FACTS.md section 2).
constexpr int kLoadBalancerTtlS = 60;

bool is_group(const Json &value) {
    return value.is_object() || (value.is_array() && !value.empty() && value.front().is_object());
}

// The ids of the scenario's parts of the given kind_of() spellings, in file order.
QStringList ids_of(const model::Scenario &s, const QString &refers) {
    const QStringList kinds = refers.split(QLatin1Char('|'));
    QStringList ids;
    for (const model::ComponentRef &part : model::components_of(s))
        if (part.kind != "fault" && kinds.contains(QString::fromStdString(part.kind)))
            ids << q(part.id);
    return ids;
}

QStringList enum_choices(const std::string &kind, const QString &section, const QString &key) {
    std::vector<std::string> names;
    if (section.endsWith(QLatin1String("dns_cache")) && key == QLatin1String("mode"))
        for (const auto &[name, value] : model::cache_mode_names())
            names.emplace_back(name);
    else
        names = model::field_choices(kind, key.toStdString());
    QStringList out;
    for (const auto &n : names)
        out << q(n);
    return out;
}

int decimals_for(double value, int at_least) {
    int d = at_least;
    while (d < 3 &&
           std::abs(value * std::pow(10.0, d) - std::round(value * std::pow(10.0, d))) > 1e-6)
        ++d;
    return d;
}

// What an element of an array of objects is called by: its id, region or target.
QString element_name(const Json &element, std::size_t index) {
    for (const char *key : {"id", "region", "target"})
        if (element.contains(key) && element[key].is_string())
            return q(element[key].get<std::string>());
    return QString::number(index + 1);
}

QString list_text(const Json &list, const FieldHelp &help) {
    QStringList items;
    for (const auto &item : list)
        items << (item.is_string() ? q(item.get<std::string>()) : q(item.dump()));
    if (!items.isEmpty())
        return items.join(QLatin1String(", "));
    return help.when_empty.isEmpty() ? QCoreApplication::translate("widgets::Inspector", "(none)")
                                     : help.when_empty;
}

class Describer {
public:
    Describer(const model::Scenario &s, std::string kind) : s_(s), kind_(std::move(kind)) {}

    void object(const Json &fields, const QString &section, const QString &prefix, int depth) {
        std::vector<std::pair<std::string, FieldHelp>> keys;
        for (const auto &[key, value] : fields.items())
            keys.emplace_back(key, field_help(section, q(key)));
        std::stable_sort(keys.begin(), keys.end(), [&](const auto &a, const auto &b) {
            const bool ga = is_group(fields[a.first]), gb = is_group(fields[b.first]);
            return ga != gb ? gb : a.second.order < b.second.order;
        });
        for (const auto &[key, help] : keys)
            field(fields[key], help, section, prefix, q(key), depth);
    }

    std::vector<FormRow> rows;

private:
    void field(const Json &value, const FieldHelp &help, const QString &section,
               const QString &prefix, const QString &key, int depth) {
        const QString pointer = prefix.isEmpty() ? key : prefix + QLatin1Char('/') + key;
        const QString inner = section + QLatin1Char('/') + key;
        if (value.is_object()) {
            rows.push_back(heading(help.label, help.meaning, depth));
            object(value, inner, pointer, depth + 1);
            return;
        }
        if (is_group(value)) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                const QString title = QCoreApplication::translate("widgets::Inspector", "%1 %2")
                                          .arg(help.label, element_name(value[i], i));
                rows.push_back(heading(title, help.meaning, depth));
                object(value[i], inner, pointer + QLatin1Char('/') + QString::number(i), depth + 1);
            }
            return;
        }
        FormRow row;
        row.depth = depth;
        row.pointer = pointer;
        row.key = key;
        row.label = field_label(help);
        row.help = help;
        row.value = value;
        row.tooltip = help.meaning;
        const QString range = field_range_text(help);
        if (!range.isEmpty())
            row.tooltip += QLatin1Char('\n') + range;
        if (key == QLatin1String("id") && depth == 0) {
            // A component's own id is renamed in place; every reference follows.
            row.editor = EditorKind::text;
            row.tooltip += QLatin1Char('\n') + QCoreApplication::translate(
                                                   "widgets::Inspector",
                                                   "Type a new id and press Enter: every part "
                                                   "that names it is updated in the same step.");
        } else if (key == QLatin1String("id")) {
            row.text = q(value.get<std::string>());
        } else if (value.is_boolean()) {
            row.editor = EditorKind::check;
        } else if (value.is_number()) {
            const bool seconds = help.type == model::FieldType::seconds ||
                                 (!help.known && key.endsWith(QLatin1String("_s")));
            const bool real =
                seconds || help.type == model::FieldType::number || value.is_number_float();
            row.editor = real ? EditorKind::real : EditorKind::integer;
            // Seconds are kept to the millisecond; other numbers to their usual precision.
            if (real)
                row.help.decimals = seconds ? 3 : decimals_for(value.get<double>(), help.decimals);
        } else if (value.is_string()) {
            string_field(row, section);
        } else if (value.is_array()) {
            row.text = list_text(value, help);
        } else {
            row.text = q(value.dump());
        }
        rows.push_back(row);
    }

    void string_field(FormRow &row, const QString &section) {
        const QString current = q(row.value.get<std::string>());
        QStringList choices = row.help.refers.isEmpty() ? enum_choices(kind_, section, row.key)
                                                        : ids_of(s_, row.help.refers);
        if (!row.help.refers.isEmpty()) {
            if (row.help.optional)
                choices.prepend(QString());
            if (!choices.contains(current))
                choices.prepend(current);
        }
        if (choices.contains(current)) {
            row.editor = EditorKind::choice;
            row.choices = choices;
            // Ids stay as they are; an enumeration's values are shown in words.
            for (const QString &choice : choices)
                row.choice_labels << (row.help.refers.isEmpty() ? choice_text(row.key, choice)
                                                                : choice);
        } else {
            row.editor = EditorKind::text;
        }
    }

    static FormRow heading(const QString &title, const QString &tooltip, int depth) {
        FormRow row;
        row.editor = EditorKind::heading;
        row.depth = depth;
        row.label = title;
        row.tooltip = tooltip;
        return row;
    }

    const model::Scenario &s_;
    std::string kind_;
};

// A DNS name whose first record is an alias answers with its target's TTL: say so next to the
// name's own TTL, and grey that out.
void note_alias_ttl(const model::Scenario &s, const Json &fields, std::vector<FormRow> &rows) {
    const Json &records = fields.value("records", Json::array());
    if (records.empty() || !records.front().value("alias", false))
        return;
    const QString target = q(records.front().value("target", ""));
    const bool to_name = model::kind_of(s, target.toStdString()) == "dns";
    FormRow note;
    note.label = QCoreApplication::translate("widgets::Inspector", "Clients cache for");
    note.text =
        to_name
            ? QCoreApplication::translate("widgets::Inspector", "the TTL of %1 (alias)").arg(target)
            : QCoreApplication::translate("widgets::Inspector", "%1 s (alias to a load balancer)")
                  .arg(kLoadBalancerTtlS);
    note.tooltip = QCoreApplication::translate(
        "widgets::Inspector",
        "The first record is an alias, so clients cache the answer for its "
        "target's TTL: 60 s for a load balancer. The TTL above is ignored until the "
        "first record is no alias.");
    const auto ttl = std::find_if(rows.begin(), rows.end(), [](const FormRow &r) {
        return r.pointer == QLatin1String("ttl_s");
    });
    if (ttl == rows.end()) {
        rows.push_back(note);
        return;
    }
    ttl->enabled = false;
    ttl->tooltip += QLatin1Char('\n') + note.tooltip;
    rows.insert(ttl + 1, note);
}

} // namespace

std::vector<FormRow> describe_component(const model::Scenario &s, const std::string &id) {
    const std::string kind = model::kind_of(s, id);
    if (kind.empty())
        return {};
    Json fields = model::component_json(s, id);
    if (!fields.is_object())
        return {};
    // A database shows only the fields that change anything for its kind and settings.
    for (const auto &d : s.databases)
        if (d.id == id)
            for (auto it = fields.begin(); it != fields.end();)
                it = model::database_field_applies(d, it.key()) ? std::next(it) : fields.erase(it);
    Describer describer(s, kind);
    describer.object(fields, q(kind), QString(), 0);
    if (kind == "dns")
        note_alias_ttl(s, fields, describer.rows);
    return std::move(describer.rows);
}

QString form_shape(const std::vector<FormRow> &rows) {
    QStringList parts;
    for (const FormRow &row : rows)
        parts << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                     .arg(static_cast<int>(row.editor))
                     .arg(row.depth)
                     .arg(row.pointer, row.editor == EditorKind::heading ? row.label : row.key,
                          row.choices.join(QLatin1Char(',')))
                     .arg(row.enabled ? 1 : 0)
                     .arg(row.help.decimals);
    return parts.join(QLatin1Char('\n'));
}

QString json_number(double value, int decimals) {
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

} // namespace widgets
