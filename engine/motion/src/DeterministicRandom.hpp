// A small deterministic random source (splitmix64 seeding, xoshiro256**) for simulations.
// Private to the motion module. Never std:: distributions: their output differs between
// standard libraries, and simulated learners must give the same bytes everywhere.
#pragma once

#include <cmath>
#include <cstdint>

namespace mimesis::detail {

// splitmix64: turns any 64-bit seed (even 0) into well-mixed state words.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

class DeterministicRandom {
 public:
  // `stream` separates independent uses of one seed (noise, tremor, dropout...), so changing
  // how much one of them draws does not shift the others.
  explicit DeterministicRandom(std::uint64_t seed, std::uint64_t stream = 0) {
    std::uint64_t sm = seed ^ (stream * 0xd1b54a32d192ed03ull);
    for (std::uint64_t& w : s_) w = splitmix64(sm);
  }

  std::uint64_t next() {
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

  // Uniform in [0, 1), 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Standard normal by Box-Muller; uses two uniforms per call (no cached state to keep in sync).
  double gaussian() {
    const double u1 = 1.0 - uniform();  // (0, 1]: log stays finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4]{};
};

}  // namespace mimesis::detail
