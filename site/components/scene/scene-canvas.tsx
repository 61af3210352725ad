// The viewer's canvas: R3F's documented createRoot API instead of R3F's <Canvas>. <Canvas> learns its size from
// a ResizeObserver (react-use-measure, debounced 50 ms), so it creates the WebGL renderer only after the next
// rendering frame; with a page of text being rasterised by a software GPU that frame came 200–900 ms after the
// island mounted (Chromium traces, benchmark machine). Here the size is read right after the commit and the
// renderer starts at once, on the context scene-start.ts made if there is one (early-gl.ts); a ResizeObserver
// keeps the size up to date afterwards. Kept from <Canvas>: every THREE class as a JSX element, pointer events on
// the wrapper (drei's Html and OrbitControls attach there), errors passed to the nearest error boundary, teardown
// on unmount.
import { createRoot, events, extend, type Catalogue, type ReconcilerRoot, type RenderProps, type RootState } from '@react-three/fiber';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import * as THREE from 'three';
import { takeEarlyContext } from './early-gl.ts';
import { WebGLBoundary } from './webgl-boundary.tsx';

// As <Canvas> does: the namespace also holds non-constructors (UniformsUtils…), which the types reject.
extend(THREE as unknown as Catalogue);

export interface SceneCanvasProps extends Pick<RenderProps<HTMLCanvasElement>, 'frameloop' | 'dpr' | 'camera'> {
  onCreated?: (state: RootState) => void;
  children: ReactNode;
}

export function SceneCanvas({ onCreated, children, ...config }: SceneCanvasProps) {
  const wrap = useRef<HTMLDivElement>(null);
  // Not rendered by React: it may be the canvas whose context scene-start.ts already made (early-gl.ts).
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const early = useRef<ReturnType<typeof takeEarlyContext>>(undefined);
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null);
  const [size, setSize] = useState<{ width: number; height: number; top: number; left: number }>();
  const [error, setError] = useState<unknown>();
  if (error) throw error; // to the boundary around this component (no WebGL: the viewer's fallback)

  // A passive effect, not a layout effect: the scene's children read refs of the viewer's own elements (the
  // keyboard target), which React attaches to ancestors only after this component's layout effects have run.
  useEffect(() => {
    const box = wrap.current;
    if (!box) return;
    const measured = size ?? (({ width, height, top, left }) => ({ width, height, top, left }))(box.getBoundingClientRect());
    if (measured.width === 0 || measured.height === 0) return; // hidden: the ResizeObserver brings a size later
    if (!canvas.current) {
      early.current = takeEarlyContext();
      const el = early.current?.canvas ?? document.createElement('canvas');
      el.style.display = 'block';
      box.appendChild(el);
      canvas.current = el;
      root.current = createRoot(el);
    }
    const ctx = early.current;
    root
      .current!.configure({
        ...config,
        // A factory (not an instance), so R3F still owns and disposes the renderer built on the early context.
        ...(ctx ? { gl: (defaults: THREE.WebGLRendererParameters) => new THREE.WebGLRenderer({ ...defaults, canvas: ctx.canvas, context: ctx.context }) } : {}),
        events,
        size: measured,
        onCreated: (state) => {
          state.events.connect?.(box);
          onCreated?.(state);
        },
      })
      .catch(setError);
    root.current!.render(
      <WebGLBoundary onError={setError}>
        <Suspense fallback={null}>{children}</Suspense>
      </WebGLBoundary>,
    );
  });

  useEffect(() => {
    const box = wrap.current;
    if (!box) return;
    const ro = new ResizeObserver(() => {
      const { width, height, top, left } = box.getBoundingClientRect();
      setSize((s) => (s && s.width === width && s.height === height ? s : { width, height, top, left }));
    });
    ro.observe(box);
    return () => ro.disconnect();
  }, []);

  useEffect(
    () => () => {
      root.current?.unmount();
      root.current = null;
      canvas.current?.remove();
      canvas.current = null;
    },
    [],
  );

  // `clip`, not `hidden`: an overflow-hidden box is still a scroll container, and focusing a hotspot label laid out
  // past its edge (drei's Html puts the labels in this box) scrolled it, pushing the canvas up and leaving the
  // lower part of the view black. A clipping box cannot be scrolled at all.
  return <div ref={wrap} style={{ position: 'relative', width: '100%', height: '100%', overflow: 'clip' }} />;
}
