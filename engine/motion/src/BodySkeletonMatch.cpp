// Learner body joints reordered onto the expert's skeleton by name.
#include "mimesis/motion/BodySkeletonMatch.hpp"

#include <cctype>

namespace mimesis {
namespace {

std::string squash(const std::string& name) {
  std::string out;
  for (const char c : name)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Result<Clip> matchBodySkeleton(const Clip& learner, const Skeleton& expert, const std::string& where) {
  if (learner.body.joints == expert.joints && learner.body.parents == expert.parents) {
    Clip out = learner;
    out.body = expert;
    return out;
  }
  Clip out = learner;
  out.body = expert;
  const std::size_t n = expert.joints.size();
  if (learner.body.empty()) {
    // Nothing tracked the body: every joint untracked, so the scorer sees it as lost.
    for (Frame& f : out.frames) f.body.assign(n, JointPose{});
    return out;
  }
  std::vector<int> from(n, -1);
  std::string lacking;
  int missing = 0;
  for (std::size_t j = 0; j < n; ++j) {
    if (auto exact = learner.body.find(expert.joints[j])) {
      from[j] = *exact;
      continue;
    }
    const std::string want = squash(expert.joints[j]);
    for (int k = 0; k < learner.body.jointCount() && from[j] < 0; ++k)
      if (squash(learner.body.joints[static_cast<std::size_t>(k)]) == want) from[j] = k;
    if (from[j] < 0) {
      if (missing < 12) lacking += std::string(lacking.empty() ? "" : ", ") + expert.joints[j];
      ++missing;
    }
  }
  if (missing > 0) {
    if (missing > 12) lacking += " and " + std::to_string(missing - 12) + " more";
    return makeError(ErrorCode::BadInput,
                     "the learner's body skeleton '" + learner.body.name + "' cannot be mapped onto the expert's '" +
                         expert.name + "': it lacks " + std::to_string(missing) + " of its " + std::to_string(n) +
                         " joints (" + lacking + ")",
                     where);
  }
  for (std::size_t f = 0; f < out.frames.size(); ++f) {
    const std::vector<JointPose>& in = learner.frames[f].body;
    std::vector<JointPose>& dst = out.frames[f].body;
    dst.assign(n, JointPose{});
    for (std::size_t j = 0; j < n; ++j)
      if (static_cast<std::size_t>(from[j]) < in.size()) dst[j] = in[static_cast<std::size_t>(from[j])];
  }
  return out;
}

}  // namespace mimesis
