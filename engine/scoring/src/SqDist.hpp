// Squared distance of two padded feature rows, shared by the offline and live aligners.
#pragma once

namespace mimesis::detail {

// Eight independent partial sums: GCC emits packed SIMD without -ffast-math because no
// reassociation is needed. `dim` is a multiple of 8.
inline float sqDist(const float* a, const float* b, int dim) {
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  for (int d = 0; d < dim; d += 8)
    for (int k = 0; k < 8; ++k) {
      const float t = a[d + k] - b[d + k];
      acc[k] += t * t;
    }
  return ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
}

}  // namespace mimesis::detail
