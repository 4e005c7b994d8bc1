#pragma once
// The learner's progress through the course, kept by chapter id: which chapters they opened and
// which "try this" steps held for them; whether a chapter is complete under its own rule; and
// the progress file (format "failover-lab-progress") that keeps it between sessions.

#include "course.h"
#include "problem.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace model {

constexpr const char *kProgressFormat = "failover-lab-progress";
constexpr int kProgressVersion = 1;

// What the learner did in one chapter.
struct ChapterProgress {
    bool read = false;
    std::set<std::string> try_this_done; // step ids

    std::map<std::string, bool> quiz;        // question id -> the last answer was right
    std::map<std::string, bool> predictions; // step id -> the prediction was right
    bool tried(const std::string &step) const { return try_this_done.count(step) > 0; }
    int quiz_answered() const { return static_cast<int>(quiz.size()); }
    int quiz_right() const;
    bool operator==(const ChapterProgress &) const = default;
};

// Progress by chapter id. Ids of chapters the course no longer has are kept, not counted.
class Progress {
public:
    // A chapter never opened reads as blank.
    const ChapterProgress &chapter(const std::string &lesson_id) const;
    const std::map<std::string, ChapterProgress> &chapters() const { return chapters_; }
    // Both return whether anything changed.
    bool mark_read(const std::string &lesson_id);
    bool mark_tried(const std::string &lesson_id, const std::string &step_id);
    // A quiz question of the chapter answered; a later answer replaces an earlier one.
    bool mark_answered(const std::string &lesson_id, const std::string &question_id, bool right);
    // A step's prediction: the first one stands (predicting again after seeing the answer would
    // teach nothing), so a wrong prediction stays recorded as wrong.
    bool mark_predicted(const std::string &lesson_id, const std::string &step_id, bool right);

    bool operator==(const Progress &) const = default;

private:
    std::map<std::string, ChapterProgress> chapters_;
};

// How many of the chapter's "try this" steps held.
int steps_done(const Lesson &lesson, const ChapterProgress &progress);
// Whether the chapter is complete under its completion rule.
bool chapter_complete(const Lesson &lesson, const ChapterProgress &progress);

enum class ChapterState {
    not_started, // neither opened nor any step tried
    started,     // opened or tried, not yet complete
    complete
};
ChapterState chapter_state(const Lesson &lesson, const ChapterProgress &progress);

// "n of m chapters complete".
struct CourseProgress {
    int complete = 0;
    int chapters = 0;
};
CourseProgress course_progress(const Course &course, const Progress &progress);

// The progress file: {"format": "failover-lab-progress", "version": 1, "lessons": {ID: {"read":
// true, "try_this": [STEP, ...], "quiz": {QUESTION: true or false}}}} ("quiz" may be absent).
// Written with sorted keys and steps, so a file changes only when the progress does.
std::string write_progress(const Progress &progress);
// Reads a progress file's text; a problem (with `file` and the JSON path) when it is not one.
// A file of a later version than kProgressVersion is read as far as this version understands
// it (progress may then be empty, with problems), and says so in newer_version: whoever keeps
// the file must not write over it.
struct ProgressLoad {
    std::optional<Progress> progress;
    Problems problems;
    std::optional<long long> newer_version;
};
ProgressLoad parse_progress(const std::string &text, const std::string &file);

} // namespace model
