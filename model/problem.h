#pragma once
// A problem found in an input file: which file, where in it, and what was expected.

#include <string>
#include <utility>
#include <vector>

namespace model {

// Where a problem is in the scenario's own terms: a component (or the scenario's settings) and
// one of its fields, for people who do not read JSON pointers. Empty when the place is no
// component's, such as a syntax error's line and column.
struct ProblemPlace {
    std::string kind; // a kind_of() spelling, or "scenario", "settings", "cost", "rtt_overrides"
    std::string id;   // the component's id ("" for the settings and cost)
    std::string part_key;  // the list the field sits in, inside the component: "records"
    std::string part_name; // that list element's id, region or target: "secondary"
    std::string section;   // the field's field-spec section: "dns/records"
    std::string key;       // the field: "role"; "" when the problem is the component's as a whole

    bool empty() const { return kind.empty(); }
};

struct Problem {
    Problem() = default;
    // The place and the message keep no control characters: a newline in an id from the file
    // would otherwise split one problem into two lines (they become \n, \t or \u00XX).
    Problem(std::string file_, std::string where_, std::string message_, ProblemPlace place_ = {})
        : file(std::move(file_)), where(printable(std::move(where_))),
          message(printable(std::move(message_))), place(std::move(place_)) {}

    // The text with each control character (and DEL) written as an escape.
    static std::string printable(std::string text);

    std::string file;
    std::string where; // "line 3, column 7" or a JSON pointer such as "/regions/2/lat"
    std::string message;
    ProblemPlace place;
    // In the last entry of a capped list (add_problem): how many problems it stands for.
    std::size_t more = 0;

    // "file: where: message", for the command line.
    std::string text() const;
    // "Database orders-db, Writer: message": the place in words from the field-spec table and
    // no JSON pointer; a line and column stay.
    std::string for_people() const;
};

using Problems = std::vector<Problem>;

// Adds a problem, keeping at most limits::kProblemsPerFile of them: past that, one last entry
// "... and N more problems" (with `more` = N) counts the rest.
void add_problem(Problems &problems, Problem problem);
// Caps a list built without add_problem the same way (a capped list stays as it is).
void cap_problems(Problems &problems);
// How many problems the list stands for, those left out of a capped list included.
std::size_t problem_count(const Problems &problems);

} // namespace model
