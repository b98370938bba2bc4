// scorePerformance: normalise, align (trying mappings), measure, score, diagnose.
#include "mimesis/scoring/Scorer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "mimesis/scoring/Diagnosis.hpp"
#include "mimesis/scoring/Dtw.hpp"
#include "mimesis/scoring/Metrics.hpp"
#include "mimesis/scoring/MotionStream.hpp"
#include "mimesis/scoring/Segmentation.hpp"

#include "GroupSeries.hpp"
#include "PoseMatch.hpp"
#include "ScoreSummary.hpp"
#include "ScoringSource.hpp"

namespace mimesis {
namespace {

// A group the expert never shows (a body clip's end-effector hands carry a wrist and a palm,
// no fingers) is not part of the lesson: it is left out of the breakdown rather than reported,
// and diagnosed, as a group the learner failed to track.
bool expertShows(const MotionStream& E, const TrackGroup& g) {
  for (int f = 0; f < E.frameCount; ++f)
    for (const int t : g.tracks)
      if (E.valid[E.at(f, t)]) return true;
  return false;
}

struct Candidate {
  bool mirror = false;
  MotionStream expert;
  UnitMask units{};
  FeatureMatrix expertFeatures, learnerFeatures;
  WarpPath warp;
  double costPerStep = 0.0;
};

PairSpan spanOf(const WarpPath& w, int begin, int end) {
  const auto lo = std::lower_bound(w.expert.begin(), w.expert.end(), begin);
  const auto hi = std::lower_bound(w.expert.begin(), w.expert.end(), end);
  return {static_cast<std::size_t>(lo - w.expert.begin()), static_cast<std::size_t>(hi - w.expert.begin())};
}

double clean(double v) { return std::isfinite(v) ? v : 0.0; }

// The expert frames inside a do-not-copy annotation (1), from the side's frame times; empty
// when the clip has none. Read by the pair errors and by the pose match.
std::vector<std::uint8_t> doNotCopyFrames(const Clip& expert, const std::vector<double>& times) {
  std::vector<std::uint8_t> skip;
  for (const Annotation& a : expert.annotations) {
    if (a.kind != "do-not-copy") continue;
    if (skip.empty()) skip.assign(times.size(), 0);
    for (std::size_t j = 0; j < times.size(); ++j)
      if (times[j] >= a.start && times[j] < a.end) skip[j] = 1;
  }
  return skip;
}

// Do-not-copy spans are shown to the learner but not scored: the pairs whose expert frame lies
// in one get no shape, posture or placement error (-1, "not measured"), so neither the whole
// trial's means nor a segment's count them. Timing still runs through them (the warp does).
void skipDoNotCopy(const std::vector<std::uint8_t>& skip, const WarpPath& w, detail::PairErrors& errors) {
  if (std::find(skip.begin(), skip.end(), 1) == skip.end()) return;
  const std::size_t P = errors.pairs;
  for (std::size_t k = 0; k < P; ++k) {
    if (!skip[static_cast<std::size_t>(w.expert[k])]) continue;
    for (std::size_t c = k; c < errors.track.size(); c += P) errors.track[c] = -1.0f;
    for (std::size_t c = k; c < errors.angle.size(); c += P) errors.angle[c] = -1.0f;
    for (std::size_t c = k; c < errors.place.size(); c += P) errors.place[c] = -1.0f;
    for (std::size_t c = k; c < errors.orient.size(); c += P) errors.orient[c] = -1.0;
  }
}

// Whether a do-not-copy span covers any expert frame in [begin, end): the pose match has no
// pairs to leave out (its warp is its own), so such a span gets no match rather than one that
// counts what the learner was told not to copy.
bool touchesDoNotCopy(const std::vector<std::uint8_t>& skip, int begin, int end) {
  begin = std::max(begin, 0);
  end = std::min(end, static_cast<int>(skip.size()));
  return begin < end && std::find(skip.begin() + begin, skip.begin() + end, 1) != skip.begin() + end;
}

}  // namespace

DtwOptions dtwOptionsFor(const ScoringConfig& cfg, double expertRate, double learnerRate) {
  DtwOptions dopt;
  dopt.bandFraction = cfg.bandFraction;
  dopt.tempoSlope = expertRate / learnerRate;
  dopt.openEnd = true;
  dopt.coarseMinFrames = std::max(16, cfg.coarseMinFrames);
  if (cfg.coarseMaxFrameSeconds > 0.0 && std::isfinite(cfg.coarseMaxFrameSeconds))
    dopt.maxCoarseFactor = static_cast<int>(
        std::clamp(std::floor(cfg.coarseMaxFrameSeconds * std::min(expertRate, learnerRate)), 1.0, 1e6));
  if (dopt.maxCoarseFactor > 0 && cfg.coarseSearchSeconds > 0.0 && std::isfinite(cfg.coarseSearchSeconds) &&
      cfg.coarseSearchFrameSeconds > 0.0 && std::isfinite(cfg.coarseSearchFrameSeconds)) {
    const double rate = std::max(expertRate, learnerRate);
    dopt.searchRadius = static_cast<int>(std::clamp(std::ceil(cfg.coarseSearchSeconds * rate), 1.0, 1e9));
    dopt.maxSearchFactor = static_cast<int>(
        std::clamp(std::floor(cfg.coarseSearchFrameSeconds * std::min(expertRate, learnerRate)), 1.0, 1e6));
  }
  return dopt;
}

Result<ScoreReport> scorePerformance(const Clip& expert, const Clip& learner, const ScoringConfig& cfg) {
  return detail::scoreSources(detail::ClipSource(expert), detail::ClipSource(learner), cfg);
}

Result<ScoreReport> detail::scoreSources(const ScoringSource& expertSide, const ScoringSource& learnerSide,
                                         const ScoringConfig& cfg) {
  // A streamed side's clip() has no frames: frames are read through the sides only.
  const Clip& expert = expertSide.clip();
  const Clip& learner = learnerSide.clip();
  if (auto s = expertSide.check("expert"); !s) return s.error();
  if (auto s = learnerSide.check("learner"); !s) return s.error();
  if (!expert.body.empty() && learner.body.jointCount() != expert.body.jointCount())
    return makeError(ErrorCode::BadInput, "learner body skeleton has " + std::to_string(learner.body.jointCount()) +
                     " joints, the expert's has " + std::to_string(expert.body.jointCount()), "learner clip");

  const StreamLayout layout = makeStreamLayout(expert);
  StreamOptions lopt;
  // A tracked head pose on both sides anchors the hands (VR); else a body skeleton's own head
  // joint does; only clips with neither fall back to each hand's first pose.
  lopt.anchor = expertSide.anyHead() && learnerSide.anyHead() ? Anchor::Head
                : layout.bodyHead >= 0                 ? Anchor::BodyHead
                                                       : Anchor::FirstWrist;
  // Both sides are retargeted to the learner's bone lengths (measured over its first seconds):
  // the expert to take the learner's size, the learner to drop its own frame-to-frame bone
  // length jitter, so the two are treated alike and a clip against itself has zero error.
  for (Hand h : {Hand::Left, Hand::Right}) {
    if (!learnerSide.handActive(h)) continue;
    (h == Hand::Left ? lopt.retargetLeft : lopt.retargetRight) = learnerSide.boneLengths(h, cfg.boneWindowSeconds);
  }
  const MotionStream L = learnerSide.stream(layout, lopt);

  StreamOptions eopt = lopt;
  // Body shape errors are scored at a nominal body size: the reference grows with the learner's
  // reach, so a tall learner's few extra millimetres do not read as a worse imitation (on
  // UI-PRMD the subjects' reaches differ by ~12 %; SCORING.md). Reported errors stay in mm.
  ScoringConfig scfg = cfg;
  // The words ("left leg shape off by 53 mm") name an error beyond the reference at the
  // learner's size; the excursion scaling below only calibrates the score between lessons of
  // different sizes of movement, so the diagnosis keeps the size-scaled reference.
  ScoringConfig dcfg = cfg;
  if (!expert.body.empty()) {
    const float es = measureBodySize(expert), ls = measureBodySize(learner);
    if (es > 0.0f && ls > 0.0f) eopt.bodyScale = ls / es;
    const double reach = measureBodyReach(learner), nominal = cfg.references.nominalBodyReachM;
    if (reach > 0.0 && nominal > 0.0 && std::isfinite(nominal)) {
      const double size = std::clamp(reach / nominal, 0.25, 4.0);
      scfg.references.bodyShapeMm = cfg.references.bodyShapeMm * size;
      scfg.references.bodyMatchMm = cfg.references.bodyMatchMm * size;
    }
    dcfg.references.bodyShapeMm = scfg.references.bodyShapeMm;
    dcfg.references.bodyMatchMm = scfg.references.bodyMatchMm;
    // ... and at a nominal size of movement: the reference grows slowly with how far the
    // expert's joints travel (relative to its reach), so a squat's few centimetres of slack do
    // not outweigh a shoulder rotation's (SCORING.md: helps the mean on both halves of UI-PRMD).
    const double ereach = measureBodyReach(expert), excursion = measureBodyExcursion(expert);
    const double nomExc = cfg.references.nominalBodyExcursion, exponent = cfg.references.bodyExcursionExponent;
    if (ereach > 0.0 && excursion > 0.0 && nomExc > 0.0 && std::isfinite(nomExc) && std::isfinite(exponent) &&
        exponent != 0.0) {
      const double movement = std::pow(std::clamp(excursion / ereach / nomExc, 0.1, 10.0), exponent);
      scfg.references.bodyShapeMm *= movement;
      scfg.references.bodyMatchMm *= movement;
    }
  }

  const DtwOptions dopt = dtwOptionsFor(cfg, expert.rate, learner.rate);

  std::vector<bool> tries;
  if (cfg.mapping != Mapping::Mirror) tries.push_back(false);
  if (cfg.mapping != Mapping::Anatomical) tries.push_back(true);
  std::vector<Candidate> cands;
  for (bool mirror : tries) {
    Candidate c;
    c.mirror = mirror;
    StreamOptions o = eopt;
    o.mirror = mirror;
    c.expert = expertSide.stream(layout, o);
    bool any = false;
    for (int u = 0; u < kUnitCount; ++u) {
      c.units[static_cast<std::size_t>(u)] = c.expert.unitPresent[static_cast<std::size_t>(u)] && L.unitPresent[static_cast<std::size_t>(u)];
      any = any || c.units[static_cast<std::size_t>(u)];
    }
    if (!any) continue;
    c.expertFeatures = buildFeatures(c.expert, c.units);
    c.learnerFeatures = buildFeatures(L, c.units);
    c.warp = alignDtw(c.learnerFeatures, c.expertFeatures, dopt);
    c.learnerFeatures = FeatureMatrix{};  // only the alignment reads it (10 MB at 10 min, two hands)
    if (c.warp.size() == 0) continue;
    c.costPerStep = clean(c.warp.cost / static_cast<double>(c.warp.size()));
    cands.push_back(std::move(c));
  }
  if (cands.empty())
    return makeError(ErrorCode::BadInput, "the learner tracked nothing the expert clip contains", "learner clip");
  std::size_t best = 0;
  for (std::size_t k = 1; k < cands.size(); ++k)
    if (cands[k].costPerStep < cands[best].costPerStep) best = k;
  Candidate& C = cands[best];
  const MotionStream& E = C.expert;
  const WarpPath& w = C.warp;

  ScoreReport r;
  r.expertName = expert.info.name;
  r.learnerName = learner.info.name;
  r.expertFrames = static_cast<int>(expertSide.frameCount());
  r.learnerFrames = static_cast<int>(learnerSide.frameCount());
  r.expertDuration = clean(expertSide.duration());
  r.learnerDuration = clean(learnerSide.duration());
  r.mapping = C.mirror ? Mapping::Mirror : Mapping::Anatomical;
  r.mappingAuto = cfg.mapping == Mapping::Auto;
  for (const Candidate& c : cands) (c.mirror ? r.mirrorCostPerStep : r.anatomicalCostPerStep) = c.costPerStep;
  r.mappingConfidence = 1.0;
  if (cands.size() == 2) {
    const double a = cands[best].costPerStep, b = cands[1 - best].costPerStep;
    r.mappingConfidence = a + b > 0.0 ? clean((b - a) / (b + a)) : 0.0;
  }
  // The losing mapping's expert stream and features are not read again: released before the
  // per-pair errors are built, which is where the score's memory peaks.
  for (std::size_t k = 0; k < cands.size(); ++k)
    if (k != best) {
      cands[k].expert = MotionStream{};
      cands[k].expertFeatures = FeatureMatrix{};
      cands[k].warp = WarpPath{};
    }
  r.anchor = lopt.anchor == Anchor::Head ? "head" : (lopt.anchor == Anchor::BodyHead ? "body-head" : "first-wrist");

  const int M = E.frameCount;
  const PairSpan all{0, w.size()};
  const TimingMetrics tm = measureTiming(E, L, w, all, 0, M);
  r.lagMs = tm.lagMs;
  r.tempo = tm.tempo;
  r.irregularityMs = tm.irregularityMs;
  r.coverage = tm.coverage;

  std::vector<int> groups;
  for (std::size_t g = 0; g < layout.groups.size(); ++g)
    if (E.unitPresent[static_cast<std::size_t>(layout.groups[g].unit)] && expertShows(E, layout.groups[g]))
      groups.push_back(static_cast<int>(g));

  // Segments and their timing first, so each group's series is extracted once and measured over
  // the whole warp and every reached segment in one go (group-major; results are independent).
  const std::vector<FrameSpan> spans = segmentExpert(expert, expertSide.frameTimes(), C.expertFeatures, scfg);
  C.expertFeatures = FeatureMatrix{};  // segmentation was its last reader
  std::vector<PairSpan> segSpans;
  segSpans.reserve(spans.size());
  r.segments.reserve(spans.size());
  for (const FrameSpan& fs : spans) {
    SegmentReport seg;
    seg.name = fs.name;
    seg.automatic = fs.automatic;
    seg.start = E.times[static_cast<std::size_t>(std::clamp(fs.begin, 0, M - 1))];
    seg.end = fs.end < M ? E.times[static_cast<std::size_t>(fs.end)] : E.times.back() + 1.0 / E.rate;
    const PairSpan sp = spanOf(w, fs.begin, fs.end);
    const TimingMetrics st = measureTiming(E, L, w, sp, fs.begin, fs.end);
    seg.reached = st.reached;
    seg.lagMs = st.lagMs; seg.tempo = st.tempo; seg.irregularityMs = st.irregularityMs; seg.coverage = st.coverage;
    seg.learnerStart = st.learnerStart; seg.learnerEnd = st.learnerEnd;
    if (st.reached) seg.groups.reserve(groups.size());
    segSpans.push_back(sp);
    r.segments.push_back(std::move(seg));
  }

  r.groups.reserve(groups.size());
  detail::GroupSeries series;
  detail::GroupScratch scratch;
  detail::PairErrors errors;
  detail::buildPairErrors(E, L, w, errors);
  detail::weighBodyPairs(E, w, scfg.bodyStillFrameWeight, errors);
  const std::vector<std::uint8_t> doNotCopy = doNotCopyFrames(expert, expertSide.frameTimes());
  skipDoNotCopy(doNotCopy, w, errors);
  for (int g : groups) {
    detail::buildGroupSeries(E, L, g, scfg, series);
    GroupReport gr = detail::measureGroupSeries(E, L, w, all, series, errors, tm.lagMs, scfg, scratch);
    diagnoseGroup(gr, dcfg);
    r.groups.push_back(std::move(gr));
    for (std::size_t k = 0; k < r.segments.size(); ++k) {
      SegmentReport& seg = r.segments[k];
      if (!seg.reached) continue;
      GroupReport sg = detail::measureGroupSeries(E, L, w, segSpans[k], series, errors, seg.lagMs, scfg, scratch);
      diagnoseGroup(sg, dcfg);
      seg.groups.push_back(std::move(sg));
    }
  }
  // Body pose match over the whole trial and each reached segment (PoseMatch.hpp).
  const bool bodyScored = C.units[static_cast<std::size_t>(UnitKind::Body)] && layout.bodyJointCount > 1;
  const FeatureMatrix poseE = bodyScored ? detail::bodyPoseFeatures(E) : FeatureMatrix{};
  const FeatureMatrix poseL = bodyScored ? detail::bodyPoseFeatures(L) : FeatureMatrix{};
  auto matchOver = [&](int e0, int e1, int l0, int l1) {
    if (!bodyScored || touchesDoNotCopy(doNotCopy, e0, e1)) return detail::PoseMatch{};
    return detail::bodyPoseMatch(poseE, poseL, layout.bodyJointCount - 1, e0, e1, l0, l1, dopt);
  };
  const detail::PoseMatch match = matchOver(0, M, 0, L.frameCount);

  const std::vector<double> shapeWeight = detail::shapeWeights(layout, groups, scfg);
  const detail::Summary s = detail::summarise(r.groups, shapeWeight, tm, match, scfg);
  r.matchMm = match.measured ? clean(match.mm) : 0.0;
  r.shapeMm = s.shapeMm; r.postureDeg = s.postureDeg; r.placementMm = s.placementMm;
  r.tremorMm = s.tremorMm; r.smoothnessLoss = s.smoothnessLoss; r.validity = s.validity;
  r.hasGain = s.hasGain; r.gain = s.gain; r.scores = s.scores; r.score = s.score;
  r.grade = gradeFor(r.score, scfg.grades);

  for (std::size_t k = 0; k < r.segments.size(); ++k) {
    SegmentReport& seg = r.segments[k];
    if (seg.reached) {
      TimingMetrics st;
      st.lagMs = seg.lagMs;
      st.irregularityMs = seg.irregularityMs;
      st.coverage = seg.coverage;
      const PairSpan& sp = segSpans[k];
      const detail::PoseMatch segMatch =
          sp.empty() ? detail::PoseMatch{}
                     : matchOver(spans[k].begin, spans[k].end, w.learner[sp.begin], w.learner[sp.end - 1] + 1);
      seg.matchMm = segMatch.measured ? clean(segMatch.mm) : 0.0;
      const detail::Summary ss = detail::summarise(seg.groups, shapeWeight, st, segMatch, scfg);
      seg.scores = ss.scores;
      seg.score = ss.score;
      seg.validity = ss.validity;
    } else {
      seg.scores = MetricScores{0, 0, 0, 0, 0, 0, 0};
    }
    seg.grade = gradeFor(seg.score, scfg.grades);
    diagnoseSegment(seg, dcfg);
  }
  diagnoseOverall(r, dcfg);
  r.warpLearner = w.learner;
  r.warpExpert = w.expert;
  return r;
}

}  // namespace mimesis
