#version 450
// Lit surface for capsules and skinned meshes; alpha carries ghost opacity.
#include "common.glsl"

layout(location = 0) in vec3 inNormal;
layout(location = 1) in vec3 inWorld;
layout(location = 2) in vec4 inColour;
layout(location = 0) out vec4 outColour;

void main() {
  vec3 n = normalize(inNormal);
  if (!gl_FrontFacing) n = -n;
  outColour = vec4(shade(inColour.rgb, n, inWorld), inColour.a);
}
