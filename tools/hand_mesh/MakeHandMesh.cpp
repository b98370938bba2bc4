// Generates the project's own skinned hand meshes (glTF 2.0, buffer embedded) from the rest hand.
//
// Usage: mimesis_make_hand_mesh <output folder>   → writes hand-right.gltf and hand-left.gltf.
//
// Geometry (right hand, wrist frame = mesh space, metres; OpenXR: +Y dorsal, fingers toward -Z):
//  - one tube per finger along its joint chain with hemispherical caps, elliptical cross-section
//    (wider than tall), radius interpolated from the joint radii; finger tubes start halfway along
//    the metacarpal, inside the palm; the thumb's starts at its metacarpal joint;
//  - a palm slab: a boxy superellipsoid spanning wrist to knuckles, tapering toward the wrist.
// Skinning: a tube ring takes the frame of the bone it lies on, blended 50/50 with the
// neighbouring bone's at each knuckle and smoothly within 30% of the shorter bone either side, so
// bending a joint bends the skin around it; at most two influences (the two end joints of the
// bone whose knuckle is nearest). The palm follows the two nearest finger metacarpals (by X) and,
// near the wrist, the wrist. Joint frames at bind time are the HandRig rest pose (poseHand with
// zero curl and spread and an identity wrist): the same positions as restPositionsRight(), and the
// same frames the expert clips and simulated learners are posed with, so skinning them is exact.
// The left hand is the right reflected in X (winding fixed), its joints reflectX of the right's,
// which is OpenXR's left-hand convention.
//
// Output is deterministic: fixed tessellation, no clock, no unordered containers; the JSON is
// dumped by nlohmann with sorted keys. Exit code 0 on success, 1 on a write error, 2 on usage.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <nlohmann/json.hpp>

#include "mimesis/motion/HandRig.hpp"
#include "mimesis/motion/Mirroring.hpp"

namespace {

using namespace mimesis;

constexpr float kPi = 3.14159265358979323846f;
constexpr int kRingSegments = 12;     // vertices around a finger tube
constexpr float kRingSpacing = 0.006f;  // metres between rings along a bone (at most)
constexpr int kCapRings = 4;          // latitude rings of each hemispherical cap

struct Influences {
  std::array<std::uint16_t, 4> joints{};
  glm::vec4 weights{0.0f};
  void add(int joint, float w) {
    if (!(w > 0.0f)) return;
    for (int i = 0; i < 4; ++i)
      if (weights[i] > 0.0f && joints[static_cast<std::size_t>(i)] == joint) { weights[i] += w; return; }
    for (int i = 0; i < 4; ++i)
      if (!(weights[i] > 0.0f)) {
        joints[static_cast<std::size_t>(i)] = static_cast<std::uint16_t>(joint);
        weights[i] = w;
        return;
      }
  }
  void normalise() {
    const float sum = weights.x + weights.y + weights.z + weights.w;
    if (sum > 0.0f) weights /= sum;
  }
};

struct MeshData {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;
  std::vector<Influences> influences;
  std::vector<std::uint32_t> indices;

