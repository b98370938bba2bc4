// The unit tapered-capsule mesh every hand bone, joint and skeleton bone is an instance of.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace mimesis::render {

struct CapsuleVertex {
  glm::vec3 direction;  // unit offset from the end's centre, capsule frame (+Z from A to B)
  float end;            // 0: end A, 1: end B
};

struct CapsuleMesh {
  std::vector<CapsuleVertex> vertices;
  std::vector<std::uint16_t> indices;  // counter-clockwise seen from outside
};

// Two hemispheres (rings of `segments` around +Z, `rings` per hemisphere) joined by a side wall;
// end A is the -Z hemisphere, end B the +Z one. A sphere is an instance with A == B.
CapsuleMesh makeCapsuleMesh(int segments, int rings);

}  // namespace mimesis::render
