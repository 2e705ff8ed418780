/**
 * Ticks at a steady rate even in a hidden tab. Timers and requestAnimationFrame on the page are throttled to once
 * a second (or stopped) when the tab is in the background; a dedicated worker's timers are not, so the composite
 * keeps its frame rate while the host looks at another tab.
 */
export class FrameClock {
  private worker: Worker | null = null;
  private url: string | null = null;

  constructor(private readonly fps: number, private readonly onTick: () => void) {}

  start(): void {
    if (this.worker) return;
    const source = `let timer; onmessage = (e) => { clearInterval(timer); if (e.data > 0) timer = setInterval(() => postMessage(0), e.data); };`;
    this.url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    this.worker = new Worker(this.url);
    this.worker.onmessage = () => this.onTick();
    this.worker.postMessage(Math.round(1000 / this.fps));
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
  }
}
