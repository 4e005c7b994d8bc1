// Files from strangers: every defect found by hand or by the fuzz targets, each with the file
// that showed it (kept in the fuzz seed corpus, tests/fuzz/corpus), and every limit of
// model/limits.h with its message.
#include "builders.h"

#include "model/cli.h"
#include "model/edit.h"
#include "model/json_reader.h"
#include "model/lesson.h"
#include "model/limits.h"
#include "model/progress.h"
#include "model/quiz.h"
#include "model/scenario_json.h"
#include "model/simulation.h"
#include "model/work.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace model;

namespace {

std::string corpus_path(const std::string &target, const std::string &name) {
    return testing::source_path("tests/fuzz/corpus/" + target + "/" + name);
}

std::string read_all(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool mentions(const Problems &problems, const std::string &words) {
    for (const auto &p : problems)
        if (p.text().find(words) != std::string::npos)
            return true;
    return false;
}

struct CliResult {
    int code;
    std::string out, err;
};

CliResult cli_of(const std::vector<std::string> &args) {
    std::ostringstream out, err;
    const int code = run_cli(args, out, err);
    return {code, out.str(), err.str()};
}

// A lesson of the fuzz corpus, loaded as if it stood in the course's folder: its body and
// scenarios are the course's own.
LessonLoad load_corpus_lesson(const std::string &name) {
    const std::string text = read_all(corpus_path("fuzz_lesson", name));
    const std::string path = testing::source_path("lessons/" + name);
    const FileReader disk = disk_reader();
    return load_lesson_file(path, [&](const std::string &p) -> std::optional<std::string> {
        return p == path ? std::optional<std::string>(text) : disk(p);
    });
}

// A scenario file for the limits below: two regions, `tiers` app tiers behind one weighted
// name, `populations` populations.
Json scenario_json(std::size_t tiers, std::size_t populations) {
    Json s = Json::parse(write_scenario(testing::load_builtin("weighted-migration.json")));
    s["faults"] = Json::array();
    s["app_tiers"] = Json::array();
    s["dns"][0]["records"] = Json::array();
    for (std::size_t i = 0; i < tiers; ++i) {
        s["app_tiers"].push_back(
            {{"id", "t" + std::to_string(i)}, {"region", i % 2 ? "us-west-2" : "us-east-1"}});
        s["dns"][0]["records"].push_back({{"id", "r" + std::to_string(i)},
                                          {"target", "t" + std::to_string(i)},
                                          {"alias", false},
                                          {"weight", 1}});
    }
    const Json population = s["populations"][0];
    s["populations"] = Json::array();
    for (std::size_t i = 0; i < populations; ++i) {
        Json p = population;
        p["id"] = "p" + std::to_string(i);
        s["populations"].push_back(p);
    }
    return s;
}

} // namespace

// --- The defects -----------------------------------------------------------------------------

TEST_CASE("A number beyond a double's range is a problem with its place, in every reader",
          "[hostile][bad-input]") {
    const std::string path = corpus_path("fuzz_scenario", "repro-out-of-range-number.json");
    const std::string text = read_all(path);
    REQUIRE(text == "[1e400]");

    const ScenarioLoad scenario = parse_scenario(text, "s.json");
    REQUIRE_FALSE(scenario.scenario);
    REQUIRE(scenario.problems.size() == 1);
    CHECK(scenario.problems[0].where == "line 1, column 2");
    CHECK(scenario.problems[0].message.find("1e400 is too large") != std::string::npos);

    const CliResult r = cli_of({"simulate", path});
    CHECK(r.code == kExitBadInput);
    CHECK(r.err.find("line 1, column 2") != std::string::npos);

    CHECK_FALSE(parse_progress("{\"lessons\": {\"a\": {\"read\": 1e999}}}", "p.json").progress);
    const LessonLoad lesson = load_corpus_lesson("repro-out-of-range-number.json");
    CHECK_FALSE(lesson.lesson);
    CHECK(mentions(lesson.problems, "too large"));
    Problems problems;
    CHECK_FALSE(parse_json_text("{\"a\": [1, 2,\n -2e308000]}", "x.json", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where == "line 2, column 2");
}

TEST_CASE("A set whose field is no JSON pointer is refused, not thrown", "[hostile][lesson]") {
    Scenario s = testing::load_builtin("pattern-warm-standby.json");
    EditResult r;
    REQUIRE_NOTHROW(r = set_field(s, "settings", "~x", 1));
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("not a field name") != std::string::npos);
    REQUIRE_NOTHROW(r = set_field(s, "app-east", "~2", 1));
    CHECK_FALSE(r.ok);

    const LessonLoad load = load_corpus_lesson("repro-set-field-not-a-pointer.json");
    REQUIRE(load.lesson);
    const PreparedStep step = prepare_step(*load.lesson, 0, disk_reader());
    CHECK(step.failure == PreparedStep::Failure::action);
    CHECK(step.detail.find("~x") != std::string::npos);
}

TEST_CASE("Arrays and objects nested deeper than the limit are refused when parsed",
          "[hostile][limits]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    Problems problems;
    CHECK_FALSE(parse_json_text(deep, "deep.json", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where == "line 1, column 65");
    CHECK(problems[0].message.find("more than 64 levels") != std::string::npos);

    // At the limit it parses; brackets inside strings do not count.
    problems.clear();
    const std::string at_limit =
        std::string(limits::kJsonDepth, '[') + "\"[[[{{{\"" + std::string(limits::kJsonDepth, ']');
    CHECK(parse_json_text(at_limit, "ok.json", problems));
    CHECK(problems.empty());

    // A lesson's set value 100,000 deep: refused before any copy of it is made.
    std::string lesson = read_all(corpus_path("fuzz_lesson", "good.json"));
    const auto at = lesson.find("\"value\": 60");
    REQUIRE(at != std::string::npos);
    lesson.replace(at, 11, "\"value\": " + deep);
    const LessonLoad load = load_lesson_file("deep.json", [&](const std::string &p) {
        return p == "deep.json" ? std::optional<std::string>(lesson) : std::nullopt;
    });
    CHECK_FALSE(load.lesson);
    CHECK(mentions(load.problems, "levels deep"));
    CHECK(mentions(load_corpus_lesson("repro-set-value-nested-deep.json").problems, "levels deep"));
}

TEST_CASE("A set addresses existing array elements only", "[hostile][lesson]") {
    Scenario s = testing::load_builtin("weighted-migration.json");
    const Scenario before = s;
    EditResult r = set_field(s, "api.example.com", "records/50000000/weight", 5);
    CHECK_FALSE(r.ok);
    CHECK(write_scenario(s) == write_scenario(before));
    CHECK_FALSE(set_field(s, "api.example.com", "records/2/weight", 5).ok); // one past the end
    CHECK_FALSE(set_field(s, "api.example.com", "records/3",
                          {{"id", "c"}, {"target", "api-blue"}, {"alias", false}})
                    .ok);
    CHECK_FALSE(set_field(s, "api.example.com", "records/-/weight", 5).ok);
    CHECK_FALSE(set_field(s, "api.example.com", "records/01/weight", 5).ok);
    r = set_field(s, "api.example.com", "records/1/weight", 20);
    CHECK(r.ok);
    CHECK(s.dns[0].records[1].weight == 20);
    // Appending one element, as the last part of the field, is a documented feature.
    r = set_field(s, "api.example.com", "records/2",
                  {{"id", "c"}, {"target", "api-blue"}, {"alias", false}, {"weight", 1}});
    CHECK(r.ok);
    CHECK(s.dns[0].records.size() == 3);
    // A new key is the reader's to judge: a fault's optional end may be set.
    CHECK(set_field(s, "blue-to-zero", "until_s", 900).ok == false); // an operator action
    Scenario warm = testing::load_builtin("pattern-warm-standby.json");
    CHECK(set_field(warm, "east-down", "until_s", 1200).ok);

    const LessonLoad load = load_corpus_lesson("repro-set-huge-array-index.json");
    REQUIRE(load.lesson);
    CHECK(prepare_step(*load.lesson, 0, disk_reader()).failure == PreparedStep::Failure::action);
}

TEST_CASE("Request counts per region do not overflow with many large populations",
          "[hostile][engine]") {
    const ScenarioLoad load =
        load_scenario_file(corpus_path("fuzz_scenario", "repro-region-counter-overflow.json"));
    REQUIRE(load.scenario);
    const Run run = simulate_raw(*load.scenario);
    std::int64_t largest = 0;
    for (const auto &series : run.region_requests)
        for (auto v : series) {
            CHECK(v >= 0);
            largest = std::max(largest, v);
        }
    // 40 populations of 10^6 requests a second, in 60 s steps.
    CHECK(largest > std::int64_t{1} << 31);
    for (std::size_t k = 0; k < run.region_requests[0].size(); ++k) {
        std::int64_t sent = 0;
        for (const auto &ps : run.population_steps)
            sent += std::int64_t{ps.reads_ok[k]} + ps.reads_failed[k] + ps.writes_ok[k] +
                    ps.writes_failed[k];
        CHECK(run.region_requests[0][k] + run.region_requests[1][k] <= sent);
    }
    const CliResult csv =
        cli_of({"simulate", corpus_path("fuzz_scenario", "repro-region-counter-overflow.json"),
                "--format", "csv"});
    CHECK(csv.out.find(",region_requests,us-east-1,-") == std::string::npos);
}

TEST_CASE("Huge numbers in a lesson are range-checked before they are converted",
          "[hostile][lesson]") {
    const LessonLoad covers = load_corpus_lesson("repro-covers-huge-id.json");
    CHECK_FALSE(covers.lesson);
    CHECK(mentions(covers.problems, "expected curriculum ids C1 to C26"));

    const LessonLoad completion = load_corpus_lesson("repro-completion-2-to-the-32.json");
    CHECK_FALSE(completion.lesson);
    CHECK(mentions(completion.problems, "could never be completed with 4294967296"));

    const LessonLoad expect = load_corpus_lesson("repro-expect-1e300.json");
    REQUIRE(expect.lesson);
    const Problems runs = check_lesson_runs(*expect.lesson);
    CHECK(mentions(runs, "1e+300"));
}

TEST_CASE("Alias records into alias records are resolved once per name", "[hostile][dns]") {
    // 16 weighted names, each with four aliases into the next: refused for its depth, quickly.
    const ScenarioLoad fan =
        load_scenario_file(corpus_path("fuzz_scenario", "repro-alias-fan-out.json"));
    REQUIRE_FALSE(fan.scenario);
    CHECK(mentions(fan.problems, "lead through 16 DNS names"));

    // The deepest accepted tree, every name with 64 aliases into the next: 64^8 paths, each
    // name resolved once.
    Json s = Json::parse(read_all(corpus_path("fuzz_scenario", "repro-alias-fan-out.json")));
    Json names = Json::array();
    for (int k = 0; k < limits::kAliasDepth; ++k) {
        Json records = Json::array();
        for (int j = 0; j < 64; ++j)
            records.push_back(
                {{"id", "a" + std::to_string(j)},
                 {"target", k + 1 < limits::kAliasDepth ? "n" + std::to_string(k + 1)
                                                        : "t" + std::to_string(j % 2)},
                 {"weight", 1 + (j / 2) % 3}});
        names.push_back(
            {{"id", "n" + std::to_string(k)}, {"policy", "weighted"}, {"records", records}});
    }
    s["dns"] = names;
    const ScenarioLoad deep = parse_scenario(s.dump(), "deep-aliases.json");
    INFO(testing::problems_text(deep.problems));
    REQUIRE(deep.scenario);
    const Report r = simulate(*deep.scenario);
    CHECK(r.run.internal_errors.empty());
    REQUIRE_FALSE(r.run.answers.empty());
    // Every path ends at t0 or t1, weighted alike: an even split.
    REQUIRE(r.run.answers[0].tiers.size() == 2);
    CHECK(r.run.answers[0].tiers[0].second == Approx(0.5));

    // A cycle is still refused.
    s["dns"][limits::kAliasDepth - 1]["records"][0]["target"] = "n0";
    CHECK(mentions(parse_scenario(s.dump(), "cycle.json").problems, "lead back to it"));
}

TEST_CASE("Pipes and folders are refused without blocking", "[hostile][files]") {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("failover-hostile-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string fifo = (dir / "pipe.json").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);

    const ScenarioLoad pipe = load_scenario_file(fifo);
    CHECK_FALSE(pipe.scenario);
    CHECK(mentions(pipe.problems, "not a regular file"));
    const CliResult sim = cli_of({"simulate", fifo});
    CHECK(sim.code == kExitBadInput);

    const ScenarioLoad folder = load_scenario_file(dir.string());
    CHECK(mentions(folder.problems, "this is a folder, not a file"));
    const CliResult on_dir = cli_of({"simulate", dir.string()});
    CHECK(on_dir.code == kExitBadInput);
    CHECK(on_dir.err.find("9223372036854775807") == std::string::npos);
    CHECK(on_dir.err.find("folder") != std::string::npos);

    Problems problems;
    CHECK_FALSE(read_text_file("/dev/zero", 100, problems));
    CHECK(mentions(problems, "not a regular file"));
    fs::remove_all(dir);
}

TEST_CASE("Many tiers behind one name split their clients evenly", "[hostile][engine]") {
    const ScenarioLoad load =
        load_scenario_file(corpus_path("fuzz_scenario", "repro-tiers-behind-one-name.json"));
    REQUIRE(load.scenario);
    REQUIRE(load.scenario->app_tiers.size() == limits::kAppTiers);
    const Run run = simulate_raw(*load.scenario);
    CHECK(run.internal_errors.empty());
    REQUIRE_FALSE(run.answers.empty());
    CHECK(run.answers[0].tiers.size() == limits::kAppTiers);
    for (const auto &[tier, share] : run.answers[0].tiers)
        CHECK(share == Approx(1.0 / limits::kAppTiers));
    // Every tier in us-west-2 (odd) gets requests while us-east-1 is down.
    const auto &ps = run.population_steps[0];
    for (std::size_t t = 1; t < limits::kAppTiers; t += 2) {
        std::int64_t sent = 0;
        for (auto v : ps.tier_requests[t])
            sent += v;
        CHECK(sent > 0);
    }
}

TEST_CASE("Deep checks during a partial brownout still decide", "[hostile][engine]") {
    const ScenarioLoad load =
        load_scenario_file(corpus_path("fuzz_scenario", "repro-deep-checks-brownout.json"));
    REQUIRE(load.scenario);
    REQUIRE(load.scenario->health_checks.size() == limits::kHealthChecks);
    const Report r = simulate(*load.scenario);
    CHECK(r.run.internal_errors.empty());
    // Half the probes fail: every check fails and recovers in turn.
    CHECK(testing::count_events(r, EventKind::health_check_failed) >= 256);
}

TEST_CASE("A run too large for the limits is refused with what to change", "[hostile][limits]") {
    const std::string path = corpus_path("fuzz_scenario", "repro-work-too-large.json");
    const ScenarioLoad load = load_scenario_file(path);
    REQUIRE_FALSE(load.scenario);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].where == "/settings/step_ms");
    CHECK(load.problems[0].message.find("864,000 steps") != std::string::npos);
    CHECK(load.problems[0].message.find("100 populations x (100 app tiers + 1)") !=
          std::string::npos);
    CHECK(load.problems[0].message.find("coarser sample step (step_ms of at least") !=
          std::string::npos);

    Json s = Json::parse(read_all(path));
    s["settings"]["step_ms"] = 60000;
    const ScenarioLoad coarse = parse_scenario(s.dump(), "coarse.json");
    INFO(testing::problems_text(coarse.problems));
    REQUIRE(coarse.scenario);
    const WorkEstimate w = estimate_work(*coarse.scenario);
    CHECK(w.steps == 1440);
    CHECK(w.series_cells == 1440u * (100u * (6 + 2 * 101) + 2 + 2));
    CHECK(w.series_cells <= limits::kSeriesCells);
    CHECK(w.series_bytes >= w.series_cells * 4);

    // A run longer than the file's (--until) is refused the same way before the run
    // allocates; the model's entry point refuses it too.
    s["settings"]["duration_s"] = 600;
    s["settings"]["step_ms"] = 1000;
    const ScenarioLoad hour = parse_scenario(s.dump(), "hour.json");
    REQUIRE(hour.scenario);
    RunOptions longer;
    longer.until = 24 * kHour;
    CHECK(work_refusal(*hour.scenario, longer.until));
    const Run refused = simulate_raw(*hour.scenario, longer);
    REQUIRE(refused.internal_errors.size() == 1);
    CHECK(refused.internal_errors[0].what.find("coarser sample step") != std::string::npos);
    CHECK(refused.steps == 1);
}

TEST_CASE("Problems are capped per file with a count of the rest", "[hostile][limits]") {
    Json s = Json::parse(write_scenario(testing::load_builtin("weighted-migration.json")));
    s["app_tiers"][0]["depends_on"] = Json::array();
    for (int i = 0; i < 10000; ++i)
        s["app_tiers"][0]["depends_on"].push_back(i);
    const ScenarioLoad load = parse_scenario(s.dump(), "many.json");
    REQUIRE(load.problems.size() == limits::kProblemsPerFile + 1);
    CHECK(load.problems.back().message == "\u2026 and 9900 more problems");
    CHECK(problem_count(load.problems) == 10000);

    // A list of a million wrong-typed entries (the reported file had four million in 8 MiB):
    // one problem, not one per entry.
    std::string big = "{\"format\": \"failover-lab-scenario\", \"version\": 2, \"regions\": [";
    big.reserve(2'100'000);
    for (int i = 0; i < 1'000'000; ++i)
        big += "1,";
    big += "1]}";
    const ScenarioLoad huge = parse_scenario(big, "huge.json");
    CHECK(huge.problems.size() <= 2); // and the missing populations
    CHECK(mentions(huge.problems, "/regions: expected at most 10000 entries, found 1000001"));

    Problems capped;
    for (int i = 0; i < 250; ++i)
        capped.push_back({"f", "", "p"});
    cap_problems(capped);
    CHECK(capped.size() == limits::kProblemsPerFile + 1);
    CHECK(problem_count(capped) == 250);
    add_problem(capped, {"f", "", "one more"});
    CHECK(problem_count(capped) == 251);
    CHECK(capped.back().message == "\u2026 and 151 more problems");
}

TEST_CASE("Places are JSON pointers escaped per RFC 6901; control characters are escaped",
          "[hostile][bad-input]") {
    Json s = Json::parse(write_scenario(testing::load_builtin("weighted-migration.json")));
    s["settings"]["a/b~c"] = 1;
    s["settings"]["new\nline"] = 1;
    const ScenarioLoad load = parse_scenario(s.dump(), "s.json");
    REQUIRE(load.problems.size() == 2);
    CHECK(load.problems[0].where == "/settings/a~1b~0c");
    CHECK(load.problems[1].where == "/settings/new\\nline");
    for (const auto &p : load.problems)
        CHECK(p.text().find('\n') == std::string::npos);
    CHECK(json_pointer_token("~/x") == "~0~1x");
    CHECK(Problem::printable(std::string("a\tb\x01") + "c") == "a\\tb\\u0001c");

    const ProgressLoad progress = parse_progress(
        read_all(corpus_path("fuzz_progress", "repro-pointer-escaping.json")), "p.json");
    REQUIRE(progress.problems.size() == 1);
    CHECK(progress.problems[0].where == "/lessons/a~1b~0c");
}

TEST_CASE("A lesson file over 4 MiB is refused, as the format says", "[hostile][limits]") {
    std::string lesson = read_all(corpus_path("fuzz_lesson", "good.json"));
    const auto title = lesson.find("\"A test chapter\"");
    REQUIRE(title != std::string::npos);
    lesson.insert(title + 1, std::string(5'200'000, 'x'));
    const LessonLoad load = load_lesson_file("big.json", [&](const std::string &p) {
        return p == "big.json" ? std::optional<std::string>(lesson) : std::nullopt;
    });
    CHECK_FALSE(load.lesson);
    CHECK(mentions(load.problems, "a lesson file is at most 4194304 bytes"));
}

TEST_CASE("A lesson lists at most 32 scenarios", "[hostile][limits]") {
    const LessonLoad load = load_corpus_lesson("repro-too-many-scenarios.json");
    CHECK_FALSE(load.lesson);
    CHECK(mentions(load.problems, "at most 32 scenarios"));
    CHECK(mentions(load.problems, "found 40"));
}

// --- Every other limit, one at a time ----------------------------------------------------------

TEST_CASE("Each count limit of a scenario has its message", "[hostile][limits]") {
    const Json base = scenario_json(2, 1);
    REQUIRE(parse_scenario(base.dump(), "base.json").scenario);
    struct Case {
        const char *what;
        std::function<void(Json &)> grow;
        const char *words;
    };
    const auto many = [](Json &list, std::size_t n, const std::function<Json(std::size_t)> &make) {
        for (std::size_t i = list.size(); i < n; ++i)
            list.push_back(make(i));
    };
    const Case cases[] = {
        {"regions",
         [&](Json &s) {
             many(s["regions"], limits::kRegions + 1, [](std::size_t i) {
                 return Json{{"id", "r" + std::to_string(i)}, {"lat", 0}, {"lon", 0}};
             });
         },
         "at most 32 regions"},
        {"app tiers", [&](Json &s) { s = scenario_json(limits::kAppTiers + 1, 1); },
         "at most 256 app tiers"},
        {"populations", [&](Json &s) { s = scenario_json(2, limits::kPopulations + 1); },
         "at most 128 populations"},
        {"data stores",
         [&](Json &s) {
             many(s["data_stores"], limits::kDataStores + 1, [](std::size_t i) {
                 return Json{
                     {"id", "d" + std::to_string(i)}, {"kind", "bucket"}, {"region", "us-east-1"}};
             });
         },
         "at most 256 data stores"},
        {"databases",
         [&](Json &s) {
             many(s["databases"], limits::kDatabases + 1, [](std::size_t i) {
                 return Json{{"id", "db" + std::to_string(i)}, {"writer", "us-east-1"}};
             });
         },
         "at most 64 databases"},
        {"health checks",
         [&](Json &s) {
             many(s["health_checks"], limits::kHealthChecks + 1, [](std::size_t i) {
                 return Json{{"id", "h" + std::to_string(i)}, {"target", "t0"}};
             });
         },
         "at most 256 health checks"},
        {"DNS names",
         [&](Json &s) {
             many(s["dns"], limits::kDnsNames + 1, [](std::size_t i) {
                 return Json{{"id", "n" + std::to_string(i)},
                             {"policy", "latency"},
                             {"records", {{{"id", "a"}, {"target", "t0"}}}}};
             });
         },
         "at most 128 DNS names"},
        {"DNS records",
         [&](Json &s) {
             many(s["dns"], 6, [](std::size_t i) {
                 Json records = Json::array();
                 for (int j = 0; j < 210; ++j)
                     records.push_back({{"id", "a" + std::to_string(j)}, {"target", "t0"}});
                 return Json{
                     {"id", "n" + std::to_string(i)}, {"policy", "latency"}, {"records", records}};
             });
         },
         "at most 1024 DNS records"},
        {"faults",
         [&](Json &s) {
             many(s["faults"], limits::kFaults + 1, [](std::size_t i) {
                 return Json{{"id", "f" + std::to_string(i)},
                             {"kind", "region_outage"},
                             {"region", "us-east-1"},
                             {"at_s", 10}};
             });
         },
         "at most 256 faults"},
        {"accelerators",
         [&](Json &s) {
             many(s["accelerators"], limits::kAccelerators + 1, [](std::size_t i) {
                 return Json{
                     {"id", "ga" + std::to_string(i)},
                     {"groups", {{{"region", "us-east-1"}, {"endpoints", {{{"target", "t0"}}}}}}}};
             });
         },
         "at most 16 accelerators"},
        {"replicas of one database",
         [&](Json &s) {
             Json replicas = Json::array();
             for (std::size_t i = 0; i <= limits::kReplicas; ++i)
                 replicas.push_back({{"region", "us-west-2"}});
             s["databases"].push_back(
                 {{"id", "db"}, {"writer", "us-east-1"}, {"replicas", replicas}});
         },
         "at most 32 replicas of one database"},
        {"accelerator endpoints",
         [&](Json &s) {
             Json endpoints = Json::array();
             for (std::size_t i = 0; i <= limits::kAcceleratorEndpoints; ++i)
                 endpoints.push_back({{"target", "t0"}});
             s["accelerators"].push_back(
                 {{"id", "ga"}, {"groups", {{{"region", "us-east-1"}, {"endpoints", endpoints}}}}});
         },
         "at most 256 accelerator endpoints"},
        {"references in one list",
         [&](Json &s) {
             for (std::size_t i = 0; i <= limits::kRefsPerList; ++i)
                 s["app_tiers"][0]["depends_on"].push_back("x" + std::to_string(i));
         },
         "at most 64 entries in one list"},
        {"round-trip overrides",
         [&](Json &s) {
             for (std::size_t i = 0; i <= limits::kRttOverrides; ++i)
                 s["rtt_overrides"].push_back(
                     {{"a", "us-east-1"}, {"b", "us-west-2"}, {"rtt_ms", 70}});
         },
         "at most 512 round-trip overrides"},
        {"alias depth",
         [&](Json &s) {
             for (int k = 0; k <= limits::kAliasDepth; ++k)
                 s["dns"].push_back(
                     {{"id", "n" + std::to_string(k)},
                      {"policy", "latency"},
                      {"records",
                       {{{"id", "a"},
                         {"target", k < limits::kAliasDepth ? "n" + std::to_string(k + 1)
                                                            : std::string("t0")}}}}});
         },
         "lead through 9 DNS names"},
        {"series cells",
         [&](Json &s) {
             s = scenario_json(100, 20);
             s["settings"]["duration_s"] = 86400;
             s["settings"]["step_ms"] = 500;
         },
         "at most 40,000,000 are allowed"},
        {"probes",
         [&](Json &s) {
             s["settings"]["duration_s"] = 86400;
             many(s["health_checks"], 200, [](std::size_t i) {
                 return Json{{"id", "h" + std::to_string(i)},
                             {"target", "t0"},
                             {"interval_s", 10},
                             {"checkers", 64}};
             });
         },
         "at most 10,000,000 are allowed"},
    };
    for (const Case &c : cases) {
        INFO(c.what);
        Json s = base;
        for (const char *list : {"data_stores", "databases", "health_checks", "accelerators",
                                 "rtt_overrides", "faults"})
            if (!s.contains(list))
                s[list] = Json::array();
        c.grow(s);
        const ScenarioLoad load = parse_scenario(s.dump(), "limit.json");
        INFO(testing::problems_text(load.problems));
        CHECK_FALSE(load.scenario);
        CHECK(mentions(load.problems, c.words));
        CHECK(load.problems.size() <= limits::kProblemsPerFile + 1);
    }
}

TEST_CASE("The largest scenario within every limit loads and is within the work limits",
          "[hostile][limits]") {
    // 24 hours in 1 s steps, 2 populations and 100 app tiers: 36 million values.
    Json s = scenario_json(100, 2);
    s["settings"]["duration_s"] = 86400;
    s["settings"]["step_ms"] = 1000;
    const ScenarioLoad load = parse_scenario(s.dump(), "largest.json");
    INFO(testing::problems_text(load.problems));
    REQUIRE(load.scenario);
    const WorkEstimate w = estimate_work(*load.scenario);
    CHECK(w.series_cells <= limits::kSeriesCells);
    CHECK(w.series_cells > limits::kSeriesCells / 2);
}

TEST_CASE("Each limit of a lesson has its message", "[hostile][limits][lesson]") {
    const std::string good = read_all(corpus_path("fuzz_lesson", "good.json"));
    const auto load_with = [&](const std::function<void(Json &)> &edit) {
        Json j = Json::parse(good);
        edit(j);
        const std::string text = j.dump();
        const std::string path = testing::source_path("lessons/limit.json");
        const FileReader disk = disk_reader();
        return load_lesson_file(path, [&](const std::string &p) -> std::optional<std::string> {
            return p == path ? std::optional<std::string>(text) : disk(p);
        });
    };
    const LessonLoad steps = load_with([](Json &j) {
        for (std::size_t i = j["try_this"].size(); i <= limits::kTryThisSteps; ++i)
            j["try_this"].push_back(j["try_this"][0]);
    });
    CHECK(mentions(steps.problems, "at most 64 \"try this\" steps"));
    const LessonLoad walks = load_with([](Json &j) {
        j["walkthroughs"] = Json::array();
        for (std::size_t i = 0; i <= limits::kWalkthroughs; ++i)
            j["walkthroughs"].push_back({{"id", "w"}, {"title", "t"}, {"steps", Json::array()}});
    });
    CHECK(mentions(walks.problems, "at most 32 walkthroughs"));
    const LessonLoad walk_steps = load_with([](Json &j) {
        Json many = Json::array();
        for (std::size_t i = 0; i <= limits::kWalkSteps; ++i)
            many.push_back({{"caption", "c"}});
        j["walkthroughs"] = {{{"id", "w"}, {"title", "t"}, {"steps", many}}};
    });
    CHECK(mentions(walk_steps.problems, "at most 128 steps"));
    CHECK_FALSE(mentions(walk_steps.problems, "unknown field"));
    const LessonLoad actions = load_with([](Json &j) {
        Json &list = j["try_this"][0]["actions"];
        for (std::size_t i = list.size(); i <= limits::kActions; ++i)
            list.push_back(list[0]);
    });
    CHECK(mentions(actions.problems, "at most 64 actions"));
    CHECK_FALSE(mentions(actions.problems, "unknown field"));

    std::string progress = "{\"format\": \"failover-lab-progress\", \"lessons\": {}}";
    progress += std::string(limits::kProgressBytes, ' ');
    CHECK(mentions(parse_progress(progress, "p.json").problems, "a progress file is at most"));
}

TEST_CASE("The actions and progress reproducers of the fuzz corpus are refused cleanly",
          "[hostile][lesson]") {
    const Scenario base = testing::load_builtin("pattern-warm-standby.json");
    for (const char *name :
         {"repro-set-field-not-a-pointer.json", "repro-set-huge-array-index.json",
          "repro-set-value-nested-deep.json"}) {
        INFO(name);
        Problems problems;
        const auto list =
            parse_json_text(read_all(corpus_path("fuzz_actions", name)), name, problems);
        if (!list) {
            CHECK(mentions(problems, "levels deep"));
            continue;
        }
        const Json step{{"actions", *list}};
        JsonReader reader(step, "", name, problems);
        const auto actions = read_lesson_actions(reader, step, name, problems);
        REQUIRE(problems.empty());
        Scenario s = base;
        RunOptions options;
        CHECK_FALSE(apply_actions(s, actions, options).ok);
        CHECK(write_scenario(s) == write_scenario(base));
    }
    const ProgressLoad deep = parse_progress(
        read_all(corpus_path("fuzz_progress", "repro-nesting-too-deep.json")), "p.json");
    CHECK_FALSE(deep.progress);
    CHECK(mentions(deep.problems, "levels deep"));
    CHECK_FALSE(
        parse_progress(read_all(corpus_path("fuzz_progress", "repro-out-of-range-number.json")),
                       "p.json")
            .progress);
}
