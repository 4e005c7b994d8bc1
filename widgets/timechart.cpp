#include "timechart.h"

#include "downsample.h"
#include "okabeito.h"
#include "timescale.h"

#include <QChart>
#include <QGraphicsItem>
#include <QHelpEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace widgets {
namespace {

constexpr double kMsPerMinute = 60000.0;

double minutes(model::Ms t) {
    return static_cast<double>(t) / kMsPerMinute;
}

} // namespace

// The chart goes to QChartView's constructor: a view made without one makes a default chart of
// its own, which setChart() would release rather than delete.
TimeChart::TimeChart(Labels labels, QWidget *parent)
    : QChartView(new QChart, parent), labels_(std::move(labels)) {
    QChart *c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);
    c->legend()->setVisible(true);
    c->legend()->setAlignment(Qt::AlignBottom);
    x_ = new QValueAxis(c);
    x_->setTitleText(tr("Time into the run (min)"));
    x_->setTickType(QValueAxis::TicksDynamic);
    x_->setTickAnchor(0);
    x_->setTickInterval(5);
    x_->setLabelFormat(QStringLiteral("%.0f"));
    y_ = new QValueAxis(c);
    y_->setTitleText(labels_.unit);
    c->addAxis(x_, Qt::AlignBottom);
    c->addAxis(y_, Qt::AlignLeft);
    cursor_ = new QLineSeries(c);
    cursor_->setName(tr("Playhead"));
    c->addSeries(cursor_);
    cursor_->attachAxis(x_);
    cursor_->attachAxis(y_);
    setFrameShape(QFrame::NoFrame);
    setRenderHint(QPainter::Antialiasing);
    connect(c, &QChart::plotAreaChanged, this, [this] {
        resample();
        update_time_ticks();
        cache_items_soon();
    });
    apply_palette();
    set_lines({}, 30 * model::kMinute, 1);
}

void TimeChart::set_lines(std::vector<ChartLine> lines, model::Ms end_ms, double y_top) {
    // New lines re-lay the chart out: its cached pictures (title, axes, series) must not
    // outlive that, or the old run stays on screen until something forces a repaint.
    for (QGraphicsItem *item : scene()->items())
        item->setCacheMode(QGraphicsItem::NoCache);
    lines_ = std::move(lines);
    end_ms_ = std::max<model::Ms>(end_ms, 1);
    QChart *c = chart();
    if (series_.size() != lines_.size()) {
        // The cursor is added last so that it is drawn over the lines.
        c->removeSeries(cursor_);
        while (series_.size() > lines_.size()) {
            c->removeSeries(series_.back());
            delete series_.back();
            series_.pop_back();
        }
        while (series_.size() < lines_.size()) {
            auto *s = new QLineSeries(c);
            c->addSeries(s);
            s->attachAxis(x_);
            s->attachAxis(y_);
            series_.push_back(s);
        }
        c->addSeries(cursor_);
        cursor_->attachAxis(x_);
        cursor_->attachAxis(y_);
    }
    style_series();
    double top = y_top;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        series_[i]->setName(lines_[i].name);
        for (const QPointF &p : lines_[i].points)
            top = std::max(top, p.y());
    }
    x_->setRange(minutes(from_ms_), minutes(window_to()));
    y_->setRange(0, top > y_top ? top * 1.05 : top);
    y_->setTickCount(height() < kCompactHeight ? 3 : 5);
    y_->applyNiceNumbers();
    y_->setLabelFormat(y_->max() <= 5 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    apply_compact();
    sampled_columns_ = -1;
    resample();
    update_time_ticks();
    set_cursor(cursor_t_);
    viewport()->update();
    cache_items_soon();
}

void TimeChart::set_cursor(model::Ms t) {
    cursor_t_ = t;
    const double x = minutes(t);
    cursor_->replace(QList<QPointF>{{x, y_->min()}, {x, y_->max()}});
}

void TimeChart::set_window(model::Ms from_ms, model::Ms to_ms) {
    const model::Ms to = to_ms >= end_ms_ ? -1 : to_ms;
    if (from_ms == from_ms_ && to == to_ms_)
        return;
    from_ms_ = std::max<model::Ms>(0, from_ms);
    to_ms_ = to;
    x_->setRange(minutes(from_ms_), minutes(window_to()));
    sampled_columns_ = -1;
    resample();
    update_time_ticks();
}

void TimeChart::resample() {
    const int columns = std::max(50, static_cast<int>(chart()->plotArea().width()));
    if (resampling_ || columns == sampled_columns_)
        return;
    resampling_ = true;
    sampled_columns_ = columns;
    for (std::size_t i = 0; i < series_.size(); ++i)
        series_[i]->replace(
            downsample_min_max(lines_[i].points, minutes(from_ms_), minutes(window_to()), columns));
    resampling_ = false;
}

