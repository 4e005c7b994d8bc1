#include "timelinedrawing.h"

#include "eventlist.h"
#include "eventmarker.h"
#include "okabeito.h"
#include "rtobars.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace widgets {
namespace {

constexpr double kPad = 6;
constexpr double kMaxLabelChars = 22; // lane labels get up to this many average characters
constexpr int kMaxTipEvents = 8;

double tallest_lane(double line) {
    return line * 1.4 + 4;
}

// What the timeline asks for: taller lanes only if there is room to spare.
double comfortable_lane(double line) {
    return line + 5;
}

QFont smaller(const QFont &font) {
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.9);
    return small;
}

QColor with_alpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

} // namespace

void TimelineDrawing::set_report(std::shared_ptr<const model::Report> report,
                                 const model::Scenario &scenario) {
    report_ = std::move(report);
    lanes_.clear();
    fault_at_ = -1;
    fault_id_.clear();
    if (!report_)
        return;
    lanes_ = build_lanes(scenario, report_->run);
    for (const auto &f : report_->faults)
        if (f.id == report_->summary_fault) {
            fault_at_ = f.at_ms;
            fault_id_ = QString::fromStdString(f.id);
        }
}

void TimelineDrawing::align(model::Ms axis_end_ms, double min_plot_left) {
    axis_end_ms_ = axis_end_ms;
    min_plot_left_ = min_plot_left;
}

model::Ms TimelineDrawing::step_ms() const {
    return report_ ? std::max<model::Ms>(report_->run.step_ms, 1) : model::kSecond;
}

model::Ms TimelineDrawing::end_ms() const {
    return report_ && report_->run.end_ms > 0 ? report_->run.end_ms : 30 * model::kMinute;
}

std::vector<TimelineDrawing::LegendItem>
TimelineDrawing::flow(const std::vector<QString> &names, const QRectF &area, double first_x) const {
    const QFontMetricsF fm(small_font_);
    const double row_h = std::max(fm.height(), line_ * 0.8) + 4;
    std::vector<LegendItem> out;
    double x = first_x, y = area.top();
    for (std::size_t i = 0; i < names.size(); ++i) {
        const double w = row_h + fm.horizontalAdvance(names[i]) + 14;
        if (x > area.left() && x + w > area.right()) {
            x = area.left();
            y += row_h;
        }
        out.push_back({QRectF(x, y, w, row_h), static_cast<int>(i)});
        x += w;
    }
    return out;
}

QString TimelineDrawing::rto_heading() const {
    if (!report_)
        return tr("No run yet");
    if (fault_at_ < 0)
        return tr("RTO: no fault in this run, nothing to recover from");
    return tr("RTO after %1 (at %2), taken apart:").arg(fault_id_, axis_label(fault_at_));
}

double TimelineDrawing::lay_out_bottom(double top, double width, Bottom bottom) {
    marker_legend_.clear();
    part_legend_.clear();
    rto_rows_.clear();
    rto_heading_ = QRectF();
    if (bottom == Bottom::none)
        return 0;
    std::vector<QString> categories, parts;
    for (int i = 0; i < kEventCategories; ++i)
        categories.push_back(category_name(static_cast<EventCategory>(i)));
    for (int i = 0; i < kRtoParts; ++i)
        parts.push_back(part_name(static_cast<RtoPart>(i)));
    const QRectF area(kPad, top, width, 0);
    double y = top;
    if (bottom == Bottom::all) {
        marker_legend_ = flow(categories, area, area.left());
        y = marker_legend_.back().rect.bottom() + 8;
    }

    // The heading of the bars, with their legend on the same line when it fits.
    QFont bold = font_;
    bold.setBold(true);
    const double heading_w = QFontMetricsF(bold).horizontalAdvance(rto_heading());
    part_legend_ = flow(parts, area.translated(0, y - top), kPad + heading_w + 24);
    rto_heading_ = QRectF(kPad, y, heading_w + 4, part_legend_.front().rect.height());
    y = part_legend_.back().rect.bottom() + 2;

    const double row_h = line_ + 6;
    if (report_) {
        rto_rows_.push_back({tr("Reads"), &report_->summary.read, QRectF(kPad, y, width, row_h)});
        rto_rows_.push_back(
            {tr("Writes"), &report_->summary.write, QRectF(kPad, y + row_h, width, row_h)});
    }
    return y + 2 * row_h + kPad - top;
}

