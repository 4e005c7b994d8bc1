#pragma once
// A problem found in an input file: which file, where in it, and what was expected.

#include <string>
#include <vector>

namespace model {

struct Problem {
    std::string file;
    std::string where; // "line 3, column 7" or a JSON pointer such as "/regions/2/lat"
    std::string message;

    // "file: where: message"
    std::string text() const;
};

using Problems = std::vector<Problem>;

} // namespace model
