#include "model/progress.h"

#include <catch2/catch.hpp>

using namespace model;

namespace {

// A chapter with `steps` "try this" steps s1, s2, ... and the given completion rule.
Lesson progress_chapter(const std::string &id, int steps, CompletionRule rule = {}) {
    Lesson l;
    l.id = id;
    for (int i = 1; i <= steps; ++i) {
        TryThis t;
        t.id = "s" + std::to_string(i);
        l.try_this.push_back(t);
    }
    l.completion = rule;
    return l;
}

ChapterProgress done(bool read, std::set<std::string> steps) {
    ChapterProgress p;
    p.read = read;
    p.try_this_done = std::move(steps);
    return p;
}

CompletionRule rule(bool read, CompletionRule::Steps steps, int at_least = 0) {
    CompletionRule r;
    r.read = read;
    r.steps = steps;
    r.at_least = at_least;
    return r;
}

} // namespace

TEST_CASE("\"all\" needs every step, and the chapter opened", "[progress][completion]") {
    const Lesson l = progress_chapter("c", 3);
    CHECK_FALSE(chapter_complete(l, done(true, {"s1", "s2"})));
    CHECK(chapter_complete(l, done(true, {"s1", "s2", "s3"})));
    CHECK_FALSE(chapter_complete(l, done(false, {"s1", "s2", "s3"})));
    // Steps the chapter no longer has do not count.
    CHECK_FALSE(chapter_complete(l, done(true, {"s1", "s2", "old"})));
    CHECK(chapter_complete(progress_chapter("empty", 0), done(true, {})));
}

TEST_CASE("\"any\" needs one step, or none in a chapter without steps", "[progress][completion]") {
    const Lesson l = progress_chapter("c", 3, rule(true, CompletionRule::Steps::any));
    CHECK_FALSE(chapter_complete(l, done(true, {})));
    CHECK(chapter_complete(l, done(true, {"s2"})));
    CHECK(chapter_complete(progress_chapter("e", 0, rule(true, CompletionRule::Steps::any)),
                           done(true, {})));
}

TEST_CASE("A number needs at least that many steps", "[progress][completion]") {
    const Lesson two = progress_chapter("c", 3, rule(true, CompletionRule::Steps::at_least, 2));
    CHECK_FALSE(chapter_complete(two, done(true, {"s3"})));
    CHECK(chapter_complete(two, done(true, {"s1", "s3"})));
    CHECK(chapter_complete(two, done(true, {"s1", "s2", "s3"})));
    const Lesson zero = progress_chapter("c", 3, rule(true, CompletionRule::Steps::at_least, 0));
    CHECK(chapter_complete(zero, done(true, {})));
    CHECK_FALSE(chapter_complete(zero, done(false, {})));
}

TEST_CASE("Reading is not needed when the rule says so", "[progress][completion]") {
    const Lesson l = progress_chapter("c", 2, rule(false, CompletionRule::Steps::all));
    CHECK(chapter_complete(l, done(false, {"s1", "s2"})));
    CHECK_FALSE(chapter_complete(l, done(true, {"s1"})));
    const Lesson read_only =
        progress_chapter("r", 2, rule(true, CompletionRule::Steps::at_least, 0));
    CHECK(chapter_complete(read_only, done(true, {})));
}

TEST_CASE("A chapter is not started, started or complete", "[progress]") {
    const Lesson l = progress_chapter("c", 2);
    CHECK(chapter_state(l, done(false, {})) == ChapterState::not_started);
    CHECK(chapter_state(l, done(true, {})) == ChapterState::started);
    CHECK(chapter_state(l, done(false, {"s1"})) == ChapterState::started);
    CHECK(chapter_state(l, done(true, {"s1", "s2"})) == ChapterState::complete);
}

TEST_CASE("Course progress counts the chapters complete under their own rules", "[progress]") {
    const Course course({progress_chapter("a", 1),
                         progress_chapter("b", 2, rule(true, CompletionRule::Steps::any)),
                         progress_chapter("c", 0, rule(false, CompletionRule::Steps::all))});
    Progress p;
    CourseProgress n = course_progress(course, p);
    CHECK(n.chapters == 3);
    CHECK(n.complete == 1); // "c" asks for nothing
    CHECK(p.mark_read("a"));
    CHECK_FALSE(p.mark_read("a"));
    CHECK(course_progress(course, p).complete == 1);
    CHECK(p.mark_tried("a", "s1"));
    CHECK_FALSE(p.mark_tried("a", "s1"));
    p.mark_read("b");
    p.mark_tried("b", "s2");
    p.mark_read("gone"); // a chapter the course no longer has
    n = course_progress(course, p);
    CHECK(n.complete == 3);
    CHECK(n.chapters == 3);
    CHECK(course_progress(Course(), p).chapters == 0);
}

