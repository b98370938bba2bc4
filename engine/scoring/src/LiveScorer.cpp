// Online alignment against the expert clip and per-frame group errors.
#include "mimesis/scoring/LiveScorer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>

#include "SqDist.hpp"

namespace mimesis {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

OnlineAligner::OnlineAligner(const FeatureMatrix* expert, int window)
    : expert_(expert), window_(std::max(1, window)) {
  prev_.assign(static_cast<std::size_t>(2 * window_ + 2), kInf);
  cur_.assign(prev_.size(), kInf);
}

void OnlineAligner::reset() {
  rows_ = 0;
  best_ = 0;
  lo_ = 0;
  hi_ = -1;
}

int OnlineAligner::push(const float* row) {
  const int M = expert_->frames;
  if (M <= 0) return 0;
  const int i = rows_;
  int lo, hi;
  if (i == 0) {
    lo = 0;
    hi = std::min(M - 1, window_);
  } else {
    lo = std::max(lo_, best_ - window_);
    hi = std::min(M - 1, best_ + window_);
    hi = std::max(hi, lo);
  }
  double left = kInf;
  for (int j = lo; j <= hi; ++j) {
    const double c = static_cast<double>(detail::sqDist(row, expert_->row(j), expert_->dim));
    double best = (i == 0 && j == 0) ? 0.0 : kInf;
    if (i > 0) {
      if (j - 1 >= lo_ && j - 1 <= hi_) best = std::min(best, prev_[static_cast<std::size_t>(j - 1 - lo_)]);
      if (j >= lo_ && j <= hi_) best = std::min(best, prev_[static_cast<std::size_t>(j - lo_)]);
    }
    best = std::min(best, left);
    const double v = best + c;
    cur_[static_cast<std::size_t>(j - lo)] = v;
    left = v;
  }
  // The match is monotone in expert time: the argmin is searched at or after the previous
  // match only (the accumulated costs below it still feed the recurrence). Without this a noisy
  // row could move the reported expert time, and everything judged from it, backwards.
  double bestScore = kInf;
  int bestJ = best_;
  const int from = i == 0 ? lo : std::max(lo, best_);
  for (int j = hi; j >= from; --j) {
    const double v = cur_[static_cast<std::size_t>(j - lo)];
    if (!(v < kInf)) continue;
    const double s = v / static_cast<double>(i + j + 2);
    if (s < bestScore) { bestScore = s; bestJ = j; }
  }
  std::swap(prev_, cur_);
  lo_ = lo;
  hi_ = hi;
  best_ = bestJ;
  ++rows_;
  return best_;
}

struct LiveScorer::State {
  Skeleton body;
  StreamLayout layout;
  MotionStream expert;
  UnitMask units{};
  FeatureMatrix features;
  OnlineAligner aligner{nullptr, 1};
  StreamOptions learnerOptions;
  MotionStream learner;  // one frame, rewritten per push
  StreamAnchorState anchor;
  FeatureHold hold;
  std::vector<float> row;
  Frame scratch;
  std::vector<std::vector<int>> groupAngles;
  bool started = false;
  double t0 = 0.0;
  double lagSmooth = 0.0;
  std::vector<double> lags;
  double shapeSum = 0.0;
  std::size_t shapeCount = 0;
  FrameScore out;
};

LiveScorer::LiveScorer(LiveScorer&&) noexcept = default;
LiveScorer& LiveScorer::operator=(LiveScorer&&) noexcept = default;
LiveScorer::~LiveScorer() = default;

Result<LiveScorer> LiveScorer::create(const Clip& expert, const ScoringConfig& cfg, const Options& opt) {
  if (auto st = checkClipForScoring(expert, "expert"); !st) return st.error();
  LiveScorer ls;
  ls.s_ = std::make_unique<State>();
  State& s = *ls.s_;
  s.body = expert.body;
  s.layout = makeStreamLayout(expert);
  StreamOptions eo;
  // The offline rule (Scorer.cpp): a tracked head pose, else a body skeleton's head joint.
  eo.anchor = opt.headAnchor ? Anchor::Head : (s.layout.bodyHead >= 0 ? Anchor::BodyHead : Anchor::FirstWrist);
  eo.mirror = cfg.mapping == Mapping::Mirror;
  eo.retargetLeft = opt.learnerLeft;
  eo.retargetRight = opt.learnerRight;
  s.expert = buildStream(expert, s.layout, eo);
  s.expert.layout = &s.layout;
  bool any = false;
  for (int u = 0; u < kUnitCount; ++u) {
    // Every unit the expert has (a short-circuited `any || (units[u] = ...)` once left the right
    // hand and the body unscored live whenever the left hand was present).
    s.units[static_cast<std::size_t>(u)] = s.expert.unitPresent[static_cast<std::size_t>(u)];
    any = any || s.units[static_cast<std::size_t>(u)];
  }
  if (!any) return makeError(ErrorCode::BadInput, "expert clip has no tracked hand or body", "expert clip");
  s.features = buildFeatures(s.expert, s.units);
  const int window = static_cast<int>(std::lround(std::clamp(cfg.liveWindowSeconds, 0.05, 30.0) * expert.rate));
  s.aligner = OnlineAligner(&s.features, window);
  s.learnerOptions.anchor = eo.anchor;
  s.learner.layout = &s.layout;
  s.row.assign(static_cast<std::size_t>(s.features.dim), 0.0f);
  for (std::size_t g = 0; g < s.layout.groups.size(); ++g) {
    if (!s.units[static_cast<std::size_t>(s.layout.groups[g].unit)]) continue;
    ls.groupNames_.push_back(s.layout.groups[g].name);
    std::vector<int> angles;
    for (std::size_t a = 0; a < s.layout.angles.size(); ++a)
      if (s.layout.angles[a].group == static_cast<int>(g)) angles.push_back(static_cast<int>(a));
    s.groupAngles.push_back(std::move(angles));
  }
  s.out.groups.resize(ls.groupNames_.size());
  return ls;
}

const FrameScore& LiveScorer::push(const Frame& frame) {
  State& s = *s_;
  MotionStream& L = s.learner;
  L.frameCount = 0;
  L.times.clear(); L.local.clear(); L.valid.clear(); L.placement.clear(); L.orientation.clear();
  L.unitValid.clear(); L.angles.clear(); L.angleValid.clear();
  appendStreamFrame(frame, s.body, s.learnerOptions, s.anchor, L, s.scratch);
  featureRow(L, 0, s.units, s.hold, s.row.data(), s.features.dim);
  const int j = s.aligner.push(s.row.data());
  const MotionStream& E = s.expert;

  FrameScore& o = s.out;
  if (!s.started && std::isfinite(frame.time)) { s.started = true; s.t0 = frame.time; }
  o.learnerTime = std::isfinite(frame.time) ? frame.time - s.t0 : o.learnerTime;
  o.expertFrame = j;
  o.expertTime = E.times[static_cast<std::size_t>(j)];
  const double dur = E.times.back();
  o.progress = dur > 0.0 ? std::clamp(o.expertTime / dur, 0.0, 1.0) : 1.0;
  const double rawLag = (o.learnerTime - o.expertTime) * 1000.0;
  s.lags.push_back(rawLag);
  const double alpha = std::min(1.0, 1.0 / std::max(1.0, 0.5 * E.rate));
  s.lagSmooth = s.aligner.learnerFrames() == 1 ? rawLag : s.lagSmooth + alpha * (rawLag - s.lagSmooth);
  o.lagMs = std::isfinite(s.lagSmooth) ? s.lagSmooth : 0.0;
  o.tracked = false;

  std::size_t k = 0;
  for (std::size_t g = 0; g < s.layout.groups.size(); ++g) {
    const TrackGroup& grp = s.layout.groups[g];
    if (!s.units[static_cast<std::size_t>(grp.unit)]) continue;
    GroupFrameError& ge = o.groups[k];
    ge = GroupFrameError{};
    double shape = 0.0;
    int n = 0;
    for (int t : grp.tracks)
      if (L.valid[L.at(0, t)] && E.valid[E.at(j, t)]) {
        shape += static_cast<double>(glm::length(L.local[L.at(0, t)] - E.local[E.at(j, t)]));
        ++n;
      }
    double posture = 0.0;
    int na = 0;
    for (int a : s.groupAngles[k])
      if (L.angleValid[L.angleAt(0, a)] && E.angleValid[E.angleAt(j, a)]) {
        posture += std::fabs(static_cast<double>(L.angles[L.angleAt(0, a)] - E.angles[E.angleAt(j, a)]));
        ++na;
      }
    if (grp.isUnitRoot && L.unitValid[L.unitAt(0, grp.unit)] && E.unitValid[E.unitAt(j, grp.unit)])
      ge.placementMm = static_cast<float>(glm::length(L.placement[L.unitAt(0, grp.unit)] - E.placement[E.unitAt(j, grp.unit)]) * 1000.0f);
    if (n > 0) {
      ge.valid = true;
      ge.shapeMm = static_cast<float>(shape / n * 1000.0);
      ge.postureDeg = na > 0 ? static_cast<float>(posture / na) : 0.0f;
      s.shapeSum += ge.shapeMm;
      ++s.shapeCount;
      o.tracked = true;
    }
    ++k;
  }
  return o;
}

LiveSummary LiveScorer::summary() const {
  LiveSummary m;
  const State& s = *s_;
  m.learnerFrames = s.aligner.learnerFrames();
  m.expertEnd = s.aligner.current();
  m.coverage = s.expert.frameCount > 0 ? static_cast<double>(m.expertEnd + 1) / s.expert.frameCount : 0.0;
  if (!s.lags.empty()) {
    std::vector<double> v = s.lags;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    m.lagMs = std::isfinite(v[v.size() / 2]) ? v[v.size() / 2] : 0.0;
  }
  m.shapeMm = s.shapeCount ? s.shapeSum / static_cast<double>(s.shapeCount) : 0.0;
  return m;
}

}  // namespace mimesis
