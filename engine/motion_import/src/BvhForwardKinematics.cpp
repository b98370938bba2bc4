// BVH to RawClip: forward kinematics over the channel values, the unit guess, and file loading.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <glm/geometric.hpp>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "BvhRowSink.hpp"
#include "WholeFile.hpp"
#include "mimesis/motion_import/BvhImport.hpp"

namespace mimesis {
namespace {

constexpr float kDegToRad = 0.017453292519943295f;

// A joint's channels resolved once before the frame loop: which row columns move it along
// which axis, and its rotations in the order written. The parser allows each axis once; room
// for six of a kind keeps a hand-built document with repeats meaning what it says.
struct JointPlan {
  int parent = -1;
  glm::vec3 offset{0.0f};
  std::array<std::uint32_t, 6> positionColumn{};
  std::array<std::uint8_t, 6> positionAxis{};
  std::array<std::uint32_t, 6> rotationColumn{};
  std::array<std::uint8_t, 6> rotationAxis{};  // 0 = X, 1 = Y, 2 = Z
  std::uint8_t positionCount = 0;
  std::uint8_t rotationCount = 0;
};

std::vector<JointPlan> planJoints(const BvhDocument& doc) {
  std::vector<JointPlan> plans(doc.joints.size());
  for (std::size_t j = 0; j < doc.joints.size(); ++j) {
    const BvhJoint& joint = doc.joints[j];
    JointPlan& plan = plans[j];
    plan.parent = joint.parent;
    plan.offset = joint.offset;
    for (int c = 0; c < joint.channelCount; ++c) {
      const auto ch = static_cast<std::uint8_t>(joint.channels[static_cast<std::size_t>(c)]);
      const auto column = static_cast<std::uint32_t>(joint.firstChannel + c);
      if (ch <= static_cast<std::uint8_t>(BvhChannel::Zposition)) {
        plan.positionColumn[plan.positionCount] = column;
        plan.positionAxis[plan.positionCount++] = ch;
      } else {
        plan.rotationColumn[plan.rotationCount] = column;
        plan.rotationAxis[plan.rotationCount++] = static_cast<std::uint8_t>(ch - 3);
      }
    }
  }
  return plans;
}

// sin and cos of half of each angle in `degrees` (n values). One plain float loop the compiler
// vectorises four lanes wide. The reduction is done in degrees, where it is exact: k = the
// nearest integer to degrees / 180 (rounded by the 1.5 * 2^23 trick, whose low mantissa bits
// are k's quadrant), and degrees - 180 k is a float with no rounding (both operands lie on the
// same grid and the difference is smaller than either). Only then is the remainder, at most
// 90 degrees (a quarter turn of the half angle, pi/4 radians), converted to radians, and sine
// and cosine come from Taylor polynomials, truncation below 3e-9 there: a few float ulps from
// the true value at any angle. Angles beyond 1e6 degrees (where 180 k would no longer be exact;
// only meaningful as garbage) go through std::sin/std::cos. Deterministic: no libm variant
// chosen at run time by the CPU, the same bits everywhere.
void halfAngleSinCos(const float* degrees, std::size_t n, float* sinHalf, float* cosHalf) {
  constexpr float kHalfDegToRad = 0.00872664625997164788f;  // pi / 360
  constexpr float kInv180 = 1.0f / 180.0f;
  constexpr float kRound = 12582912.0f;                     // 1.5 * 2^23
  unsigned large = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const float d = degrees[i];
    large |= std::abs(d) > 1e6f ? 1u : 0u;
    const float shifted = d * kInv180 + kRound;
    const float k = shifted - kRound;
    const auto quadrant = std::bit_cast<std::uint32_t>(shifted) & 3u;
    const float r = (d - k * 180.0f) * kHalfDegToRad;
    const float r2 = r * r;
    const float sr = r + r * r2 * (-1.0f / 6 + r2 * (1.0f / 120 + r2 * (-1.0f / 5040 + r2 * (1.0f / 362880))));
    const float cr =
        1.0f + r2 * (-0.5f + r2 * (1.0f / 24 + r2 * (-1.0f / 720 + r2 * (1.0f / 40320 + r2 * (-1.0f / 3628800)))));
    // Quadrant 1 and 3 swap sine and cosine; the sign bits flip in quadrants 2-3 (sine) and
    // 1-2 (cosine). Bit operations rather than branches keep the loop vectorisable.
    const std::uint32_t swap = 0u - (quadrant & 1u);
    const auto srBits = std::bit_cast<std::uint32_t>(sr);
    const auto crBits = std::bit_cast<std::uint32_t>(cr);
    const std::uint32_t sBits = ((srBits & ~swap) | (crBits & swap)) ^ ((quadrant & 2u) << 30);
    const std::uint32_t cBits = ((crBits & ~swap) | (srBits & swap)) ^ (((quadrant + 1u) & 2u) << 30);
    sinHalf[i] = std::bit_cast<float>(sBits);
    cosHalf[i] = std::bit_cast<float>(cBits);
  }
  if (large == 0) return;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::abs(degrees[i]) > 1e6f) {
      const float h = 0.5f * degrees[i] * kDegToRad;
      sinHalf[i] = std::sin(h);
      cosHalf[i] = std::cos(h);
    }
  }
}

