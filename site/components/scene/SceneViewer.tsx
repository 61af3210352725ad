// The one scene island: any Scene renders through it. Everything scene-specific arrives as props (see types.ts);
// LODs, variants and evidence are data. Mounted with client:only="react" on scene pages only.
import { Canvas } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CameraPose, Vec3 } from '../../../model/scene.ts';
import { CameraRig, type NavMode } from './camera-rig.tsx';
import { EvidenceLegend } from './evidence-legend.tsx';
import { HotspotMarkers } from './hotspot-markers.tsx';
import { HotspotPanel } from './hotspot-panel.tsx';
import { SceneModel } from './scene-model.tsx';
import { TourBar } from './tour-bar.tsx';
import type { ViewerHotspot, ViewerProps } from './types.ts';
import { loadLod, useProgressiveModel } from './use-progressive-model.ts';
import { fill } from './fill.ts';

// Marks for scripts/bench/scene.ts: where the time before the first frame goes.
performance.mark('scene-island-eval');

function hasWebGL(): boolean {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => matchMedia('(prefers-reduced-motion: reduce)').matches);
  useEffect(() => {
    const mq = matchMedia('(prefers-reduced-motion: reduce)');
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

/** A hotspot without its own camera is seen from 1.3 m away, on the side of the starting viewpoint. */
function poseFor(h: ViewerHotspot, start: CameraPose): CameraPose {
  if (h.camera) return h.camera;
  const d = start.position.map((v, i) => v - h.position[i]!);
  const len = Math.hypot(...d) || 1;
  const k = Math.min(1.3, len) / len;
  return { position: h.position.map((v, i) => v + d[i]! * k) as Vec3, target: h.position, fov: start.fov };
}

export default function SceneViewer(props: ViewerProps) {
  const { strings: s, hotspots, tour, variants } = props;
  const [webgl] = useState(hasWebGL);
  const reducedMotion = useReducedMotion();
  const [mode, setMode] = useState<NavMode>('orbit');
  const [pose, setPose] = useState<CameraPose>(props.camera);
  const [active, setActive] = useState<string | undefined>();
  const [step, setStep] = useState(-1);
  const [evidenceOn, setEvidenceOn] = useState(false);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [variantId, setVariantId] = useState(variants[0]?.id);
  const variant = variants.find((v) => v.id === variantId) ?? variants[0];
  // Idempotent: starts the first view's download and decode now instead of after the canvas has mounted.
  if (webgl && variant?.lods[0]) void loadLod(variant.lods[0]).catch(() => undefined);
  const model = useProgressiveModel(useMemo(() => variant?.lods ?? [], [variant]));
  const region = useRef<HTMLDivElement>(null);
  const bench = useMemo(() => new URLSearchParams(location.search).has('bench'), []);

  const select = useCallback(
    (id: string | undefined, fly = true) => {
      setActive(id);
      const h = hotspots.find((x) => x.id === id);
      if (h && fly) setPose(poseFor(h, props.camera));
      history.replaceState(null, '', id ? `#${id}` : location.pathname + location.search);
    },
    [hotspots, props.camera],
  );

  // Deep links: #hotspot-id opens that hotspot, on load and when the fragment changes.
  useEffect(() => {
    const fromHash = () => {
      const id = decodeURIComponent(location.hash.slice(1));
      if (hotspots.some((h) => h.id === id)) {
        select(id);
        region.current?.scrollIntoView({ block: 'nearest' });
      }
    };
    fromHash();
    addEventListener('hashchange', fromHash);
    return () => removeEventListener('hashchange', fromHash);
  }, [hotspots, select]);

  const goStep = (i: number) => {
    const t = tour[i];
    if (!t) return;
    setStep(i);
    setPose(t.camera);
    select(t.hotspot, false);
  };

  if (!webgl)
    return (
      <p className="scene-fallback" role="status">
        {s['viewer.noWebgl']} <a href={`#${props.textId}`}>{s['viewer.textLink']}</a>
      </p>
    );

  const activeHotspot = hotspots.find((h) => h.id === active);
  return (
    <div className="scene-viewer" data-evidence={evidenceOn ? 'on' : 'off'} data-level={model.level ?? ''}>
      <div className="scene-toolbar">
        <div role="group" aria-label={s['mode.label']}>
          {(['orbit', 'walk'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {s[`mode.${m}`]}
            </button>
          ))}
        </div>
        {variants.length > 1 && (
          <label>
            {s['variant.label']}{' '}
            <select value={variantId} onChange={(e) => setVariantId(e.target.value)}>
              {variants.map((v) => (
                <option key={v.id} value={v.id}>{v.label}</option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="scene-evidence-toggle" aria-pressed={evidenceOn} onClick={() => setEvidenceOn((on) => !on)}>
          {s['evidence.toggle']}
        </button>
      </div>
      <div
        ref={region}
        className="scene-stage"
        tabIndex={0}
        role="region"
        aria-label={fill(s['viewer.label'] ?? '', { title: props.title })}
        aria-describedby="scene-keys-help"
      >
        <Canvas
          frameloop={bench ? 'always' : 'demand'}
          dpr={[1, 2]}
          camera={{ position: props.camera.position, fov: props.camera.fov, near: 0.03, far: 60 }}
          onCreated={({ gl }) => {
            gl.setClearColor('#1b1612');
            performance.mark('scene-canvas-ready');
          }}
        >
          <hemisphereLight args={['#fff4e0', '#4a3a2a', 1.6]} />
          <pointLight position={[0.2, 2.3, 0.9]} intensity={5} decay={1.6} color="#ffe2b8" />
          <pointLight position={[0, 1.8, 3.2]} intensity={4} decay={1.4} color="#fff6e8" />
          {model.object && variant && (
            <SceneModel object={model.object} evidence={variant.evidence} evidenceOn={evidenceOn} onCounts={setCounts} />
          )}
          <HotspotMarkers hotspots={hotspots} active={active} onSelect={(id) => select(active === id ? undefined : id)} />
          <CameraRig mode={mode} pose={pose} reducedMotion={reducedMotion} keyTarget={region} />
        </Canvas>
        {(model.loading || model.error) && (
          <p className="scene-status" role="status">
            {model.error ? s['viewer.error'] : model.object ? s['viewer.loadingDetail'] : s['viewer.loading']}
          </p>
        )}
        {evidenceOn && <EvidenceLegend strings={s} counts={counts} />}
      </div>
      <p id="scene-keys-help" className="scene-keys-help">{s['keys.help']}</p>
      <HotspotPanel hotspot={activeHotspot} strings={s} onClose={() => select(undefined, false)} />
      {tour.length > 0 && <TourBar strings={s} tour={tour} step={step} onStep={goStep} />}
    </div>
  );
}
