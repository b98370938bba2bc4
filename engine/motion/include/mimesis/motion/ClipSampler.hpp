// Sampling a clip at any time: positions lerp, orientations slerp, radii lerp.
#pragma once

#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// Writes the clip's pose at time `t` (clip seconds) into `out` (caller-owned; its body vector
// is resized once to the skeleton's size and then reused). Times before the first frame or
// after the last clamp to that frame. A joint valid in only one of the two neighbouring frames
// takes that frame's value if it is the nearer one, else it is invalid: tracking gaps are never
// bridged by invention. Deterministic; no allocation once `out.body` has its size.
void sampleClip(const Clip& clip, double t, Frame& out);

// Index of the last frame with time <= t (0 if t precedes the clip). Clip must be non-empty.
std::size_t frameIndexAt(const Clip& clip, double t);

// Interpolates one hand between two poses; u in [0, 1]. Exposed for the live expert player.
void interpolateHand(const HandPose& a, const HandPose& b, float u, HandPose& out);

}  // namespace mimesis