QSizeF TimelineDrawing::preferred_size(double width, const QFont &font) const {
    TimelineDrawing probe;
    probe.font_ = font;
    probe.small_font_ = smaller(font);
    probe.line_ = QFontMetricsF(font).height();
    const double lanes = static_cast<double>(std::max<std::size_t>(lanes_.size(), 4));
    return {width, kPad + top_margin_ + QFontMetricsF(probe.small_font_).height() + 8 +
                       lanes * comfortable_lane(probe.line_) +
                       probe.lay_out_bottom(0, width - 2 * kPad, Bottom::all)};
}

void TimelineDrawing::set_scroll(double px) {
    scroll_ = std::max(0.0, px);
}

double TimelineDrawing::max_scroll() const {
    return std::max(0.0, static_cast<double>(lanes_.size()) * lane_h_ - lanes_view_.height());
}

void TimelineDrawing::lay_out(const QSizeF &size, const QFont &font) {
    size_ = size;
    font_ = font;
    small_font_ = smaller(font);
    const QFontMetricsF fm(font_), sm(small_font_);
    line_ = fm.height();

    double group_w = 0, label_w = 0;
    for (const Lane &lane : lanes_) {
        group_w = std::max(group_w, sm.horizontalAdvance(group_name(lane.group)));
        label_w = std::max(label_w, fm.horizontalAdvance(lane.label));
    }
    label_left_ = kPad;
    id_left_ = label_left_ + group_w + 8;
    // In the font's own units, so a presentation's large type keeps whole names.
    const double plot_left = std::max(
        min_plot_left_, id_left_ + std::min(label_w, fm.averageCharWidth() * kMaxLabelChars) + 10);
    const double half_label = sm.horizontalAdvance(QStringLiteral("00:00")) / 2 + 4;
    const double plot_right = std::max(plot_left + 80, size.width() - kPad - half_label);
    const model::Ms axis_end = std::max(end_ms(), axis_end_ms_);
    const TimeWindow shown = window_.end_ms == axis_end ? window_ : TimeWindow::whole(axis_end);
    scale_ = TimeScale(plot_left, plot_right, shown.from_ms, shown.to_ms, axis_end);
    axis_ = QRectF(plot_left, kPad + top_margin_, plot_right - plot_left, sm.height() + 8);

    // Lanes shrink down to the small font's height; past that, they scroll under the axis.
    const double width = size.width() - 2 * kPad;
    const double n = static_cast<double>(lanes_.size());
    // At least two lanes stay on show: what goes under them gives way first.
    const double least = sm.height() + 2;
    const double lanes_least =
        std::min<double>(2.0, std::max<double>(1.0, static_cast<double>(lanes_.size()))) * least;
    bottom_ = Bottom::all;
    for (Bottom parts : {Bottom::all, Bottom::rto_only, Bottom::none}) {
        bottom_ = parts;
        if (size.height() - axis_.bottom() - lay_out_bottom(0, width, parts) >= lanes_least)
            break;
    }
    const double room = size.height() - axis_.bottom() - lay_out_bottom(0, width, bottom_);
    const double most = tallest_lane(line_);
    lane_h_ = n > 0 ? std::clamp(room / n, least, most) : most;
    radius_ = std::min(lane_h_ * 0.36, 6.5);
    const double content_h = n * lane_h_;
    const double view_h = std::min(content_h, std::max(room, 2 * lane_h_));
    lanes_view_ = QRectF(kPad, axis_.bottom(), width, view_h);
    scroll_ = std::clamp(scroll_, 0.0, content_h - view_h);
    lanes_rect_ = QRectF(kPad, axis_.bottom() - scroll_, width, content_h);

    markers_.clear();
    tips_.clear();
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        const double y = lanes_rect_.top() + (static_cast<double>(i) + 0.5) * lane_h_;
        for (std::size_t e : lanes_[i].events) {
            const model::Event &event = report_->run.events[e];
            if (!scale_.shows(event.t_ms))
                continue;
            markers_.push_back({QPointF(scale_.x_of(event.t_ms), y), e, category_of(event.kind)});
        }
    }
    // Where markers overlap, faults and data loss stay on top.
    const auto rank = [](EventCategory c) {
        return c == EventCategory::data_loss ? 2 : c == EventCategory::fault ? 1 : 0;
    };
    std::stable_sort(markers_.begin(), markers_.end(), [&rank](const Marker &a, const Marker &b) {
        return rank(a.category) < rank(b.category);
    });

    lay_out_bottom(lanes_view_.bottom() + 6, width, bottom_);
    model::Ms longest = 1;
    for (const RtoRow &row : rto_rows_)
        if (row.rto->ms)
            longest = std::max(longest, row.rto->breakdown.total());
    const double total_w = fm.horizontalAdvance(QStringLiteral("00 min 00 s")) + 16;
    bar_px_per_ms_ =
        std::max(10.0, plot_right - total_w - plot_left) / static_cast<double>(longest);

    for (const RtoRow &row : rto_rows_) {
        if (!row.rto->ms)
            continue;
        for (const RtoSegment &s : rto_segments(row.rto->breakdown, plot_left, bar_px_per_ms_))
            tips_.push_back({QRectF(s.x, row.rect.top(), s.width, row.rect.height()),
                             tr("<b>%1, %2: %3</b><br>%4")
                                 .arg(row.label, part_name(s.part), duration_text(s.ms),
                                      part_meaning(s.part))});
    }
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        const Lane &lane = lanes_[i];
        const QRectF row(lanes_rect_.left(), lanes_rect_.top() + static_cast<double>(i) * lane_h_,
                         lanes_rect_.width(), lane_h_);
        if (lane.group == LaneGroup::service && fault_at_ >= 0) {
            const model::Rto &rto =
                lane.id == "reads" ? report_->summary.read : report_->summary.write;
            const model::Ms until = rto.restored_at_ms.value_or(end_ms());
            const double x0 = std::max(scale_.left(), scale_.x_of(fault_at_));
            const double x1 = std::min(scale_.right(), scale_.x_of(until));
            if (rto.hurt() && x1 > x0)
                tips_.push_back({QRectF(x0, row.top(), x1 - x0, lane_h_),
                                 rto.ms ? tr("%1 below 99 % success from %2 to %3: RTO %4")
                                              .arg(lane.label, axis_label(fault_at_),
                                                   axis_label(until), duration_text(*rto.ms))
                                        : tr("%1 below 99 % success from %2: not recovered")
                                              .arg(lane.label, axis_label(fault_at_))});
        }
        tips_.push_back({QRectF(row.left(), row.top(), scale_.left() - row.left(), lane_h_),
                         tr("%1 %2: %n event(s)", nullptr, static_cast<int>(lane.events.size()))
                             .arg(group_name(lane.group), lane.label)});
    }
    // Lanes scrolled out of view have nothing to say.
    std::erase_if(tips_, [this](Tip &tip) {
        if (!tip.rect.intersects(lanes_rect_))
            return false;
        tip.rect = tip.rect.intersected(lanes_view_);
        return tip.rect.isEmpty();
    });
}

