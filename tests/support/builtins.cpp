#include "builtins.h"

#include "model/scenario_json.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <map>

namespace testing {

const BuiltIn &built_in(const std::string &name) {
    static std::map<std::string, BuiltIn> runs;
    auto it = runs.find(name);
    if (it == runs.end()) {
        const model::ScenarioLoad load = model::load_scenario_file(
            std::string(FAILOVER_SOURCE_DIR) + "/lessons/scenarios/" + name + ".json");
        std::string problems;
        for (const auto &p : load.problems)
            problems += p.text() + "\n";
        INFO(name << ": " << problems);
        REQUIRE(load.scenario);
        auto report = std::make_shared<const model::Report>(model::simulate(*load.scenario));
        it = runs.emplace(name, BuiltIn{*load.scenario, std::move(report)}).first;
    }
    return it->second;
}

model::Lesson good_lesson() {
    const model::LessonLoad load =
        model::load_lesson_file(FAILOVER_SOURCE_DIR "/tests/data/lessons/good.json");
    std::string problems;
    for (const auto &p : load.problems)
        problems += p.text() + "\n";
    INFO(problems);
    REQUIRE(load.lesson);
    return *load.lesson;
}

} // namespace testing
