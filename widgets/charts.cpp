#include "charts.h"

#include "chartseries.h"
#include "comparisonlines.h"
#include "timechart.h"
#include "timewindow.h"

#include <QImage>
#include <QPainter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace widgets {

ChartsPanel::ChartsPanel(QWidget *parent) : QWidget(parent) {
    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);

    const auto add = [this](const QString &tab, TimeChart::Labels labels) {
        auto *chart = new TimeChart(std::move(labels), tabs_);
        tabs_->addTab(chart, tab);
        connect(chart, &TimeChart::seek_requested, this, &ChartsPanel::seek_requested);
        charts_.push_back(chart);
        return chart;
    };
    success_ = add(tr("Success rate"),
                   {tr("Requests that succeeded, per population"), tr("Success (%)"),
                    tr("The share of each population's requests that succeeded, step by step. "
                       "The RTO ends where it stays at 99 % or more."),
                    tr("Success rate: no populations in this scenario"), tr("%1 %"), 1});
    requests_ = add(tr("Requests by region"),
                    {tr("Requests reaching each region"), tr("Requests per second"),
                     tr("Requests that reached an app tier in each region. Watch the traffic "
                        "move when DNS answers change and client caches expire."),
                     tr("Requests by region: no regions in this scenario"), tr("%1 /s"), 0});
    lag_ = add(tr("Replication lag"),
               {tr("Replication lag per replica"), tr("Lag (s)"),
                tr("How far each replica is behind its source. While replication does not "
                   "flow, the lag grows by a second every second: that is what a promotion "
                   "would lose."),
                tr("Replication lag: no replicas in this scenario"), tr("%1 s"), 1});
    losses_ = add(tr("Lost writes"),
                  {tr("Lost writes and conflicts so far"), tr("Writes"),
                   tr("Acknowledged writes that were lost, and multi-writer conflicts (last "
                      "writer wins), counted from the start of the run."),
                   tr("Lost writes: no databases in this scenario"), tr("%1"), 0});
    latency_ = add(tr("p99 latency"),
                   {tr("99th percentile latency per population"), tr("Latency (ms)"),
                    tr("The latency 99 % of each population's served requests stay under, "
                       "step by step. Failed requests are not in it."),
                    tr("p99 latency: no populations in this scenario"), tr("%1 ms"), 0});
    cdn_ = add(tr("CDN"),
               {tr("Requests through each distribution"), tr("Requests per second"),
                tr("Cache hits, misses served by the primary and by the secondary origin, "
                   "misses that failed over, and failures, for each population that enters "
                   "through a distribution. Hits outlive an origin outage until the cache TTL "
                   "runs out; writes never fail over."),
                tr("CDN: no distributions in this scenario"), tr("%1 /s"), 10});
    setAccessibleName(tr("Charts"));
    filled_.assign(charts_.size(), true);
    connect(tabs_, &QTabWidget::currentChanged, this, [this] { fill_shown(); });
}

void ChartsPanel::set_report(std::shared_ptr<const model::Report> report,
                             const model::Scenario &scenario) {
    report_ = std::move(report);
    has_databases_ = !scenario.databases.empty();
    filled_.assign(charts_.size(), false);
    fill_shown();
}

void ChartsPanel::set_compared(std::shared_ptr<const model::Report> report,
                               const model::Scenario &scenario) {
    compared_ = std::move(report);
    compared_has_databases_ = !scenario.databases.empty();
    filled_.assign(charts_.size(), false);
    fill_shown();
}

void ChartsPanel::fill_shown() {
    if (isVisible())
        fill(static_cast<std::size_t>(std::max(0, tabs_->currentIndex())));
}

void ChartsPanel::fill(std::size_t i) {
    if (filled_[i])
        return;
    filled_[i] = true;
    TimeChart *chart = charts_[i];
    if (!report_) {
        chart->set_lines({}, 30 * model::kMinute, 1);
    } else {
        const model::Run &run = report_->run;
        // With a compared run, both runs' lines on one time axis.
        const model::Ms end = compared_ ? std::max(run.end_ms, compared_->run.end_ms) : run.end_ms;
        const auto lines = [&](std::vector<ChartLine> (*make)(const model::Run &), bool stored) {
            std::vector<ChartLine> own =
                !stored || has_databases_ ? make(run) : std::vector<ChartLine>{};
            if (!compared_)
                return own;
            return overlay_lines(std::move(own), !stored || compared_has_databases_
                                                     ? make(compared_->run)
                                                     : std::vector<ChartLine>{});
        };
        if (chart == success_)
            chart->set_lines(lines(success_lines, false), end, 100);
        else if (chart == requests_)
            chart->set_lines(lines(region_lines, false), end, 10);
        else if (chart == lag_)
            chart->set_lines(lines(lag_lines, true), end, 1);
        else if (chart == losses_)
            chart->set_lines(lines(loss_lines, true), end, 5);
        else if (chart == cdn_)
            chart->set_lines(lines(cdn_lines, false), end, 10);
        else
            chart->set_lines(lines(p99_lines, false), end, 50);
    }
    chart->set_cursor(playhead_);
    apply_window();
}

void ChartsPanel::set_time_window(SharedTimeWindow *window) {
    if (window_)
        disconnect(window_, nullptr, this, nullptr);
    window_ = window;
    if (window_)
        connect(window_, &SharedTimeWindow::changed, this, &ChartsPanel::apply_window);
    apply_window();
}

void ChartsPanel::apply_window() {
    // A window over another run (not yet told of this one) does not apply.
    for (TimeChart *chart : charts_)
        if (window_ && window_->window().end_ms == chart->end_ms())
            chart->set_window(window_->window().from_ms, window_->window().to_ms);
        else
            chart->set_window(0, chart->end_ms());
}

int ChartsPanel::charts_filled() const {
    return static_cast<int>(std::count(filled_.begin(), filled_.end(), true));
}

void ChartsPanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    fill_shown();
}

void ChartsPanel::set_playhead(model::Ms t) {
    playhead_ = t;
    for (TimeChart *chart : charts_)
        chart->set_cursor(t);
}

bool ChartsPanel::export_png(const QString &path) {
    for (std::size_t i = 0; i < charts_.size(); ++i)
        fill(i);
    std::vector<QPixmap> shots;
    int width = 0, height = 0;
    for (TimeChart *chart : charts_) {
        if (chart->size().isEmpty() || chart->width() < 200)
            chart->resize(std::max(tabs_->width(), 800), std::max(tabs_->height() - 30, 300));
        shots.push_back(chart->grab());
        shots.back().setDevicePixelRatio(1);
        width = std::max(width, shots.back().width());
        height += shots.back().height();
    }
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    {
        QPainter p(&image);
        int y = 0;
        for (const QPixmap &shot : shots) {
            p.drawPixmap(0, y, shot);
            y += shot.height();
        }
    }
    return image.save(path, "PNG");
}

} // namespace widgets
