#pragma once
// The one reader and writer of scenario files (format "failover-lab-scenario").

#include "limits.h"
#include "problem.h"
#include "scenario.h"

#include <optional>
#include <string>

namespace model {

constexpr const char *kScenarioFormat = "failover-lab-scenario";
constexpr int kScenarioVersion = 3;
constexpr std::size_t kMaxScenarioBytes = limits::kScenarioBytes;

struct ScenarioLoad {
    std::optional<Scenario> scenario;
    Problems problems;
};

// Parses and checks a scenario; `file` only labels the problems.
ScenarioLoad parse_scenario(const std::string &text, const std::string &file);
ScenarioLoad load_scenario_file(const std::string &path);

class JsonReader;
// Reads one fault object (as in a scenario's "faults" array) field by field.
void read_fault(JsonReader &reader, Fault &fault, std::size_t index);

// Checks a scenario held in memory (references, ranges, structure), as the reader does.
Problems check_scenario(const Scenario &scenario, const std::string &file);

// Canonical JSON text: every field written, in a fixed order; parse(write(s)) == s.
std::string write_scenario(const Scenario &scenario);

} // namespace model
