#version 450
// Instanced tapered capsule: one unit mesh whose vertices belong to the end A or B hemisphere;
// each instance gives both end centres, radii and colours. A sphere is a capsule with A == B.
#include "common.glsl"

layout(location = 0) in vec3 inDirection;  // unit offset from the end's centre
layout(location = 1) in float inEnd;       // 0: end A, 1: end B
layout(location = 2) in vec4 inA;          // xyz centre, w radius (metres)
layout(location = 3) in vec4 inB;
layout(location = 4) in vec4 inColourA;
layout(location = 5) in vec4 inColourB;

layout(push_constant) uniform Push {
  mat4 model;        // world from instance space (identity, or the mirror's reflection)
  vec4 tint;         // multiplies the instance colour
} pc;

layout(location = 0) out vec3 outNormal;
layout(location = 1) out vec3 outWorld;
layout(location = 2) out vec4 outColour;

void main() {
  vec3 a = inA.xyz, b = inB.xyz;
  vec3 axis = b - a;
  float len = length(axis);
  vec3 z = len > 1e-6 ? axis / len : vec3(0.0, 0.0, 1.0);
  vec3 helper = abs(z.y) < 0.99 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
  vec3 x = normalize(cross(helper, z));
  vec3 y = cross(z, x);
  vec3 n = x * inDirection.x + y * inDirection.y + z * inDirection.z;
  vec3 centre = mix(a, b, inEnd);
  float radius = mix(inA.w, inB.w, inEnd);
  vec4 world = pc.model * vec4(centre + n * radius, 1.0);
  outWorld = world.xyz;
  outNormal = normalize(mat3(pc.model) * n);
  outColour = mix(inColourA, inColourB, inEnd) * pc.tint;
  gl_Position = view.viewProj * world;
}
