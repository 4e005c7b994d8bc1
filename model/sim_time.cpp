#include "sim_time.h"

#include <charconv>

namespace model {

std::optional<Ms> parse_duration(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    if (digits == 0 || digits > 12)
        return std::nullopt;
    Ms value = 0;
    std::from_chars(text.data(), text.data() + digits, value);
    const std::string_view unit = text.substr(digits);
    if (unit == "ms")
        return value;
    if (unit == "s")
        return value * kSecond;
    if (unit == "m")
        return value * kMinute;
    if (unit == "h")
        return value * kHour;
    return std::nullopt;
}

std::string format_duration(Ms ms) {
    const bool negative = ms < 0;
    Ms v = negative ? -ms : ms;
    std::string out = negative ? "-" : "";
    if (v < kSecond)
        return out + std::to_string(v) + " ms";
    if (v < kMinute) {
        const Ms tenths = (v + 50) / 100;
        out += std::to_string(tenths / 10);
        if (tenths % 10 != 0)
            out += "." + std::to_string(tenths % 10);
        return out + " s";
    }
    v = (v + 500) / 1000; // whole seconds from here on
    const Ms h = v / 3600, m = (v / 60) % 60, s = v % 60;
    if (h > 0)
        out += std::to_string(h) + " h ";
    if (h > 0 || m > 0)
        out += std::to_string(m) + " min";
    if (s > 0)
        out += " " + std::to_string(s) + " s";
    return out;
}

std::string format_clock(Ms ms) {
    if (ms < 0)
        ms = 0;
    char buf[32];
    const Ms s = ms / 1000;
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>((s / 60) % 60), static_cast<long long>(s % 60));
    std::string out = buf;
    if (ms % 1000 != 0) {
        std::snprintf(buf, sizeof buf, ".%03lld", static_cast<long long>(ms % 1000));
        out += buf;
    }
    return out;
}

} // namespace model
