#pragma once
// What the edit_*.cpp files share: how an edit is refused, and how a change made on a copy is
// kept only if the whole scenario still checks out. Not part of the model's interface.

#include "edit.h"
#include "scenario_json.h"

#include <string>
#include <utility>

namespace model::edit_detail {

// The continent code (AF, AN, AS, EU, NA, OC, SA) a point most likely lies in.
std::string continent_of(LatLon p);

inline EditResult refused(std::string message, Problems problems = {}) {
    return EditResult{false, std::move(message), {}, std::move(problems)};
}

// Refused because of these problems: the first one, with its place, says why.
inline EditResult refused(Problems problems) {
    const Problem &first = problems.front();
    std::string message = first.where.empty() ? first.message : first.where + ": " + first.message;
    return refused(std::move(message), std::move(problems));
}

// Applies a change to a copy and keeps it only if the whole scenario still checks out.
template <typename F> EditResult checked(Scenario &s, F &&change) {
    Scenario copy = s;
    EditResult r = change(copy);
    if (!r.ok)
        return r;
    Problems problems = check_scenario(copy, "");
    if (!problems.empty())
        return refused(std::move(problems));
    s = std::move(copy);
    return r;
}

} // namespace model::edit_detail
