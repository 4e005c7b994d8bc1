#pragma once
// The run on a time axis: one lane per component with its events as markers, the playhead, and
// the read and write RTOs taken apart. Clicking, dragging or the keyboard ask to move the
// playhead; the playback clock decides and calls set_playhead(). Ctrl+wheel, + - and 0 zoom
// the time window (shared with the charts) around the mouse or the playhead.

#include "model/report.h"
#include "timelinedrawing.h"
#include "timewindow.h"

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

    // The window it shows; by default one of its own. Not owned.
    void set_time_window(SharedTimeWindow *window);
    SharedTimeWindow *time_window() const { return window_; }
    // Zooms by `factor` (> 1: in) keeping the time under widget x where it is.
    void zoom_at(double factor, double x);
    // Its zoom actions (+, -, 0 while it has focus), for menus and the shortcut list.
    QAction *zoom_in_action() const { return zoom_in_; }
    QAction *zoom_out_action() const { return zoom_out_; }
    QAction *zoom_reset_action() const { return zoom_reset_; }

    // The component whose lane stands out ("" none), e.g. the one hovered on the map.
    void set_highlight(const QString &id);
    QString highlight() const { return QString::fromStdString(drawing_.highlight()); }
    const TimelineDrawing &drawing() const { return drawing_; }

    bool export_png(const QString &path);
    bool export_svg(const QString &path);

    // Where time runs along the widget, in widget coordinates.
    const TimeScale &scale() const { return drawing_.scale(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seek_requested(model::Ms t);
    // The mouse went over (or left, "") a lane: the component it is about.
    void component_hovered(QString id);

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
    void leaveEvent(QEvent *event) override;

private:
    void relayout();
    // The drawing laid out for an export: at least 900 px wide, every lane at full height.
    TimelineDrawing export_drawing() const;

    void window_changed();
    // The zoom anchor for the keys: the playhead when on show, else the middle.
    double key_anchor_x() const;

    TimelineDrawing drawing_;
    SharedTimeWindow own_window_;
    SharedTimeWindow *window_ = &own_window_;
    QAction *zoom_in_ = nullptr;
    QAction *zoom_out_ = nullptr;
    QAction *zoom_reset_ = nullptr;
    QScrollBar *time_bar_ = nullptr; // shown while zoomed: pans the window
    QString hovered_;
    QScrollBar *lanes_bar_ = nullptr; // shown when the lanes do not all fit
    QPixmap cache_;                   // the drawing without the playhead; null when out of date
    model::Ms playhead_ = 0;
    bool dragging_ = false;
};

} // namespace widgets
