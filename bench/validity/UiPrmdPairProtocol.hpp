// The UI-PRMD pair protocol (issue 17): does a score separate correct from incorrect
// repetitions better than textbook DTW? Header-only so the validity benchmark (tools/bench) and
// the floor test (tests/scoring/UiPrmdValidityTest.cpp) run exactly the same protocol.
//
// Protocol: for every movement and subject, each correct episode in turn is the reference
// ("expert"); it is scored against the subject's other correct episodes (positives) and the
// subject's incorrect episodes of the same movement (negatives). AUROC per movement =
// P(score(positive) > score(negative)) over all positive x negative pairs of that movement,
// pooled over subjects, ties counting half.
//
// The baseline is plain DTW, written here and not in the product: per frame the 22 forward-
// kinematics joint positions as loaded (camera space, metres), Euclidean frame cost, full
// unconstrained DTW, accumulated cost divided by the warp path length; similarity = -distance.
// "DTW@start" is the same with the other take moved so that its first root position is the
// reference's: it shows how much of plain DTW's figure comes from where the subject stood in
// the camera's view (the incorrect takes were recorded in separate sessions).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion_import/UiPrmd.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis::validity {

struct Take {
  int movement = 0, subject = 0, episode = 0;
  bool correct = true;
  Clip clip;
};

// Every Kinect positions take listed in `root`/labels.csv (episodes with index % stride == 0
// when subsampling; stride 1 keeps all). Returns the first load error's text in `error`.
inline std::vector<Take> loadTakes(const std::string& root, int stride, std::string& error) {
  std::vector<Take> takes;
  std::ifstream in(root + "/labels.csv");
  if (!in) { error = "cannot read " + root + "/labels.csv"; return takes; }
  std::string line;
  std::getline(in, line);  // header: path,label,sensor,kind,movement,subject,episode,frames
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    if (f.size() < 7 || f[2] != "Kinect" || f[3] != "positions") continue;
    Take t;
    t.correct = f[1] == "correct";
    t.movement = std::atoi(f[4].c_str() + 1);
    t.subject = std::atoi(f[5].c_str() + 1);
    t.episode = std::atoi(f[6].c_str() + 1);
    if (stride > 1 && (t.episode - 1) % stride != 0) continue;
    auto clip = loadUiPrmd(root + "/" + f[0]);
    if (!clip.ok()) { error = clip.error().describe(); return {}; }
    t.clip = std::move(clip.value());
    takes.push_back(std::move(t));
  }
  return takes;
}

