#include "timewindow.h"

#include <algorithm>
#include <cmath>

namespace widgets {

TimeWindow TimeWindow::whole(model::Ms end_ms) {
    const model::Ms end = std::max<model::Ms>(end_ms, 1);
    return {0, end, end};
}

TimeWindow TimeWindow::of(model::Ms from_ms, model::Ms to_ms, model::Ms end_ms) {
    const model::Ms end = std::max<model::Ms>(end_ms, 1);
    const model::Ms least = std::min(kMinLengthMs, end);
    model::Ms length = std::clamp<model::Ms>(to_ms - from_ms, least, end);
    model::Ms from = std::clamp<model::Ms>(from_ms, 0, end - length);
    return {from, from + length, end};
}

TimeWindow TimeWindow::zoomed(double factor, double anchor_ms) const {
    if (factor <= 0)
        return *this;
    const double share = (anchor_ms - static_cast<double>(from_ms)) / static_cast<double>(length());
    const double wanted = static_cast<double>(length()) / factor;
    const double least = static_cast<double>(std::min(kMinLengthMs, end_ms));
    const double next = std::clamp(wanted, least, static_cast<double>(end_ms));
    const auto from = static_cast<model::Ms>(std::llround(anchor_ms - share * next));
    return of(from, from + static_cast<model::Ms>(std::llround(next)), end_ms);
}

TimeWindow TimeWindow::panned(model::Ms by_ms) const {
    return of(from_ms + by_ms, to_ms + by_ms, end_ms);
}

TimeWindow TimeWindow::with_end(model::Ms end) const {
    if (is_whole())
        return whole(end);
    return of(from_ms, to_ms, end);
}

SharedTimeWindow::SharedTimeWindow(QObject *parent) : QObject(parent) {}

void SharedTimeWindow::set(const TimeWindow &window) {
    const TimeWindow next = TimeWindow::of(window.from_ms, window.to_ms, window.end_ms);
    if (next == window_)
        return;
    window_ = next;
    emit changed(window_);
}

void SharedTimeWindow::set_span(model::Ms from_ms, model::Ms to_ms) {
    set(TimeWindow::of(from_ms, to_ms, window_.end_ms));
}

void SharedTimeWindow::set_end(model::Ms end_ms) {
    set(window_.with_end(end_ms));
}

void SharedTimeWindow::zoom(double factor, double anchor_ms) {
    set(window_.zoomed(factor, anchor_ms));
}

void SharedTimeWindow::reset() {
    set(TimeWindow::whole(window_.end_ms));
}

} // namespace widgets
