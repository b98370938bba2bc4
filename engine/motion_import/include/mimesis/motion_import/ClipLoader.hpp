// loadClip: one entry point that reads any supported motion file into a runtime Clip.
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis {

struct LoadOptions {
  // Rig map by name (see rigMapNames()); empty = detect from the joint names; "none" = keep the
  // body only. Ignored for formats that need none (.mrec, .mkeys, CSV tables, UI-PRMD).
  std::string rigMap;
  // Animation of a glTF/FBX/COLLADA file: by name if set, else by index (0 = first).
  std::string animationName;
  int animationIndex = 0;
  // Read .bvh through Assimp instead of our parser (for cross-checks; our parser is the default).
  bool bvhViaAssimp = false;
  // Copy every raw joint into Frame::body (BuildOptions::keepBody).
  bool keepBody = true;
};

// Dispatches on the file extension, case-insensitively:
//   .bvh                        our BVH parser (loadBvhRaw) + rig map + buildClipFromRaw
//   .gltf .glb .fbx .dae        Assimp (loadAssimpRaw) + rig map + buildClipFromRaw
//   .csv .txt (+ .gz)           a `mimesis convert` CSV (readClipCsv) when its header says so,
//                               else UI-PRMD (loadUiPrmd) when the name looks like a positions
//                               file, else a generic joint table (loadCsvJointTable, default
//                               options; body groups from the column names, deriveBodyGroups)
//   .jsonl                      a `mimesis convert` JSON Lines file (readClipJsonLines)
//   .mrec                       readMrec
//   .mkeys                      loadKeyframeClip
// When no rig map is forced and the skeleton has no recognisable hand joint (a body-only rig
// such as Fox), the clip is body-only — hands inactive — and info.rigMap is "none"; this is not
// an error. A forced rig map that does not fit is an error.
// Errors: a missing or unreadable file → Io naming the file; an unknown extension →
// Unsupported naming the file and listing the supported extensions; else the reader's error.
Result<Clip> loadClip(const std::string& path, const LoadOptions& options = {});

// The extensions loadClip accepts, lower case with the dot, compound ones included (".csv.gz").
std::vector<std::string> supportedInputExtensions();

}  // namespace mimesis