TEST_CASE("Progress round-trips through its file", "[progress][file]") {
    Progress p;
    p.mark_read("dns-ttl");
    p.mark_tried("dns-ttl", "shorter-ttl");
    p.mark_tried("dns-ttl", "a-first");
    p.mark_tried("tried-unread", "x");
    const std::string text = write_progress(p);
    CHECK(text.find("\"format\": \"failover-lab-progress\"") != std::string::npos);
    CHECK(text.find("\"a-first\",\n") < text.find("\"shorter-ttl\""));
    const ProgressLoad load = parse_progress(text, "progress.json");
    CHECK(load.problems.empty());
    REQUIRE(load.progress);
    CHECK(*load.progress == p);
    CHECK(write_progress(*load.progress) == text);
    CHECK(load.progress->chapter("dns-ttl").tried("shorter-ttl"));
    CHECK_FALSE(load.progress->chapter("tried-unread").read);
    CHECK_FALSE(load.progress->chapter("never-opened").read);
}

TEST_CASE("A file written by an earlier Failover Lab still reads", "[progress][file]") {
    const ProgressLoad load = parse_progress(R"({
    "format": "failover-lab-progress",
    "lessons": {
        "dns-ttl": {"read": true, "try_this": ["shorter-ttl"]},
        "start-here": {"read": true}
    },
    "version": 1
})",
                                             "progress.json");
    REQUIRE(load.progress);
    CHECK(load.progress->chapter("dns-ttl").tried("shorter-ttl"));
    CHECK(load.progress->chapter("start-here").read);
}

TEST_CASE("A file that is not a progress file is refused with the place", "[progress][file]") {
    const std::pair<const char *, const char *> cases[] = {
        {R"({"format": "failover-lab-progress", "lessons": {"dns)", "line"},
        {R"({"format": "failover-lab-scenario"})", "/format"},
        {R"([1, 2])", "/format"},
        {R"({"format": "failover-lab-progress", "lessons": []})", "/lessons"},
        {R"({"format": "failover-lab-progress", "lessons": {"a": {"read": 1}}})", "/lessons/a"},
        {R"({"format": "failover-lab-progress", "lessons": {"a": {"try_this": [2]}}})",
         "/lessons/a/try_this"},
    };
    for (const auto &[text, where] : cases) {
        INFO(text);
        const ProgressLoad load = parse_progress(text, "progress.json");
        CHECK_FALSE(load.progress);
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].file == "progress.json");
        CHECK(load.problems[0].where.rfind(where, 0) == 0);
    }
}

TEST_CASE("Quiz answers are kept per chapter, the last answer counting", "[progress][quiz]") {
    model::Progress p;
    CHECK(p.mark_answered("dns-ttl", "ttl-floor", false));
    CHECK(p.mark_answered("dns-ttl", "ttl-floor", true));
    CHECK_FALSE(p.mark_answered("dns-ttl", "ttl-floor", true));
    CHECK(p.mark_answered("dns-ttl", "checkers", false));
    CHECK(p.chapter("dns-ttl").quiz_answered() == 2);
    CHECK(p.chapter("dns-ttl").quiz_right() == 1);
    const model::ProgressLoad back = model::parse_progress(model::write_progress(p), "p.json");
    REQUIRE(back.progress);
    CHECK(*back.progress == p);
    const model::ProgressLoad bad = model::parse_progress(
        R"({"format": "failover-lab-progress", "version": 1, "lessons": {"x": {"quiz": {"q": 3}}}})",
        "p.json");
    CHECK_FALSE(bad.progress);
    REQUIRE_FALSE(bad.problems.empty());
    CHECK(bad.problems.front().where == "/lessons/x/quiz/q");
}

TEST_CASE("A file of a later version says so, whether or not it reads", "[progress][file]") {
    const ProgressLoad readable = parse_progress(
        R"({"format": "failover-lab-progress", "version": 3, "lessons": {"a": {"read": true}}})",
        "progress.json");
    REQUIRE(readable.newer_version);
    CHECK(*readable.newer_version == 3);
    REQUIRE(readable.progress);
    CHECK(readable.progress->chapter("a").read);
    const ProgressLoad strange = parse_progress(
        R"({"format": "failover-lab-progress", "version": 2, "lessons": {"a": {"read": "yes"}}})",
        "progress.json");
    CHECK_FALSE(strange.progress);
    REQUIRE(strange.newer_version);
    CHECK(*strange.newer_version == 2);
    // This version's own files, and files without a version, are not "newer".
    CHECK_FALSE(
        parse_progress(R"({"format": "failover-lab-progress", "version": 1})", "p").newer_version);
    CHECK_FALSE(parse_progress(R"({"format": "failover-lab-progress"})", "p").newer_version);
    for (const char *bad : {R"({"format": "failover-lab-progress", "version": "2"})",
                            R"({"format": "failover-lab-progress", "version": 1.5})",
                            R"({"format": "failover-lab-progress", "version": 0})"}) {
        INFO(bad);
        const ProgressLoad load = parse_progress(bad, "p");
        CHECK_FALSE(load.progress);
        CHECK_FALSE(load.newer_version);
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].where == "/version");
    }
    const ProgressLoad huge =
        parse_progress(R"({"format": "failover-lab-progress", "version": 1e400})", "p");
    CHECK_FALSE(huge.progress);
    CHECK_FALSE(huge.newer_version);
}
