#pragma once
// Questions that grade a learner, with every expected figure computed by the model for the exact
// scenario the question names. A quiz file (format "failover-lab-quiz") holds one chapter's
// questions; field reference: lessons/QUIZ_FORMAT.md.
//
// Who owns what: a Question is data as read; an Asked question is one question made concrete
// (parameters drawn from a seed, its scenario prepared and run, its expected answer known); a
// Grade is what one answer to it earned. The app, the command line and tests all go through
// ask() and grade(), so a question is graded the same way everywhere.

#include "lesson_loader.h"
#include "problem.h"
#include "report.h"
#include "scenario.h"
#include "simulation.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace model {

constexpr const char *kQuizFormat = "failover-lab-quiz";
constexpr int kQuizVersion = 1;

enum class QuestionKind : std::uint8_t {
    choice,    // one or several options are right; each option explains itself
    numeric,   // a figure of a run, within a stated tolerance
    predict,   // a figure (or a choice) committed to before the run is played
    red_flags, // the flawed components of a design, marked on the map
    open,      // an interview question: a model answer and a rubric the learner ticks
};
const std::vector<std::pair<const char *, QuestionKind>> &question_kind_names();
const char *to_string(QuestionKind kind);

struct QuizOption {
    std::string text;
    bool correct = false;
    std::string explanation; // why it is right or wrong
};

// A value drawn from {min, min + step, ..., max} and set on a component's field; its name is a
// placeholder "{{name}}" in the prompt.
struct QuizParameter {
    std::string name, component, field;
    double min = 0, max = 0, step = 1;
};

// A flaw of a design and the fault that shows it.
struct RedFlag {
    std::string component;
    std::string why;
    Fault fault;
};

struct Question {
    std::string id;
    QuestionKind kind = QuestionKind::choice;
    std::vector<std::string> covers; // curriculum ids
    std::string prompt;
    std::string explanation; // shown with the result, right or wrong
    // choice (and predict with options)
    std::vector<QuizOption> options;
    // numeric and predict
    std::string scenario; // a path relative to the quiz file
    std::vector<LessonAction> actions;
    std::vector<QuizParameter> parameters;
    std::string figure; // a figure name of the report ("rto_read_s", ...)
    std::string unit;   // shown after numbers ("s", "writes", "%")
    double tolerance = 0;
    // red_flags
    std::vector<RedFlag> flags;
    // open
    std::string model_answer;
    std::vector<std::string> rubric;
    std::vector<std::string> red_flag_answers; // what an interviewer would hold against you

    bool parameterised() const { return !parameters.empty(); }
    bool multiple() const; // choice: more than one option is right
};

struct Quiz {
    std::string file;
    std::string title;
    int chapter = 0;
    std::vector<Question> questions;
};

struct QuizLoad {
    std::optional<Quiz> quiz;
    Problems problems;
};
QuizLoad load_quiz_file(const std::string &path, const FileReader &read = disk_reader());
// Every quiz file directly in `folder` (sorted by name); problems name their file.
std::vector<Quiz> load_quizzes(const std::string &folder, Problems &problems,
                               const FileReader &read = disk_reader());

// One question made concrete for a seed.
struct Asked {
    const Question *question = nullptr;
    std::uint64_t seed = 0;
    std::string prompt;                                // placeholders filled with the drawn values
    std::vector<std::pair<std::string, double>> drawn; // parameter name -> value
    std::optional<Scenario> scenario;                  // with actions and drawn values applied
    RunOptions options;
    std::optional<Report> report;   // the run of `scenario`
    std::optional<double> expected; // numeric and predict: the model's figure
    std::string failure;            // why the question could not be made, if so
    bool ok() const { return failure.empty(); }
};
// Prepares a question: draws its parameters from `seed`, applies its actions, runs the model
// and reads the expected figure. Red-flag questions get their design, unrun.
// `stop`, if given, stops the question's run midway (RunOptions::stop: ask throws RunStopped).
Asked ask(const Question &q, const Quiz &quiz, std::uint64_t seed,
          const FileReader &read = disk_reader(), const std::atomic<bool> *stop = nullptr);

struct Answer {
    std::optional<double> number;    // numeric, predict
    std::vector<int> chosen;         // choice, predict with options: option indices
    std::vector<std::string> marked; // red_flags: component ids
    std::vector<bool> rubric_ticks;  // open: one per rubric line the learner met
};

// What a numeric answer that fell short left out: the first part of the RTO taken apart that
// takes the model's recovery past it, or, for lost writes and the RPO, the replication lag at
// the moment of promotion.
enum class Missed : std::uint8_t {
    nothing, // right, or not a figure with parts
    detection,
    propagation,
    client_cache,
    promotion,
    warmup,
    other,
    replication_lag,
    too_high, // the answer was above the model's figure
};

struct Grade {
    bool correct = false;
    double score = 0; // 0..1: open questions score the share of the rubric met
    std::optional<double> expected;
    double tolerance = 0;
    Missed missed = Missed::nothing;                    // numeric and predict, when off
    std::vector<std::string> flags_missed, flags_wrong; // red_flags
};
Grade grade(const Asked &asked, const Answer &answer);

// What an answer to a figure of `report` left out (Missed::nothing when within `tolerance`).
Missed missed_by(const Report &report, const std::string &figure, double expected, double tolerance,
                 double answer);

// A "try this" step's prediction graded against the step's own run.
Grade grade_prediction(const Prediction &prediction, const Report &report, double answer);

// The answer that earns full marks, for tests and for `quiz --answers` files.
Answer right_answer(const Asked &asked);

// The checks `failover-lab quiz check` runs on a question: its answer is computable, every
// option explains itself and the right ones are marked, the tolerance takes the model's answer
// and refuses a clearly wrong one, and every red flag's fault does visible damage.
Problems check_question(const Question &q, const Quiz &quiz,
                        const FileReader &read = disk_reader());

} // namespace model
