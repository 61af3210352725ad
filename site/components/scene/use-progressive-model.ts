// Loads a model's LODs in manifest order; each one replaces the previous once it has loaded, so the first view
// appears fast and the detail follows. Decoders come from our own origin: meshopt is bundled JS; three's
// DRACOLoader references its wasm with `new URL(…, import.meta.url)`, which Vite emits into /_astro/ (no CDN).
import { useEffect, useState } from 'react';
import type * as THREE from 'three';
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import type { ModelLod } from '../../../formats/manifests/models.ts';

export interface ModelState {
  object?: THREE.Group;
  level?: string;
  /** The LOD list the object on screen came from (a variant switch keeps the old model until the new one loads). */
  lods?: ModelLod[];
  loading: boolean;
  error?: string;
}

let draco: DRACOLoader | undefined;

function loaderFor(lod: Pick<ModelLod, 'compression'>): GLTFLoader {
  // meshopt decodes on the main thread: a first view takes a few ms there, while MeshoptDecoder.useWorkers()
  // cost a worker start-up plus a message round trip per buffer view (216 for the pagoda), measured at
  // 300–1100 ms before its first frame on the benchmark machine.
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  if (lod.compression === 'draco') {
    draco ??= new DRACOLoader();
    loader.setDRACOLoader(draco);
  }
  return loader;
}

const pending = new Map<string, Promise<GLTF>>();

/** Memoized per URL, so the island can start fetching and decoding the first view during its first render,
 * before the canvas exists (the hook then picks up the same promise). */
export function loadLod(lod: Pick<ModelLod, 'url' | 'compression'>): Promise<GLTF> {
  let p = pending.get(lod.url);
  if (!p) {
    p = loaderFor(lod).loadAsync(lod.url);
    if (pending.size === 0)
      void p.then(
        () => performance.mark('scene-model-loaded'),
        () => undefined,
      ); // for the bench
    p.catch(() => pending.delete(lod.url)); // a failed load may be retried by a later mount
    pending.set(lod.url, p);
  }
  return p;
}

/** Data-saver visitors get the first view only. */
function wantsLessData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

export function useProgressiveModel(lods: ModelLod[]): ModelState {
  const [state, setState] = useState<ModelState>({ loading: lods.length > 0 });
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: lods.length > 0 }));
    (async () => {
      const chain = wantsLessData() ? lods.slice(0, 1) : lods;
      for (const [i, lod] of chain.entries()) {
        try {
          const gltf = await loadLod(lod);
          if (cancelled) return;
          if (i === 0) performance.mark('scene-model-decoded');
          setState({ object: gltf.scene, level: lod.level, lods, loading: i < chain.length - 1 });
        } catch (err) {
          if (cancelled) return;
          // A failed refinement keeps the coarser model on screen; only a failed first view is an error.
          setState((s) => (s.object ? { ...s, loading: false } : { loading: false, error: String((err as Error)?.message ?? err) }));
          return;
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [lods]);
  return state;
}
