// The one scene island: any Scene renders through it. Everything scene-specific arrives as props (see types.ts);
// LODs, variants and evidence are data. Mounted with client:only="react" on scene pages only.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CameraPose, Vec3 } from '../../../model/scene.ts';
import { CameraRig, type NavMode } from './camera-rig.tsx';
import { SceneCanvas } from './scene-canvas.tsx';
import { SpokenView } from './spoken-view.tsx';
import { EvidenceLegend } from './evidence-legend.tsx';
import { HotspotMarkers } from './hotspot-markers.tsx';
import { HotspotPanel } from './hotspot-panel.tsx';
import { SceneModel } from './scene-model.tsx';
import { TimelineSlider } from './timeline-slider.tsx';
import { TourBar, TourCaption } from './tour-bar.tsx';
import { LEVEL_SELECT_EVENT, type LevelSelectDetail, type ViewerHotspot, type ViewerProps } from './types.ts';
import { loadLod, useProgressiveModel } from './use-progressive-model.ts';
import { fill } from '../../i18n/fill.ts';
import { WebGLBoundary } from './webgl-boundary.tsx';
import { onReducedMotionChange, reducedMotion } from '../comfort/motion.ts';
import { fullscreenAvailable, toggleFullscreen, watchFullscreen } from '../common/fullscreen.ts';
import { SceneStill } from './scene-still.tsx';
import { gapAfter } from '../../i18n/spacing.ts';

// Marks for scripts/bench/scene.ts: where the time before the first frame goes.
performance.mark('scene-island-eval');

function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(reducedMotion);
  useEffect(() => onReducedMotionChange(() => setReduced(reducedMotion())), []);
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

/** Near/far planes and zoom range follow the scene's scale (a 3 m room or a 67 m tower), read off the start pose. */
function scaleOf(camera: CameraPose) {
  const d = Math.hypot(...camera.position.map((v, i) => v - camera.target[i]!));
  return { near: Math.max(0.03, d / 1000), far: Math.max(60, d * 20), maxDistance: Math.max(8, d * 2.5) };
}

const MOVE_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;

