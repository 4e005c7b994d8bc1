#include "builders.h"

#include "model/lesson.h"

#include <catch2/catch.hpp>

using namespace model;

namespace {

using testing::lesson_path;

// Reads the lesson files from disk, except good.json, whose text is `edit` applied to its JSON.
LessonLoad load_edited_good(const std::function<void(nlohmann::json &)> &edit) {
    const std::string good = lesson_path("good.json");
    const FileReader disk = disk_reader();
    nlohmann::json json = nlohmann::json::parse(*disk(good));
    edit(json);
    const std::string text = json.dump();
    return load_lesson_file(good, [&](const std::string &path) -> std::optional<std::string> {
        return path == good ? std::optional<std::string>(text) : disk(path);
    });
}

bool has_problem_at(const LessonLoad &load, const std::string &where) {
    for (const auto &p : load.problems) {
        if (p.where == where && p.file == lesson_path("good.json"))
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("A lesson loads with its body and its steps", "[lesson]") {
    const LessonLoad load = load_lesson_file(lesson_path("good.json"));
    {
        INFO(testing::problems_text(load.problems));
        REQUIRE(load.lesson);
    }
    const Lesson &l = *load.lesson;
    CHECK(l.id == "test-ttl");
    CHECK(l.body.find("critical path") != std::string::npos);
    REQUIRE(l.try_this.size() == 2);
    CHECK(l.try_this[0].actions[0].kind == LessonAction::Kind::set);
    CHECK(l.try_this[0].actions[0].value == 60);
    CHECK(l.try_this[1].actions[0].fault.region == "us-west-2");
    REQUIRE(l.walkthroughs.size() == 1);
    CHECK(l.walkthroughs[0].steps[1].wait_for == EventKind::endpoint_unhealthy);
    CHECK(check_lesson_runs(l).empty());
}

TEST_CASE("Bad lesson files get a clear error with file and place", "[lesson][bad-input]") {
    const std::pair<const char *, const char *> cases[] = {
        {"bad-expect.json", "/try_this/0/expect"},
        {"bad-scenario-ref.json", "/scenarios/0"},
        {"bad-action-field.json", "/try_this/0/actions"},
        {"bad-covers.json", "/covers"},
        {"bad-unknown-key.json", "/tittle"},
        {"bad-event-kind.json", "/walkthroughs/0/steps/1/wait_for"},
        {"bad-body.json", "/body_file"},
        {"bad-two-actions.json", "/try_this/0/actions/0"},
        {"bad-caption-figure.json", "/walkthroughs/0/steps/1/caption"},
        {"bad-show-figure.json", "/try_this/0/show"},
        {"bad-interview-figure.json", "/interview/strong_answer/1"},
        {"bad-takeaway-config.json", "/takeaways/1"},
        {"bad-worked-example.json", "/worked_examples/1"},
        {"bad-completion-count.json", "/completion/try_this"},
    };
    for (const auto &[file, where] : cases) {
        INFO(file << ": expected a problem at " << where);
        LessonLoad load = load_lesson_file(lesson_path(file));
        Problems problems = load.problems;
        if (load.lesson) {
            const Problems more = check_lesson_runs(*load.lesson);
            problems.insert(problems.end(), more.begin(), more.end());
        }
        REQUIRE_FALSE(problems.empty());
        INFO("problems found:\n" << testing::problems_text(problems));
        bool found = false;
        for (const auto &p : problems) {
            CHECK(p.file == lesson_path(file));
            found = found || p.where.rfind(where, 0) == 0;
        }
        CHECK(found);
    }
}

TEST_CASE("A chapter names the worked examples it offers", "[lesson][worked-example]") {
    SECTION("by name, in the order given") {
        const LessonLoad load = load_edited_good([](nlohmann::json &j) {
            j["worked_examples"] = {"break_even", "rto"};
        });
        REQUIRE(load.lesson);
        CHECK(load.lesson->worked_examples ==
              std::vector<WorkedExample>{WorkedExample::break_even, WorkedExample::rto});
    }
    SECTION("none when the field is absent") {
        const LessonLoad load =
            load_edited_good([](nlohmann::json &j) { j.erase("worked_examples"); });
        REQUIRE(load.lesson);
        CHECK(load.lesson->worked_examples.empty());
    }
    SECTION("an unknown name is an error at its place in the list") {
        const LessonLoad load = load_edited_good([](nlohmann::json &j) {
            j["worked_examples"] = {"rto", "calculator"};
        });
        CHECK_FALSE(load.lesson);
        CHECK(has_problem_at(load, "/worked_examples/1"));
        REQUIRE_FALSE(load.problems.empty());
        CHECK(load.problems.front().message.find("\"calculator\"") != std::string::npos);
        CHECK(load.problems.front().message.find("\"break_even\"") != std::string::npos);
    }
    SECTION("a name given twice is an error") {
        const LessonLoad load = load_edited_good([](nlohmann::json &j) {
            j["worked_examples"] = {"rto", "rto"};
        });
        CHECK_FALSE(load.lesson);
        CHECK(has_problem_at(load, "/worked_examples/1"));
    }
    SECTION("a name that is not a string is an error") {
        const LessonLoad load = load_edited_good([](nlohmann::json &j) {
            j["worked_examples"] = {"rto", 1};
        });
        CHECK_FALSE(load.lesson);
        CHECK(has_problem_at(load, "/worked_examples/1"));
    }
    CHECK(std::string(to_string(WorkedExample::rto)) == "rto");
    CHECK(std::string(to_string(WorkedExample::break_even)) == "break_even");
}

TEST_CASE("The course offers the worked examples in the chapters that teach them",
          "[lesson][worked-example]") {
    const LessonLoad slo = load_lesson_file(testing::source_path("lessons/03-slo-and-cost.json"));
    const LessonLoad ttl = load_lesson_file(testing::source_path("lessons/07-dns-ttl.json"));
    REQUIRE(slo.lesson);
    REQUIRE(ttl.lesson);
    CHECK(slo.lesson->worked_examples == std::vector<WorkedExample>{WorkedExample::break_even});
    CHECK(ttl.lesson->worked_examples == std::vector<WorkedExample>{WorkedExample::rto});
}

TEST_CASE("The completion rule reads as all, any or a number of steps", "[lesson][completion]") {
    const auto rule = [](nlohmann::json completion) {
        const LessonLoad load =
            load_edited_good([&](nlohmann::json &j) { j["completion"] = completion; });
        REQUIRE(load.lesson);
        return load.lesson->completion;
    };
    CHECK(rule({{"try_this", "all"}}).steps == CompletionRule::Steps::all);
    CHECK(rule({{"try_this", "any"}}).steps == CompletionRule::Steps::any);
    const CompletionRule one = rule({{"read", false}, {"try_this", 1}});
    CHECK(one.steps == CompletionRule::Steps::at_least);
    CHECK(one.at_least == 1);
    CHECK_FALSE(one.read);
    const CompletionRule defaults = rule(nlohmann::json::object());
    CHECK(defaults.read);
    CHECK(defaults.steps == CompletionRule::Steps::all);

    for (const nlohmann::json &bad :
         {nlohmann::json("most"), nlohmann::json(-1), nlohmann::json(3), nlohmann::json(1.5)}) {
        INFO(bad.dump());
        const LessonLoad load = load_edited_good([&](nlohmann::json &j) {
            j["completion"] = {{"try_this", bad}};
        });
        CHECK_FALSE(load.lesson);
        CHECK(has_problem_at(load, "/completion/try_this"));
    }
}
