// Shared by every Mimesis shader: the per-view uniform block and the lighting model.
layout(set = 0, binding = 0) uniform ViewBlock {
  mat4 viewProj;     // clip from world
  vec4 eyePosition;  // world, w unused
  vec4 lightDir;     // world, towards the light, unit
} view;

// A soft key light plus hemispheric ambient: enough shape cues for hands, cheap, and identical
// on every GPU (no derivatives), which keeps golden images stable. Textures (textured.frag) are
// sampled bilinearly from one mip level, which every driver does alike.
vec3 shade(vec3 albedo, vec3 n, vec3 p) {
  vec3 l = normalize(view.lightDir.xyz);
  vec3 v = normalize(view.eyePosition.xyz - p);
  float diffuse = max(dot(n, l), 0.0);
  float ambient = 0.35 + 0.25 * n.y;
  vec3 h = normalize(l + v);
  float specular = pow(max(dot(n, h), 0.0), 32.0) * 0.25;
  return albedo * (ambient + 0.75 * diffuse) + vec3(specular);
}
