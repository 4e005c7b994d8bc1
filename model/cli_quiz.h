#pragma once
// `failover-lab quiz`: checks every question of the quiz files, or runs a short quiz in a
// terminal, reading the answers from stdin or from a file (one line a question).

#include "quiz.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace model {

int quiz_command(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
                 std::ostream &err);

// The questions of a short quiz: `count` drawn with `seed` from `quizzes` (those of `chapter`
// only, when given), in the drawn order.
std::vector<std::pair<const Quiz *, const Question *>>
draw_questions(const std::vector<Quiz> &quizzes, std::optional<int> chapter, std::uint64_t seed,
               std::size_t count);

// One line of an answers file, read for the question it answers: a number; option numbers from
// 1 ("1,3"); component ids ("db-main,app-east"); or y/n per rubric line ("y,n,y").
Answer parse_answer(const Asked &asked, const std::string &line);

} // namespace model
