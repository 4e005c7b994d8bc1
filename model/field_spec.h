#pragma once
// What every scenario field is, for the reader and for people: one row per field with its label,
// unit, allowed range, editing step and help, in the order of model/SCENARIO_FORMAT.md. The
// scenario reader takes each range from here and the editors show the same rows, so a range
// cannot disagree between them. Labels and help are English; the GUI translates them with the
// English text as the source ("FieldSpec" context).

#include "scenario.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace model {

enum class FieldType {
    text,    // free text
    id,      // an id: [A-Za-z0-9._:-]{1,64}
    ref,     // the id of another part (`refers` says which kinds)
    refs,    // a list of ids
    choice,  // one of an enumeration's spellings
    boolean, // true or false
    integer, // a whole number within [min, max]
    number,  // any number within [min, max]
    seconds, // a time in seconds, kept to the millisecond
    millis,  // a time in whole milliseconds
    u64,     // a non-negative 64-bit integer (the seed)
    group,   // a nested object, or a list of objects
};

struct FieldSpec {
    const char *section; // "app_tier", "database/replicas", "lag", "settings", "scenario", "*"
    const char *key;     // the JSON key
    FieldType type = FieldType::text;
    const char *label = "";      // "Capacity"
    const char *help = "";       // a sentence or two on what the model does with it
    const char *unit = "";       // as shown: "s", "ms", "requests/s", "%", "°" or ""
    double min = 0;              // integer, number, seconds, millis: the range the reader accepts,
    double max = 0;              // in the file's unit (seconds for `_s`, milliseconds for `_ms`)
    double step = 0;             // one step of an editor, as shown; 0: the editor's own
    int decimals = 0;            // digits after the point, as shown
    double scale = 1;            // shown as value × scale (an SLO of 0.9999 as 99.99 %)
    const char *refers = "";     // ref, refs: the kinds it may name ("app_tier|dns")
    bool optional = false;       // a ref that may be empty
    const char *when_empty = ""; // refs: what an empty list means, where "none" would mislead

    bool has_range() const;
};

// Every row, in the order of the format reference.
std::span<const FieldSpec> field_specs();

// The row for a key in a section, or nullptr. `section` may be a path of the arrays and objects
// above the field ("database/replicas/lag"): its longest tail with a row of that key wins
// ("replicas/lag", then "lag"), then the rows for any section ("*": id, name).
const FieldSpec *find_field_spec(std::string_view section, std::string_view key);

// The field-spec section of a component kind (a kind_of() spelling) is the kind itself; the
// scenario's own fields are in "scenario", "settings" and "cost".

// How a component kind (a kind_of() spelling, or "settings", "cost", "scenario") is named for
// people: "App tier"; the kind itself if unknown.
const char *kind_label(std::string_view kind);

// An enumeration value in words, for people: "single_writer" -> "single writer (RDS)". `key` is
// the field ("kind", "policy", ...); a value without words of its own has its underscores
// turned into spaces.
std::string choice_label(std::string_view key, std::string_view value);

// Whether a database field changes anything for this database: fields that belong to another
// kind or promotion mode, to sync replicas it does not have, or to an endpoint caching it does
// not use have no effect (SCENARIO_FORMAT.md, "databases" and "Kinds").
bool database_field_applies(const Database &database, std::string_view key);
// The keys of component_json() for a database that apply to it, in the format's order.
std::vector<std::string> database_fields_that_apply(const Database &database);

} // namespace model