// The rotation about a principal axis (0 = X, 1 = Y, 2 = Z) whose half angle has sine s and
// cosine w, as a quaternion.
glm::quat axisRotation(std::uint8_t axis, float s, float w) {
  switch (axis) {
    case 0: return {w, s, 0.0f, 0.0f};
    case 1: return {w, 0.0f, s, 0.0f};
    default: return {w, 0.0f, 0.0f, s};
  }
}

// q * axisRotation(axis, s, w): the Hamilton product with a quaternion that has one non-zero
// vector component, written out (half the multiplications).
glm::quat rotateAbout(const glm::quat& q, std::uint8_t axis, float s, float w) {
  switch (axis) {
    case 0: return {q.w * w - q.x * s, q.x * w + q.w * s, q.y * w + q.z * s, q.z * w - q.y * s};
    case 1: return {q.w * w - q.y * s, q.x * w - q.z * s, q.y * w + q.w * s, q.z * w + q.x * s};
    default: return {q.w * w - q.z * s, q.x * w + q.y * s, q.y * w - q.x * s, q.z * w + q.w * s};
  }
}

// Brings a product of unit quaternions back to unit length. Its norm is within a few float
// ulps of 1, where 1/sqrt(n) = (3 - n) / 2 up to (n - 1)^2: the same result as normalising to
// float precision, without the square root and division, and the error never accumulates down
// a chain because every world orientation is corrected.
glm::quat renormalised(const glm::quat& q) {
  const float n = q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z;
  const float k = 1.5f - 0.5f * n;
  return {q.w * k, q.x * k, q.y * k, q.z * k};
}

// A large fresh buffer is filled once front to back: on Linux, ask for 2 MiB pages so that
// filling it takes one page fault per 2 MiB instead of one per 4 KiB (the faults were a sixth
// of the import's time). Only a hint: nothing changes if the system declines.
void adviseHugePages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  if (bytes < 2 * kHuge) return;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

// Rest-pose world positions: offsets only, every channel zero.
std::vector<glm::vec3> restPositions(const BvhDocument& doc) {
  std::vector<glm::vec3> p(doc.joints.size());
  for (std::size_t j = 0; j < doc.joints.size(); ++j) {
    const BvhJoint& joint = doc.joints[j];
    p[j] = joint.offset + (joint.parent >= 0 ? p[static_cast<std::size_t>(joint.parent)] : glm::vec3(0.0f));
  }
  return p;
}

}  // namespace

