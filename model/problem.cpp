#include "problem.h"

#include "problem_place.h"

namespace model {

std::string Problem::text() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (!where.empty())
        out += ": " + where;
    return out + ": " + message;
}

std::string Problem::for_people() const {
    const std::string words = place_words(place);
    if (!words.empty())
        return words + ": " + message;
    // A line and column help a person find a syntax error; a pointer into no component does not.
    if (!where.empty() && where[0] != '/')
        return where + ": " + message;
    return message;
}

} // namespace model