QRectF TimelineDrawing::seek_area() const {
    return QRectF(scale_.left() - radius_, axis_.top(), scale_.width() + 2 * radius_,
                  lanes_view_.bottom() - axis_.top());
}

void TimelineDrawing::paint(QPainter &p, const QPalette &palette) const {
    p.save();
    p.setFont(font_);
    p.fillRect(QRectF(QPointF(0, 0), size_), palette.window());
    p.setClipRect(lanes_view_);
    paint_lanes(p, palette);
    p.setClipping(false);
    paint_axis(p, palette);
    p.setClipRect(lanes_view_.intersected(plot_clip()));
    paint_markers(p, palette);
    p.setClipping(false);
    paint_legend(p, palette);
    paint_rto(p, palette);
    p.restore();
}

void TimelineDrawing::paint_lanes(QPainter &p, const QPalette &palette) const {
    // Short lanes label themselves in the small font.
    const QFont &label_font = lane_h_ < line_ + 2 ? small_font_ : font_;
    const QFontMetricsF fm(label_font);
    const QColor vermillion = okabe_ito(OkabeIto::vermillion, palette);
    int group_index = -1;
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        const Lane &lane = lanes_[i];
        const bool first = i == 0 || lanes_[i - 1].group != lane.group;
        group_index += first ? 1 : 0;
        const QRectF row(lanes_rect_.left(), lanes_rect_.top() + static_cast<double>(i) * lane_h_,
                         lanes_rect_.width(), lane_h_);
        if (!row.intersects(lanes_view_))
            continue;
        p.fillRect(row, group_index % 2 == 0 ? palette.base() : palette.alternateBase());
        if (first) {
            p.setPen(QPen(palette.color(QPalette::Mid), 1));
            p.drawLine(row.topLeft(), row.topRight());
        }
        // A group names itself on its first lane, or on the lane under the top when scrolled.
        const double view_top = lanes_view_.top() + 0.5;
        if (first || (row.top() < view_top && row.bottom() > view_top)) {
            p.setFont(small_font_);
            p.setPen(palette.color(QPalette::PlaceholderText));
            p.drawText(QRectF(label_left_, row.top(), id_left_ - label_left_, lane_h_),
                       Qt::AlignLeft | Qt::AlignVCenter, group_name(lane.group));
            p.setFont(font_);
        }
        const double label_w = scale_.left() - 10 - id_left_;
        p.setFont(label_font);
        p.setPen(palette.color(QPalette::Text));
        p.drawText(QRectF(id_left_, row.top(), label_w, lane_h_), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(lane.label, Qt::ElideMiddle, label_w));
        p.setFont(font_);

        const QRectF inner = row.adjusted(0, 2, 0, -2);
        // Spans in the plot's columns only: a zoomed window cuts them at its edges.
        const auto columns = [&](model::Ms from, model::Ms to) {
            const double x0 = std::max(scale_.left(), scale_.x_of(from));
            const double x1 = std::min(scale_.right(), scale_.x_of(to));
            return QRectF(x0, inner.top(), std::max(0.0, x1 - x0), inner.height());
        };
        if (!highlight_.empty() && lane.id == highlight_) {
            const QColor accent = palette.color(QPalette::Highlight);
            p.fillRect(row, with_alpha(accent, 60));
            p.setPen(QPen(accent, 2));
            p.drawRect(row.adjusted(1, 1, -1, -1));
        }
        for (const auto &[from, to] : lane.fault_spans)
            p.fillRect(columns(from, to), with_alpha(vermillion, 45));
        if (lane.group == LaneGroup::service && fault_at_ >= 0) {
            const model::Rto &rto =
                lane.id == "reads" ? report_->summary.read : report_->summary.write;
            if (rto.hurt()) {
                const model::Ms until = rto.restored_at_ms.value_or(end_ms());
                const QRectF band = columns(fault_at_, until);
                p.fillRect(band, with_alpha(vermillion, 80));
                // Named after the bar below, when it fits between the two markers.
                const QString text =
                    rto.ms ? tr("RTO %1").arg(duration_text(*rto.ms)) : tr("not recovered");
                const QRectF room = band.adjusted(radius_ + 4, 0, -radius_ - 4, 0);
                p.setFont(small_font_);
                if (QFontMetricsF(small_font_).horizontalAdvance(text) <= room.width()) {
                    p.setPen(palette.color(QPalette::Text));
                    p.drawText(room, Qt::AlignCenter, text);
                }
                p.setFont(font_);
            }
        }
    }
}

