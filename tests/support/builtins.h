#pragma once
// The built-in scenarios of lessons/scenarios, loaded and run once per test process.

#include "model/lesson.h"
#include "model/report.h"
#include "model/scenario.h"

#include <memory>
#include <string>

namespace testing {

struct BuiltIn {
    model::Scenario scenario;
    std::shared_ptr<const model::Report> report;
};

// `name` without folder or extension, e.g. "pattern-warm-standby".
const BuiltIn &built_in(const std::string &name);

// The test chapter tests/data/lessons/good.json, loaded (a failed load fails the test with its
// problems).
model::Lesson good_lesson();

} // namespace testing
