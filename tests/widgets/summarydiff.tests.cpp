#include "widgets/summarydiff.h"
#include "model/compare.h"
#include "model/edit.h"
#include "model/simulation.h"
#include "widgets/charts.h"
#include "widgets/comparisonlines.h"
#include "widgets/comparisonpanel.h"
#include "widgets/timechart.h"
#include "widgets/timeline.h"

#include "builtins.h"
#include <QChart>
#include <QLineSeries>
#include <QTabWidget>

#include <catch2/catch.hpp>

using testing::built_in;

namespace {

// The built-in dns-ttl-floor (TTL 300 s) and the same with TTL 60 s, run.
struct TtlPair {
    model::Scenario a, b;
    std::shared_ptr<const model::Report> ra, rb;
};

const TtlPair &ttl_pair() {
    static const TtlPair pair = [] {
        TtlPair p;
        p.a = built_in("dns-ttl-floor").scenario;
        p.ra = built_in("dns-ttl-floor").report;
        p.b = p.a;
        REQUIRE(model::set_field(p.b, "shop.example.com", "ttl_s", 60).ok);
        p.rb = std::make_shared<const model::Report>(model::simulate(p.b));
        return p;
    }();
    return pair;
}

} // namespace

TEST_CASE("The diff table shows each figure of both runs, the signed change and a verdict in "
          "words",
          "[compare][summary]") {
    const TtlPair &p = ttl_pair();
    widgets::SummaryDiff view;
    const auto diffs = model::compare_reports(*p.ra, *p.rb);
    view.show_diff(diffs, p.ra, p.rb, "TTL 300 s", "TTL 60 s");
    const QString html = view.html();
    CHECK(html.contains("TTL 300 s"));
    for (const model::FigureDiff &d : diffs) {
        INFO(d.figure);
        CHECK(html.contains(widgets::SummaryDiff::figure_label(d.figure).toHtmlEscaped()));
        CHECK(html.contains(widgets::SummaryDiff::value_text(d.a, d.unit)));
    }
    const auto rto = std::find_if(diffs.begin(), diffs.end(),
                                  [](const auto &d) { return d.figure == "rto_read_s"; });
    REQUIRE(rto != diffs.end());
    // Shorter: a minus sign, and "better" in words, not only in colour.
    CHECK(widgets::SummaryDiff::delta_text(*rto->delta, rto->unit).startsWith(QChar(0x2212)));
    CHECK(widgets::SummaryDiff::verdict_text(rto->change).contains("better"));
    CHECK(widgets::SummaryDiff::verdict_text(model::Change::worse).contains("worse"));
    CHECK(widgets::SummaryDiff::delta_text(0.0035, model::FigureUnit::share).startsWith('+'));
}

TEST_CASE("The two RTO bars share one scale", "[compare][summary]") {
    const TtlPair &p = ttl_pair();
    widgets::RtoPairBars bars;
    bars.resize(600, bars.sizeHint().height());
    bars.set_reports(p.ra, p.rb);
    REQUIRE(p.ra->summary.read.ms);
    REQUIRE(p.rb->summary.read.ms);
    const double scale = bars.px_per_ms();
    REQUIRE(scale > 0);
    // The longer RTO (A's, TTL 300 s) fills the room; B's bar is shorter in proportion.
    const auto longest =
        std::max(p.ra->summary.read.breakdown.total(), p.ra->summary.write.breakdown.total());
    CHECK(longest * scale <= 600);
    CHECK(p.rb->summary.read.breakdown.total() * scale <
          p.ra->summary.read.breakdown.total() * scale);
}

TEST_CASE("Overlaid charts: A solid and B dashed, named after their side", "[compare][charts]") {
    std::vector<widgets::ChartLine> a(2), b(2);
    a[0].name = b[0].name = "users";
    a[1].name = b[1].name = "eu";
    const auto lines = widgets::overlay_lines(a, b);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].name == "A: users");
    CHECK(lines[3].name == "B: eu");
    CHECK(lines[0].style == Qt::SolidLine);
    CHECK(lines[2].style == Qt::DashLine);
    // Four different colours.
    CHECK(lines[0].colour != lines[2].colour);
    CHECK(lines[1].colour != lines[3].colour);

    const TtlPair &p = ttl_pair();
    widgets::ChartsPanel panel;
    panel.resize(800, 400);
    panel.show();
    panel.set_report(p.ra, p.a);
    panel.set_compared(p.rb, p.b);
    // The chart on show (the success rate): the others fill when their tab is shown.
    auto *chart =
        qobject_cast<widgets::TimeChart *>(panel.findChild<QTabWidget *>()->currentWidget());
    REQUIRE(chart);
    // Every line of A and of B, and the cursor.
    const auto series = chart->chart()->series();
    REQUIRE(series.size() >= 3);
    const auto *first = qobject_cast<QLineSeries *>(series.front());
    const auto *b_line = qobject_cast<QLineSeries *>(series[series.size() / 2]);
    CHECK(first->pen().style() == Qt::SolidLine);
    CHECK(b_line->pen().style() == Qt::DashLine);
    CHECK(b_line->name().startsWith("B: "));
}

TEST_CASE("The two timelines of a comparison share one time axis", "[compare][timeline]") {
    const TtlPair &p = ttl_pair();
    model::Scenario longer = p.b;
    longer.settings.duration_ms = p.a.settings.duration_ms * 2;
    const auto rl = std::make_shared<const model::Report>(model::simulate(longer));
    widgets::ComparisonPanel panel;
    panel.resize(900, 500);
    panel.show();
    panel.show_runs(p.ra, p.a, rl, longer, model::compare_reports(*p.ra, *rl));
    const widgets::TimeScale &a = panel.timeline_a()->scale();
    const widgets::TimeScale &b = panel.timeline_b()->scale();
    CHECK(a.left() == b.left());
    CHECK(a.right() == b.right());
    // The same time falls at the same x, although A's run is the shorter one.
    CHECK(a.x_of(10 * model::kMinute) == b.x_of(10 * model::kMinute));
}
