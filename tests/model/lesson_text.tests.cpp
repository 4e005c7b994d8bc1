#include "builders.h"

#include "model/lesson_text.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace model;

namespace {

using testing::good_lesson;

Report run_of(const Lesson &l, const std::vector<LessonAction> &actions = {}) {
    ScenarioLoad s = load_lesson_scenario(l, l.scenarios.front());
    INFO(testing::problems_text(s.problems));
    REQUIRE(s.scenario);
    RunOptions options;
    const auto applied = apply_actions(*s.scenario, actions, options);
    INFO(applied.message);
    REQUIRE(applied.ok);
    return simulate(*s.scenario, options);
}

std::string duration_of(const Report &r, const std::string &figure) {
    const auto v = query_figure(r, figure);
    REQUIRE(v);
    return format_duration(static_cast<Ms>(std::llround(*v * 1000)));
}

bool has_problem_at(const Problems &problems, const std::string &where,
                    const std::string &mentions) {
    for (const auto &p : problems)
        if (p.where == where && p.message.find(mentions) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("Walkthrough captions quote the model's figures", "[lesson][text]") {
    const Report report = run_of(good_lesson());
    const auto lost = query_figure(report, "lost_writes");
    REQUIRE(lost);
    std::vector<std::string> missing;
    const std::string text = fill_figures(
        "Back after {{rto_read_s}}; {{ lost_writes }} lost; {{no_such_figure}}; {{unclosed", report,
        &missing);
    CHECK(text.find("Back after " + duration_of(report, "rto_read_s") + ";") == 0);
    CHECK(text.find("; " + std::to_string(static_cast<long long>(*lost)) + " lost;") !=
          std::string::npos);
    CHECK(text.find("; n/a; {{unclosed") != std::string::npos);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == "no_such_figure");
    // Text without placeholders comes back as it was.
    CHECK(fill_figures("TTL 60 s {not a figure}", report) == "TTL 60 s {not a figure}");
}

TEST_CASE("A chapter's text quotes figures of its scenarios", "[lesson][text]") {
    Lesson l = good_lesson();
    l.body = "RTO {{dns-ttl-floor: rto_read_s}}; lost {{dns-ttl-floor: lost_writes}}; "
             "bad {{no-such-scenario: rto_read_s}}; own {{rto_read_s}}.";
    const Lesson before = l;
    fill_lesson_text(l);
    const Report r = run_of(l);
    REQUIRE(r.summary.read.ms);
    CHECK(l.body == "RTO " + format_duration(*r.summary.read.ms) + "; lost " +
                        std::to_string(r.summary.lost_writes) + "; bad n/a; own n/a.");
    // The validator reports both placeholders that cannot be filled, at the body's place.
    const Problems problems = check_lesson_runs(before);
    CHECK(has_problem_at(problems, "/body_file", "no-such-scenario"));
    CHECK(has_problem_at(problems, "/body_file", "{{rto_read_s}}"));
}

TEST_CASE("A chapter's text quotes the runs of its own steps", "[lesson][text]") {
    Lesson l = good_lesson();
    l.body =
        "With a 60 s TTL: {{step shorter-ttl: rto_read_s}}; {{step no-such-step: rto_read_s}}; "
        "{{step second-outage: faults.region_outage.rto_read_s}}.";
    const Lesson before = l;
    fill_lesson_text(l);
    const Report shorter = run_of(l, l.try_this[0].actions);
    CHECK(l.body == "With a 60 s TTL: " + duration_of(shorter, "rto_read_s") + "; n/a; n/a.");
    const Problems problems = check_lesson_runs(before);
    CHECK(has_problem_at(problems, "/body_file", "step no-such-step"));
    CHECK(has_problem_at(problems, "/body_file", "step second-outage")); // null in that run
    CHECK(problems.size() == 2);
}

TEST_CASE("Takeaways, glossary, step instructions and interview notes quote scenarios",
          "[lesson][text]") {
    Lesson l = good_lesson();
    l.takeaways = {"At 300 s: {{dns-ttl-floor: rto_read_s}}."};
    l.glossary = {{"TTL", "It cost {{dns-ttl-floor: rto_breakdown.read.client_cache_s}} here."}};
    l.try_this[0].text = "Reads take {{dns-ttl-floor: rto_read_s}}; set the TTL to 60 s.";
    l.how_it_comes_up = "Your RTO is {{dns-ttl-floor: rto_read_s}}. Why?";
    l.red_flags = {"fine", "Quoting {{dns-ttl-floor: moved_50_s}} as the RTO."};
    fill_lesson_text(l);
    const Report r = run_of(l);
    const std::string rto = duration_of(r, "rto_read_s");
    CHECK(l.takeaways[0] == "At 300 s: " + rto + ".");
    CHECK(l.glossary[0].second ==
          "It cost " + duration_of(r, "rto_breakdown.read.client_cache_s") + " here.");
    CHECK(l.try_this[0].text == "Reads take " + rto + "; set the TTL to 60 s.");
    CHECK(l.how_it_comes_up == "Your RTO is " + rto + ". Why?");
    CHECK(l.red_flags[1] == "Quoting " + duration_of(r, "moved_50_s") + " as the RTO.");
    // The show text is not filled with the lesson: it quotes the step's own run.
    CHECK(l.try_this[0].show.find("{{rto_read_s}}") != std::string::npos);
}

TEST_CASE("A step's show text quotes its own run and the lesson's scenarios", "[lesson][text]") {
    const Lesson l = good_lesson();
    const TryThis &step = l.try_this[0]; // sets the TTL to 60 s
    const Report own = run_of(l, step.actions);
    const Report before = run_of(l);
    CHECK(fill_show(l, step, own) == "The RTO falls to " + duration_of(own, "rto_read_s") +
                                         " from " + duration_of(before, "rto_read_s") + ".");
    CHECK(duration_of(own, "rto_read_s") != duration_of(before, "rto_read_s"));
    CHECK(check_lesson_runs(l).empty());
}

TEST_CASE("validate names the field of an interview or show placeholder it cannot fill",
          "[lesson][text][bad-input]") {
    Lesson l = good_lesson();
    l.questions_to_ask = {"What RTO?", "Is {{dns-ttl-floor: rto_reed_s}} acceptable?"};
    l.try_this[1].show = "Reads: {{rto_read_s}}"; // null in this step's run: never recovered
    const Problems problems = check_lesson_runs(l);
    CHECK(has_problem_at(problems, "/interview/questions_to_ask/1", "rto_reed_s"));
    CHECK(has_problem_at(problems, "/try_this/1/show", "rto_read_s"));
    CHECK(problems.size() == 2);
}

TEST_CASE("A chapter can show a scenario's failover configuration", "[lesson][text][config]") {
    Lesson l = good_lesson();
    l.body = "Before.\n\n{{config: dns-ttl-floor}}\nAfter. {{config: no-such-scenario}}";
    const Lesson before = l;
    fill_lesson_text(l);
    CHECK(l.body.find("**Route 53 health checks**") != std::string::npos);
    CHECK(l.body.find("| field | `hc-east` | `hc-west` |") != std::string::npos);
    CHECK(l.body.find("| request interval (`RequestInterval`) | 10 s | 10 s |") !=
          std::string::npos);
    CHECK(l.body.find("**Route 53 records of `shop.example.com`**") != std::string::npos);
    CHECK(l.body.find("| failover role (`Failover`) | PRIMARY | SECONDARY |") != std::string::npos);
    CHECK(l.body.find("| TTL clients cache (`TTL`) | 5 min | 5 min |") != std::string::npos);
    CHECK(l.body.find("AuroraGlobalDBReplicationLag") != std::string::npos);
    CHECK(l.body.find("After. n/a") != std::string::npos);
    const Problems problems = check_lesson_runs(before);
    CHECK(has_problem_at(problems, "/body_file", "config: no-such-scenario"));
    CHECK(problems.size() == 1);
}

TEST_CASE("Figures read the way a person would say them", "[lesson][text]") {
    Report r;
    r.summary.cost_multiplier = 2.0874;
    r.summary.lost_writes = 4812;
    r.summary.availability = 0.16667;
    r.summary.rpo_ms = 80'400;
    r.break_even = BreakEven{83'496.4, 401'956.8, 20.1234, 30'185.1};
    CHECK(
        fill_figures("{{cost_multiplier}}x, {{lost_writes}} lost, {{availability}}, RPO {{rpo_s}}",
                     r) == "2.09x, 4,812 lost, 16.7 %, RPO 1 min 20 s");
    CHECK(fill_figures("${{break_even.monthly_cost}} a month, ${{break_even.extra_cost_per_year}} "
                       "more a year, {{break_even.downtime_min_per_outage}} min",
                       r) == "$83,496 a month, $401,957 more a year, 20.1 min");
}
