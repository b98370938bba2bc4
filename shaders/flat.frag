#version 450
// Mirror glass: its tint with a faint horizontal sheen (the stencil mask writes no colour).
layout(push_constant) uniform Push {
  mat4 model;
  vec4 colour;
  vec4 params;
  vec4 background;
} pc;

layout(location = 0) in vec3 inWorld;
layout(location = 0) out vec4 outColour;

void main() { outColour = vec4(pc.colour.rgb * (0.92 + 0.08 * sin(inWorld.y * 6.0)), pc.colour.a); }
