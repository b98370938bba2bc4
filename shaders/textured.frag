#version 450
// Lit skinned surface: the joint-blended colour times the mesh's base-colour texture (sRGB image,
// so the sample is linear; a white texel when the mesh has none); alpha carries ghost opacity.
#include "common.glsl"

layout(set = 1, binding = 0) uniform sampler2D baseColour;

layout(location = 0) in vec3 inNormal;
layout(location = 1) in vec3 inWorld;
layout(location = 2) in vec4 inColour;
layout(location = 3) in vec2 inUv;
layout(location = 0) out vec4 outColour;

void main() {
  vec3 n = normalize(inNormal);
  if (!gl_FrontFacing) n = -n;
  vec4 texel = texture(baseColour, inUv);
  outColour = vec4(shade(inColour.rgb * texel.rgb, n, inWorld), inColour.a);
}
