#pragma once
// The stretch of a run that the timeline and the charts show. TimeWindow is a value: a window
// [from, to] inside a run of a given length, with zoom and pan that keep it inside the run.
// SharedTimeWindow holds one and says when it changes, so that several views (the timeline,
// the charts, a second design's views) zoom together.

#include "model/sim_time.h"

#include <QObject>

namespace widgets {

struct TimeWindow {
    model::Ms from_ms = 0;
    model::Ms to_ms = 1;
    model::Ms end_ms = 1;

    // The shortest window a zoom reaches.
    static constexpr model::Ms kMinLengthMs = 5 * model::kSecond;

    static TimeWindow whole(model::Ms end_ms);
    // [from, to] held inside [0, end], at least kMinLengthMs long (or the whole run if shorter).
    static TimeWindow of(model::Ms from_ms, model::Ms to_ms, model::Ms end_ms);

    model::Ms length() const { return to_ms - from_ms; }
    bool is_whole() const { return from_ms == 0 && to_ms == end_ms; }
    bool contains(model::Ms t) const { return t >= from_ms && t <= to_ms; }
    // `factor` > 1 zooms in. The time `anchor_ms` stays at the same share of the window (so
    // under the same pixel), unless the run's edges push the window back inside.
    TimeWindow zoomed(double factor, double anchor_ms) const;
    TimeWindow panned(model::Ms by_ms) const;
    // The same window over a run of another length (kept where it still fits).
    TimeWindow with_end(model::Ms end_ms) const;

    bool operator==(const TimeWindow &) const = default;
};

class SharedTimeWindow : public QObject {
    Q_OBJECT
public:
    explicit SharedTimeWindow(QObject *parent = nullptr);

    const TimeWindow &window() const { return window_; }
    void set(const TimeWindow &window);
    void set_span(model::Ms from_ms, model::Ms to_ms);
    // A new run: the whole of it if the whole was on show, else the same window, held inside.
    void set_end(model::Ms end_ms);
    void zoom(double factor, double anchor_ms);
    void reset();

signals:
    void changed(const widgets::TimeWindow &window);

private:
    TimeWindow window_;
};

} // namespace widgets
