#pragma once
// Lesson actions applied to a scenario, and a "try this" step made ready to run.

#include "lesson_loader.h"
#include "simulation.h"

#include <optional>
#include <string>
#include <vector>

namespace model {

// Applies actions to a scenario (play_until is ignored here: it only moves a playhead).
EditResult apply_actions(Scenario &s, const std::vector<LessonAction> &actions,
                         RunOptions &options);

// A "try this" step ready to run: its scenario loaded fresh from its file with the step's
// actions applied, and the options to run it with. Without a scenario, `failure` says which part
// failed and `detail` why (the scenario's first problem, or the refused edit's message).
struct PreparedStep {
    enum class Failure { none, scenario, action };
    std::optional<Scenario> scenario;
    RunOptions options;
    Failure failure = Failure::none;
    std::string detail;
};
PreparedStep prepare_step(const Lesson &lesson, std::size_t step,
                          const FileReader &read = disk_reader());

} // namespace model
