// Whole-clip body measures the scorer normalises with: size (summed bones), reach (longest
// root-to-extremity chain) and excursion (how far the joints travel about the root).
#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/geometric.hpp>

#include "mimesis/scoring/MotionStream.hpp"

namespace mimesis {
namespace {

bool finitePos(const glm::vec3& p) { return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z); }

// Length of joint j's bone to its parent p in `fr`; -1 when either end is untracked.
float boneLength(const Frame& fr, int j, int p) {
  const JointPose& a = fr.body[static_cast<std::size_t>(j)];
  const JointPose& b = fr.body[static_cast<std::size_t>(p)];
  if (!a.positionValid() || !b.positionValid() || !finitePos(a.pose.position) || !finitePos(b.pose.position)) return -1.0f;
  return glm::length(a.pose.position - b.pose.position);
}

// The median of per-frame values (the upper one of an even count); 0 for none.
float medianOf(std::vector<float>& v) {
  if (v.empty()) return 0.0f;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace

float measureBodySize(const Clip& clip) {
  std::vector<float> sizes;
  const int n = clip.body.jointCount();
  for (const Frame& fr : clip.frames) {
    if (fr.body.size() != static_cast<std::size_t>(n)) continue;
    float sum = 0.0f;
    bool ok = true;
    for (int j = 0; j < n && ok; ++j) {
      const int p = clip.body.parents[static_cast<std::size_t>(j)];
      if (p < 0) continue;
      const float bone = boneLength(fr, j, p);
      ok = bone >= 0.0f;
      if (ok) sum += bone;
    }
    if (ok && std::isfinite(sum) && sum > 0.0f) sizes.push_back(sum);
  }
  return medianOf(sizes);
}

float measureBodyReach(const Clip& clip) {
  const int n = clip.body.jointCount();
  std::vector<float> reaches, chain(static_cast<std::size_t>(n), 0.0f);
  for (const Frame& fr : clip.frames) {
    if (fr.body.size() != static_cast<std::size_t>(n) || n == 0) continue;
    float longest = 0.0f;
    bool ok = true;
    // Parents come first (checkClipForScoring), so chain[p] is known when j is reached.
    for (int j = 0; j < n && ok; ++j) {
      const int p = clip.body.parents[static_cast<std::size_t>(j)];
      if (p < 0) { chain[static_cast<std::size_t>(j)] = 0.0f; continue; }
      if (p >= j) { ok = false; break; }  // not topologically ordered: no reach
      const float bone = boneLength(fr, j, p);
      ok = bone >= 0.0f;
      if (!ok) break;
      chain[static_cast<std::size_t>(j)] = chain[static_cast<std::size_t>(p)] + bone;
      longest = std::max(longest, chain[static_cast<std::size_t>(j)]);
    }
    if (ok && std::isfinite(longest) && longest > 0.0f) reaches.push_back(longest);
  }
  return medianOf(reaches);
}

float measureBodyExcursion(const Clip& clip) {
  const int n = clip.body.jointCount();
  if (n < 2) return 0.0f;
  // Double sums: tens of thousands of frames of squared metres lose float precision.
  std::vector<glm::dvec3> sum(static_cast<std::size_t>(n), glm::dvec3(0.0));
  std::vector<double> squares(static_cast<std::size_t>(n), 0.0);
  std::vector<std::size_t> count(static_cast<std::size_t>(n), 0);
  for (const Frame& fr : clip.frames) {
    if (fr.body.size() != static_cast<std::size_t>(n)) continue;
    const JointPose& r = fr.body[0];
    if (!r.positionValid() || !finitePos(r.pose.position)) continue;
    for (int j = 1; j < n; ++j) {
      const JointPose& jp = fr.body[static_cast<std::size_t>(j)];
      if (!jp.positionValid() || !finitePos(jp.pose.position)) continue;
      const glm::dvec3 p = glm::dvec3(jp.pose.position) - glm::dvec3(r.pose.position);
      sum[static_cast<std::size_t>(j)] += p;
      squares[static_cast<std::size_t>(j)] += glm::dot(p, p);
      ++count[static_cast<std::size_t>(j)];
    }
  }
  double total = 0.0;
  int joints = 0;
  for (std::size_t j = 1; j < static_cast<std::size_t>(n); ++j) {
    if (count[j] == 0) continue;
    const double c = static_cast<double>(count[j]);
    const glm::dvec3 mean = sum[j] / c;
    total += std::sqrt(std::max(0.0, squares[j] / c - glm::dot(mean, mean)));
    ++joints;
  }
  const double e = joints ? total / joints : 0.0;
  return std::isfinite(e) ? static_cast<float>(e) : 0.0f;
}

}  // namespace mimesis