  std::uint32_t add(const glm::vec3& p, const Influences& in) {
    positions.push_back(p);
    influences.push_back(in);
    return static_cast<std::uint32_t>(positions.size() - 1);
  }
  void tri(std::uint32_t a, std::uint32_t b, std::uint32_t c) { indices.insert(indices.end(), {a, b, c}); }
};

float smoothstep01(float t) {
  t = t < 0.0f ? 0.0f : (t > 1.0f ? 1.0f : t);
  return t * t * (3.0f - 2.0f * t);
}

// Closes a sequence of rings (kRingSegments vertices each) into a tube and the two poles into
// fans; `ringStarts` run from the base pole to the tip pole.
void stitchTube(MeshData& m, std::uint32_t basePole, const std::vector<std::uint32_t>& ringStarts,
                std::uint32_t tipPole) {
  // A ring's vertex i sits at angle θ_i = 2πi/n about the chain: c + cosθ·X + sinθ·Y with X, Y
  // of a frame whose +Z points back toward the base (OpenXR bone frames), so θ runs
  // counter-clockwise seen from the base. Faces wind counter-clockwise seen from outside;
  // main checks every part's signed volume.
  const auto n = static_cast<std::uint32_t>(kRingSegments);
  for (std::uint32_t i = 0; i < n; ++i) m.tri(basePole, ringStarts.front() + i, ringStarts.front() + (i + 1) % n);
  for (std::size_t r = 0; r + 1 < ringStarts.size(); ++r) {
    const std::uint32_t a = ringStarts[r], b = ringStarts[r + 1];
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::uint32_t i1 = (i + 1) % n;
      m.tri(a + i, b + i1, a + i1);
      m.tri(a + i, b + i, b + i1);
    }
  }
  for (std::uint32_t i = 0; i < n; ++i) m.tri(tipPole, ringStarts.back() + (i + 1) % n, ringStarts.back() + i);
}