void TimeChart::update_time_ticks() {
    const double width = std::max(100.0, chart()->plotArea().width());
    const model::Ms step = TimeScale(0, width, from_ms_, window_to(), end_ms_).tick_step(60);
    const double interval = minutes(step);
    if (interval == x_->tickInterval())
        return;
    x_->setTickInterval(interval);
    x_->setLabelFormat(step >= model::kMinute ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
}

void TimeChart::cache_items_soon() {
    // Every part of the chart keeps its picture, so that moving the cursor repaints the cursor
    // and copies the rest (a full repaint of a chart drops from about 3 ms to under 1 ms).
    // The chart makes its label and grid items as it lays itself out: wait until it has.
    if (cache_pending_)
        return;
    cache_pending_ = true;
    QTimer::singleShot(0, this, [this] {
        cache_pending_ = false;
        for (QGraphicsItem *item : scene()->items())
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    });
}

void TimeChart::showEvent(QShowEvent *event) {
    QChartView::showEvent(event);
    cache_items_soon();
}

void TimeChart::apply_palette() {
    const QPalette pal = palette();
    QChart *c = chart();
    c->setTheme(is_dark(pal) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setBackgroundBrush(pal.base());
    c->setBackgroundPen(Qt::NoPen);
    c->setBackgroundRoundness(0);
    c->setTitleBrush(pal.text());
    c->legend()->setLabelColor(pal.color(QPalette::Text));
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(120);
    for (QValueAxis *axis : {x_, y_}) {
        axis->setLabelsBrush(pal.text());
        axis->setTitleBrush(pal.text());
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(grid);
    }
    setBackgroundBrush(pal.base());
    style_series();
    cache_items_soon();
}

void TimeChart::style_series() {
    for (std::size_t i = 0; i < series_.size(); ++i) {
        const bool styled = i < lines_.size();
        const int colour = styled && lines_[i].colour >= 0 ? lines_[i].colour : static_cast<int>(i);
        QPen pen(series_colour(colour, palette()), 2);
        pen.setStyle(styled ? lines_[i].style : Qt::SolidLine);
        series_[i]->setPen(pen);
    }
    cursor_->setPen(QPen(palette().color(QPalette::Text), 1.5));
    for (QLegendMarker *m : chart()->legend()->markers(cursor_))
        m->setVisible(false);
}

std::optional<model::Ms> TimeChart::time_at(const QPoint &pos, Outside outside) const {
    const QPointF at = chart()->mapFromScene(mapToScene(pos));
    const QRectF plot = chart()->plotArea();
    if (plot.width() <= 0 ||
        (outside == Outside::nothing && !plot.adjusted(-3, 0, 3, 0).contains(at)))
        return std::nullopt;
    const double share = std::clamp((at.x() - plot.left()) / plot.width(), 0.0, 1.0);
    const double m = x_->min() + share * (x_->max() - x_->min());
    return std::clamp<model::Ms>(std::llround(m * kMsPerMinute), from_ms_, window_to());
}

QString TimeChart::values_at(model::Ms t) const {
    QStringList lines{QStringLiteral("<b>%1</b>").arg(axis_label(t))};
    const double x = minutes(t);
    for (const ChartLine &line : lines_) {
        const auto after = std::upper_bound(line.points.begin(), line.points.end(), x,
                                            [](double v, const QPointF &p) { return v < p.x(); });
        const QString value =
            after == line.points.begin()
                ? tr("no value")
                : labels_.value_format.arg(std::prev(after)->y(), 0, 'f', labels_.decimals);
        lines << tr("%1: %2").arg(line.name.toHtmlEscaped(), value);
    }
    return lines.join(QStringLiteral("<br>"));
}

bool TimeChart::viewportEvent(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const std::optional<model::Ms> t = time_at(help->pos(), Outside::nothing);
        const QString text = t && !lines_.empty() ? values_at(*t) : labels_.description;
        QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QChartView::viewportEvent(event);
}

void TimeChart::mousePressEvent(QMouseEvent *event) {
    const std::optional<model::Ms> t = time_at(event->position().toPoint(), Outside::nothing);
    if (event->button() != Qt::LeftButton || !t) {
        QChartView::mousePressEvent(event);
        return;
    }
    dragging_ = true;
    emit seek_requested(*t);
    event->accept();
}

void TimeChart::mouseMoveEvent(QMouseEvent *event) {
    if (!dragging_ || !(event->buttons() & Qt::LeftButton)) {
        QChartView::mouseMoveEvent(event);
        return;
    }
    if (const auto t = time_at(event->position().toPoint(), Outside::nearest); t)
        emit seek_requested(*t);
    event->accept();
}

void TimeChart::mouseReleaseEvent(QMouseEvent *event) {
    dragging_ = false;
    QChartView::mouseReleaseEvent(event);
}

void TimeChart::changeEvent(QEvent *event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        apply_palette();
}

void TimeChart::resizeEvent(QResizeEvent *event) {
    QChartView::resizeEvent(event);
    apply_compact();
}

void TimeChart::apply_compact() {
    const bool compact = height() < kCompactHeight;
    QChart *c = chart();
    // Fewer steps on a short axis, or their labels do not fit and are cut to "...".
    if (const int ticks = compact ? 3 : 5; y_->tickCount() != ticks) {
        y_->setTickCount(ticks);
        y_->applyNiceNumbers();
    }
    // With nothing to plot the title says why, whatever the height.
    c->setTitle(lines_.empty() ? labels_.empty : compact ? QString() : labels_.title);
    x_->setTitleVisible(!compact);
    y_->setTitleVisible(!compact);
    c->legend()->setAlignment(compact ? Qt::AlignRight : Qt::AlignBottom);
}

} // namespace widgets
