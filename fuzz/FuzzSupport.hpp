// What the fuzz targets share: a per-process scratch file for file-only APIs, and the output
// checks that turn a silent NaN or a broken invariant into a crash libFuzzer reports.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis::fuzz {

// A path unique to this process (libFuzzer's -jobs/-workers run several at once) under $TMPDIR.
inline std::string scratchPath(const std::string& extension) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/mimesis-fuzz-" + std::to_string(::getpid()) + extension;
}

// Replaces the file at `path` with `size` bytes of `data`. Aborts if it cannot: a fuzzer that
// silently tests nothing is worse than one that stops.
inline void writeScratch(const std::string& path, const std::uint8_t* data, std::size_t size) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
  if (std::fclose(f) != 0) std::abort();
}

// A reader that says yes must give a clip everything downstream can trust.
inline void requireSound(const Clip& clip) {
  if (!validateClip(clip, "fuzz")) std::abort();
  for (const Frame& f : clip.frames) {
    if (f.hasHead && !isFinite(f.head)) std::abort();
    for (const JointPose& j : f.body)
      if (j.flags != 0 && !isFinite(j.pose)) std::abort();
  }
}

}  // namespace mimesis::fuzz