// One finger: a tube along chain joints c[0..m] (c[m] the tip), starting `startFraction` of the way
// along the first bone.
void addFinger(MeshData& mesh, const HandPose& rest, Finger finger, float startFraction) {
  const auto c = fingerJoints(finger);
  const int m = static_cast<int>(c.size()) - 1;
  std::vector<glm::vec3> P(c.size());
  std::vector<float> radius(c.size()), S(c.size(), 0.0f), L(static_cast<std::size_t>(m));
  for (std::size_t k = 0; k < c.size(); ++k) {
    P[k] = rest.joints[c[k]].pose.position;
    radius[k] = rest.joints[c[k]].radius;
  }
  // A finger's metacarpal lies inside the palm: give the tube there the proximal joint's girth.
  if (finger != Finger::Thumb) radius[0] = radius[1] * 1.1f;
  for (int k = 0; k < m; ++k) {
    L[static_cast<std::size_t>(k)] = glm::length(P[static_cast<std::size_t>(k) + 1] - P[static_cast<std::size_t>(k)]);
    S[static_cast<std::size_t>(k) + 1] = S[static_cast<std::size_t>(k)] + L[static_cast<std::size_t>(k)];
  }
  const glm::quat frame = rest.joints[c[0]].pose.orientation;  // the rest chain is straight
  const glm::vec3 X = frame * glm::vec3(1, 0, 0), Y = frame * glm::vec3(0, 1, 0), F = frame * glm::vec3(0, 0, -1);
  const float widen = 1.12f, flatten = 0.9f;  // elliptical cross-section

  auto centreAt = [&](float s) { return P[0] + F * s; };
  auto radiusAt = [&](float s) {
    for (int k = 0; k < m; ++k)
      if (s <= S[static_cast<std::size_t>(k) + 1] || k == m - 1) {
        const float t = L[static_cast<std::size_t>(k)] > 0.0f ? (s - S[static_cast<std::size_t>(k)]) / L[static_cast<std::size_t>(k)] : 0.0f;
        const float u = t < 0.0f ? 0.0f : (t > 1.0f ? 1.0f : t);
        return radius[static_cast<std::size_t>(k)] + (radius[static_cast<std::size_t>(k) + 1] - radius[static_cast<std::size_t>(k)]) * u;
      }
    return radius.back();
  };
  auto weightsAt = [&](float s) {
    Influences in;
    int b = 0;
    for (int k = 0; k < m; ++k)
      if (s >= S[static_cast<std::size_t>(k)]) b = k;
    const int before = b == 0 ? index(HandJoint::Wrist) : c[static_cast<std::size_t>(b) - 1];
    const float Lprev = b == 0 ? L[0] : L[static_cast<std::size_t>(b) - 1];
    const float hb = 0.3f * std::min(Lprev, L[static_cast<std::size_t>(b)]);
    const float hTip = 0.4f * L[static_cast<std::size_t>(m) - 1];
    if (s - S[static_cast<std::size_t>(b)] < hb) {
      const float a = 0.5f + 0.5f * smoothstep01((s - S[static_cast<std::size_t>(b)]) / hb);
      in.add(c[static_cast<std::size_t>(b)], a);
      in.add(before, 1.0f - a);
    } else if (b + 1 < m && S[static_cast<std::size_t>(b) + 1] - s < 0.3f * std::min(L[static_cast<std::size_t>(b)], L[static_cast<std::size_t>(b) + 1])) {
      const float h = 0.3f * std::min(L[static_cast<std::size_t>(b)], L[static_cast<std::size_t>(b) + 1]);
      const float a = 0.5f + 0.5f * smoothstep01((S[static_cast<std::size_t>(b) + 1] - s) / h);
      in.add(c[static_cast<std::size_t>(b)], a);
      in.add(c[static_cast<std::size_t>(b) + 1], 1.0f - a);
    } else if (b == m - 1 && s > S[static_cast<std::size_t>(m)] - hTip) {
      const float a = smoothstep01((s - (S[static_cast<std::size_t>(m)] - hTip)) / hTip);
      in.add(c[static_cast<std::size_t>(m)], a);
      in.add(c[static_cast<std::size_t>(b)], 1.0f - a);
    } else {
      in.add(c[static_cast<std::size_t>(b)], 1.0f);
    }
    in.normalise();
    return in;
  };
  auto ring = [&](float s, float r) {
    const glm::vec3 centre = centreAt(s);
    const Influences in = weightsAt(s);
    std::uint32_t first = 0;
    for (int i = 0; i < kRingSegments; ++i) {
      const float th = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(kRingSegments);
      const std::uint32_t v = mesh.add(centre + X * (r * widen * std::cos(th)) + Y * (r * flatten * std::sin(th)), in);
      if (i == 0) first = v;
    }
    return first;
  };

  const float s0 = startFraction * L[0];
  const float r0 = radiusAt(s0);
  const float rTip = radius.back();
  const float sEnd = S[static_cast<std::size_t>(m)] - rTip;  // the cap's centre; its pole is the tip
  std::vector<std::uint32_t> rings;
  const std::uint32_t basePole = mesh.add(centreAt(s0 - r0), weightsAt(s0 - r0));
  for (int i = 1; i <= kCapRings; ++i) {  // base cap, from the pole toward the tube
    const float phi = 0.5f * kPi * static_cast<float>(i) / static_cast<float>(kCapRings);
    rings.push_back(ring(s0 - r0 * std::cos(phi), r0 * std::sin(phi)));
  }
  const int spans = std::max(3, static_cast<int>(std::ceil((sEnd - s0) / kRingSpacing)));
  for (int i = 1; i < spans; ++i) {
    const float s = s0 + (sEnd - s0) * static_cast<float>(i) / static_cast<float>(spans);
    rings.push_back(ring(s, radiusAt(s)));
  }
  for (int i = 0; i < kCapRings; ++i) {  // tip cap, from the tube toward the pole
    const float phi = 0.5f * kPi * static_cast<float>(i) / static_cast<float>(kCapRings);
    rings.push_back(ring(sEnd + rTip * std::sin(phi), rTip * std::cos(phi)));
  }
  const std::uint32_t tipPole = mesh.add(centreAt(S[static_cast<std::size_t>(m)]), weightsAt(S[static_cast<std::size_t>(m)]));
  stitchTube(mesh, basePole, rings, tipPole);
}

float signedPower(float v, float e) { return std::copysign(std::pow(std::abs(v), e), v); }

