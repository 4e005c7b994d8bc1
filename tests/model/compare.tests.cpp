#include "builders.h"
#include "generator.h"

#include "model/cli.h"
#include "model/compare.h"
#include "model/compare_lesson.h"
#include "model/edit.h"
#include "model/lesson.h"
#include "model/report_io.h"
#include "model/scenario_json.h"
#include "model/simulation.h"

#include <catch2/catch.hpp>

#include <functional>
#include <set>
#include <sstream>

using namespace model;

namespace {

const FigureDiff *find_diff(const std::vector<FigureDiff> &diffs, const std::string &figure) {
    for (const FigureDiff &d : diffs)
        if (d.figure == figure)
            return &d;
    return nullptr;
}

Scenario with_ttl(Scenario s, int ttl_s) {
    REQUIRE(set_field(s, "shop.example.com", "ttl_s", ttl_s).ok);
    return s;
}

Change flipped(Change c) {
    return c == Change::better ? Change::worse : c == Change::worse ? Change::better : c;
}

using testing::lesson_path;

LessonLoad load_good_with(const std::function<void(nlohmann::json &)> &edit) {
    const std::string good = lesson_path("good.json");
    const FileReader disk = disk_reader();
    nlohmann::json json = nlohmann::json::parse(*disk(good));
    edit(json);
    const std::string text = json.dump();
    return load_lesson_file(good, [&](const std::string &path) -> std::optional<std::string> {
        return path == good ? std::optional<std::string>(text) : disk(path);
    });
}

nlohmann::json ttl_60_compare() {
    return nlohmann::json::parse(R"({"a": "TTL 300 s", "b": "TTL 60 s", "actions": [
        {"set": {"component": "shop.example.com", "field": "ttl_s", "value": 60}}]})");
}

} // namespace

TEST_CASE("The rule for one figure: lower or higher is better, not recovered is worst",
          "[compare]") {
    const SideValue ten{10.0, false}, twenty{20.0, false}, never{std::nullopt, true},
        none{std::nullopt, false};
    CHECK(compare_values(Better::lower, twenty, ten) == Change::better);
    CHECK(compare_values(Better::lower, ten, twenty) == Change::worse);
    CHECK(compare_values(Better::higher, ten, twenty) == Change::better);
    CHECK(compare_values(Better::higher, twenty, ten) == Change::worse);
    CHECK(compare_values(Better::lower, ten, ten) == Change::same);
    CHECK(compare_values(Better::neither, ten, twenty) == Change::changed);
    CHECK(compare_values(Better::lower, never, ten) == Change::better);
    CHECK(compare_values(Better::lower, ten, never) == Change::worse);
    CHECK(compare_values(Better::lower, never, never) == Change::same);
    CHECK(compare_values(Better::lower, none, ten) == Change::not_comparable);
    CHECK(compare_values(Better::lower, ten, none) == Change::not_comparable);
}

TEST_CASE("A 60 s TTL against 300 s: the read RTO and client caches fall, with their sign",
          "[compare][dns]") {
    const Scenario a = testing::load_builtin("dns-ttl-floor.json");
    const Scenario b = with_ttl(a, 60);
    const Report ra = simulate(a), rb = simulate(b);
    const std::vector<FigureDiff> diffs = compare_reports(ra, rb);

    const FigureDiff *rto = find_diff(diffs, "rto_read_s");
    REQUIRE(rto);
    REQUIRE(rto->a.value);
    REQUIRE(rto->b.value);
    CHECK(*rto->a.value == *query_figure(ra, "rto_read_s"));
    CHECK(*rto->b.value == *query_figure(rb, "rto_read_s"));
    CHECK(*rto->delta == *rto->b.value - *rto->a.value);
    CHECK(*rto->delta < 0);
    CHECK(rto->change == Change::better);
    CHECK(rto->unit == FigureUnit::seconds);

    const FigureDiff *caches = find_diff(diffs, "rto_breakdown.read.client_cache_s");
    REQUIRE(caches);
    CHECK(*caches->delta < 0);
    CHECK(caches->change == Change::changed); // a part is not better or worse on its own
    // Availability is better higher: it rises, and that counts as better.
    const FigureDiff *avail = find_diff(diffs, "availability");
    REQUIRE(avail);
    CHECK(*avail->delta > 0);
    CHECK(avail->change == Change::better);
    // Only the TTL changed: detection is the same.
    const FigureDiff *detection = find_diff(diffs, "rto_breakdown.read.detection_s");
    REQUIRE(detection);
    CHECK(detection->change == Change::same);
    CHECK(*detection->delta == 0);
    // Swapped, every verdict flips and every change changes sign.
    const std::vector<FigureDiff> back = compare_reports(rb, ra);
    REQUIRE(back.size() == diffs.size());
    for (std::size_t i = 0; i < diffs.size(); ++i) {
        INFO(diffs[i].figure);
        CHECK(back[i].change == flipped(diffs[i].change));
        if (diffs[i].delta)
            CHECK(*back[i].delta == -*diffs[i].delta);
    }
}