export default function SceneViewer(props: ViewerProps) {
  const { strings: s, hotspots, tour, variants, levels, views } = props;
  const scale = useMemo(() => scaleOf(props.camera), [props.camera]);
  const start = props.start;
  const [exploded, setExploded] = useState(start?.view === 'explode');
  const [sectioned, setSectioned] = useState(start?.view === 'section');
  const [picked, setPicked] = useState<string | undefined>();
  // No probe context here (see webgl-boundary.tsx): a browser without the API at all is caught now, one whose
  // context cannot be created is caught when the canvas starts.
  const [webgl, setWebgl] = useState(() => typeof WebGLRenderingContext !== 'undefined');
  const [crashed, setCrashed] = useState(false);
  const reducedMotion = useReducedMotion();
  const [mode, setMode] = useState<NavMode>('orbit');
  const [pose, setPose] = useState<CameraPose>(() => {
    const h = hotspots.find((x) => x.id === start?.hotspot);
    return start?.camera ?? (h ? poseFor(h, props.camera) : props.camera);
  });
  const [active, setActive] = useState<string | undefined>(start?.hotspot);
  const [step, setStep] = useState(-1);
  const [evidenceOn, setEvidenceOn] = useState(start?.evidence === true || start?.view === 'evidence');
  const [spoken, setSpoken] = useState('');
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [variantId, setVariantId] = useState(start?.variant ?? variants[0]?.id);
  const keysHelp = `${useId()}-keys`;
  const variant = variants.find((v) => v.id === variantId) ?? variants[0];
  // Idempotent: starts the first view's download and decode now instead of after the canvas has mounted.
  if (webgl && variant?.lods[0]) void loadLod(variant.lods[0]).catch(() => undefined);
  const model = useProgressiveModel(useMemo(() => variant?.lods ?? [], [variant]));
  const shown = variants.find((v) => v.lods === model.lods);
  const pickLevel = useCallback(
    (node: string) => {
      setPicked(node);
      dispatchEvent(new CustomEvent<LevelSelectDetail>(LEVEL_SELECT_EVENT, { detail: { scene: props.sceneId, node } }));
    },
    [props.sceneId],
  );
  const region = useRef<HTMLDivElement>(null);
  const viewer = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const [canFullscreen] = useState(fullscreenAvailable);
  useEffect(() => (viewer.current ? watchFullscreen(viewer.current, setFullscreen) : undefined), []);
  const [offsets, setOffsets] = useState<Record<string, Vec3>>({});
  const bench = useMemo(() => new URLSearchParams(location.search).has('bench'), []);

  const select = useCallback(
    (id: string | undefined, fly = true) => {
      setActive(id);
      const h = hotspots.find((x) => x.id === id);
      if (h && fly) setPose(poseFor(h, props.camera));
      if (!props.embedded) history.replaceState(null, '', id ? `#${id}` : location.pathname + location.search);
    },
    [hotspots, props.camera, props.embedded],
  );

  // Deep links: #hotspot-id opens that hotspot, on load and when the fragment changes.
  useEffect(() => {
    if (props.embedded) return;
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
  }, [hotspots, select, props.embedded]);

  const goStep = (i: number) => {
    const t = tour[i];
    if (!t) return;
    setStep(i);
    setPose(t.camera);
    select(t.hotspot, false);
    // The stop is seen in the view, its caption over it: a phone that scrolled down to the tour's buttons is brought
    // back to it. The buttons sit right under the view, so both stay in sight.
    region.current?.scrollIntoView({ block: 'nearest', behavior: reducedMotion ? 'auto' : 'smooth' });
  };

  if (!webgl)
    return (
      <SceneStill still={props.still}>
        <p className="scene-fallback" role="status">
          {s['viewer.noWebgl']}
          {gapAfter(s['viewer.noWebgl'] ?? '')}
          <a href={`#${props.textId}`}>{s['viewer.textLink']}</a>
        </p>
      </SceneStill>
    );

  const activeHotspot = hotspots.find((h) => h.id === active);
  return (
    <div
      ref={viewer}
      className="scene-viewer"
      data-fullscreen={fullscreen ? 'on' : 'off'}
      data-evidence={evidenceOn ? 'on' : 'off'}
      data-level={model.level ?? ''}
      data-variant={shown?.id ?? ''}
      data-picked={picked ?? ''}
      data-views={`${exploded ? 'exploded' : ''} ${sectioned ? 'section' : ''}`.trim()}
    >
      <div className="scene-toolbar">
        <div role="group" aria-label={s['mode.label']}>
          {(['orbit', 'walk'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {s[`mode.${m}`]}
            </button>
          ))}
        </div>
        {variants.length > 1 && !props.timeline && (
          <label>
            {s['variant.label']}{' '}
            <select value={variantId} onChange={(e) => setVariantId(e.target.value)}>
              {variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="scene-evidence-toggle" aria-pressed={evidenceOn} onClick={() => setEvidenceOn((on) => !on)}>
          {s['evidence.toggle']}
        </button>
        {views.section && (
          <button type="button" aria-pressed={sectioned} data-view="section" onClick={() => setSectioned((on) => !on)}>
            {s['views.section']}
          </button>
        )}
        {views.explode && levels.length > 0 && (
          <button type="button" aria-pressed={exploded} data-view="explode" onClick={() => setExploded((on) => !on)}>
            {s['views.explode']}
          </button>
        )}
        {canFullscreen && (
          <button type="button" className="scene-fullscreen" aria-pressed={fullscreen} onClick={() => viewer.current && void toggleFullscreen(viewer.current)}>
            {fullscreen ? s['viewer.exitFullscreen'] : s['viewer.fullscreen']}
          </button>
        )}
      </div>
      {props.timeline && variants.length > 1 && (
        <TimelineSlider
          label={props.timeline.label}
          previous={s['timeline.previous'] ?? ''}
          next={s['timeline.next'] ?? ''}
          variants={variants}
          index={Math.max(
            0,
            variants.findIndex((v) => v.id === variantId),
          )}
          onChange={(i) => setVariantId(variants[i]?.id)}
          narrated={start?.narrated ? start.variant : undefined}
        />
      )}
      <div
        ref={region}
        className="scene-stage"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the view takes arrow keys to move the camera, so it must be focusable.
        tabIndex={0}
        role="region"
        aria-label={fill(s['viewer.label'] ?? '', { title: props.title })}
        aria-describedby={keysHelp}
      >
        <WebGLBoundary onError={(e) => (/webgl/i.test(String((e as Error)?.message ?? e)) ? setWebgl(false) : setCrashed(true))}>
          <SceneCanvas
            frameloop={bench ? 'always' : 'demand'}
            dpr={[1, 2]}
            camera={{ position: props.camera.position, fov: props.camera.fov, near: scale.near, far: scale.far }}
            onCreated={({ gl }) => {
              gl.setClearColor(props.setting === 'exterior' ? '#c7d3da' : '#1b1612');
              performance.mark('scene-canvas-ready');
            }}
          >
            {props.setting === 'exterior' ? (
              <>
                <hemisphereLight args={['#eef4ff', '#5a4a38', 1.4]} />
                <directionalLight position={[0.6, 1, 0.8]} intensity={2.2} color="#fff3e0" />
              </>
            ) : (
              <>
                <hemisphereLight args={['#fff4e0', '#4a3a2a', 1.6]} />
                <pointLight position={[0.2, 2.3, 0.9]} intensity={5} decay={1.6} color="#ffe2b8" />
                <pointLight position={[0, 1.8, 3.2]} intensity={4} decay={1.4} color="#fff6e8" />
              </>
            )}
            {model.object && variant && (
              <SceneModel
                object={model.object}
                evidence={(shown ?? variant).evidence}
                evidenceOn={evidenceOn}
                onCounts={setCounts}
                levels={levels}
                views={views}
                exploded={exploded}
                sectioned={sectioned}
                onLevel={pickLevel}
                hotspots={hotspots}
                onHotspotOffsets={setOffsets}
              />
            )}
            <HotspotMarkers hotspots={hotspots} active={active} offsets={offsets} onSelect={(id) => select(active === id ? undefined : id)} />
            <CameraRig mode={mode} pose={pose} reducedMotion={reducedMotion} keyTarget={region} maxDistance={scale.maxDistance} />
            {model.object && <SpokenView parts={props.parts} strings={s} onSpoken={setSpoken} />}
          </SceneCanvas>
        </WebGLBoundary>
        {(model.loading || model.error || crashed) && (
          <p className="scene-status" role="status">
            {model.error || crashed
              ? s['viewer.error']
              : model.object && shown !== variant
                ? s['viewer.loadingVariant']
                : model.object
                  ? s['viewer.loadingDetail']
                  : s['viewer.loading']}
          </p>
        )}
        {evidenceOn && <EvidenceLegend strings={s} counts={counts} />}
        {tour.length > 0 && <TourCaption tour={tour} step={step} />}
      </div>
      {tour.length > 0 && <TourBar strings={s} tour={tour} step={step} onStep={goStep} />}
      <p id={keysHelp} className="scene-keys-help">
        {s['keys.help']}
        {levels.length > 0 && <> {s['level.help']}</>}
      </p>
      {/* The arrow keys as buttons, so moving the camera never needs a drag; a press sends the key to the view,
          so both move it alike. */}
      <div className="scene-moves" role="group" aria-label={s['move.label']}>
        {MOVE_KEYS.map((key) => (
          <button type="button" key={key} onClick={() => region.current?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))}>
            {s[`move.${mode}.${key}`]}
          </button>
        ))}
      </div>
      <p className="scene-spoken" aria-live="polite" data-scene-spoken>
        {spoken}
      </p>
      {levels.length > 0 && (
        <p className="scene-picked" role="status">
          {picked ? fill(s['level.selected'] ?? '', { label: levels.find((l) => l.node === picked)?.label ?? picked }) : ''}
        </p>
      )}
      <HotspotPanel hotspot={activeHotspot} strings={s} onClose={() => select(undefined, false)} />
    </div>
  );
}
