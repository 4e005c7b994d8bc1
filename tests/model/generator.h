#pragma once
// Scenarios made from a seed for property tests: a random deployment of regions, app tiers,
// databases of every replication kind, DNS names and populations, with random faults. The
// same seed gives the same scenario on every machine; its settings carry the seed.

#include "model/scenario.h"

#include <cstdint>

namespace testing {

model::Scenario generate_scenario(std::uint64_t seed);

// generate_scenario(seed) with a distribution added: a bucket and the app tiers as origins, an
// edge near each population and one more, and one or two further populations that enter through
// it (directly, or through an alias that does not evaluate target health). What the scenario
// already held is left as it was; now and then its faults take both origins' regions down
// together.
model::Scenario generate_cdn_scenario(std::uint64_t seed);

} // namespace testing