float guessBvhMetresPerUnit(const BvhDocument& doc) {
  const std::vector<glm::vec3> p = restPositions(doc);
  if (p.empty()) return 0.01f;
  glm::vec3 lo = p[0], hi = p[0];
  for (const glm::vec3& q : p) {
    lo = glm::min(lo, q);
    hi = glm::max(hi, q);
  }
  const glm::vec3 extent = hi - lo;
  const float height = std::max({extent.x, extent.y, extent.z});
  if (!(height > 0.0f) || !std::isfinite(height)) return 0.01f;
  // Candidate units, metres each. Order only matters for exact ties.
  static constexpr std::array<float, 6> kUnits = {1.0f, 0.01f, 0.001f, 0.0254f, 0.3048f, 0.0254f / 0.45f};
  constexpr float kHumanHeight = 1.7f;
  float best = 0.01f;
  float bestDistance = INFINITY;
  for (const float unit : kUnits) {
    const float d = std::abs(std::log(height * unit / kHumanHeight));
    if (d < bestDistance) {
      bestDistance = d;
      best = unit;
    }
  }
  return best;
}

namespace {

// Forward kinematics as a stream: set up once from the hierarchy, then one frame row at a time
// appended to the clip (so loadBvhRaw can run it on each row as soon as it is parsed).
class FrameSolver {
 public:
  // Checks the hierarchy and options and fills everything but the frames. `reserveFrames` is
  // the storage reserved up front: Frames, or for a file still being parsed the rows its text
  // could hold at most, whichever is smaller.
  // With `checkValues`, doc.values must hold Frames x channelCount values.
  Status start(const BvhDocument& doc, const BvhImportOptions& options, std::size_t reserveFrames,
               bool checkValues);
  // Appends frame `times.size()` from its channelCount values.
  void solve(const float* row);
  // The clip, or an error if a pose overflowed float.
  Result<RawClip> finish(const BvhDocument& doc);

