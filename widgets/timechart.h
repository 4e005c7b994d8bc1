#pragma once
// One chart of the charts panel: lines over the run's time in minutes, thinned to the plot's
// width, and the playhead as a vertical cursor. A click or a drag on the plot asks to seek.

#include "model/sim_time.h"

#include <QChartView>
#include <QPointF>
#include <QString>

#include <optional>

#include <vector>

class QLineSeries;
class QValueAxis;

namespace widgets {

struct ChartLine {
    QString name;
    std::vector<QPointF> points; // x: minutes into the run, sorted; a gap has no point
    // How the line is drawn: by default the n-th line takes the n-th series colour, solid.
    int colour = -1;
    Qt::PenStyle style = Qt::SolidLine;
};

class TimeChart : public QChartView {
    Q_OBJECT
public:
    struct Labels {
        QString title;        // the chart's title
        QString unit;         // the y axis title
        QString description;  // what the chart shows, for its tooltip
        QString empty;        // the title when there is nothing to plot
        QString value_format; // one value in a tooltip, e.g. "%1 ms"
        int decimals = 0;
    };

    explicit TimeChart(Labels labels, QWidget *parent = nullptr);

    // y_top: the least the y axis reaches (it grows to the data, in round numbers).
    void set_lines(std::vector<ChartLine> lines, model::Ms end_ms, double y_top);
    void set_cursor(model::Ms t);
    // The stretch of the run the x axis shows (the whole run unless zoomed).
    void set_window(model::Ms from_ms, model::Ms to_ms);
    model::Ms window_from() const { return from_ms_; }
    model::Ms window_to() const { return to_ms_ > 0 ? to_ms_ : end_ms_; }
    model::Ms cursor() const { return cursor_t_; }
    model::Ms end_ms() const { return end_ms_; }
    // The pixel columns of the plot area the lines were last thinned to.
    int sampled_columns() const { return sampled_columns_; }

    // A graphics view asks for its whole scene; a chart reads well much smaller.
    QSize sizeHint() const override { return {640, 280}; }
    QSize minimumSizeHint() const override { return {320, 100}; }

signals:
    void seek_requested(model::Ms t);

protected:
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Below kCompactHeight pixels the chart gives its plot the room: no title (its tab names
    // it), no axis titles, the legend at the right.
    static constexpr int kCompactHeight = 240;
    void apply_compact();
    void resample();
    void apply_palette();
    void style_series();
    void update_time_ticks();
    void cache_items_soon();
    // The time under a viewport point. Outside the plot area: nothing, or the nearest edge's.
    enum class Outside { nothing, nearest };
    std::optional<model::Ms> time_at(const QPoint &pos, Outside outside) const;
    QString values_at(model::Ms t) const;

    Labels labels_;
    QValueAxis *x_ = nullptr;
    QValueAxis *y_ = nullptr;
    QLineSeries *cursor_ = nullptr;
    std::vector<QLineSeries *> series_;
    std::vector<ChartLine> lines_;
    model::Ms end_ms_ = 1;
    model::Ms from_ms_ = 0, to_ms_ = -1; // -1: to the end of the run
    model::Ms cursor_t_ = 0;
    int sampled_columns_ = -1;
    bool resampling_ = false;
    bool dragging_ = false;
    bool cache_pending_ = false;
};

} // namespace widgets
