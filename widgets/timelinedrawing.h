#pragma once
// The timeline as a picture: lays out the time axis, the lanes and their event markers, the
// legend and the RTO bars for one size, and paints them. The Timeline widget shows it; the
// exports paint it into an image or an SVG file.

#include "model/report.h"
#include "timelinelanes.h"
#include "timescale.h"
#include "timewindow.h"

#include <QCoreApplication>
#include <QFont>
#include <QRectF>

#include <memory>
#include <optional>
#include <vector>

class QPainter;
class QPalette;

namespace widgets {

class TimelineDrawing {
    Q_DECLARE_TR_FUNCTIONS(widgets::TimelineDrawing)
public:
    void set_report(std::shared_ptr<const model::Report> report, const model::Scenario &scenario);
    // The stretch of the run the axis shows; takes effect at the next lay_out().
    void set_window(const TimeWindow &window) { window_ = window; }
    // Room left free above the axis (for a scroll bar), in pixels; at the next lay_out().
    void set_top_margin(double px) { top_margin_ = px; }
    // The component whose lane and markers stand out ("" none); paint() shows it.
    void set_highlight(const std::string &id) { highlight_ = id; }
    const std::string &highlight() const { return highlight_; }
    // Lines this drawing's time axis up with another's: the axis spans at least axis_end_ms
    // and the plot starts no further left than min_plot_left (0, 0: its own).
    void align(model::Ms axis_end_ms, double min_plot_left);
    void lay_out(const QSizeF &size, const QFont &font);
    // Every lane on show at a comfortable height, at the given width.
    QSizeF preferred_size(double width, const QFont &font) const;
    QSizeF size() const { return size_; }

    // Lanes that do not fit scroll under the axis; these are in pixels.
    void set_scroll(double px); // takes effect at the next lay_out()
    double scroll() const { return scroll_; }
    double max_scroll() const;
    double lane_height() const { return lane_h_; }
    QRectF lanes_view() const { return lanes_view_; }
    // What goes under the lanes, as far as the height allows once two lanes are on show:
    // everything, the RTO bars without the markers' legend, or nothing (the Summary tab has the
    // RTO figures).
    enum class Bottom { all, rto_only, none };
    Bottom bottom_shown() const { return bottom_; }

    // Everything but the playhead.
    void paint(QPainter &p, const QPalette &palette) const;
    void paint_playhead(QPainter &p, const QPalette &palette, model::Ms t) const;
    // What moving the playhead to t repaints.
    QRectF playhead_rect(model::Ms t) const;

    const TimeScale &scale() const { return scale_; }
    // Where a click or a drag moves the playhead: the axis and the lanes, over the plot.
    QRectF seek_area() const;
    model::Ms step_ms() const;
    model::Ms end_ms() const;
    // The time of the nearest event after (before) t, if there is one.
    std::optional<model::Ms> next_event(model::Ms t) const;
    std::optional<model::Ms> previous_event(model::Ms t) const;

    // The sentences of the events under pos, or what the RTO bar part there means.
    QString tooltip_at(const QPointF &pos) const;
    // The time of the event marker under pos.
    std::optional<model::Ms> marker_time_at(const QPointF &pos) const;
    // The component of the lane under pos ("" none): what hovering it highlights elsewhere.
    std::string lane_id_at(const QPointF &pos) const;
    // Where lane `id` is on show (empty when scrolled away or absent), for tests and hover.
    QRectF lane_rect(const std::string &id) const;

private:
    struct Marker {
        QPointF at;
        std::size_t event = 0;
        EventCategory category = EventCategory::fault;
    };
    struct Tip {
        QRectF rect;
        QString text;
    };
    struct LegendItem {
        QRectF rect;
        int key = 0; // an EventCategory or an RtoPart
    };
    struct RtoRow {
        QString label;
        const model::Rto *rto = nullptr;
        QRectF rect; // the whole row
    };

    // Places the legend and the RTO bars from top down; returns the height they take.
    double lay_out_bottom(double top, double width, Bottom parts);
    // Legend items left to right from first_x, wrapping inside area.
    std::vector<LegendItem> flow(const std::vector<QString> &names, const QRectF &area,
                                 double first_x) const;
    QString rto_heading() const;
    void paint_lanes(QPainter &p, const QPalette &palette) const;
    void paint_axis(QPainter &p, const QPalette &palette) const;
    void paint_markers(QPainter &p, const QPalette &palette) const;
    void paint_legend(QPainter &p, const QPalette &palette) const;
    void paint_rto(QPainter &p, const QPalette &palette) const;
    std::vector<const Marker *> markers_at(const QPointF &pos) const;

    // The plot's columns, where markers and spans may be drawn.
    QRectF plot_clip() const;

    std::shared_ptr<const model::Report> report_;
    std::vector<Lane> lanes_;
    TimeWindow window_;
    double top_margin_ = 0;
    std::string highlight_;
    model::Ms fault_at_ = -1;
    QString fault_id_;

    QFont font_, small_font_;
    QSizeF size_;
    double line_ = 16, lane_h_ = 18, radius_ = 5, label_left_ = 6, id_left_ = 6;
    double scroll_ = 0;
    model::Ms axis_end_ms_ = 0;
    double min_plot_left_ = 0;
    TimeScale scale_;
    QRectF axis_;
    QRectF lanes_rect_; // every lane, scrolled
    QRectF lanes_view_; // the part on show
    QRectF rto_heading_;
    Bottom bottom_ = Bottom::all;
    std::vector<Marker> markers_;
    std::vector<LegendItem> marker_legend_, part_legend_;
    std::vector<RtoRow> rto_rows_;
    double bar_px_per_ms_ = 0;
    std::vector<Tip> tips_;
};

} // namespace widgets
