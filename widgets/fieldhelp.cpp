#include "fieldhelp.h"

#include <QCoreApplication>
#include <QLocale>

#include <iterator>

namespace widgets {
namespace {

// The model's English text is the source text of its translation.
QString tr_spec(const char *text) {
    return QCoreApplication::translate("FieldSpec", text);
}

QString readable(const QString &key) {
    QString text = key;
    for (const char *suffix : {"_rps", "_pct", "_ms", "_s"})
        if (text.endsWith(QLatin1String(suffix))) {
            text.chop(static_cast<int>(qstrlen(suffix)));
            break;
        }
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// The unit a key's suffix names, for a field the table does not list.
const char *unit_of_key(const QString &key) {
    if (key.endsWith(QLatin1String("_ms")))
        return "ms";
    if (key.endsWith(QLatin1String("_s")))
        return "s";
    if (key.endsWith(QLatin1String("_rps")))
        return "requests/s";
    if (key.endsWith(QLatin1String("_pct")))
        return "%";
    return "";
}

} // namespace

FieldHelp field_help(const QString &section, const QString &key) {
    FieldHelp help;
    const QByteArray s = section.toUtf8(), k = key.toUtf8();
    const model::FieldSpec *spec =
        model::find_field_spec(std::string_view(s.constData(), static_cast<std::size_t>(s.size())),
                               std::string_view(k.constData(), static_cast<std::size_t>(k.size())));
    if (!spec) {
        help.label = readable(key);
        const char *unit = unit_of_key(key);
        help.unit = *unit ? tr_spec(unit) : QString();
        return help;
    }
    help.label = tr_spec(spec->label);
    help.meaning = tr_spec(spec->help);
    help.unit = *spec->unit ? tr_spec(spec->unit) : QString();
    help.type = spec->type;
    help.ranged = spec->has_range();
    help.scale = spec->scale;
    help.min = spec->min * spec->scale;
    help.max = spec->max * spec->scale;
    help.step = spec->step;
    help.decimals = spec->decimals;
    help.refers = QLatin1String(spec->refers);
    help.optional = spec->optional;
    help.when_empty = *spec->when_empty ? tr_spec(spec->when_empty) : QString();
    help.known = true;
    help.order = static_cast<int>(spec - model::field_specs().data());
    return help;
}

QString field_label(const FieldHelp &help) {
    return help.unit.isEmpty()
               ? help.label
               : QCoreApplication::translate("FieldHelp", "%1 (%2)").arg(help.label, help.unit);
}

QString field_range_text(const FieldHelp &help) {
    if (!help.ranged)
        return {};
    const QLocale locale;
    const QString range =
        QCoreApplication::translate("FieldHelp", "Range: %1 – %2")
            .arg(locale.toString(help.min, 'g', 12), locale.toString(help.max, 'g', 12));
    return help.unit.isEmpty() ? range : range + QLatin1Char(' ') + help.unit;
}

QString kind_label(const QString &kind) {
    const QByteArray k = kind.toUtf8();
    const char *label = model::kind_label(k.constData());
    return *label ? tr_spec(label) : kind;
}

QString choice_text(const QString &key, const QString &value) {
    const QByteArray k = key.toUtf8(), v = value.toUtf8();
    const std::string words = model::choice_label(k.constData(), v.constData());
    return QCoreApplication::translate("FieldSpec", words.c_str());
}

QString place_text(const model::ProblemPlace &place) {
    if (place.empty())
        return {};
    QString text = kind_label(QString::fromStdString(place.kind));
    if (!place.id.empty())
        text = QCoreApplication::translate("FieldHelp", "%1 %2")
                   .arg(text, QString::fromStdString(place.id));
    const QString section = QString::fromStdString(place.section);
    if (!place.part_key.empty()) {
        // The section the list belongs to: the one before the list's own key.
        const QString list = QLatin1Char('/') + QString::fromStdString(place.part_key);
        const QString outer = section.left(section.lastIndexOf(list));
        const QString part = field_help(outer, QString::fromStdString(place.part_key)).label;
        text = QCoreApplication::translate("FieldHelp", "%1, %2 %3")
                   .arg(text, part, QString::fromStdString(place.part_name));
    }
    if (!place.key.empty())
        text = QCoreApplication::translate("FieldHelp", "%1, %2")
                   .arg(text, field_help(section, QString::fromStdString(place.key)).label);
    return text;
}

QString problem_text(const model::Problem &problem) {
    const QString message = QString::fromStdString(problem.message);
    const QString place = place_text(problem.place);
    if (!place.isEmpty())
        return QCoreApplication::translate("FieldHelp", "%1: %2").arg(place, message);
    // A line and column help a person find a syntax error, and a pointer to a whole list
    // ("/regions") names it; the document's root ("/") says nothing.
    if (!problem.where.empty() && problem.where != "/")
        return QCoreApplication::translate("FieldHelp", "%1: %2")
            .arg(QString::fromStdString(problem.where), message);
    return message;
}

} // namespace widgets