// The palm: a boxy superellipsoid from the wrist to the knuckles, narrower at the wrist, its
// knuckle edge slanted like the knuckle line (the little finger's sits further back).
void addPalm(MeshData& mesh, const HandPose& rest) {
  auto p = [&](HandJoint j) { return rest[j].pose.position; };
  const glm::vec3 indexK = p(HandJoint::IndexProximal), littleK = p(HandJoint::LittleProximal);
  const float xMin = indexK.x - 0.012f, xMax = littleK.x + 0.010f;
  const float zWrist = 0.012f;
  const float yBottom = -0.019f, yTop = 0.011f;
  const float cx = 0.5f * (xMin + xMax), ax = 0.5f * (xMax - xMin);
  const float cy = 0.5f * (yBottom + yTop), ay = 0.5f * (yTop - yBottom);
  // Knuckle line z(x): through the index and little knuckles.
  auto zKnuckle = [&](float x) {
    const float t = (x - indexK.x) / (littleK.x - indexK.x);
    return indexK.z + (littleK.z - indexK.z) * t;
  };
  const std::array<HandJoint, 4> metacarpals = {HandJoint::IndexMetacarpal, HandJoint::MiddleMetacarpal,
                                                HandJoint::RingMetacarpal, HandJoint::LittleMetacarpal};
  const std::array<HandJoint, 4> knuckles = {HandJoint::IndexProximal, HandJoint::MiddleProximal,
                                             HandJoint::RingProximal, HandJoint::LittleProximal};
  auto weightsAt = [&](const glm::vec3& v) {
    Influences in;
    // Between the two metacarpals whose knuckles bracket x.
    float wm[4] = {0, 0, 0, 0};
    const float x0 = p(knuckles[0]).x, x3 = p(knuckles[3]).x;
    if (v.x <= x0) wm[0] = 1.0f;
    else if (v.x >= x3) wm[3] = 1.0f;
    else
      for (int k = 0; k < 3; ++k) {
        const float a = p(knuckles[static_cast<std::size_t>(k)]).x, b = p(knuckles[static_cast<std::size_t>(k) + 1]).x;
        if (v.x >= a && v.x <= b) {
          const float t = (v.x - a) / (b - a);
          wm[k] = 1.0f - t;
          wm[k + 1] = t;
          break;
        }
      }
    const float wWrist = 1.0f - smoothstep01((zWrist - v.z) / 0.035f);  // 1 at the wrist end
    in.add(index(HandJoint::Wrist), wWrist);
    for (int k = 0; k < 4; ++k) in.add(index(metacarpals[static_cast<std::size_t>(k)]), (1.0f - wWrist) * wm[k]);
    in.normalise();
    return in;
  };
  auto point = [&](float eta, float omega) {
    const float e1 = 0.45f, e2 = 0.35f;  // < 1: boxy; smaller is boxier
    const float u = signedPower(std::cos(eta), e1) * signedPower(std::cos(omega), e2);
    const float v = signedPower(std::sin(eta), e1);
    const float w = signedPower(std::cos(eta), e1) * signedPower(std::sin(omega), e2);  // -1 knuckles, +1 wrist
    const float x = cx + ax * u * (0.88f + 0.12f * (-w));  // narrower toward the wrist
    const float zk = zKnuckle(x);
    const float z = 0.5f * (zk + zWrist) + 0.5f * (zWrist - zk) * w;
    const float y = cy + ay * v;
    return glm::vec3(x, y, z);
  };
  constexpr int kLat = 10, kLon = 36;
  const std::uint32_t bottom = mesh.add(point(-0.5f * kPi, 0.0f), Influences{});
  mesh.influences.back() = weightsAt(mesh.positions.back());
  std::vector<std::uint32_t> rings;
  for (int i = 1; i < kLat; ++i) {
    const float eta = -0.5f * kPi + kPi * static_cast<float>(i) / static_cast<float>(kLat);
    std::uint32_t first = 0;
    for (int k = 0; k < kLon; ++k) {
      const float omega = 2.0f * kPi * static_cast<float>(k) / static_cast<float>(kLon);
      const glm::vec3 v = point(eta, omega);
      const std::uint32_t id = mesh.add(v, weightsAt(v));
      if (k == 0) first = id;
    }
    rings.push_back(first);
  }
  const std::uint32_t top = mesh.add(point(0.5f * kPi, 0.0f), Influences{});
  mesh.influences.back() = weightsAt(mesh.positions.back());
  // Longitude ω runs from +X toward +Z (the wrist): counter-clockwise seen from -Y, so faces
  // wind as the tube's do with -Y as the base pole.
  const auto n = static_cast<std::uint32_t>(kLon);
  for (std::uint32_t k = 0; k < n; ++k) mesh.tri(bottom, rings.front() + k, rings.front() + (k + 1) % n);
  for (std::size_t r = 0; r + 1 < rings.size(); ++r)
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t a = rings[r], b = rings[r + 1], k1 = (k + 1) % n;
      mesh.tri(a + k, b + k1, a + k1);
      mesh.tri(a + k, b + k, b + k1);
    }
  for (std::uint32_t k = 0; k < n; ++k) mesh.tri(top, rings.back() + (k + 1) % n, rings.back() + k);
}

