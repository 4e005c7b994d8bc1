#pragma once
// What a lesson holds once read: one chapter of the course with its body, the scenarios it runs,
// its "try this" steps, its completion rule, the worked examples it offers and its
// walkthroughs. Field reference: lessons/LESSON_FORMAT.md.

#include "edit.h"
#include "scenario.h"
#include "trace.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace model {

constexpr const char *kLessonFormat = "failover-lab-lesson";
constexpr int kLessonVersion = 1;

// One change a step makes to its scenario (or, for play_until, to where the player stops).
// Its implicit move is noexcept: every member's move is (nlohmann::json's included), but
// clang-tidy cannot see through json's invariant check, hence the NOLINT.
// NOLINTNEXTLINE(bugprone-exception-escape)
struct LessonAction {
    enum class Kind { set, add_fault, remove_fault, add, link, seed, play_until };
    Kind kind = Kind::set;
    std::string component, field;                   // set
    nlohmann::json value;                           // set
    Fault fault;                                    // add_fault
    std::string id;                                 // remove_fault
    ComponentKind add_kind = ComponentKind::region; // add
    std::string region, database;                   // add
    std::string from, to;                           // link
    std::uint64_t seed = 0;                         // seed
    EventKind event = EventKind::fault_started;     // play_until
};

// A comparison a step opens: design A beside design B, B being A with these actions applied.
// For a "try this" step A is the step's scenario as its file stands; for a walkthrough step, the
// step's own state.
struct CompareSpec {
    std::string a, b; // what each side is, in a few words ("TTL 300 s", "TTL 60 s")
    std::vector<LessonAction> actions;
};

// A figure of a run compared with a threshold.
struct Expect {
    std::string figure;
    std::string op;              // < <= > >= == !=
    std::optional<double> value; // null: the figure is null
    double tolerance = 0;
};

// A figure the learner predicts before a step runs, within a tolerance: absolute, or a share
// of the model's figure, whichever is wider.
struct Prediction {
    std::string question; // what to predict, in words
    std::string figure;   // the report figure it is graded against
    std::string unit;
    double tolerance = 0;
    double tolerance_pct = 0;
};

// A "try this" step: actions on a fresh copy of a scenario and the figure that must come out.
struct TryThis {
    std::string id, text, scenario, show;
    std::vector<LessonAction> actions;
    std::optional<Expect> expect;
    std::optional<Prediction> predict; // a step with one is done only once predicted
    std::optional<CompareSpec> compare;
};

// One slide of an instructor's walkthrough.
struct WalkStep {
    std::string caption, notes;
    std::vector<LessonAction> actions;
    std::optional<Ms> at_ms;
    std::optional<EventKind> wait_for;
    Ms timeout_ms = 0; // 0: until the end of the run
    std::optional<CompareSpec> compare;
};

// A scripted presentation of a chapter.
struct Walkthrough {
    std::string id, title, scenario;
    std::vector<WalkStep> steps;
};

// When a chapter counts as completed: opened (if `read`), and enough "try this" steps held.
struct CompletionRule {
    enum class Steps { all, any, at_least };
    bool read = true;
    Steps steps = Steps::all;
    int at_least = 0; // with Steps::at_least
};

// An interactive worked example a chapter offers beside its text.
enum class WorkedExample {
    rto,       // the RTO of a DNS failover from its health checks and TTL (C15)
    break_even // the yearly cost of each pattern against the cost of its downtime (C6)
};

// The names lesson files use ("rto", "break_even"), in the order of the enum.
const std::vector<std::pair<const char *, WorkedExample>> &worked_example_names();
const char *to_string(WorkedExample example);

// One chapter of the course.
struct Lesson {
    std::string file; // where it was read from
    std::string root; // the folder its relative paths start from
    std::string id, title, body_file, body;
    int order = 0;
    std::vector<std::string> covers, scenarios, takeaways;
    std::vector<std::pair<std::string, std::string>> glossary;
    std::vector<TryThis> try_this;
    std::string how_it_comes_up;
    std::vector<std::string> strong_answer, red_flags, questions_to_ask;
    CompletionRule completion;
    std::vector<WorkedExample> worked_examples;
    std::vector<Walkthrough> walkthroughs;
};

} // namespace model
