#include "random.h"

namespace model {
namespace {

std::uint64_t splitmix64(std::uint64_t &state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

} // namespace

Random::Random(std::uint64_t seed) : seed_(seed) {
    std::uint64_t state = seed;
    for (auto &word : s_)
        word = splitmix64(state);
}

std::uint64_t Random::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::uint64_t Random::below(std::uint64_t bound) {
    // Rejection sampling over the largest multiple of bound.
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
    std::uint64_t x = next();
    while (x >= limit)
        x = next();
    return x % bound;
}

std::int64_t Random::between(std::int64_t lo, std::int64_t hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<std::int64_t>(span == 0 ? next() : below(span));
}

double Random::unit() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

Random Random::fork(std::uint64_t stream) const {
    return Random(mix64(seed_, stream));
}

std::uint64_t mix64(std::uint64_t a, std::uint64_t b) {
    std::uint64_t state = a ^ (b * 0xD6E8FEB86659FD93ULL);
    splitmix64(state);
    return splitmix64(state);
}

} // namespace model