// Signed volume of the triangles [first, last) (index positions): positive when they wind
// counter-clockwise seen from outside.
double signedVolume(const MeshData& m, std::size_t first, std::size_t last) {
  double v = 0.0;
  for (std::size_t i = first; i < last; i += 3) {
    const glm::dvec3 a(m.positions[m.indices[i]]), b(m.positions[m.indices[i + 1]]), c(m.positions[m.indices[i + 2]]);
    v += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return v;
}

void computeNormals(MeshData& m) {
  std::vector<glm::dvec3> acc(m.positions.size(), glm::dvec3(0.0));
  for (std::size_t i = 0; i < m.indices.size(); i += 3) {
    const glm::dvec3 a(m.positions[m.indices[i]]), b(m.positions[m.indices[i + 1]]), c(m.positions[m.indices[i + 2]]);
    const glm::dvec3 n = glm::cross(b - a, c - a);  // area-weighted
    for (int k = 0; k < 3; ++k) acc[m.indices[i + static_cast<std::size_t>(k)]] += n;
  }
  m.normals.resize(m.positions.size());
  for (std::size_t v = 0; v < acc.size(); ++v) {
    const double len = glm::length(acc[v]);
    m.normals[v] = len > 0.0 ? glm::vec3(acc[v] / len) : glm::vec3(0.0f, 1.0f, 0.0f);
  }
}

struct HandAsset {
  MeshData mesh;
  std::array<Pose, kHandJointCount> T_mesh_joint;  // bind pose
};

HandAsset buildRight() {
  HandAsset out;
  HandPose rest;
  poseHand(HandShape{}, Pose::identity(), Hand::Right, rest);
  for (int j = 0; j < kHandJointCount; ++j) out.T_mesh_joint[static_cast<std::size_t>(j)] = rest.joints[static_cast<std::size_t>(j)].pose;
  std::size_t first = 0;
  auto checkPart = [&](const char* what) {
    if (!(signedVolume(out.mesh, first, out.mesh.indices.size()) > 0.0)) {
      std::fprintf(stderr, "internal error: %s winds inside out\n", what);
      std::exit(3);
    }
    first = out.mesh.indices.size();
  };
  addPalm(out.mesh, rest);
  checkPart("palm");
  for (int f = 0; f < kFingerCount; ++f) {
    addFinger(out.mesh, rest, static_cast<Finger>(f), f == 0 ? 0.0f : 0.45f);
    checkPart(std::string(fingerName(static_cast<Finger>(f))).c_str());
  }
  computeNormals(out.mesh);
  return out;
}

HandAsset reflectToLeft(const HandAsset& right) {
  HandAsset out = right;
  for (auto& p : out.mesh.positions) p.x = -p.x;
  for (auto& n : out.mesh.normals) n.x = -n.x;
  for (std::size_t i = 0; i < out.mesh.indices.size(); i += 3) std::swap(out.mesh.indices[i + 1], out.mesh.indices[i + 2]);
  for (auto& T : out.T_mesh_joint) T = reflectX(T);
  return out;
}

std::string base64(const std::vector<std::uint8_t>& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string s;
  s.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t b0 = bytes[i];
    const std::uint32_t b1 = i + 1 < bytes.size() ? bytes[i + 1] : 0u;
    const std::uint32_t b2 = i + 2 < bytes.size() ? bytes[i + 2] : 0u;
    const std::uint32_t triple = (b0 << 16) | (b1 << 8) | b2;
    s += kAlphabet[(triple >> 18) & 63u];
    s += kAlphabet[(triple >> 12) & 63u];
    s += i + 1 < bytes.size() ? kAlphabet[(triple >> 6) & 63u] : '=';
    s += i + 2 < bytes.size() ? kAlphabet[triple & 63u] : '=';
  }
  return s;
}

