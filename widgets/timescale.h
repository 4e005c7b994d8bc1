#pragma once
// The timeline's time axis: run milliseconds to x pixels and back, and where the ticks go.

#include "model/sim_time.h"

#include <QString>

namespace widgets {

class TimeScale {
public:
    TimeScale() = default;
    TimeScale(double left, double right, model::Ms end_ms);

    double left() const { return left_; }
    double right() const { return right_; }
    double width() const { return right_ - left_; }
    model::Ms end_ms() const { return end_ms_; }

    double x_of(model::Ms t) const;
    // The time under x, rounded to the millisecond and held inside the run.
    model::Ms time_at(double x) const;
    double ms_per_px() const { return static_cast<double>(end_ms_) / width(); }
    // A round tick spacing (1 s, 2 s, 5 s ... 1 min, 2 min, 5 min ...) leaving at least min_px
    // between two ticks.
    model::Ms tick_step(double min_px) const;

private:
    double left_ = 0, right_ = 1;
    model::Ms end_ms_ = 1;
};

// "mm:ss", minutes running past 59: how the axis labels a point of the run.
QString axis_label(model::Ms t);

} // namespace widgets
