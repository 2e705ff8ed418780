/**
 * GLSL for the compositor (WebGL2). Every pass draws one full-screen triangle. Textures hold images top row
 * first (texImage2D's order) and intermediate framebuffers keep that order, so only the final pass, which
 * draws to the canvas (bottom row first in GL), flips.
 */

export const fullScreenVertex = `#version 300 es
void main() {
  // Three vertices covering the viewport: (-1,-1), (3,-1), (-1,3).
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}`;

/** Plain resample: with LINEAR filtering, halving the size averages each 2×2 block exactly. */
export const copyFragment = `#version 300 es
precision mediump float;
uniform sampler2D source;
uniform vec2 size;
out vec4 color;
void main() { color = texture(source, gl_FragCoord.xy / size); }`;

/** One direction of a 9-tap Gaussian (σ ≈ 2 texels), as 5 bilinear fetches. */
export const blurFragment = `#version 300 es
precision mediump float;
uniform sampler2D source;
uniform vec2 size;
uniform vec2 direction;
out vec4 color;
void main() {
  vec2 uv = gl_FragCoord.xy / size;
  vec2 step = direction / size;
  color = texture(source, uv) * 0.2270270270
    + (texture(source, uv + step * 1.3846153846) + texture(source, uv - step * 1.3846153846)) * 0.3162162162
    + (texture(source, uv + step * 3.2307692308) + texture(source, uv - step * 3.2307692308)) * 0.0702702703;
}`;

/**
 * The one pass that makes the output: low-light tone curve on the camera's pixels (the formula of
 * lib/media/effects/luminance-controller.ts toneCurve), then the person (mask, feathered by smoothstep) over the
 * blurred frame or the chosen image.
 */
export const compositeFragment = `#version 300 es
precision highp float;
uniform sampler2D frame;
uniform sampler2D blurred;
uniform sampler2D mask;
uniform sampler2D background;
uniform vec2 size;
uniform int mode;          // 0 none, 1 blur, 2 image
uniform float toneStrength;
uniform float toneGain;
uniform vec2 maskEdge;
out vec4 color;

vec3 tone(vec3 c) {
  vec3 e = c * toneGain;
  vec3 curve = e * (1.0 + e / (toneGain * toneGain)) / (1.0 + e);
  return mix(c, curve, toneStrength);
}

void main() {
  vec2 uv = vec2(gl_FragCoord.x / size.x, 1.0 - gl_FragCoord.y / size.y);
  vec3 person = tone(texture(frame, uv).rgb);
  if (mode == 0) { color = vec4(person, 1.0); return; }
  vec3 behind = mode == 1 ? tone(texture(blurred, uv).rgb) : texture(background, uv).rgb;
  float weight = smoothstep(maskEdge.x, maskEdge.y, texture(mask, uv).r);
  color = vec4(mix(behind, person, weight), 1.0);
}`;
