#include "timescale.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace widgets {

TimeScale::TimeScale(double left, double right, model::Ms end_ms)
    : TimeScale(left, right, 0, end_ms, end_ms) {}

TimeScale::TimeScale(double left, double right, model::Ms from_ms, model::Ms to_ms,
                     model::Ms end_ms)
    : left_(left), right_(std::max(right, left + 1.0)), end_ms_(std::max<model::Ms>(end_ms, 1)) {
    from_ms_ = std::clamp<model::Ms>(from_ms, 0, end_ms_ - 1);
    to_ms_ = std::clamp<model::Ms>(to_ms, from_ms_ + 1, end_ms_);
}

double TimeScale::x_of(model::Ms t) const {
    return left_ +
           width() * static_cast<double>(t - from_ms_) / static_cast<double>(to_ms_ - from_ms_);
}

double TimeScale::exact_time_at(double x) const {
    return static_cast<double>(from_ms_) + (x - left_) * ms_per_px();
}

model::Ms TimeScale::time_at(double x) const {
    const double t = std::round(exact_time_at(x));
    return std::clamp(static_cast<model::Ms>(t), from_ms_, to_ms_);
}

model::Ms TimeScale::tick_step(double min_px) const {
    using model::kMinute;
    using model::kSecond;
    static constexpr std::array<model::Ms, 15> steps = {
        kSecond,      2 * kSecond,  5 * kSecond,  10 * kSecond,  15 * kSecond,
        30 * kSecond, kMinute,      2 * kMinute,  5 * kMinute,   10 * kMinute,
        15 * kMinute, 30 * kMinute, 60 * kMinute, 120 * kMinute, 240 * kMinute};
    for (model::Ms step : steps)
        if (static_cast<double>(step) / ms_per_px() >= min_px)
            return step;
    return steps.back();
}

QString axis_label(model::Ms t) {
    const model::Ms s = t / model::kSecond;
    return QStringLiteral("%1:%2")
        .arg(s / 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace widgets
