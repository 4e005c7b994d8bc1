#include "playback_pace.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace model {
namespace {

// The slow zone that holds t or starts after it: [begin, end), or nothing after the last one.
struct Zone {
    double begin = 0, end = 0;
};

std::optional<Zone> zone_from(const std::vector<Ms> &times, double t) {
    // Zones are merged where they overlap, so walk from the first that could hold t.
    const double w = static_cast<double>(kSlowAroundEventMs);
    auto it = std::lower_bound(times.begin(), times.end(), t - w,
                               [](Ms a, double b) { return static_cast<double>(a) < b; });
    if (it == times.end())
        return std::nullopt;
    Zone z{static_cast<double>(*it) - w, static_cast<double>(*it) + w};
    for (++it; it != times.end() && static_cast<double>(*it) - w <= z.end; ++it)
        z.end = static_cast<double>(*it) + w;
    if (z.end <= t)
        return std::nullopt;
    return z;
}

} // namespace

std::vector<Ms> slow_event_times(const Run &run) {
    std::vector<Ms> out;
    for (const Event &e : run.events)
        if (e.kind != EventKind::clients_moved && e.kind != EventKind::run_ended)
            out.push_back(e.t_ms);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double pace_at(const std::vector<Ms> &event_times, Ms t, double chosen) {
    // Some event e with t - 10 s <= e <= t + 10 s.
    const auto it =
        std::lower_bound(event_times.begin(), event_times.end(), t - kSlowAroundEventMs);
    const bool near = it != event_times.end() && *it <= t + kSlowAroundEventMs;
    return near ? std::min(1.0, chosen) : chosen;
}

Ms advance_playhead(const std::vector<Ms> &event_times, Ms from, double wall_ms, double chosen) {
    double t = static_cast<double>(from);
    double wall = std::max(0.0, wall_ms);
    const double slow = std::min(1.0, chosen);
    while (wall > 0) {
        const std::optional<Zone> z = zone_from(event_times, t);
        double rate = chosen, boundary = std::numeric_limits<double>::infinity();
        if (z && z->begin <= t) {
            rate = slow;
            boundary = z->end;
        } else if (z) {
            boundary = z->begin;
        }
        const double wall_to_boundary = (boundary - t) / rate;
        if (wall_to_boundary >= wall) {
            t += wall * rate;
            break;
        }
        wall -= wall_to_boundary;
        t = boundary;
    }
    return static_cast<Ms>(std::llround(t));
}

} // namespace model
