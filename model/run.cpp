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

} // namespace

const char *to_string(FailReason reason) {
    const auto i = static_cast<std::size_t>(reason);
    return i < std::size(kFailReasonNames) ? kFailReasonNames[i] : "?";
}

} // namespace model