TEST_CASE("A design that never recovers is worse than one that does", "[compare]") {
    const Scenario a = testing::load_builtin("dns-ttl-floor.json");
    Scenario b = a;
    REQUIRE(set_field(b, "shop.example.com", "records/0/health_check", "").ok);
    const Report ra = simulate(a), rb = simulate(b);
    REQUIRE(rb.summary.read.status == RtoStatus::not_recovered);
    const std::vector<FigureDiff> diffs = compare_reports(ra, rb); // find_diff points into it
    const FigureDiff *rto = find_diff(diffs, "rto_read_s");
    REQUIRE(rto);
    CHECK(rto->b.not_recovered);
    CHECK_FALSE(rto->delta);
    CHECK(rto->change == Change::worse);
}

TEST_CASE("Property: a report compared with itself is the same in every figure, and each "
          "figure is the report's own",
          "[compare][property]") {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const Scenario s = testing::generate_scenario(seed);
        const Report r = simulate(s);
        const Report again = simulate(s);
        for (const FigureDiff &d : compare_reports(r, again)) {
            INFO("seed " << seed << ", " << d.figure);
            CHECK(d.change == Change::same);
            CHECK(d.a == d.b);
            CHECK(d.a.value == query_figure(r, d.figure));
        }
    }
}

TEST_CASE("Property: the verdict agrees with the sign of the change", "[compare][property]") {
    for (std::uint64_t seed = 20; seed < 30; ++seed) {
        const Report ra = simulate(testing::generate_scenario(seed));
        const Report rb = simulate(testing::generate_scenario(seed + 100));
        for (const FigureDiff &d : compare_reports(ra, rb)) {
            INFO("seeds " << seed << "/" << seed + 100 << ", " << d.figure);
            if (!d.delta)
                continue;
            if (*d.delta == 0)
                CHECK(d.change == Change::same);
            else if (d.better == Better::lower)
                CHECK(d.change == (*d.delta < 0 ? Change::better : Change::worse));
            else if (d.better == Better::higher)
                CHECK(d.change == (*d.delta > 0 ? Change::better : Change::worse));
            else
                CHECK(d.change == Change::changed);
        }
    }
}

TEST_CASE("failover-lab compare prints the diff table of two files", "[compare][cli]") {
    const std::string a = testing::source_path("lessons/scenarios/dns-ttl-floor.json");
    const std::string b = testing::source_path("lessons/scenarios/pattern-hot-standby.json");
    std::ostringstream out, err;
    REQUIRE(run_cli({"compare", a, b}, out, err) == kExitOk);
    const std::string text = out.str();
    CHECK(text.find("rto_read_s") != std::string::npos);
    CHECK(text.find("change (B - A)") != std::string::npos);
    CHECK(text == compare_text(simulate(*load_scenario_file(a).scenario),
                               simulate(*load_scenario_file(b).scenario), a, b));
    std::ostringstream out2, err2;
    CHECK(run_cli({"compare", a}, out2, err2) == kExitUsage);
    CHECK(err2.str().find("two scenario files") != std::string::npos);
}

