// Putting a learner's body joints in the order of the expert's skeleton, by joint name, so
// another take of the same exercise (a BVH, a CSV table, a recording) can be scored against it.
#pragma once

#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// Returns `learner` with Frame::body reordered to `expert`'s joints and its skeleton replaced
// by `expert` (same joints, parents and groups), matching names exactly, else ignoring case and
// separators ("LeftHand" = "left_hand"). Unchanged when the skeletons are already equal. A
// learner with no body at all (a hands-only tracker) gets untracked body joints. BadInput,
// where = `where`, naming every expert joint the learner lacks (up to 12, then a count).
Result<Clip> matchBodySkeleton(const Clip& learner, const Skeleton& expert, const std::string& where);

}  // namespace mimesis
