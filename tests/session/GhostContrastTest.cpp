// Ghost and learner colours are distinguishable (issue 16, item 8): the CIEDE2000 colour
// difference between ghostColour() and every colour a learner hand can take (the error scale,
// sampled at e = 0, 0.02, ..., 2, and the neutral hand), for normal vision and under simulated
// deuteranopia and protanopia (Machado, Oliveira & Fernandes 2009, severity 1, on linear RGB),
// and between the ghost and the background. Colours are compared opaque (the ghost's own
// colour, before its opacity blends it with what lies behind).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/vec3.hpp>

#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/session/ErrorColours.hpp"

namespace mimesis {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Lab { double L, a, b; };

// Linear sRGB (D65) to CIELAB.
Lab toLab(const glm::dvec3& c) {
  const double x = 0.4124564 * c.x + 0.3575761 * c.y + 0.1804375 * c.z;
  const double y = 0.2126729 * c.x + 0.7151522 * c.y + 0.0721750 * c.z;
  const double z = 0.0193339 * c.x + 0.1191920 * c.y + 0.9503041 * c.z;
  auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
  const double fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883);
  return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

double deg(double r) { return r * 180.0 / kPi; }
double rad(double d) { return d * kPi / 180.0; }

// CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1.
double deltaE2000(const Lab& p, const Lab& q) {
  const double C1 = std::hypot(p.a, p.b), C2 = std::hypot(q.a, q.b), Cb = 0.5 * (C1 + C2);
  const double G = 0.5 * (1.0 - std::sqrt(std::pow(Cb, 7) / (std::pow(Cb, 7) + std::pow(25.0, 7))));
  const double a1 = (1 + G) * p.a, a2 = (1 + G) * q.a;
  const double C1p = std::hypot(a1, p.b), C2p = std::hypot(a2, q.b);
  auto hue = [](double b, double a) { double h = deg(std::atan2(b, a)); return h < 0 ? h + 360.0 : h; };
  const double h1 = C1p == 0 ? 0 : hue(p.b, a1), h2 = C2p == 0 ? 0 : hue(q.b, a2);
  const double dL = q.L - p.L, dC = C2p - C1p;
  double dh = 0;
  if (C1p * C2p != 0) { dh = h2 - h1; if (dh > 180) dh -= 360; else if (dh < -180) dh += 360; }
  const double dH = 2 * std::sqrt(C1p * C2p) * std::sin(rad(dh / 2));
  const double Lb = 0.5 * (p.L + q.L), Cbp = 0.5 * (C1p + C2p);
  double hb = h1 + h2;
  if (C1p * C2p != 0) {
    if (std::fabs(h1 - h2) <= 180) hb = 0.5 * (h1 + h2);
    else hb = h1 + h2 < 360 ? 0.5 * (h1 + h2 + 360) : 0.5 * (h1 + h2 - 360);
  }
  const double T = 1 - 0.17 * std::cos(rad(hb - 30)) + 0.24 * std::cos(rad(2 * hb)) + 0.32 * std::cos(rad(3 * hb + 6)) -
                   0.20 * std::cos(rad(4 * hb - 63));
  const double dth = 30 * std::exp(-std::pow((hb - 275) / 25, 2));
  const double Rc = 2 * std::sqrt(std::pow(Cbp, 7) / (std::pow(Cbp, 7) + std::pow(25.0, 7)));
  const double Sl = 1 + 0.015 * (Lb - 50) * (Lb - 50) / std::sqrt(20 + (Lb - 50) * (Lb - 50));
  const double Sc = 1 + 0.045 * Cbp, Sh = 1 + 0.015 * Cbp * T, Rt = -std::sin(rad(2 * dth)) * Rc;
  return std::sqrt(std::pow(dL / Sl, 2) + std::pow(dC / Sc, 2) + std::pow(dH / Sh, 2) + Rt * (dC / Sc) * (dH / Sh));
}

enum class Vision { Normal, Deuteranopia, Protanopia };

glm::dvec3 seenBy(Vision v, const glm::vec4& c) {
  static const double kDeutan[3][3] = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}};
  static const double kProtan[3][3] = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}};
  const glm::dvec3 x(c.x, c.y, c.z);
  if (v == Vision::Normal) return x;
  const auto& M = v == Vision::Deuteranopia ? kDeutan : kProtan;
  glm::dvec3 out;
  for (int i = 0; i < 3; ++i) out[i] = std::clamp(M[i][0] * x.x + M[i][1] * x.y + M[i][2] * x.z, 0.0, 1.0);
  return out;
}

// The smallest difference between the ghost and any learner colour, seen with `v`.
double minGhostLearnerDeltaE(Vision v) {
  const Lab ghost = toLab(seenBy(v, ghostColour()));
  double worst = deltaE2000(ghost, toLab(seenBy(v, neutralHandColour())));
  for (int i = 0; i <= 100; ++i)
    worst = std::min(worst, deltaE2000(ghost, toLab(seenBy(v, errorColour(static_cast<float>(i) / 50.0f)))));
  return worst;
}

TEST(GhostContrast, Ciede2000ImplementationMatchesPublishedPairs) {
  // Sharma, Wu & Dalal (2005), table 1, pairs 1 and 17.
  EXPECT_NEAR(deltaE2000({50.0, 2.6772, -79.7751}, {50.0, 0.0, -82.7485}), 2.0425, 1e-4);
  EXPECT_NEAR(deltaE2000({50.0, 2.5, 0.0}, {73.0, 25.0, -18.0}), 27.1492, 1e-4);
}

TEST(GhostContrast, GhostStaysDistinctFromEveryLearnerColourAndTheBackground) {
  // The floor the chosen colours meet (ErrorColours.hpp states the measured figures).
  constexpr double kFloor = 9.0;
  const double normal = minGhostLearnerDeltaE(Vision::Normal);
  const double deutan = minGhostLearnerDeltaE(Vision::Deuteranopia);
  const double protan = minGhostLearnerDeltaE(Vision::Protanopia);
  const double background = deltaE2000(toLab(seenBy(Vision::Normal, ghostColour())),
                                        toLab(seenBy(Vision::Normal, FrameDescription{}.clearColour)));
  std::printf("min CIEDE2000 ghost vs learner: normal %.1f deuteranopia %.1f protanopia %.1f; ghost vs background %.1f\n",
              normal, deutan, protan, background);
  EXPECT_GE(normal, kFloor);
  EXPECT_GE(deutan, kFloor);
  EXPECT_GE(protan, kFloor);
  EXPECT_GE(background, 40.0);
}

}  // namespace
}  // namespace mimesis
