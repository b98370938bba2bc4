// Assimp import of animated skeletons (glTF/GLB, FBX, COLLADA, BVH) into a RawClip.
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion_import/RawClip.hpp"

namespace mimesis {

struct AssimpImportOptions {
  // Which animation to sample: by name if `animationName` is not empty, else by index
  // (0 = the first, the default). A name or index the file lacks is an error listing those
  // it has.
  std::string animationName;
  int animationIndex = 0;
  // Sampling rate in frames per second; 0 = the animation's own key rate (see loadAssimpRaw).
  double sampleRate = 0.0;
  // Refuse clips larger than this many joint poses (frames × joints) before allocating them.
  long long maxPoses = 50'000'000;
};

// Reads `path` with Assimp and samples one animation into world poses.
//
// Skeleton: the nodes that are mesh bones or animated by the chosen animation, in depth-first
// (topological) order; each joint's parent is its nearest ancestor that is also a joint (-1 if
// none). Non-joint ancestors (e.g. an "Armature" node with a scale, or the file's root axis
// correction) still contribute their static transforms to the world poses.
//
// Sampling: position, rotation and scale keys are interpolated (lerp / shortest-arc slerp,
// clamped at both ends); local node transforms are composed down the hierarchy and each joint's
// world matrix is split into position (file units, any ancestor scale included) and a unit
// orientation (scale removed). Frames are taken every period from tick 0, plus one last frame at
// the animation's exact end when its length is not a whole number of periods, so the clip lasts
// as long as the animation (max of mDuration and the last key). The period is 1/sampleRate if
// set, else the file's own key spacing — the median gap between keys of the most densely keyed
// channel, in ticks (mTicksPerSecond, 30 when the file says 0) — when that is a capture-like
// 20–240 fps (a BVH at 120 fps gives 120 and its exact frame times, a glTF baked at 24 fps 24);
// sparser keys are hand-set keyframes and are sampled at 30 fps.
// Units (RawClip::metresPerUnit): glTF is metres (1). FBX stores its unit in the
// "UnitScaleFactor" metadata as centimetres per unit (1 = cm, 100 = m), so metresPerUnit =
// UnitScaleFactor / 100, 0.01 when absent. COLLADA: Assimp already applies <unit meter> in the
// root transform, so 1. BVH has no declared unit: 1 (file units; the rig map decides).
// Axes (RawClip::T_mimesis_file): Y-up files get identity; an FBX whose "UpAxis" metadata is Z
// gets the rotation taking +Z up to +Y up.
//
// A file with a skeleton but no animation gives a single-frame clip of the rest pose, with
// RawClip::format suffixed "+rest-pose" so callers can report it. Errors (`where` = path):
// Assimp's own message (BadInput), no skeleton (no bones and no animation channels; BadInput),
// an animation index/name the file lacks (BadInput), non-finite or absurd durations and sizes
// (Limit), a missing file (Io).
Result<RawClip> loadAssimpRaw(const std::string& path, const AssimpImportOptions& options = {});

// Every Assimp read (clips, meshes, avatars, animation lists) is first rehearsed in a child
// process, so a file that crashes Assimp, or makes it allocate without bound (over 4 GiB) or spin
// (over 60 s of CPU), is reported as an error naming the file instead of ending the program.
// The children are forked by a small helper process forked on first use; calling this early in
// main(), while the process is small, makes each later rehearsal cheaper (forking costs in
// proportion to the size of the process that forks). Optional and idempotent.
void startAssimpIsolation();

// Names of the animations in `path`, in file order (for listing and for errors).
Result<std::vector<std::string>> listAssimpAnimations(const std::string& path);

}  // namespace mimesis