void TimelineDrawing::paint_axis(QPainter &p, const QPalette &palette) const {
    const QFontMetricsF sm(small_font_);
    const model::Ms step = scale_.tick_step(sm.horizontalAdvance(QStringLiteral("00:00")) + 28);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(110);
    p.setFont(small_font_);
    for (model::Ms t = (scale_.from_ms() + step - 1) / step * step; t <= scale_.to_ms();
         t += step) {
        const double x = scale_.x_of(t);
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(x, axis_.bottom()), QPointF(x, lanes_view_.bottom()));
        p.setPen(palette.color(QPalette::WindowText));
        p.drawLine(QPointF(x, axis_.bottom() - 4), QPointF(x, axis_.bottom()));
        p.drawText(QRectF(x - 40, axis_.top(), 80, axis_.height() - 5),
                   Qt::AlignHCenter | Qt::AlignBottom, axis_label(t));
    }
    p.setPen(palette.color(QPalette::WindowText));
    p.drawLine(QPointF(scale_.left(), axis_.bottom()), QPointF(scale_.right(), axis_.bottom()));
    p.setFont(font_);
}

void TimelineDrawing::paint_markers(QPainter &p, const QPalette &palette) const {
    for (const Marker &m : markers_)
        draw_marker(p, m.category, m.at, radius_, palette);
}

