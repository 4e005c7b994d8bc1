#pragma once
// Simulated time: whole milliseconds since the start of a run.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace model {

using Ms = std::int64_t;

constexpr Ms kSecond = 1000;
constexpr Ms kMinute = 60 * kSecond;
constexpr Ms kHour = 60 * kMinute;

// Parses "<integer>(ms|s|m|h)", e.g. "90s" or "2h". Returns nothing for anything else.
std::optional<Ms> parse_duration(std::string_view text);

// "14 min 10 s", "2.5 s", "350 ms": the way the timeline sentences write a span of time.
std::string format_duration(Ms ms);

// "00:14:10.250": a point on the run's clock.
std::string format_clock(Ms ms);

} // namespace model
