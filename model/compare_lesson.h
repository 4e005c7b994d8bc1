#pragma once
// The two designs a lesson step compares: design A, and design B made from A by the step's
// "compare" actions (lessons/LESSON_FORMAT.md, "compare").

#include "lesson_loader.h"
#include "scenario.h"

#include <optional>
#include <string>

namespace model {

struct PreparedComparison {
    std::optional<Scenario> a, b; // both, or neither
    std::string a_label, b_label; // the step's words for each side ("" when it gives none)
    // Without the scenarios: where it failed ("scenario", "actions" or "compare/actions") and why.
    std::string failed_at, detail;
};

// A "try this" step's comparison: A is the step's scenario as its file stands, B is A with the
// comparison's actions applied. A `seed` action becomes B's own seed.
PreparedComparison prepare_try_comparison(const Lesson &lesson, std::size_t step,
                                          const FileReader &read = disk_reader());
// A walkthrough step's comparison: A is the step's state (the walkthrough's scenario with the
// actions of every step up to and including it), B is A with the comparison's actions applied.
PreparedComparison prepare_walk_comparison(const Lesson &lesson, std::size_t walkthrough,
                                           std::size_t step,
                                           const FileReader &read = disk_reader());

} // namespace model
