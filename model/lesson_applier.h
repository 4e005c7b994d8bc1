#pragma once
// Lesson actions applied to a scenario: a "try this" step made ready to run, and the moment of
// its run a learner should watch.

#include "lesson_loader.h"
#include "report.h"
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

// How long before the moment a step is about "Show what happened" starts playing.
constexpr Ms kWatchLeadMs = 30 * kSecond;

// The moment a step is about, in its own run (`applied` is its scenario with the actions
// applied, `run` what the model computed for it): the fault its expectation names
// (faults.<id>.…), else the first fault it adds, else the first event a play_until waits for,
// else the earliest fault of the scenario; 0 when there is none.
Ms step_focus_ms(const TryThis &step, const Scenario &applied, const Run &run);
// Where the player starts when the learner asks to see a step: kWatchLeadMs before its focus,
// never before 0.
Ms step_watch_from_ms(const TryThis &step, const Scenario &applied, const Run &run);

} // namespace model
