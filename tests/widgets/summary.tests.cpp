#include "model/scenario_json.h"
#include "model/simulation.h"
#include "widgets/summaryview.h"

#include <catch2/catch.hpp>

namespace {

model::Report run_built_in(const std::string &name) {
    const model::ScenarioLoad load = model::load_scenario_file(
        std::string(FAILOVER_SOURCE_DIR) + "/lessons/scenarios/" + name + ".json");
    REQUIRE(load.scenario);
    return model::simulate(*load.scenario);
}

QString d(model::Ms ms) {
    return QString::fromStdString(model::format_duration(ms));
}

} // namespace

TEST_CASE("The summary shows the model's RTO taken apart for reads and writes") {
    const model::Report r = run_built_in("pattern-warm-standby");
    REQUIRE(r.summary.read.ms);
    REQUIRE(r.summary.write.ms);
    const QString html = widgets::SummaryView::html(r);
    CHECK(html.contains("<b>" + d(*r.summary.read.ms) + "</b>"));
    CHECK(html.contains("<b>" + d(*r.summary.write.ms) + "</b>"));
    CHECK(html.contains(d(r.summary.write.breakdown.promotion)));
    CHECK(html.contains(d(r.summary.read.breakdown.warmup)));
    CHECK(html.contains(QString::number(r.summary.lost_writes)));
    CHECK(html.contains(QString::fromStdString(r.summary_fault)));
}

TEST_CASE("A run that never recovers says so instead of showing a breakdown") {
    const model::Report r = run_built_in("start-here");
    REQUIRE_FALSE(r.summary.write.ms);
    const QString html = widgets::SummaryView::html(r);
    CHECK(html.contains("not recovered by the end of the run"));
    CHECK_FALSE(html.contains("Detection"));
}
