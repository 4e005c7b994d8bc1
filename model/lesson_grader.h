#pragma once
// Lesson expectations checked against runs: a "try this" step's figure against its threshold,
// every step, walkthrough and placeholder of a lesson against the model (what `validate` runs),
// and the curriculum the lessons cover together.

#include "lesson_loader.h"
#include "report.h"

#include <optional>
#include <string>
#include <vector>

namespace model {

// Does the figure meet the expectation? `actual` is empty when the figure is null.
bool expectation_holds(const Expect &e, std::optional<double> actual);
// "rto_read_s < 120", "lost_writes == 0 (+-2)".
std::string describe(const Expect &e);

// What the model says of a step's run: the figure its expectation names, and whether it holds.
struct StepGrade {
    std::optional<double> actual; // empty when the figure is null or the step expects nothing
    bool held = true;             // a step without an expectation always holds
};
StepGrade grade_step(const TryThis &step, const Report &run);

// Loads every scenario the lesson names, runs each "try this" with its actions and checks its
// expectation, checks that every walkthrough step applies, and that every figure its text quotes
// (lesson_text.h) can be filled. Problems name the lesson file and the JSON path of the field.
Problems check_lesson_runs(const Lesson &lesson, const FileReader &read = disk_reader());

// The curriculum ids (C1-C26) that no lesson covers.
std::vector<std::string> uncovered_ids(const std::vector<Lesson> &lessons);

} // namespace model