 private:
  RawClip raw_;
  std::vector<JointPlan> plans_;
  // Half-angle sines and cosines of every column of the current row (position columns too:
  // computing them costs less than picking the rotation columns out).
  std::vector<float> sinHalf_, cosHalf_;
  double frameTime_ = 0.0;
  std::size_t columns_ = 0;
  bool nonFinite_ = false;  // some pose has a NaN or infinity
};

Status FrameSolver::start(const BvhDocument& doc, const BvhImportOptions& options, std::size_t reserveFrames,
                          bool checkValues) {
  const std::string& where = doc.source;
  const std::size_t jointCount = doc.joints.size();
  if (jointCount == 0) return makeError(ErrorCode::BadInput, "BVH has no joints", where);
  if (!(doc.frameTime > 0.0) || !std::isfinite(doc.frameTime))
    return makeError(ErrorCode::BadInput, "Frame Time must be positive", where);
  if (checkValues && doc.values.size() != static_cast<std::size_t>(doc.frameCount) *
                                              static_cast<std::size_t>(doc.channelCount))
    return makeError(ErrorCode::Internal, "BVH document values do not match Frames x channels", where);
  for (std::size_t j = 0; j < jointCount; ++j) {
    const BvhJoint& joint = doc.joints[j];
    if (joint.parent >= static_cast<int>(j) || joint.channelCount < 0 || joint.channelCount > 6 ||
        joint.firstChannel < 0 || joint.firstChannel + joint.channelCount > doc.channelCount)
      return makeError(ErrorCode::Internal, "BVH document inconsistent at joint '" + joint.name + "'", where);
  }
  RawClip& raw = raw_;
  raw.source = where;
  raw.format = "bvh";
  raw.skeleton.name = "bvh";
  raw.skeleton.joints.reserve(jointCount);
  raw.skeleton.parents.reserve(jointCount);
  raw.isEndSite.reserve(jointCount);
  for (const BvhJoint& joint : doc.joints) {
    raw.skeleton.joints.push_back(joint.name);
    raw.skeleton.parents.push_back(joint.parent);
    raw.isEndSite.push_back(joint.isEndSite);
  }
  const double rate = 1.0 / doc.frameTime;
  raw.rate = std::abs(rate - std::round(rate)) < 0.01 ? std::round(rate) : rate;
  raw.metresPerUnit = options.metresPerUnit ? *options.metresPerUnit : guessBvhMetresPerUnit(doc);
  if (!(raw.metresPerUnit > 0.0f) || !std::isfinite(raw.metresPerUnit))
    return makeError(ErrorCode::BadInput, "metres per unit must be a positive number", where);
  raw.T_mimesis_file = options.T_mimesis_file ? *options.T_mimesis_file : glm::quat(0.0f, 0.0f, 1.0f, 0.0f);
  plans_ = planJoints(doc);
  columns_ = static_cast<std::size_t>(doc.channelCount);
  sinHalf_.assign(columns_, 0.0f);
  cosHalf_.assign(columns_, 0.0f);
  frameTime_ = doc.frameTime;
  raw.times.reserve(reserveFrames);
  raw.poses.reserve(reserveFrames * jointCount);
  adviseHugePages(raw.poses.data(), raw.poses.capacity() * sizeof(Pose));
  return okStatus();
}

void FrameSolver::solve(const float* row) {
  const std::size_t jointCount = plans_.size();
  const std::size_t f = raw_.times.size();
  raw_.times.push_back(static_cast<double>(f) * frameTime_);
  halfAngleSinCos(row, columns_, sinHalf_.data(), cosHalf_.data());
  // Room for the whole frame first, so `out` stays valid while the frame is appended (always
  // within the reserve for a valid file); poses are then written once each, not default-built
  // and overwritten.
  std::vector<Pose>& poses = raw_.poses;
  if (poses.capacity() - poses.size() < jointCount)
    poses.reserve(std::max(poses.capacity() * 2, poses.size() + jointCount));
  const Pose* const out = poses.data() + f * jointCount;  // this frame's poses, parents first
  const float* const sinHalf = sinHalf_.data();
  const float* const cosHalf = cosHalf_.data();
  const JointPlan* const plans = plans_.data();
  for (std::size_t j = 0; j < jointCount; ++j) {
    const JointPlan& plan = plans[j];
    std::array<float, 3> t = {plan.offset.x, plan.offset.y, plan.offset.z};
    for (std::uint8_t c = 0; c < plan.positionCount; ++c) t[plan.positionAxis[c]] += row[plan.positionColumn[c]];
    // Intrinsic: each rotation about the already-rotated axes, R = R1 * R2 * R3.
    glm::quat q(1.0f, 0.0f, 0.0f, 0.0f);
    if (plan.rotationCount > 0) {
      const std::uint32_t c0 = plan.rotationColumn[0];
      q = axisRotation(plan.rotationAxis[0], sinHalf[c0], cosHalf[c0]);
      for (std::uint8_t c = 1; c < plan.rotationCount; ++c) {
        const std::uint32_t col = plan.rotationColumn[c];
        q = rotateAbout(q, plan.rotationAxis[c], sinHalf[col], cosHalf[col]);
      }
    }
    Pose p;
    if (plan.parent < 0) {
      p.position = glm::vec3(t[0], t[1], t[2]);
      p.orientation = renormalised(q);
    } else {
      const Pose& parent = out[plan.parent];
      const float pw = parent.orientation.w, px = parent.orientation.x, py = parent.orientation.y,
                  pz = parent.orientation.z;
      // parent.orientation * t, as v + 2 w (u x v) + 2 u x (u x v) with u the vector part.
      const float ux = py * t[2] - pz * t[1], uy = pz * t[0] - px * t[2], uz = px * t[1] - py * t[0];
      const float vx = py * uz - pz * uy, vy = pz * ux - px * uz, vz = px * uy - py * ux;
      p.position = glm::vec3(parent.position.x + t[0] + 2.0f * (pw * ux + vx),
                             parent.position.y + t[1] + 2.0f * (pw * uy + vy),
                             parent.position.z + t[2] + 2.0f * (pw * uz + vz));
      p.orientation = renormalised(glm::quat(pw * q.w - px * q.x - py * q.y - pz * q.z,
                                             pw * q.x + px * q.w + py * q.z - pz * q.y,
                                             pw * q.y - px * q.z + py * q.w + pz * q.x,
                                             pw * q.z + px * q.y - py * q.x + pz * q.w));
    }
    poses.push_back(p);
  }
  // Any non-finite float has all exponent bits set: one OR over the frame's bits, a loop the
  // compiler vectorises, instead of a test per joint. Pose is seven packed floats.
  static_assert(sizeof(Pose) == 7 * sizeof(float));
  const std::size_t words = jointCount * 7;
  const auto* bytes = reinterpret_cast<const unsigned char*>(out);
  std::uint32_t allExponents = 0;
  for (std::size_t i = 0; i < words; ++i) {
    std::uint32_t w = 0;
    std::memcpy(&w, bytes + 4 * i, 4);
    // 0x7f800000 exactly when the exponent is all ones: adding one past it carries out.
    allExponents |= ((w & 0x7f800000u) + 0x00800000u) & 0x80000000u;
  }
  nonFinite_ |= allExponents != 0;
}

Result<RawClip> FrameSolver::finish(const BvhDocument& doc) {
  if (!nonFinite_) return std::move(raw_);
  // Finite input values and offsets give finite poses unless they overflow float.
  const std::size_t jointCount = plans_.size();
  for (std::size_t i = 0; i < raw_.poses.size(); ++i)
    if (!isFinite(raw_.poses[i]))
      return makeError(ErrorCode::BadInput,
                       "frame " + std::to_string(i / jointCount) + ": joint '" +
                           doc.joints[i % jointCount].name + "' has a non-finite pose (values too large)",
                       doc.source);
  return std::move(raw_);
}

// The parser's rows straight into the solver: one row of values in cache instead of the clip's.
class SolvingSink final : public detail::BvhRowSink {
 public:
  explicit SolvingSink(const BvhImportOptions& options) : options_(options) {}
  Status begin(const BvhDocument& header, std::size_t remainingBytes) override {
    const auto columns = static_cast<std::size_t>(header.channelCount);
    row_.assign(columns, 0.0f);
    const std::size_t fit = remainingBytes / (2 * std::max<std::size_t>(columns, 1)) + 1;
    return solver_.start(header, options_, std::min(static_cast<std::size_t>(header.frameCount), fit),
                         false);
  }
  float* row(std::size_t) override { return row_.data(); }
  void rowDone(std::size_t) override { solver_.solve(row_.data()); }
  Result<RawClip> finish(const BvhDocument& doc) { return solver_.finish(doc); }

 private:
  const BvhImportOptions& options_;
  std::vector<float> row_;
  FrameSolver solver_;
};

}  // namespace

Result<RawClip> bvhToRaw(const BvhDocument& doc, const BvhImportOptions& options) {
  const auto frames = static_cast<std::size_t>(doc.frameCount);
  const auto columns = static_cast<std::size_t>(doc.channelCount);
  FrameSolver solver;
  if (Status s = solver.start(doc, options, frames, true); !s) return s.error();
  for (std::size_t f = 0; f < frames; ++f) solver.solve(doc.values.data() + f * columns);
  return solver.finish(doc);
}

Result<RawClip> loadBvhRaw(const std::string& path, const BvhImportOptions& options) {
  Result<detail::WholeFile> file = detail::WholeFile::open(path, std::size_t{2} << 30);
  if (!file) return file.error();
  SolvingSink sink(options);
  Result<BvhDocument> doc = detail::parseBvhRows(file->text(), path, options.limits, sink);
  if (!doc) return doc.error();
  return sink.finish(*doc);
}

}  // namespace mimesis
