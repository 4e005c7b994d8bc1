#include "widgets/summaryview.h"
#include "builtins.h"

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

TEST_CASE("A hidden summary lays out the figures when it is shown, the last report only",
          "[performance]") {
    const auto &one = testing::built_in("pattern-warm-standby");
    const auto &two = testing::built_in("start-here");
    widgets::SummaryView view;
    view.show_report(one.report);
    view.show_report(two.report);
    CHECK_FALSE(view.up_to_date());
    CHECK(view.toPlainText().isEmpty());
    view.show();
    CHECK(view.up_to_date());
    CHECK(view.toPlainText().contains("not recovered by the end of the run"));
    // Shown: a new report is laid out at once.
    view.show_report(one.report);
    CHECK(view.up_to_date());
    CHECK(view.toPlainText().contains(d(*one.report->summary.read.ms)));
}
