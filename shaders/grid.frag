#version 450
// Floor grid: analytic lines every cell, fading with distance into the clear colour so the
// horizon does not alias; opaque (it mixes with the background itself).
#include "common.glsl"

layout(push_constant) uniform Push {
  mat4 model;
  vec4 colour;
  vec4 params;
  vec4 background;
} pc;

layout(location = 0) in vec3 inWorld;
layout(location = 0) out vec4 outColour;

void main() {
  vec2 p = inWorld.xz / pc.params.x;
  vec2 distToLine = abs(fract(p + 0.5) - 0.5) * pc.params.x;
  float line = 1.0 - smoothstep(0.0, pc.params.y, min(distToLine.x, distToLine.y));
  float fade = 1.0 - smoothstep(0.3 * pc.params.z, pc.params.z, length(inWorld.xz - view.eyePosition.xz));
  float base = 0.35;
  float alpha = pc.colour.a * fade * mix(base, 1.0, line);
  outColour = vec4(mix(pc.background.rgb, pc.colour.rgb, alpha), 1.0);
}
