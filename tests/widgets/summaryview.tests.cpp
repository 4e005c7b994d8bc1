#include "builtins.h"
#include "widgets/summaryview.h"

#include <catch2/catch.hpp>

namespace {

QString d(model::Ms ms) {
    return QString::fromStdString(model::format_duration(ms));
}

} // namespace

TEST_CASE("The summary shows the model's RTO taken apart for reads and writes") {
    const model::Report &r = *testing::built_in("pattern-warm-standby").report;
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
    const model::Report &r = *testing::built_in("start-here").report;
    REQUIRE_FALSE(r.summary.write.ms);
    const QString html = widgets::SummaryView::html(r);
    CHECK(html.contains("not recovered by the end of the run"));
    CHECK_FALSE(html.contains("Detection"));
}
