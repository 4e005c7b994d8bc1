#pragma once
// Prints the seed of a run in random order before the first test, so that an order that fails,
// even by crashing, can be replayed with `--order rand --rng-seed N`. (Catch2 v2 itself names
// the seed only above the first failure it reports.)

#include <catch2/catch.hpp>

namespace testing {

struct SeedListener : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;

    void testRunStarting(const Catch::TestRunInfo &info) override {
        TestEventListenerBase::testRunStarting(info);
        if (m_config->runOrder() == Catch::RunTests::InRandomOrder)
            stream << "Randomness seeded to: " << m_config->rngSeed() << std::endl;
    }
};

} // namespace testing
