#pragma once
// What the inspector and the fault list say about a scenario field: its label, meaning, unit and
// allowed range, condensed from model/SCENARIO_FORMAT.md (the model still checks every value).

#include <QString>

namespace widgets {

struct FieldHelp {
    QString label;      // "Capacity"; the key itself, made readable, for a field not listed
    QString meaning;    // a sentence or two for the tooltip
    double min = -1e12; // in the unit the field is shown in (seconds for `_s`)
    double max = 1e12;
    double step = 0;       // 0: the editor's own step
    int decimals = 2;      // for numbers with a fraction
    QString refers;        // kind_of() spellings the field may name, '|'-separated; "" if no ref
    bool optional = false; // a ref that may be empty
    QString when_empty;    // what an empty list means, where "(none)" would mislead
    bool known = false;
    int order = 1 << 20; // where the field stands in its section: the format reference's order
};

// `section` is the component's kind_of() spelling followed by the keys of the arrays and objects
// above the field: "app_tier", "dns/records", "database/replicas/lag".
FieldHelp field_help(const QString &section, const QString &key);

// The unit a key's suffix names: "s", "ms", "requests/s", "%", or "" for none.
QString field_unit(const QString &key);

// "Capacity (requests/s)", or just the label when the field has no unit.
QString field_label(const FieldHelp &help, const QString &key);

// "Range: 0 – 10000000 requests/s" for a number field with a known range, else "".
QString field_range_text(const FieldHelp &help, const QString &key);

// The name a component kind (a kind_of() spelling) is shown under: "App tier".
QString kind_label(const QString &kind);

} // namespace widgets
