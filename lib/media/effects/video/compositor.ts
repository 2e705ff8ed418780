import type { BlurStrength } from "../effect-settings";
import type { ToneParams } from "../luminance-controller";
import { compileProgram, createTarget, createTexture, deleteTarget, type Gl, type Target } from "./gl-util";
import { blurFragment, compositeFragment, copyFragment, fullScreenVertex } from "./shaders";

export type CompositeMode = "none" | "blur" | "image";
export type CompositeOptions = { mode: CompositeMode; blur: BlurStrength; tone: ToneParams };

/**
 * Blur by downsampling: the frame is halved until it is 1/4 (light) or 1/8 (strong) of its size, blurred there
 * with a separable Gaussian, and upsampled by the composite pass. Cost stays at a few full-size fetches per
 * pixel whatever the strength, which matters on software GL (SwiftShader) where every fetch is CPU time.
 */
const blurPlan: Record<BlurStrength, { halvings: number; iterations: number }> = {
  light: { halvings: 2, iterations: 1 },
  strong: { halvings: 3, iterations: 2 },
};

const modeIndex: Record<CompositeMode, number> = { none: 0, blur: 1, image: 2 };
/** Mask confidences between these become the soft edge (after the mask's own feathering). */
const MASK_EDGE = [0.3, 0.75] as const;

type Programs = { copy: WebGLProgram; blur: WebGLProgram; composite: WebGLProgram };

/** The WebGL2 half of the video pipeline, on an OffscreenCanvas (worker) or a canvas element (fallback). */
export class Compositor {
  private readonly gl: Gl;
  private readonly programs: Programs;
  private readonly frame: WebGLTexture;
  private readonly mask: WebGLTexture;
  private readonly background: WebGLTexture;
  private pyramid: Target[] = [];
  private scratch: Target[] = [];
  private thumbnail: Target | null = null;
  private width = 0;
  private height = 0;

  constructor(private readonly canvas: OffscreenCanvas | HTMLCanvasElement) {
    const gl = canvas.getContext("webgl2", { alpha: false, antialias: false, depth: false, desynchronized: true, premultipliedAlpha: false }) as Gl | null;
    if (!gl) throw new Error("WebGL2 is not available");
    this.gl = gl;
    this.programs = {
      copy: compileProgram(gl, fullScreenVertex, copyFragment),
      blur: compileProgram(gl, fullScreenVertex, blurFragment),
      composite: compileProgram(gl, fullScreenVertex, compositeFragment),
    };
    this.frame = createTexture(gl);
    this.mask = createTexture(gl);
    this.background = createTexture(gl);
    // A fully opaque 1×1 mask until the model's first one: the picture shows unblurred rather than not at all.
    this.setMask(new Uint8Array([255]), 1, 1);
    gl.bindVertexArray(gl.createVertexArray());
  }

  /** Uploads the camera's frame (a VideoFrame in the worker, the video element in the fallback). */
  uploadFrame(source: TexImageSource, width: number, height: number): void {
    if (width !== this.width || height !== this.height) this.resize(width, height);
    const { gl } = this;
    gl.bindTexture(gl.TEXTURE_2D, this.frame);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
  }

  /** The current frame scaled to width×height, top row first, into `out` (RGBA): the model's input and the luma meter's. */
  readThumbnail(width: number, height: number, out: Uint8Array): void {
    const { gl } = this;
    if (!this.thumbnail || this.thumbnail.width !== width || this.thumbnail.height !== height) {
      deleteTarget(gl, this.thumbnail);
      this.thumbnail = createTarget(gl, width, height);
    }
    this.pass(this.programs.copy, this.thumbnail, this.frame);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, out);
  }

  setMask(mask: Uint8Array, width: number, height: number): void {
    const { gl } = this;
    gl.bindTexture(gl.TEXTURE_2D, this.mask);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, width, height, 0, gl.RED, gl.UNSIGNED_BYTE, mask);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
  }

  /** The replacement image, already drawn at the output's size (see background-images.ts). */
  setBackground(source: TexImageSource): void {
    const { gl } = this;
    gl.bindTexture(gl.TEXTURE_2D, this.background);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
  }

  render(options: CompositeOptions): void {
    const { gl, programs } = this;
    const blurred = options.mode === "blur" ? this.blur(options.blur) : this.frame;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, this.width, this.height);
    gl.useProgram(programs.composite);
    const units: [string, WebGLTexture][] = [["frame", this.frame], ["blurred", blurred], ["mask", this.mask], ["background", this.background]];
    units.forEach(([name, texture], unit) => {
      gl.activeTexture(gl.TEXTURE0 + unit);
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.uniform1i(gl.getUniformLocation(programs.composite, name), unit);
    });
    gl.uniform2f(gl.getUniformLocation(programs.composite, "size"), this.width, this.height);
    gl.uniform1i(gl.getUniformLocation(programs.composite, "mode"), modeIndex[options.mode]);
    gl.uniform1f(gl.getUniformLocation(programs.composite, "toneStrength"), options.tone.strength);
    gl.uniform1f(gl.getUniformLocation(programs.composite, "toneGain"), Math.max(1, options.tone.gain));
    gl.uniform2f(gl.getUniformLocation(programs.composite, "maskEdge"), MASK_EDGE[0], MASK_EDGE[1]);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.activeTexture(gl.TEXTURE0);
  }

  dispose(): void {
    const { gl } = this;
    for (const target of [...this.pyramid, ...this.scratch, this.thumbnail]) deleteTarget(gl, target);
    for (const texture of [this.frame, this.mask, this.background]) gl.deleteTexture(texture);
    for (const program of Object.values(this.programs)) gl.deleteProgram(program);
  }

  private resize(width: number, height: number): void {
    const { gl } = this;
    this.width = width;
    this.height = height;
    this.canvas.width = width;
    this.canvas.height = height;
    for (const target of [...this.pyramid, ...this.scratch]) deleteTarget(gl, target);
    this.pyramid = [];
    this.scratch = [];
    for (let level = 1; level <= 3; level += 1) {
      const [levelWidth, levelHeight] = [Math.max(1, width >> level), Math.max(1, height >> level)];
      this.pyramid.push(createTarget(gl, levelWidth, levelHeight));
      this.scratch.push(createTarget(gl, levelWidth, levelHeight));
    }
  }

  private blur(strength: BlurStrength): WebGLTexture {
    const { halvings, iterations } = blurPlan[strength];
    let source = this.frame;
    for (let level = 0; level < halvings; level += 1) {
      this.pass(this.programs.copy, this.pyramid[level]!, source);
      source = this.pyramid[level]!.texture;
    }
    const [target, scratch] = [this.pyramid[halvings - 1]!, this.scratch[halvings - 1]!];
    for (let iteration = 0; iteration < iterations; iteration += 1) {
      this.pass(this.programs.blur, scratch, target.texture, [1, 0]);
      this.pass(this.programs.blur, target, scratch.texture, [0, 1]);
    }
    return target.texture;
  }

  private pass(program: WebGLProgram, target: Target, source: WebGLTexture, direction?: [number, number]): void {
    const { gl } = this;
    gl.bindFramebuffer(gl.FRAMEBUFFER, target.framebuffer);
    gl.viewport(0, 0, target.width, target.height);
    gl.useProgram(program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, source);
    gl.uniform1i(gl.getUniformLocation(program, "source"), 0);
    gl.uniform2f(gl.getUniformLocation(program, "size"), target.width, target.height);
    if (direction) gl.uniform2f(gl.getUniformLocation(program, "direction"), direction[0], direction[1]);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }
}
