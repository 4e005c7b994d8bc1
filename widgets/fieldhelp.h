#pragma once
// What the inspector and the fault list say about a scenario field: its label, meaning, unit
// and allowed range, from the model's field-spec table (model/field_spec.h) translated for the
// screen, and the scenario's names and problems in words.

// The model first: Qt defines a `forever` macro that model/scenario.h spells as an enum value.
#include "model/field_spec.h"
#include "model/problem.h"

#include <QString>

namespace widgets {

struct FieldHelp {
    QString label;   // "Capacity"; the key itself, made readable, for a field not listed
    QString meaning; // a sentence or two for the tooltip
    QString unit;    // as shown: "s", "ms", "requests/s", "%", "°" or ""
    model::FieldType type = model::FieldType::text;
    bool ranged = false; // min and max hold the field's range
    double min = 0;      // as shown: value × scale
    double max = 0;
    double step = 0;       // 0: the editor's own step
    int decimals = 2;      // for numbers with a fraction
    double scale = 1;      // shown as the file's value × scale
    QString refers;        // kind_of() spellings the field may name, '|'-separated; "" if no ref
    bool optional = false; // a ref that may be empty
    QString when_empty;    // what an empty list means, where "(none)" would mislead
    bool known = false;
    int order = 1 << 20; // where the field stands in its section: the format reference's order
};

// `section` is the component's kind_of() spelling followed by the keys of the arrays and objects
// above the field: "app_tier", "dns/records", "database/replicas/lag".
FieldHelp field_help(const QString &section, const QString &key);

// "Capacity (requests/s)", or just the label when the field has no unit.
QString field_label(const FieldHelp &help);

// "Range: 0 – 10000000 requests/s" for a number field with a known range, else "".
QString field_range_text(const FieldHelp &help);

// The name a component kind (a kind_of() spelling) is shown under: "App tier".
QString kind_label(const QString &kind);

// An enumeration value in words: "single writer (RDS)" for the database kind "single_writer".
QString choice_text(const QString &key, const QString &value);

// Where a problem is, in words: "Database orders-db, Writer"; "" when it is no component's.
QString place_text(const model::ProblemPlace &place);
// A problem for people: its place in words and its message, without the JSON pointer.
QString problem_text(const model::Problem &problem);

} // namespace widgets
