#include "problem.h"

#include "limits.h"
#include "problem_place.h"

#include <cstdio>

namespace model {

std::string Problem::printable(std::string text) {
    bool clean = true;
    for (unsigned char c : text)
        clean = clean && c >= 0x20 && c != 0x7f;
    if (clean)
        return text;
    std::string out;
    out.reserve(text.size() + 8);
    for (unsigned char c : text) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\r')
            out += "\\r";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

namespace {

std::string more_text(std::size_t more) {
    return "\u2026 and " + std::to_string(more) + " more problem" + (more == 1 ? "" : "s");
}

} // namespace

void add_problem(Problems &problems, Problem problem) {
    if (problems.size() < limits::kProblemsPerFile) {
        problems.push_back(std::move(problem));
        return;
    }
    if (problems.size() == limits::kProblemsPerFile)
        problems.push_back(Problem(problem.file, "", ""));
    Problem &last = problems.back();
    last.more += 1 + problem.more;
    last.message = more_text(last.more);
}

void cap_problems(Problems &problems) {
    if (problems.size() <= limits::kProblemsPerFile ||
        (problems.size() == limits::kProblemsPerFile + 1 && problems.back().more > 0))
        return;
    std::size_t more = 0;
    for (std::size_t i = limits::kProblemsPerFile; i < problems.size(); ++i)
        more += problems[i].more > 0 ? problems[i].more : 1;
    const std::string file = problems[limits::kProblemsPerFile].file;
    problems.resize(limits::kProblemsPerFile);
    problems.push_back(Problem(file, "", more_text(more)));
    problems.back().more = more;
}

std::size_t problem_count(const Problems &problems) {
    std::size_t n = 0;
    for (const Problem &p : problems)
        n += p.more > 0 ? p.more : 1;
    return n;
}

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