// Plain DTW distance of two takes: cost / path length (see the file comment).
inline double plainDtwDistance(const Clip& a, const Clip& b, bool fromStart = false) {
  const std::size_t n = a.frames.size(), m = b.frames.size();
  if (n == 0 || m == 0) return std::numeric_limits<double>::infinity();
  glm::vec3 offset(0.0f);  // fromStart: b moved so that its first root position is a's
  if (fromStart && !a.frames[0].body.empty() && !b.frames[0].body.empty())
    offset = a.frames[0].body[0].pose.position - b.frames[0].body[0].pose.position;
  auto cost = [&](std::size_t i, std::size_t j) {
    const auto& x = a.frames[i].body;
    const auto& y = b.frames[j].body;
    double s = 0.0;
    for (std::size_t k = 0; k < std::min(x.size(), y.size()); ++k) {
      const glm::vec3 d = x[k].pose.position - (y[k].pose.position + offset);
      s += static_cast<double>(d.x) * d.x + static_cast<double>(d.y) * d.y + static_cast<double>(d.z) * d.z;
    }
    return std::sqrt(s);
  };
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> D((n + 1) * (m + 1), kInf);
  std::vector<int> len((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
  D[0] = 0.0;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t from = at(i - 1, j - 1);
      if (D[at(i - 1, j)] < D[from]) from = at(i - 1, j);
      if (D[at(i, j - 1)] < D[from]) from = at(i, j - 1);
      D[at(i, j)] = D[from] + cost(i - 1, j - 1);
      len[at(i, j)] = len[from] + 1;
    }
  return D[at(n, m)] / len[at(n, m)];
}

// AUROC: P(positive > negative), ties half. 0.5 when either side is empty.
inline double auroc(std::vector<double> pos, std::vector<double> neg) {
  if (pos.empty() || neg.empty()) return 0.5;
  std::sort(neg.begin(), neg.end());
  double wins = 0.0;
  for (double p : pos) {
    const auto lo = std::lower_bound(neg.begin(), neg.end(), p);
    const auto hi = std::upper_bound(neg.begin(), neg.end(), p);
    wins += static_cast<double>(lo - neg.begin()) + 0.5 * static_cast<double>(hi - lo);
  }
  return wins / (static_cast<double>(pos.size()) * static_cast<double>(neg.size()));
}

// Similarities of one (reference, other) pair, higher = more alike: the scorer's overall
// score and its components, and the plain-DTW baseline (-distance).
enum Measure { kMimesis, kShape, kPosture, kPlacement, kTiming, kRhythm, kSmoothness, kCoverage, kMatch, kPlainDtw, kDtwFromStart, kMeasureCount };
inline const char* measureName(int k) {
  static const char* names[] = {"Mimesis", "shape", "posture", "placement", "timing", "rhythm", "smoothness", "coverage", "match", "plain DTW", "DTW@start"};
  return names[k];
}

struct MovementResult {
  int movement = 0;
  std::size_t positives = 0, negatives = 0;
  double auroc[kMeasureCount] = {};
};

struct ProtocolResult {
  std::vector<MovementResult> movements;
  double mean[kMeasureCount] = {};
  std::string error;  // first scoring error, if any
};

// Called once per scored pair (for analysis dumps): reference, other, report, plain-DTW distance.
using PairObserver = std::function<void(const Take&, const Take&, const ScoreReport&, double)>;

// Runs the protocol over `takes` with `config`.
inline ProtocolResult runProtocol(const std::vector<Take>& takes, const ScoringConfig& config,
                                  const PairObserver& observe = {}) {
  ProtocolResult out;
  std::map<int, std::vector<const Take*>> byMovement;
  for (const Take& t : takes) byMovement[t.movement].push_back(&t);
  for (const auto& [movement, list] : byMovement) {
    std::vector<double> pos[kMeasureCount], neg[kMeasureCount];
    for (const Take* ref : list) {
      if (!ref->correct) continue;
      for (const Take* other : list) {
        if (other == ref || other->subject != ref->subject) continue;
        auto r = scorePerformance(ref->clip, other->clip, config);
        if (!r.ok()) { if (out.error.empty()) out.error = r.error().describe(); continue; }
        const double dtw = plainDtwDistance(ref->clip, other->clip);
        const double dtwStart = plainDtwDistance(ref->clip, other->clip, true);
        if (observe) observe(*ref, *other, *r, dtw);
        const double v[kMeasureCount] = {r->score, r->scores.shape, r->scores.posture, r->scores.placement,
                                         r->scores.timing, r->scores.rhythm, r->scores.smoothness,
                                         r->scores.coverage, r->scores.match, -dtw, -dtwStart};
        for (int k = 0; k < kMeasureCount; ++k) (other->correct ? pos : neg)[k].push_back(v[k]);
      }
    }
    MovementResult mr;
    mr.movement = movement;
    mr.positives = pos[0].size();
    mr.negatives = neg[0].size();
    for (int k = 0; k < kMeasureCount; ++k) mr.auroc[k] = auroc(pos[k], neg[k]);
    out.movements.push_back(mr);
  }
  for (const MovementResult& mr : out.movements)
    for (int k = 0; k < kMeasureCount; ++k) out.mean[k] += mr.auroc[k] / static_cast<double>(out.movements.size());
  return out;
}

// The table: movement x {Mimesis, plain DTW} plus, when asked, the components' AUROCs.
inline std::string formatTable(const ProtocolResult& r, bool components) {
  std::string s;
  char buf[256];
  s += "movement  pairs(+/-)   Mimesis  plain DTW  Mimesis-DTW";
  if (components) {
    for (int k = 1; k < kPlainDtw; ++k) { std::snprintf(buf, sizeof buf, " %10s", measureName(k)); s += buf; }
    std::snprintf(buf, sizeof buf, " %10s", measureName(kDtwFromStart));
    s += buf;
  }
  s += "\n";
  // Four decimals for the two overall columns and five for their difference: the gaps between
  // them are a few ten-thousandths on the movements both separate almost perfectly.
  auto row = [&](const char* name, const double* a, std::size_t p, std::size_t n) {
    std::snprintf(buf, sizeof buf, "%-8s  %4zu/%-4zu   %.4f   %.4f   %+.5f    ", name, p, n, a[kMimesis], a[kPlainDtw],
                  a[kMimesis] - a[kPlainDtw]);
    s += buf;
    if (components)
      for (int k = 1; k < kMeasureCount; ++k) {
        if (k == kPlainDtw) continue;
        std::snprintf(buf, sizeof buf, " %10.3f", a[k]);
        s += buf;
      }
    s += "\n";
  };
  std::size_t P = 0, N = 0;
  for (const MovementResult& m : r.movements) {
    char name[16];
    std::snprintf(name, sizeof name, "m%02d", m.movement);
    row(name, m.auroc, m.positives, m.negatives);
    P += m.positives;
    N += m.negatives;
  }
  row("mean", r.mean, P, N);
  return s;
}

}  // namespace mimesis::validity
