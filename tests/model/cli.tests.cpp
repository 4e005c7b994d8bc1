#include "builders.h"

#include "model/cli.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace model;

namespace {

struct Result {
    int code;
    std::string out, err;
};

Result cli(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = run_cli(args, out, err);
    return {code, out.str(), err.str()};
}

const std::string kScenario = testing::source_path("lessons/scenarios/dns-ttl-floor.json");
const std::string kGoodLesson = testing::source_path("tests/data/lessons/good.json");

} // namespace

TEST_CASE("simulate prints the timeline or the report or the series", "[cli]") {
    const Result text = cli({"simulate", kScenario});
    CHECK(text.code == kExitOk);
    CHECK(text.out.find("Region us-east-1 goes down") != std::string::npos);
    CHECK(text.out.find("RTO reads") != std::string::npos);

    const Result json = cli({"simulate", kScenario, "--format", "json", "--seed", "3"});
    CHECK(json.code == kExitOk);
    CHECK(json.out.find("\"format\": \"failover-lab-report\"") != std::string::npos);
    CHECK(json.out.find("\"seed\": 3") != std::string::npos);

    const Result csv = cli({"simulate", kScenario, "--format", "csv", "--until", "2m"});
    CHECK(csv.code == kExitOk);
    CHECK(csv.out.rfind("t_ms,series,subject,value\n", 0) == 0);
    CHECK(csv.out.find("\n119000,success_ratio,us-shoppers,1\n") != std::string::npos);
    CHECK(csv.out.find("\n120000,") == std::string::npos);
}

TEST_CASE("simulate answers for one figure by name", "[cli]") {
    const Result r = cli({"simulate", kScenario, "--figure", "rto_read_s", "--figure",
                          "first.endpoint_unhealthy", "--figure", "no_such_figure"});
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("rto_read_s=3") != std::string::npos);
    CHECK(r.out.find("first.endpoint_unhealthy=6") != std::string::npos);
    CHECK(r.out.find("no_such_figure=null") != std::string::npos);
}

TEST_CASE("Same scenario and seed give the same bytes", "[cli][determinism]") {
    const Result a = cli({"simulate", kScenario, "--format", "json"});
    const Result b = cli({"simulate", kScenario, "--format", "json"});
    CHECK(a.out == b.out);
    const Result c = cli({"simulate", kScenario, "--format", "json", "--seed", "99"});
    CHECK(a.out != c.out);
}

TEST_CASE("Exit codes are 1 for bad input and 2 for usage", "[cli]") {
    CHECK(cli({"simulate"}).code == kExitUsage);
    CHECK(cli({"simulate", kScenario, "--until", "10 minutes"}).code == kExitUsage);
    CHECK(cli({"simulate", kScenario, "--format", "xml"}).code == kExitUsage);
    CHECK(cli({"simulate", kScenario, "--seed", "-1"}).code == kExitUsage);
    CHECK(cli({"frobnicate"}).code == kExitUsage);
    const Result missing = cli({"simulate", "/nonexistent/file.json"});
    CHECK(missing.code == kExitBadInput);
    CHECK(missing.err.find("/nonexistent/file.json") != std::string::npos);

    const std::string bad = "/tmp/failover-lab-cli-test-bad.json";
    std::ofstream(bad)
        << "{\"format\": \"failover-lab-scenario\", \"version\": 1,\n \"regions\": [}";
    const Result broken = cli({"validate", bad});
    CHECK(broken.code == kExitBadInput);
    CHECK(broken.err.find("line 2") != std::string::npos);

    const std::string other = "/tmp/failover-lab-cli-test-other.json";
    std::ofstream(other) << "{\"format\": \"failover-lab-lesson\", \"version\": 1}";
    CHECK(cli({"simulate", other}).code == kExitUsage);
}

TEST_CASE("validate checks files and folders", "[cli]") {
    const Result r = cli({"validate", testing::source_path("lessons/scenarios")});
    INFO(r.err);
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("no problems") != std::string::npos);
    CHECK(cli({"--help"}).out.find("simulate FILE") != std::string::npos);
}

TEST_CASE("validate --require-coverage fails while an id is uncovered", "[lesson][cli]") {
    std::ostringstream out, err;
    CHECK(run_cli({"validate", kGoodLesson}, out, err) == kExitOk);
    std::ostringstream out2, err2;
    CHECK(run_cli({"validate", "--require-coverage", kGoodLesson}, out2, err2) == kExitBadInput);
    CHECK(err2.str().find("C1,") != std::string::npos);
    CHECK(err2.str().find("C14") == std::string::npos);
}
