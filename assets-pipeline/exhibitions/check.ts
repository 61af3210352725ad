// Checks one `content/exhibitions/<slug>/exhibition.yaml` against what the platform publishes (the exhibitions
// content type runs it for `validate`, `ingest` and `build`): each broken reference a curator can write (unknown
// artifact, scene, hotspot, drama, episode, place, route, series, panorama, panorama variant or hotspot; a region
// outside its image; a clip outside its episode; an own file that is missing or links out of its folder) is a
// Problem with the file, the YAML line and the field, so `heritage validate` lists them all and nothing is published.
import path from 'node:path';
import { slugProblem } from '../ingest/content-type.ts';
import sharp from 'sharp';
import { confine } from '../../model/confine.ts';
import { exhibition, parseXywh, type Exhibition, type StepMedia } from '../../model/exhibition.ts';
import type { Drama } from '../../model/drama.ts';
import type { MonitoringMeta } from '../../model/monitoring.ts';
import type { Panorama } from '../../model/panorama.ts';
import type { Scene } from '../../model/scene.ts';
import type { ArtifactImages } from '../ingest/content-type.ts';
import type { Problems } from '../ingest/problems.ts';
import { loadYaml, type KeyPath } from '../ingest/yaml-file.ts';

/** What an exhibition may point at: the records of the types checked before it (`exhibitionRefs`). */
export interface ExhibitionRefs {
  /** Artifact id → its collection and its image media paths, in record order. */
  artifacts: ReadonlyMap<string, ArtifactImages>;
  scenes: Map<string, Scene>;
  dramas: Map<string, Drama>;
  places: Set<string>;
  routes: Set<string>;
  monitoring: Map<string, MonitoringMeta>;
  /** Panorama id → the panorama (its variants and hotspots). */
  panoramas: ReadonlyMap<string, Panorama>;
  /** Pixel size of a collection's source image, undefined when it cannot be read. */
  imageSize: (collection: string, mediaPath: string) => Promise<{ width: number; height: number } | undefined>;
}

/** Source images are read once per run however many steps crop them. */
export function sourceImageSize(collectionsDir: string): ExhibitionRefs['imageSize'] {
  const cache = new Map<string, Promise<{ width: number; height: number } | undefined>>();
  return (collection, mediaPath) => {
    const file = path.join(collectionsDir, collection, 'media', mediaPath);
    let size = cache.get(file);
    if (!size) {
      size = sharp(file)
        .metadata()
        .then(
          (m) => (m.width && m.height ? { width: m.autoOrient?.width ?? m.width, height: m.autoOrient?.height ?? m.height } : undefined),
          () => undefined,
        );
      cache.set(file, size);
    }
    return size;
  };
}

/** Checks one `exhibition.yaml`; its problems go to `problems`, and it comes back only without any. */
export async function checkExhibition(file: string, refs: ExhibitionRefs, problems: Problems): Promise<Exhibition | undefined> {
  const yaml = loadYaml(file, problems);
  if (!yaml) return undefined;
  const dir = path.dirname(file);
  const folder = path.basename(dir);
  const before = problems.count;
  const add = (at: KeyPath, message: string) => problems.add(file, yaml.lineOf(at), at.join('.') || '-', message);
  if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
    add([], 'must be a mapping of fields (title, summary, cover, steps, …)');
    return undefined;
  }
  const parsed = exhibition.safeParse({ type: 'exhibition', id: folder, ...yaml.value });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      add(
        issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        issue.message,
      );
    return undefined;
  }
  const e = parsed.data;
  if (e.id !== folder) add(['id'], `"${e.id}" must equal its folder name "${folder}"`);
  const taken = slugProblem('exhibition', e.id);
  if (taken) add(['id'], taken);
  if ('artifact' in e.cover) {
    const cover = refs.artifacts.get(e.cover.artifact);
    if (!cover) add(['cover', 'artifact'], `unknown artifact "${e.cover.artifact}"`);
    else if (!cover.images[e.cover.image]) add(['cover', 'image'], `artifact "${e.cover.artifact}" has no image ${e.cover.image} (images are counted from 0)`);
  }
  for (const [i, step] of e.steps.entries()) for (const [j, media] of step.media.entries()) await checkMedia(media, ['steps', i, 'media', j], dir, refs, add);
  return problems.count === before ? e : undefined;
}

