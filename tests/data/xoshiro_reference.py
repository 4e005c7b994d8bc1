#!/usr/bin/env python3
"""An independent reference for model/random.cpp, written from the published algorithms
(splitmix64 and xoshiro256**, Blackman & Vigna, https://prng.di.unimi.it/) rather than from
the C++ code: it prints the first draws that tests/model/random.tests.cpp pins as literals.

    python3 tests/data/xoshiro_reference.py
"""

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def mix64(a, b):
    state = a ^ ((b * 0xD6E8FEB86659FD93) & MASK)
    state, _ = splitmix64(state)
    _, value = splitmix64(state)
    return value


class Xoshiro256ss:
    def __init__(self, seed):
        self.s = []
        state = seed
        for _ in range(4):
            state, word = splitmix64(state)
            self.s.append(word)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    # The distributions as model/random.h specifies them.
    def below(self, bound):
        limit = MASK - (MASK % bound)  # rejection over the largest multiple of bound
        x = self.next()
        while x >= limit:
            x = self.next()
        return x % bound

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def unit(self):
        return (self.next() >> 11) * 2.0**-53


def main():
    assert splitmix64(0)[1] == 0xE220A8397B1DCDAF  # the published first splitmix64 output
    for seed in (0, 1, 42, MASK):
        print(f"seed {seed:#x}")
        g = Xoshiro256ss(seed)
        print("  next     ", ", ".join(f"{g.next():#018x}" for _ in range(5)))
        g = Xoshiro256ss(seed)
        print("  unit     ", ", ".join(g.unit().hex() for _ in range(3)))
        g = Xoshiro256ss(seed)
        print("  below(10)", [g.below(10) for _ in range(5)], "then below(1000003)", g.below(1000003))
        g = Xoshiro256ss(seed)
        print("  between(-5, 5)", [g.between(-5, 5) for _ in range(5)])
    g = Xoshiro256ss(mix64(42, 3))
    print(f"mix64(42, 3) {mix64(42, 3):#018x}; fork(3) of seed 42:",
          ", ".join(f"{g.next():#018x}" for _ in range(3)))


if __name__ == "__main__":
    main()
