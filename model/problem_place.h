#pragma once
// Finds the component and field behind a JSON pointer into a scenario file, so that a problem
// can name them for people ("Database orders-db, Writer") instead of "/databases/0/writer".

#include "problem.h"

#include <nlohmann/json.hpp>

#include <string>

namespace model {

// The place a pointer names in a scenario document (the JSON the file holds, or
// write_scenario()'s); empty if it names no component, field or setting.
ProblemPlace place_of(const nlohmann::json &document, const std::string &pointer);

// Fills every problem's place from its pointer.
void locate_problems(Problems &problems, const nlohmann::json &document);

// "Database orders-db, Record secondary, Role": the place in words, with the labels of the
// field-spec table; "" for an empty place.
std::string place_words(const ProblemPlace &place);

} // namespace model
