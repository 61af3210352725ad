// The viewer's WebGL context, created by the page script (scene-start.ts) once the visitor starts the view, while the
// island's JavaScript is still downloading and compiling. Creating a context is synchronous and, under
// Chromium's software GPU, took 200–400 ms of main thread; inside the island it sat between React's first render
// and the first frame, and it also held up the model's decode callbacks. Created early, it fills time the main
// thread would otherwise spend waiting for code. scene-canvas.tsx adopts it; without it (the script failed, or no
// WebGL) the canvas creates its own as before.

/** What R3F asks three for (createRenderer's defaults) plus three's own defaults: the context must be one the
 * renderer would have made itself, or the pixels would differ. */
const ATTRIBUTES: WebGLContextAttributes = {
  alpha: true,
  antialias: true,
  depth: true,
  stencil: false,
  premultipliedAlpha: true,
  preserveDrawingBuffer: false,
  powerPreference: 'high-performance',
  failIfMajorPerformanceCaveat: false,
};

let early: { canvas: HTMLCanvasElement; context: WebGL2RenderingContext } | undefined;
let taken = false;

/** Whether this browser gives a WebGL 2 context (the first answer is kept: it is asked once per page). */
export function createEarlyContext(): boolean {
  if (early || taken) return true; // the canvas already started without it: a second context would be waste
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('webgl2', ATTRIBUTES);
  if (context) early = { canvas, context };
  return Boolean(context);
}

/** Hands the early canvas and context over once (a remounted viewer makes its own). */
export function takeEarlyContext(): { canvas: HTMLCanvasElement; context: WebGL2RenderingContext } | undefined {
  const made = early;
  early = undefined;
  taken = true;
  return made && !made.context.isContextLost() ? made : undefined;
}
