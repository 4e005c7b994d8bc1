#pragma once
// The inspector's form as data: one row per field of a component's JSON, with the editor the
// field needs. The Inspector turns the rows into widgets, or refills the widgets it has when
// the rows keep their shape.

// The model first: Qt defines a `forever` macro that model/scenario.h spells as an enum value.
#include "model/scenario.h"

#include "fieldhelp.h"

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>

#include <vector>

namespace widgets {

enum class EditorKind {
    heading,  // starts a group (a nested object, or one element of an array of objects)
    readonly, // shown, not edited: ids, lists, derived notes
    text,
    check,
    choice,
    integer,
    real,
};

struct FormRow {
    EditorKind editor = EditorKind::readonly;
    int depth = 0;       // 0: the component's own fields; n: inside n groups
    QString pointer;     // what set_field takes: "capacity_rps", "lag/median_ms"; "" for notes
    QString key;         // the last key of the pointer
    QString label;       // with its unit; a heading's title
    QString tooltip;     // the field's meaning and range
    QString text;        // readonly: what is shown
    QStringList choices; // choice: the strings offered ("" stands for none)
    QStringList choice_labels; // choice: how each is shown (an enumeration's value in words)
    nlohmann::json value;
    FieldHelp help;
    bool enabled = true;
};

// The rows for one component; empty if the id names nothing.
std::vector<FormRow> describe_component(const model::Scenario &s, const std::string &id);

// The rows, editors and choices of a form without the values in it: two forms of one shape can
// share their widgets.
QString form_shape(const std::vector<FormRow> &rows);

// The JSON text of a number as an editor commits it: "3000", "2.5".
QString json_number(double value, int decimals);

} // namespace widgets
