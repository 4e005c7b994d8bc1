#include "timescale.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace widgets {

TimeScale::TimeScale(double left, double right, model::Ms end_ms)
    : left_(left), right_(std::max(right, left + 1.0)), end_ms_(std::max<model::Ms>(end_ms, 1)) {}

double TimeScale::x_of(model::Ms t) const {
    return left_ + width() * static_cast<double>(t) / static_cast<double>(end_ms_);
}

model::Ms TimeScale::time_at(double x) const {
    const double t = std::round((x - left_) * ms_per_px());
    return std::clamp(static_cast<model::Ms>(t), model::Ms{0}, end_ms_);
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
