#pragma once
// The run on a time axis: one lane per component with its events as markers, the playhead, and
// the read and write RTOs taken apart. Clicking, dragging or the keyboard ask to move the
// playhead; the playback clock decides and calls set_playhead().

#include "model/report.h"
#include "timelinedrawing.h"

#include <QPixmap>
#include <QWidget>

#include <memory>

class QScrollBar;

namespace widgets {

class Timeline : public QWidget {
    Q_OBJECT
public:
    explicit Timeline(QWidget *parent = nullptr);

    void set_report(std::shared_ptr<const model::Report> report, const model::Scenario &scenario);
    void set_playhead(model::Ms t);
    // Lines the time axis up with another timeline's (TimelineDrawing::align).
    void align(model::Ms axis_end_ms, double min_plot_left);
    model::Ms playhead() const { return playhead_; }

    bool export_png(const QString &path);
    bool export_svg(const QString &path);

    // Where time runs along the widget, in widget coordinates.
    const TimeScale &scale() const { return drawing_.scale(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seek_requested(model::Ms t);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void relayout();
    // The drawing laid out for an export: at least 900 px wide, every lane at full height.
    TimelineDrawing export_drawing() const;

    TimelineDrawing drawing_;
    QScrollBar *lanes_bar_ = nullptr; // shown when the lanes do not all fit
    QPixmap cache_;                   // the drawing without the playhead; null when out of date
    model::Ms playhead_ = 0;
    bool dragging_ = false;
};

} // namespace widgets
