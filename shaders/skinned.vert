#version 450
// GPU linear-blend skinning: up to four joints per vertex, skin matrices (world from mesh, one
// per joint) in a storage buffer shared by every mesh of the frame, each mesh at its own base.
#include "common.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in uvec4 inJoints;
layout(location = 3) in vec4 inWeights;
layout(location = 4) in vec2 inUv;  // base-colour texture coordinates (v down)

layout(std430, set = 0, binding = 1) readonly buffer Skin { mat4 skin[]; };
layout(std430, set = 0, binding = 2) readonly buffer SkinColour { vec4 skinColour[]; };  // parallel to skin

layout(push_constant) uniform Push {
  mat4 model;        // world from skinned space (identity, or the mirror's reflection)
  vec4 colour;
  uint skinBase;     // first matrix of this mesh in Skin
} pc;

layout(location = 0) out vec3 outNormal;
layout(location = 1) out vec3 outWorld;
layout(location = 2) out vec4 outColour;
layout(location = 3) out vec2 outUv;

void main() {
  mat4 m = inWeights.x * skin[pc.skinBase + inJoints.x] + inWeights.y * skin[pc.skinBase + inJoints.y] +
           inWeights.z * skin[pc.skinBase + inJoints.z] + inWeights.w * skin[pc.skinBase + inJoints.w];
  vec4 world = pc.model * (m * vec4(inPosition, 1.0));
  outWorld = world.xyz;
  outNormal = normalize(mat3(pc.model) * mat3(m) * inNormal);
  // Joint colours blended like the positions: error colours and highlights follow the bones.
  outColour = inWeights.x * skinColour[pc.skinBase + inJoints.x] + inWeights.y * skinColour[pc.skinBase + inJoints.y] +
              inWeights.z * skinColour[pc.skinBase + inJoints.z] + inWeights.w * skinColour[pc.skinBase + inJoints.w];
  outUv = inUv;
  gl_Position = view.viewProj * world;
}