TEST_CASE("A try-this step's comparison: A as the file stands, B with its actions",
          "[compare][lesson]") {
    const LessonLoad load =
        load_good_with([](nlohmann::json &j) { j["try_this"][0]["compare"] = ttl_60_compare(); });
    INFO(testing::problems_text(load.problems));
    REQUIRE(load.lesson);
    const Lesson &l = *load.lesson;
    REQUIRE(l.try_this[0].compare);
    CHECK(l.try_this[0].compare->b == "TTL 60 s");
    const PreparedComparison c = prepare_try_comparison(l, 0);
    REQUIRE(c.a);
    REQUIRE(c.b);
    const Scenario file = testing::load_builtin("dns-ttl-floor.json");
    CHECK(write_scenario(*c.a) == write_scenario(file));
    CHECK(write_scenario(*c.b) == write_scenario(with_ttl(file, 60)));
    CHECK(c.a_label == "TTL 300 s");
    CHECK(check_lesson_runs(l).empty());
}

TEST_CASE("A walkthrough step's comparison starts from the step's state", "[compare][lesson]") {
    const LessonLoad load = load_good_with([](nlohmann::json &j) {
        // The third step already sets the TTL to 60 s; B adds a second region outage.
        j["walkthroughs"][0]["steps"][2]["compare"] = nlohmann::json::parse(
            R"({"actions": [{"set": {"component": "shop.example.com", "field": "ttl_s",
                "value": 30}}]})");
    });
    INFO(testing::problems_text(load.problems));
    REQUIRE(load.lesson);
    const PreparedComparison c = prepare_walk_comparison(*load.lesson, 0, 2);
    REQUIRE(c.a);
    const Scenario file = testing::load_builtin("dns-ttl-floor.json");
    CHECK(write_scenario(*c.a) == write_scenario(with_ttl(file, 60)));
    CHECK(write_scenario(*c.b) == write_scenario(with_ttl(file, 30)));
}

TEST_CASE("A bad comparison is reported at its place", "[compare][lesson][bad-input]") {
    SECTION("no actions") {
        const LessonLoad load = load_good_with([](nlohmann::json &j) {
            j["try_this"][0]["compare"] = nlohmann::json::parse(R"({"a": "x"})");
        });
        REQUIRE_FALSE(load.lesson);
        bool found = false;
        for (const auto &p : load.problems)
            found = found || (p.where == "/try_this/0/compare/actions" &&
                              p.message.find("at least one action") != std::string::npos);
        CHECK(found);
    }
    SECTION("play_until") {
        const LessonLoad load = load_good_with([](nlohmann::json &j) {
            j["walkthroughs"][0]["steps"][0]["compare"] =
                nlohmann::json::parse(R"({"actions": [{"play_until": "fault_started"}]})");
        });
        REQUIRE_FALSE(load.lesson);
        bool found = false;
        for (const auto &p : load.problems)
            found = found || p.where == "/walkthroughs/0/steps/0/compare/actions/0";
        CHECK(found);
    }
    SECTION("an action that cannot apply, and one that changes nothing") {
        const LessonLoad load = load_good_with([](nlohmann::json &j) {
            j["try_this"][0]["compare"] = nlohmann::json::parse(
                R"({"actions": [{"set": {"component": "nowhere", "field": "ttl_s", "value": 1}}]})");
            j["try_this"][1]["compare"] = nlohmann::json::parse(
                R"({"actions": [{"set": {"component": "shop.example.com", "field": "ttl_s",
                    "value": 300}}]})");
        });
        INFO(testing::problems_text(load.problems));
        REQUIRE(load.lesson);
        const Problems problems = check_lesson_runs(*load.lesson);
        std::set<std::string> places;
        for (const auto &p : problems)
            places.insert(p.where);
        CHECK(places.count("/try_this/0/compare/actions") == 1);
        CHECK(places.count("/try_this/1/compare/actions") == 1);
    }
}