// Appends raw little-endian bytes (the build machines are little-endian x86-64/ARM64, as glTF).
template <typename T>
void appendBytes(std::vector<std::uint8_t>& buf, const T& value) {
  std::uint8_t raw[sizeof(T)];
  std::memcpy(raw, &value, sizeof(T));
  buf.insert(buf.end(), raw, raw + sizeof(T));
}

std::string openXrJointName(int j) {
  std::string s = "XR_HAND_JOINT_";
  for (char ch : handJointName(j)) s += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  return s + "_EXT";
}

nlohmann::json toGltf(const HandAsset& hand, const std::string& name) {
  using nlohmann::json;
  const MeshData& m = hand.mesh;
  std::vector<std::uint8_t> buf;
  json views = json::array(), accessors = json::array();
  auto addView = [&](std::size_t offset, int target) {
    json v = {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", buf.size() - offset}};
    if (target != 0) v["target"] = target;
    views.push_back(v);
    return static_cast<int>(views.size()) - 1;
  };
  auto align4 = [&] { while (buf.size() % 4 != 0) buf.push_back(0); };

  glm::vec3 lo(1e30f), hi(-1e30f);
  std::size_t off = buf.size();
  for (const auto& p : m.positions) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
    appendBytes(buf, p.x); appendBytes(buf, p.y); appendBytes(buf, p.z);
  }
  const std::size_t nv = m.positions.size();
  accessors.push_back({{"bufferView", addView(off, 34962)}, {"componentType", 5126}, {"count", nv}, {"type", "VEC3"},
                       {"min", {lo.x, lo.y, lo.z}}, {"max", {hi.x, hi.y, hi.z}}});
  off = buf.size();
  for (const auto& n : m.normals) { appendBytes(buf, n.x); appendBytes(buf, n.y); appendBytes(buf, n.z); }
  accessors.push_back({{"bufferView", addView(off, 34962)}, {"componentType", 5126}, {"count", nv}, {"type", "VEC3"}});
  off = buf.size();
  for (const auto& in : m.influences)
    for (int i = 0; i < 4; ++i) appendBytes(buf, in.joints[static_cast<std::size_t>(i)]);
  accessors.push_back({{"bufferView", addView(off, 34962)}, {"componentType", 5123}, {"count", nv}, {"type", "VEC4"}});
  off = buf.size();
  for (const auto& in : m.influences)
    for (int i = 0; i < 4; ++i) appendBytes(buf, in.weights[i]);
  accessors.push_back({{"bufferView", addView(off, 34962)}, {"componentType", 5126}, {"count", nv}, {"type", "VEC4"}});
  off = buf.size();
  const bool shortIndices = nv <= 65535;
  for (auto i : m.indices) {
    if (shortIndices) appendBytes(buf, static_cast<std::uint16_t>(i));
    else appendBytes(buf, i);
  }
  accessors.push_back({{"bufferView", addView(off, 34963)}, {"componentType", shortIndices ? 5123 : 5125},
                       {"count", m.indices.size()}, {"type", "SCALAR"}});
  align4();
  off = buf.size();
  for (int j = 0; j < kHandJointCount; ++j) {
    const glm::mat4 T = glm::mat4_cast(hand.T_mesh_joint[static_cast<std::size_t>(j)].orientation);
    glm::mat4 M = T;
    M[3] = glm::vec4(hand.T_mesh_joint[static_cast<std::size_t>(j)].position, 1.0f);
    const glm::mat4 inv = glm::inverse(M);
    for (int col = 0; col < 4; ++col)
      for (int row = 0; row < 4; ++row) appendBytes(buf, inv[col][row]);
  }
  accessors.push_back({{"bufferView", addView(off, 0)}, {"componentType", 5126}, {"count", kHandJointCount}, {"type", "MAT4"}});

  // Nodes: 0 = the mesh; 1 + j = joint j (OpenXR order), local transforms relative to the parent.
  json nodes = json::array();
  nodes.push_back({{"name", name}, {"mesh", 0}, {"skin", 0}});
  json joints = json::array();
  for (int j = 0; j < kHandJointCount; ++j) {
    const int parent = handJointParent(j);
    const Pose& T = hand.T_mesh_joint[static_cast<std::size_t>(j)];
    const Pose local = parent < 0 ? T : hand.T_mesh_joint[static_cast<std::size_t>(parent)].inverse() * T;
    json node = {{"name", openXrJointName(j)},
                 {"translation", {local.position.x, local.position.y, local.position.z}},
                 {"rotation", {local.orientation.x, local.orientation.y, local.orientation.z, local.orientation.w}}};
    json children = json::array();
    for (int k = 0; k < kHandJointCount; ++k)
      if (handJointParent(k) == j) children.push_back(1 + k);
    if (!children.empty()) node["children"] = children;
    nodes.push_back(node);
    joints.push_back(1 + j);
  }
  const int wristNode = 1 + index(HandJoint::Wrist);
  json doc;
  doc["asset"] = {{"version", "2.0"}, {"generator", "mimesis_make_hand_mesh"},
                  {"copyright", "Mimesis project; generated, see assets/meshes/README.md"}};
  doc["scene"] = 0;
  doc["scenes"] = json::array({{{"name", name}, {"nodes", {0, wristNode}}}});
  doc["nodes"] = nodes;
  doc["meshes"] = json::array({{{"name", name},
                                {"primitives", json::array({{{"attributes", {{"POSITION", 0}, {"NORMAL", 1}, {"JOINTS_0", 2}, {"WEIGHTS_0", 3}}},
                                                             {"indices", 4}, {"mode", 4}}})}}});
  doc["skins"] = json::array({{{"name", name}, {"inverseBindMatrices", 5}, {"joints", joints}, {"skeleton", wristNode}}});
  doc["accessors"] = accessors;
  doc["bufferViews"] = views;
  doc["buffers"] = json::array({{{"byteLength", buf.size()}, {"uri", "data:application/octet-stream;base64," + base64(buf)}}});
  return doc;
}

bool writeFile(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  return static_cast<bool>(f);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: mimesis_make_hand_mesh <output folder>\n");
    return 2;
  }
  const std::string dir = argv[1];
  const HandAsset right = buildRight();
  const HandAsset left = reflectToLeft(right);
  for (const auto& [asset, name] : {std::pair<const HandAsset*, const char*>{&right, "hand-right"}, {&left, "hand-left"}}) {
    const std::string path = dir + "/" + name + ".gltf";
    if (!writeFile(path, toGltf(*asset, name).dump(1) + "\n")) {
      std::fprintf(stderr, "%s: cannot write\n", path.c_str());
      return 1;
    }
    std::printf("%s: %zu vertices, %zu triangles\n", path.c_str(), asset->mesh.positions.size(),
                asset->mesh.indices.size() / 3);
  }
  return 0;
}
