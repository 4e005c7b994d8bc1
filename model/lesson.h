#pragma once
// Lessons as data: one chapter per file (format "failover-lab-lesson"), with a Markdown body,
// the scenarios it runs, "try this" steps whose expectations the model checks, takeaways, a
// glossary, interview notes and instructor walkthroughs. Field reference: lessons/LESSON_FORMAT.md.

#include "edit.h"
#include "problem.h"
#include "scenario.h"
#include "scenario_json.h"
#include "simulation.h"
#include "trace.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace model {

constexpr const char *kLessonFormat = "failover-lab-lesson";
constexpr int kLessonVersion = 1;

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

struct Expect {
    std::string figure;
    std::string op;              // < <= > >= == !=
    std::optional<double> value; // null: the figure is null
    double tolerance = 0;
};

struct TryThis {
    std::string id, text, scenario, show;
    std::vector<LessonAction> actions;
    std::optional<Expect> expect;
};

struct WalkStep {
    std::string caption, notes;
    std::vector<LessonAction> actions;
    std::optional<Ms> at_ms;
    std::optional<EventKind> wait_for;
    Ms timeout_ms = 0; // 0: until the end of the run
};

struct Walkthrough {
    std::string id, title, scenario;
    std::vector<WalkStep> steps;
};

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
    bool completion_read = true;
    std::string completion_try_this = "all"; // "all", "any" or a number
    std::vector<Walkthrough> walkthroughs;
};

struct LessonLoad {
    std::optional<Lesson> lesson;
    Problems problems;
};

// Where lesson files and the files they name come from: the file system by default, Qt's
// resources in the app. Returns nothing when the file cannot be read.
using FileReader = std::function<std::optional<std::string>(const std::string &path)>;
FileReader disk_reader();

// Reads and checks a lesson file (schema, the body file, the scenario files it names).
LessonLoad load_lesson_file(const std::string &path, const FileReader &read = disk_reader());
// Loads a scenario a lesson names (relative to the lesson's folder).
ScenarioLoad load_lesson_scenario(const Lesson &lesson, const std::string &relative,
                                  const FileReader &read = disk_reader());

// Applies actions to a scenario (play_until is ignored here: it only moves a playhead).
EditResult apply_actions(Scenario &s, const std::vector<LessonAction> &actions,
                         RunOptions &options);

// Does the figure meet the expectation? `actual` is empty when the figure is null.
bool expectation_holds(const Expect &e, std::optional<double> actual);
std::string describe(const Expect &e);

// Loads every scenario the lesson names, runs each "try this" with its actions and checks its
// expectation, checks that every walkthrough step applies, and that every figure its text quotes
// (lesson_text.h) can be filled. Problems name the lesson file and the JSON path of the field.
Problems check_lesson_runs(const Lesson &lesson, const FileReader &read = disk_reader());

// The curriculum ids (C1-C26) that no lesson covers.
std::vector<std::string> uncovered_ids(const std::vector<Lesson> &lessons);

} // namespace model
