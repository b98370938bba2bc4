// Body pose match (PoseMatch.hpp). Why a second alignment: the shape error is measured along
// the warp of the learner's own timing (found on all features, with a band and an open end, so
// that lag and coverage mean something), and there a pose error and a timing slip add up. The
// match asks the other question — could this movement, retimed freely, be the expert's? — which
// on UI-PRMD separates the shoulder movements' correct repetitions from incorrect ones better
// than any measure along the learner's warp (SCORING.md, "Pose match").
#include "PoseMatch.hpp"

#include <algorithm>
#include <cmath>

namespace mimesis::detail {

FeatureMatrix bodyPoseFeatures(const MotionStream& s) {
  const StreamLayout& L = *s.layout;
  if (L.unitRoot[static_cast<std::size_t>(UnitKind::Body)] < 0 || L.bodyJointCount < 2 || s.frameCount < 1) return {};
  UnitMask body{};
  body[static_cast<std::size_t>(UnitKind::Body)] = true;
  return buildFeatures(s, body, BodyFeatures::PoseOnly);
}

namespace {

FeatureMatrix rowsOf(const FeatureMatrix& in, int begin, int end) {
  FeatureMatrix m;
  m.dim = in.dim;
  m.frames = end - begin;
  m.data.assign(in.data.begin() + static_cast<std::ptrdiff_t>(begin) * in.dim,
                in.data.begin() + static_cast<std::ptrdiff_t>(end) * in.dim);
  return m;
}

}  // namespace

PoseMatch bodyPoseMatch(const FeatureMatrix& expert, const FeatureMatrix& learner, int joints, int e0,
                                      int e1, int l0, int l1, const DtwOptions& base) {
  e0 = std::max(e0, 0), l0 = std::max(l0, 0);
  e1 = std::min(e1, expert.frames), l1 = std::min(l1, learner.frames);
  if (joints < 1 || e1 <= e0 || l1 <= l0 || expert.dim != learner.dim) return {};
  DtwOptions opt = base;
  opt.bandFraction = 1.0;  // any timing: the band is what keeps the learner's warp near its tempo
  opt.openEnd = false;     // the whole span on both sides: an unfinished movement does not match
  const WarpPath w = e0 == 0 && e1 == expert.frames && l0 == 0 && l1 == learner.frames
                         ? alignDtw(learner, expert, opt)
                         : alignDtw(rowsOf(learner, l0, l1), rowsOf(expert, e0, e1), opt);
  if (w.size() == 0 || !std::isfinite(w.cost)) return {};
  const double perJoint = std::max(0.0, w.cost) / static_cast<double>(w.size()) / static_cast<double>(joints);
  return {true, std::sqrt(perJoint) * 1000.0};
}

}  // namespace mimesis::detail
