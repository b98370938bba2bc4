#version 450
// A rectangle given by a world transform of the unit square [-1,1]^2 in its XY plane: the floor
// (with a grid) and the virtual mirror (its stencil mask and its tinted surface).
#include "common.glsl"

layout(push_constant) uniform Push {
  mat4 model;        // world from quad space; the quad is z = 0, x and y in [-1, 1]
  vec4 colour;
  vec4 params;       // grid: x = cell size (m), y = line width (m), z = fade radius (m)
  vec4 background;   // grid: the clear colour it fades into
} pc;

layout(location = 0) out vec3 outWorld;

void main() {
  vec2 corners[4] = vec2[](vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(-1.0, 1.0), vec2(1.0, 1.0));
  vec4 world = pc.model * vec4(corners[gl_VertexIndex], 0.0, 1.0);
  outWorld = world.xyz;
  gl_Position = view.viewProj * world;
}
