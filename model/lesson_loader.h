#pragma once
// The one reader of lesson files (format "failover-lab-lesson"): the schema, the body file and
// the scenario files a lesson names. Field reference: lessons/LESSON_FORMAT.md.

#include "lesson_types.h"
#include "problem.h"
#include "scenario_json.h"

#include <functional>
#include <optional>
#include <string>

namespace model {

struct LessonLoad {
    std::optional<Lesson> lesson;
    Problems problems;
};

// Where lesson files and the files they name come from: the file system by default, Qt's
// resources in the app. Returns nothing when the file cannot be read.
using FileReader = std::function<std::optional<std::string>(const std::string &path)>;
FileReader disk_reader();

class JsonReader;
// The "actions" list under `r` (`raw` is the same object): lessons' steps and quiz questions
// use the same actions.
std::vector<LessonAction> read_lesson_actions(JsonReader &r, const nlohmann::json &raw,
                                              const std::string &file, Problems &problems);

// Reads and checks a lesson file (schema, the body file, the scenario files it names). Problems
// name the lesson file and the JSON path of the field.
LessonLoad load_lesson_file(const std::string &path, const FileReader &read = disk_reader());
// Loads a scenario a lesson names (relative to the lesson's folder).
ScenarioLoad load_lesson_scenario(const Lesson &lesson, const std::string &relative,
                                  const FileReader &read = disk_reader());
// Why a scenario a lesson names did not load: "scenario "REL" does not load: <first problem>".
std::string load_failure(const std::string &relative, const std::string &first_problem);
std::string load_failure(const std::string &relative, const ScenarioLoad &load);

} // namespace model
