#include "run.h"

#include <iterator>

namespace model {
namespace {

// The reasons' names, in the order of FailReason.
constexpr const char *kFailReasonNames[] = {"no_answer",  "unreachable",   "unavailable",
                                            "dependency", "write_refused", "shed",
                                            "brownout",   "timeout"};
static_assert(std::size(kFailReasonNames) == static_cast<std::size_t>(kFailReasons),
              "one name per failure reason");

constexpr const char *kCdnCauseNames[] = {"origin_unreachable", "origin_error", "origin_timeout",
                                          "failover_too_slow", "client_timeout"};
static_assert(std::size(kCdnCauseNames) == static_cast<std::size_t>(kCdnCauses),
              "one name per distribution failure cause");

} // namespace

const char *to_string(CdnCause cause) {
    const auto i = static_cast<std::size_t>(cause);
    return i < std::size(kCdnCauseNames) ? kCdnCauseNames[i] : "?";
}

FailReason fail_reason_of(CdnCause cause) {
    switch (cause) {
    case CdnCause::origin_unreachable:
        return FailReason::unreachable;
    case CdnCause::origin_error:
        return FailReason::brownout;
    default:
        return FailReason::timeout;
    }
}

const char *to_string(CdnOrigin origin) {
    switch (origin) {
    case CdnOrigin::primary:
        return "primary";
    case CdnOrigin::secondary:
        return "secondary";
    default:
        return "none";
    }
}

const char *to_string(FailReason reason) {
    const auto i = static_cast<std::size_t>(reason);
    return i < std::size(kFailReasonNames) ? kFailReasonNames[i] : "?";
}

} // namespace model
