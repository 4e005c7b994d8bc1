#pragma once
// Scenarios made from a seed for property tests: a random deployment of regions, app tiers,
// databases of every replication kind, DNS names and populations, with random faults. The
// same seed gives the same scenario on every machine; its settings carry the seed.

#include "model/scenario.h"

#include <cstdint>

namespace testing {

model::Scenario generate_scenario(std::uint64_t seed);

} // namespace testing
