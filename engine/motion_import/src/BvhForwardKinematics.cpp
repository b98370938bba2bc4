// BVH to RawClip: forward kinematics over the channel values, the unit guess, and file loading.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>

#include <glm/geometric.hpp>

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

// sin and cos of half of each angle in `degrees` (n values). One plain loop the compiler can
// vectorise, in double so float results are correctly rounded or within an ulp: the half angle
// is reduced by the nearest multiple of pi/2 (rounded by the 1.5 * 2^52 trick, whose low
// mantissa bits are that multiple's quadrant), then Taylor polynomials on [-pi/4, pi/4], exact
// to 1e-10 there. Angles beyond 1e6 degrees (where the reduction would lose digits; only
// meaningful as garbage) go through std::sin/std::cos. Deterministic: no libm variant chosen
// at run time by the CPU, the same bits everywhere.
void halfAngleSinCos(const float* degrees, std::size_t n, float* sinHalf, float* cosHalf) {
  constexpr double kHalfDegToRad = 0.00872664625997164788;  // pi / 360
  constexpr double kTwoOverPi = 0.636619772367581343;
  constexpr double kPiOver2Hi = 1.57079632673412561417;     // pi/2 to 33 bits: k * this is exact
  constexpr double kPiOver2Lo = 6.07710050650619224932e-11;  // pi/2 - kPiOver2Hi
  constexpr double kRound = 6755399441055744.0;             // 1.5 * 2^52
  unsigned large = 0;
  for (std::size_t i = 0; i < n; ++i) {
    large |= std::abs(degrees[i]) > 1e6f ? 1u : 0u;
    const double h = static_cast<double>(degrees[i]) * kHalfDegToRad;
    const double shifted = h * kTwoOverPi + kRound;
    const double k = shifted - kRound;
    const auto quadrant = std::bit_cast<std::uint64_t>(shifted) & 3u;
    const double r = (h - k * kPiOver2Hi) - k * kPiOver2Lo;
    const double r2 = r * r;
    const double sr = r + r * r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880))));
    const double cr =
        1.0 + r2 * (-0.5 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320 + r2 * (-1.0 / 3628800)))));
    // Quadrant 1 and 3 swap sine and cosine; the sign bits flip in quadrants 2-3 (sine) and
    // 1-2 (cosine). Bit operations rather than branches keep the loop vectorisable.
    const std::uint64_t swap = 0u - (quadrant & 1u);
    const auto srBits = std::bit_cast<std::uint64_t>(sr);
    const auto crBits = std::bit_cast<std::uint64_t>(cr);
    const std::uint64_t sBits = ((srBits & ~swap) | (crBits & swap)) ^ ((quadrant & 2u) << 62);
    const std::uint64_t cBits = ((crBits & ~swap) | (srBits & swap)) ^ (((quadrant + 1u) & 2u) << 62);
    sinHalf[i] = static_cast<float>(std::bit_cast<double>(sBits));
    cosHalf[i] = static_cast<float>(std::bit_cast<double>(cBits));
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

Result<RawClip> bvhToRaw(const BvhDocument& doc, const BvhImportOptions& options) {
  const std::string& where = doc.source;
  const std::size_t jointCount = doc.joints.size();
  const auto frames = static_cast<std::size_t>(doc.frameCount);
  if (jointCount == 0) return makeError(ErrorCode::BadInput, "BVH has no joints", where);
  if (!(doc.frameTime > 0.0) || !std::isfinite(doc.frameTime))
    return makeError(ErrorCode::BadInput, "Frame Time must be positive", where);
  if (doc.values.size() != frames * static_cast<std::size_t>(doc.channelCount))
    return makeError(ErrorCode::Internal, "BVH document values do not match Frames x channels", where);
  for (std::size_t j = 0; j < jointCount; ++j) {
    const BvhJoint& joint = doc.joints[j];
    if (joint.parent >= static_cast<int>(j) || joint.channelCount < 0 || joint.channelCount > 6 ||
        joint.firstChannel < 0 || joint.firstChannel + joint.channelCount > doc.channelCount)
      return makeError(ErrorCode::Internal, "BVH document inconsistent at joint '" + joint.name + "'", where);
  }

  RawClip raw;
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

  const std::vector<JointPlan> plans = planJoints(doc);
  const auto columns = static_cast<std::size_t>(doc.channelCount);
  // Half-angle sines and cosines of every column of the current row (position columns too:
  // computing them costs less than picking the rotation columns out).
  std::vector<float> sinHalf(columns), cosHalf(columns);
  raw.times.resize(frames);
  raw.poses.resize(frames * jointCount);
  float probe = 0.0f;
  for (std::size_t f = 0; f < frames; ++f) {
    raw.times[f] = static_cast<double>(f) * doc.frameTime;
    const float* row = doc.values.data() + f * columns;
    halfAngleSinCos(row, columns, sinHalf.data(), cosHalf.data());
    Pose* const out = raw.poses.data() + f * jointCount;  // this frame's poses, parents first
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
      Pose& p = out[j];
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
      // x * 0 is 0 for finite x and NaN otherwise: one cheap probe for the whole clip.
      probe += (p.position.x + p.position.y + p.position.z + p.orientation.x + p.orientation.y +
                p.orientation.z + p.orientation.w) * 0.0f;
    }
  }
  if (probe == 0.0f) return raw;
  // Finite input values and offsets give finite poses unless they overflow float.
  for (std::size_t i = 0; i < raw.poses.size(); ++i)
    if (!isFinite(raw.poses[i]))
      return makeError(ErrorCode::BadInput,
                       "frame " + std::to_string(i / jointCount) + ": joint '" +
                           doc.joints[i % jointCount].name + "' has a non-finite pose (values too large)",
                       where);
  return raw;
}

Result<RawClip> loadBvhRaw(const std::string& path, const BvhImportOptions& options) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return makeError(ErrorCode::Io, "cannot open file", path);
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(file, &std::fclose);
  // Size by seeking: one allocation, one read.
  if (std::fseek(file, 0, SEEK_END) != 0) return makeError(ErrorCode::Io, "cannot seek", path);
  const long size = std::ftell(file);
  if (size < 0) return makeError(ErrorCode::Io, "cannot tell the file size", path);
  if (size > (2L << 30)) return makeError(ErrorCode::Limit, "file larger than 2 GiB", path);
  if (std::fseek(file, 0, SEEK_SET) != 0) return makeError(ErrorCode::Io, "cannot seek", path);
  const auto bytes = static_cast<std::size_t>(size);
  const std::unique_ptr<char[]> text = std::make_unique_for_overwrite<char[]>(bytes + 1);  // every byte is read
  if (bytes > 0 && std::fread(text.get(), 1, bytes, file) != bytes)
    return makeError(ErrorCode::Io, "cannot read file", path);
  Result<BvhDocument> doc = parseBvh(std::string_view(text.get(), bytes), path, options.limits);
  if (!doc) return doc.error();
  return bvhToRaw(*doc, options);
}

}  // namespace mimesis
