#include "playback.h"

#include "model/playback_pace.h"

#include <algorithm>

namespace app {

PlaybackClock::PlaybackClock(QObject *parent) : QObject(parent) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(16);
    connect(&timer_, &QTimer::timeout, this, &PlaybackClock::tick);
}

void PlaybackClock::set_end(model::Ms end) {
    end_ = std::max<model::Ms>(0, end);
    if (playhead_ > end_)
        seek(end_);
}

void PlaybackClock::seek(model::Ms t) {
    playhead_ = std::clamp<model::Ms>(t, 0, end_);
    emit moved(playhead_);
}

void PlaybackClock::play() {
    if (playing())
        return;
    if (playhead_ >= end_)
        seek(0);
    wall_.start();
    timer_.start();
    emit state_changed(true);
}

void PlaybackClock::pause() {
    if (!playing())
        return;
    timer_.stop();
    emit state_changed(false);
}

void PlaybackClock::toggle() {
    playing() ? pause() : play();
}

void PlaybackClock::set_speed(double speed) {
    speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
}

void PlaybackClock::tick() {
    const auto wall_ms = static_cast<double>(wall_.restart());
    const model::Ms next = slow_at_events_
                               ? model::advance_playhead(slow_times_, playhead_, wall_ms, speed_)
                               : playhead_ + static_cast<model::Ms>(wall_ms * speed_ + 0.5);
    seek(std::max(next, playhead_ + 1));
    if (playhead_ >= end_) {
        pause();
        emit reached_end();
    }
}

} // namespace app
