#pragma once
// Design note: the playback clock.
//
// Three times are kept apart: simulated time (the playhead, in model milliseconds), animation
// time (how far the playhead moves per frame: wall time x speed) and wall time. The clock only
// moves the playhead; views draw whatever is true at the playhead. It ticks only while playing,
// so a paused app uses no CPU.

#include "model/sim_time.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace app {

class PlaybackClock : public QObject {
    Q_OBJECT
public:
    explicit PlaybackClock(QObject *parent = nullptr);

    model::Ms playhead() const { return playhead_; }
    model::Ms end() const { return end_; }
    bool playing() const { return timer_.isActive(); }
    double speed() const { return speed_; }

    void set_end(model::Ms end);
    void seek(model::Ms t);
    void play();
    void pause();
    void toggle();
    // 0.25x to 100x of real time.
    void set_speed(double speed);
    // "Slow at events": real time near these times (model/playback_pace.h), the speed elsewhere.
    void set_slow_times(std::vector<model::Ms> times) { slow_times_ = std::move(times); }
    void set_slow_at_events(bool on) { slow_at_events_ = on; }
    bool slow_at_events() const { return slow_at_events_; }

    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 100.0;

signals:
    void moved(model::Ms playhead);
    void state_changed(bool playing);
    void reached_end();

private:
    void tick();

    model::Ms playhead_ = 0;
    model::Ms end_ = 0;
    double speed_ = 10.0;
    bool slow_at_events_ = false;
    std::vector<model::Ms> slow_times_;
    QTimer timer_;
    QElapsedTimer wall_;
};

} // namespace app