async function checkMedia(m: StepMedia, at: KeyPath, dir: string, refs: ExhibitionRefs, add: (at: KeyPath, message: string) => void): Promise<void> {
  switch (m.kind) {
    case 'artifacts':
      m.ids.forEach((id, k) => {
        if (!refs.artifacts.has(id)) add([...at, 'ids', k], `unknown artifact "${id}"`);
      });
      return;
    case 'region': {
      const a = refs.artifacts.get(m.artifact);
      if (!a) return add([...at, 'artifact'], `unknown artifact "${m.artifact}"`);
      const image = a.images[m.image];
      if (!image) return add([...at, 'image'], `artifact "${m.artifact}" has no image ${m.image} (it has ${a.images.length}, counted from 0)`);
      const size = await refs.imageSize(a.collection, image);
      if (!size) return add([...at, 'image'], `cannot read the image media/${image} of "${m.artifact}"`);
      const r = parseXywh(m.xywh);
      if (r.x + r.w > size.width || r.y + r.h > size.height)
        add([...at, 'xywh'], `region ${m.xywh} lies outside the image (${size.width}×${size.height} pixels)`);
      return;
    }
    case 'scene': {
      const s = refs.scenes.get(m.scene);
      if (!s) return add([...at, 'scene'], `unknown scene "${m.scene}"`);
      if (m.hotspot && !s.hotspots.some((h) => h.id === m.hotspot)) add([...at, 'hotspot'], `scene "${m.scene}" has no hotspot "${m.hotspot}"`);
      if (m.phase && !s.variants.some((v) => v.id === m.phase)) add([...at, 'phase'], `scene "${m.scene}" has no phase (variant) "${m.phase}"`);
      if (m.view === 'section' && !s.views.section) add([...at, 'view'], `scene "${m.scene}" offers no section view`);
      if (m.view === 'explode' && !s.views.explode) add([...at, 'view'], `scene "${m.scene}" offers no exploded view`);
      return;
    }
    case 'clip': {
      const d = refs.dramas.get(m.drama);
      if (!d) return add([...at, 'drama'], `unknown drama "${m.drama}"`);
      const ep = d.episodes.find((x) => x.id === m.episode);
      if (!ep) return add([...at, 'episode'], `drama "${m.drama}" has no episode "${m.episode}"`);
      // A curator's own video file is measured by the video stage; a stand-in declares its length here.
      const duration = 'duration' in ep.video ? ep.video.duration : undefined;
      if (duration !== undefined && m.end > duration) add([...at, 'end'], `the clip ends at ${m.end} s, after the episode (${duration} s)`);
      return;
    }
    case 'globe':
      m.places.forEach((p, k) => {
        if (!refs.places.has(p)) add([...at, 'places', k], `unknown place "${p}" (not in content/places.yaml)`);
      });
      m.routes.forEach((r, k) => {
        if (!refs.routes.has(r)) add([...at, 'routes', k], `unknown route "${r}" (not in content/routes.yaml)`);
      });
      return;
    case 'chart': {
      const meta = refs.monitoring.get(m.scene);
      if (!meta) return add([...at, 'scene'], `no monitoring data for "${m.scene}"`);
      const ds = meta.datasets.find((d) => d.id === m.dataset);
      if (!ds) return add([...at, 'dataset'], `no monitoring dataset "${m.dataset}" for "${m.scene}"`);
      m.series.forEach((s, k) => {
        if (!ds.series.some((x) => x.column === s)) add([...at, 'series', k], `dataset "${m.dataset}" has no series "${s}"`);
      });
      return;
    }
    case 'image': {
      // Read only from inside the exhibition's own folder, links followed.
      const own = confine(dir, m.path, `content/exhibitions/${path.basename(dir)}/`);
      if ('problem' in own) add([...at, 'path'], own.problem);
      return;
    }
    case 'narration':
      for (const [lang, file] of Object.entries(m.audio)) {
        const own = confine(dir, file, `content/exhibitions/${path.basename(dir)}/`);
        if ('problem' in own) add([...at, 'audio', lang], own.problem);
      }
      return;
    case 'panorama': {
      const p = refs.panoramas.get(m.panorama);
      if (!p) return add([...at, 'panorama'], `unknown panorama "${m.panorama}" (not in content/panoramas/)`);
      if (m.variant && !p.variants.some((v) => v.id === m.variant))
        add([...at, 'variant'], `panorama "${m.panorama}" has no variant "${m.variant}" (it has ${p.variants.map((v) => v.id).join(', ')})`);
      if (m.hotspot && !p.hotspots.some((h) => h.id === m.hotspot)) add([...at, 'hotspot'], `panorama "${m.panorama}" has no hotspot "${m.hotspot}"`);
      return;
    }
    case 'quote':
      return;
  }
}
