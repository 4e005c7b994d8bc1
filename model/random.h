#pragma once
// The project's random numbers: xoshiro256** seeded through splitmix64, with distributions
// written here so that every platform draws the same values (std:: distributions differ).

#include <cstdint>

namespace model {

class Random {
public:
    explicit Random(std::uint64_t seed);

    std::uint64_t next();
    // Uniform in [0, bound) without modulo bias; bound > 0.
    std::uint64_t below(std::uint64_t bound);
    // Uniform in [lo, hi] (inclusive); lo <= hi.
    std::int64_t between(std::int64_t lo, std::int64_t hi);
    // Uniform in [0, 1) with 53 random bits.
    double unit();
    // A generator for a sub-stream, independent of how many numbers this one has drawn.
    Random fork(std::uint64_t stream) const;

private:
    std::uint64_t s_[4];
    std::uint64_t seed_;
};

// A stable 64-bit mix of two values (splitmix64 finaliser), for per-object derived seeds.
std::uint64_t mix64(std::uint64_t a, std::uint64_t b);

} // namespace model
