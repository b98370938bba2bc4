// Internal to the mirror observer's sources: the joint standing for each finger group and the
// prefetch of a frame's joints, shared by update() (MirrorObserver.cpp) and the feature
// extraction (MirrorObserverFeatures.cpp).
#pragma once

#include "mimesis/motion/Frame.hpp"

namespace mimesis::observer_detail {

// The joint whose wrist-frame position stands for each finger group.
inline constexpr HandJoint kGroupTip[kHandGroupCount] = {HandJoint::Wrist, HandJoint::ThumbTip,
                                                         HandJoint::IndexTip, HandJoint::MiddleTip,
                                                         HandJoint::RingTip, HandJoint::LittleTip};

// Frames arrive from memory the observer has not touched (a clip, the tracker): asking for every
// cache line extract() reads before reading any lets the misses overlap instead of queueing
// behind each other (this was a fifth of the update's cost).
inline void prefetchFrame(const Frame* frame) {
#if defined(__GNUC__)
  if (!frame) return;
  for (const HandPose& h : frame->hands) {
    __builtin_prefetch(&h.active);
    for (HandJoint j : kGroupTip) {
      // A joint straddles two lines at most: its start and its flags (the last field).
      __builtin_prefetch(&h.joints[index(j)]);
      __builtin_prefetch(&h.joints[index(j)].flags);
    }
  }
#else
  (void)frame;
#endif
}

}  // namespace mimesis::observer_detail
