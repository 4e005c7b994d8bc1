#pragma once
// "Slow at events": how a replay moves its playhead when it slows down around what happens.
// Near an event (within kSlowAroundEventMs either side) the replay runs at real time, 1x, or at
// the chosen speed if that is slower; elsewhere at the chosen speed. The host's clock asks
// where the playhead goes after some wall time; the answer is exact across zone boundaries.

#include "report.h"

#include <vector>

namespace model {

constexpr Ms kSlowAroundEventMs = 10 * kSecond;

// The times worth slowing down for, sorted and without repeats: every event but the ones that
// come by the hundred (clients moving as their caches expire, the run's end).
std::vector<Ms> slow_event_times(const Run &run);

// The speed (simulated ms per wall ms) at t: 1x (or `chosen`, if slower) within the zone of an
// event time, `chosen` elsewhere.
double pace_at(const std::vector<Ms> &event_times, Ms t, double chosen);

// Where a playhead at `from` is after `wall_ms` of wall time, at `chosen` speed slowed at
// events. Never moves backwards; not rounded until the end.
Ms advance_playhead(const std::vector<Ms> &event_times, Ms from, double wall_ms, double chosen);

} // namespace model
