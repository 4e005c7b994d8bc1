#include "comparisonpanel.h"

#include "charts.h"
#include "comparisonpane.h"
#include "okabeito.h"
#include "summarydiff.h"
#include "timeline.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace widgets {

ComparisonPanel::ComparisonPanel(QWidget *parent) : QWidget(parent) {
    setObjectName(QStringLiteral("comparison_panel"));
    tabs_ = new QTabWidget(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);

    // The timelines: A above B, each with its side's letter in its colour.
    auto *split = new QSplitter(Qt::Vertical, tabs_);
    const auto side = [&](QLabel *&badge, Timeline *&timeline, const QString &letter) {
        auto *row = new QWidget(split);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        h->setSpacing(0);
        badge = new QLabel(letter, row);
        badge->setAlignment(Qt::AlignCenter);
        badge->setFixedWidth(22);
        badge->setAutoFillBackground(true);
        QFont f = badge->font();
        f.setBold(true);
        badge->setFont(f);
        timeline = new Timeline(row);
        h->addWidget(badge);
        h->addWidget(timeline, 1);
        split->addWidget(row);
        connect(timeline, &Timeline::seek_requested, this, &ComparisonPanel::seek_requested);
    };
    side(badge_a_, timeline_a_, tr("A"));
    side(badge_b_, timeline_b_, tr("B"));
    // Half each, whatever each timeline would like.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({1000, 1000});
    tabs_->addTab(split, tr("&Timelines A/B"));

    charts_ = new ChartsPanel(tabs_);
    connect(charts_, &ChartsPanel::seek_requested, this, &ComparisonPanel::seek_requested);
    tabs_->addTab(charts_, tr("Charts &A/B"));
    diff_ = new SummaryDiff(tabs_);
    tabs_->addTab(diff_, tr("&Difference"));
    restyle_badges();
}

void ComparisonPanel::show_runs(std::shared_ptr<const model::Report> a,
                                const model::Scenario &a_scenario,
                                std::shared_ptr<const model::Report> b,
                                const model::Scenario &b_scenario,
                                std::vector<model::FigureDiff> diffs) {
    a_ = std::move(a);
    b_ = std::move(b);
    timeline_a_->set_report(a_, a_scenario);
    timeline_b_->set_report(b_, b_scenario);
    align_timelines();
    charts_->set_report(a_, a_scenario);
    charts_->set_compared(b_, b_scenario);
    diff_->show_diff(std::move(diffs), a_, b_, a_name_, b_name_);
}

void ComparisonPanel::set_time_window(SharedTimeWindow *window) {
    timeline_a_->set_time_window(window);
    timeline_b_->set_time_window(window);
    charts_->set_time_window(window);
}

void ComparisonPanel::set_names(const QString &a, const QString &b) {
    a_name_ = a;
    b_name_ = b;
    badge_a_->setToolTip(tr("A: %1").arg(a));
    badge_b_->setToolTip(tr("B: %1").arg(b));
}

void ComparisonPanel::align_timelines() {
    const model::Ms end =
        std::max(a_ ? a_->run.end_ms : model::Ms{0}, b_ ? b_->run.end_ms : model::Ms{0});
    timeline_a_->align(end, 0);
    timeline_b_->align(end, 0);
    const double left = std::max(timeline_a_->scale().left(), timeline_b_->scale().left());
    timeline_a_->align(end, left);
    timeline_b_->align(end, left);
}

void ComparisonPanel::set_playhead(model::Ms t) {
    timeline_a_->set_playhead(t);
    timeline_b_->set_playhead(t);
    charts_->set_playhead(t);
}

void ComparisonPanel::restyle_badges() {
    for (auto [badge, side] :
         {std::pair{badge_a_, CompareSide::a}, std::pair{badge_b_, CompareSide::b}}) {
        const QColor colour = ComparisonPane::side_colour(side, palette());
        QPalette p = badge->palette();
        p.setColor(QPalette::Window, colour);
        p.setColor(QPalette::WindowText, text_on(colour));
        badge->setPalette(p);
    }
}

void ComparisonPanel::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle_badges();
}

} // namespace widgets