void TimelineDrawing::paint_legend(QPainter &p, const QPalette &palette) const {
    p.setFont(small_font_);
    p.setPen(palette.color(QPalette::WindowText));
    for (const LegendItem &item : marker_legend_) {
        const auto category = static_cast<EventCategory>(item.key);
        const double h = item.rect.height();
        draw_marker(p, category, QPointF(item.rect.left() + h / 2, item.rect.center().y()),
                    std::min(radius_, h * 0.32), palette);
        p.drawText(item.rect.adjusted(h + 2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   category_name(category));
    }
    for (const LegendItem &item : part_legend_) {
        const auto part = static_cast<RtoPart>(item.key);
        const double h = item.rect.height();
        p.fillRect(QRectF(item.rect.left() + 2, item.rect.top() + 3, h - 4, h - 6),
                   part_colour(part, palette));
        p.drawText(item.rect.adjusted(h + 2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   part_name(part));
    }
    p.setFont(font_);
}

void TimelineDrawing::paint_rto(QPainter &p, const QPalette &palette) const {
    if (bottom_ == Bottom::none)
        return;
    QFont bold = font_;
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette.color(QPalette::WindowText));
    p.drawText(rto_heading_, Qt::AlignLeft | Qt::AlignVCenter, rto_heading());
    p.setFont(font_);
    const QFontMetricsF fm(font_), sm(small_font_);
    for (const RtoRow &row : rto_rows_) {
        p.setPen(palette.color(QPalette::WindowText));
        p.drawText(QRectF(row.rect.left(), row.rect.top(), scale_.left() - 10 - row.rect.left(),
                          row.rect.height()),
                   Qt::AlignRight | Qt::AlignVCenter, row.label);
        const QRectF text_area(scale_.left(), row.rect.top(), scale_.width(), row.rect.height());
        if (!row.rto->ms || *row.rto->ms == 0) {
            QFont italic = font_;
            italic.setItalic(true);
            p.setFont(italic);
            p.drawText(text_area, Qt::AlignLeft | Qt::AlignVCenter,
                       row.rto->ms ? tr("0 s: the success rate never fell below 99 %")
                                   : rto_status_text(*row.rto));
            p.setFont(font_);
            continue;
        }
        const double bar_h = std::min(row.rect.height() - 4, line_ + 4);
        const double top = row.rect.center().y() - bar_h / 2;
        double end = scale_.left();
        p.setFont(small_font_);
        for (const RtoSegment &s :
             rto_segments(row.rto->breakdown, scale_.left(), bar_px_per_ms_)) {
            const QRectF r(s.x, top, s.width, bar_h);
            const QColor c = part_colour(s.part, palette);
            p.fillRect(r, c);
            const QString text = duration_text(s.ms);
            if (sm.horizontalAdvance(text) + 6 <= s.width) {
                p.setPen(text_on(c));
                p.drawText(r, Qt::AlignCenter, text);
            }
            end = r.right();
        }
        p.setFont(bold);
        p.setPen(palette.color(QPalette::WindowText));
        p.drawText(QRectF(end + 8, row.rect.top(), text_area.right() - end, row.rect.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, duration_text(*row.rto->ms));
        p.setFont(font_);
    }
}

QRectF TimelineDrawing::playhead_rect(model::Ms t) const {
    const QFontMetricsF sm(small_font_);
    const double x = std::clamp(scale_.x_of(std::clamp<model::Ms>(t, 0, end_ms())),
                                scale_.left() - 1, scale_.right() + 1);
    const double w = sm.horizontalAdvance(axis_label(std::clamp<model::Ms>(t, 0, end_ms()))) + 10;
    const double left = std::clamp(x - w / 2, 0.0, std::max(0.0, size_.width() - w));
    return QRectF(left, axis_.top(), w, lanes_view_.bottom() - axis_.top())
        .united(QRectF(x - 2, axis_.top(), 4, lanes_view_.bottom() - axis_.top()))
        .adjusted(-1, -1, 1, 1);
}

void TimelineDrawing::paint_playhead(QPainter &p, const QPalette &palette, model::Ms t) const {
    const model::Ms shown = std::clamp<model::Ms>(t, 0, end_ms());
    if (!scale_.shows(shown))
        return; // zoomed away from it
    const double x = scale_.x_of(shown);
    const QColor ink = palette.color(QPalette::WindowText);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(ink, 2));
    p.drawLine(QPointF(x, axis_.bottom()), QPointF(x, lanes_view_.bottom()));
    p.setFont(small_font_);
    const QFontMetricsF sm(small_font_);
    const QString text = axis_label(shown);
    const double w = sm.horizontalAdvance(text) + 10;
    const double left = std::clamp(x - w / 2, 0.0, std::max(0.0, size_.width() - w));
    const QRectF box(left, axis_.top(), w, axis_.height() - 2);
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    p.drawRoundedRect(box, 3, 3);
    p.setPen(palette.color(QPalette::Window));
    p.drawText(box, Qt::AlignCenter, text);
    p.restore();
}

std::optional<model::Ms> TimelineDrawing::next_event(model::Ms t) const {
    if (report_)
        for (const model::Event &e : report_->run.events)
            if (e.t_ms > t && e.t_ms <= end_ms())
                return e.t_ms;
    return std::nullopt;
}

std::optional<model::Ms> TimelineDrawing::previous_event(model::Ms t) const {
    std::optional<model::Ms> found;
    if (report_)
        for (const model::Event &e : report_->run.events)
            if (e.t_ms < t)
                found = e.t_ms;
    return found;
}

std::vector<const TimelineDrawing::Marker *> TimelineDrawing::markers_at(const QPointF &pos) const {
    std::vector<const Marker *> out;
    if (!lanes_view_.contains(pos))
        return out;
    for (const Marker &m : markers_)
        if (std::abs(m.at.x() - pos.x()) <= radius_ + 2 &&
            std::abs(m.at.y() - pos.y()) <= lane_h_ / 2)
            out.push_back(&m);
    return out;
}

QRectF TimelineDrawing::plot_clip() const {
    return QRectF(scale_.left() - radius_ - 1, 0, scale_.width() + 2 * radius_ + 2, size_.height());
}

std::string TimelineDrawing::lane_id_at(const QPointF &pos) const {
    if (!lanes_view_.contains(pos) || lane_h_ <= 0)
        return {};
    const auto i = static_cast<std::size_t>((pos.y() - lanes_rect_.top()) / lane_h_);
    return i < lanes_.size() ? lanes_[i].id : std::string();
}

QRectF TimelineDrawing::lane_rect(const std::string &id) const {
    for (std::size_t i = 0; i < lanes_.size(); ++i)
        if (lanes_[i].id == id)
            return QRectF(lanes_rect_.left(), lanes_rect_.top() + static_cast<double>(i) * lane_h_,
                          lanes_rect_.width(), lane_h_)
                .intersected(lanes_view_);
    return {};
}

std::optional<model::Ms> TimelineDrawing::marker_time_at(const QPointF &pos) const {
    const Marker *best = nullptr;
    for (const Marker *m : markers_at(pos))
        if (!best || std::abs(m->at.x() - pos.x()) < std::abs(best->at.x() - pos.x()))
            best = m;
    if (!best)
        return std::nullopt;
    return report_->run.events[best->event].t_ms;
}

QString TimelineDrawing::tooltip_at(const QPointF &pos) const {
    const std::vector<const Marker *> hits = markers_at(pos);
    if (!hits.empty()) {
        QStringList lines;
        for (std::size_t i = 0; i < hits.size() && i < kMaxTipEvents; ++i) {
            const model::Event &e = report_->run.events[hits[i]->event];
            lines << tr("<b>%1</b> %2")
                         .arg(QString::fromStdString(model::format_clock(e.t_ms)),
                              event_sentence(e).toHtmlEscaped());
        }
        if (hits.size() > kMaxTipEvents)
            lines << tr("... and %n more", nullptr, static_cast<int>(hits.size()) - kMaxTipEvents);
        // One line per event: a tooltip label would otherwise wrap them into a narrow column.
        return QStringLiteral("<p style='white-space:pre'>%1</p>")
            .arg(lines.join(QStringLiteral("<br>")));
    }
    for (const Tip &tip : tips_)
        if (tip.rect.contains(pos))
            return tip.text;
    return {};
}

} // namespace widgets
