#pragma once
// The timeline's time axis: run milliseconds to x pixels and back, and where the ticks go. The
// axis shows a window [from, to] of a run that ends at end_ms (the whole run unless zoomed).

#include "model/sim_time.h"

#include <QString>

namespace widgets {

class TimeScale {
public:
    TimeScale() = default;
    TimeScale(double left, double right, model::Ms end_ms);
    TimeScale(double left, double right, model::Ms from_ms, model::Ms to_ms, model::Ms end_ms);

    double left() const { return left_; }
    double right() const { return right_; }
    double width() const { return right_ - left_; }
    model::Ms end_ms() const { return end_ms_; }
    model::Ms from_ms() const { return from_ms_; }
    model::Ms to_ms() const { return to_ms_; }
    bool shows(model::Ms t) const { return t >= from_ms_ && t <= to_ms_; }

    double x_of(model::Ms t) const;
    // The exact (unrounded) time under x, for a zoom that keeps it there.
    double exact_time_at(double x) const;
    // The time under x, rounded to the millisecond and held inside the window.
    model::Ms time_at(double x) const;
    double ms_per_px() const { return static_cast<double>(to_ms_ - from_ms_) / width(); }
    // A round tick spacing (1 s, 2 s, 5 s ... 1 min, 2 min, 5 min ...) leaving at least min_px
    // between two ticks.
    model::Ms tick_step(double min_px) const;

private:
    double left_ = 0, right_ = 1;
    model::Ms from_ms_ = 0, to_ms_ = 1, end_ms_ = 1;
};

// "mm:ss", minutes running past 59: how the axis labels a point of the run.
QString axis_label(model::Ms t);

} // namespace widgets
