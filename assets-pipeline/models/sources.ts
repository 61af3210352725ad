// What the model stage must build: one job per (scene, variant). A job knows how to produce its input .glb
// bytes and a hash of everything that input depends on, so unchanged inputs are skipped without being rebuilt.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document } from '@gltf-transform/core';
import { ROOT } from '../../model/paths.ts';
import { modelIO } from './optimize.ts';
import type { ModelSource, Scene } from '../../model/scene.ts';
import { modelKey } from '../../formats/manifests/models.ts';
import { confine } from '../../model/confine.ts';

export interface ModelJob {
  key: string;
  label: string;
  source: string;
  inputHash: string;
  load(): Promise<Uint8Array>;
}

function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(path.relative(ROOT, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  return h.digest('hex');
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

/** Generators live in `scenes/<name>/generate.ts` and export `generate(): Promise<Document>`. */
export function generatorDir(name: string, scenesCodeDir = path.join(ROOT, 'scenes')): string {
  return path.join(scenesCodeDir, name);
}

/** `scene`: only its id is read, so a worker can rebuild the job from a job's data. */
export function jobFor(scene: Pick<Scene, 'id'>, variantId: string, source: ModelSource, contentScenesDir: string, scenesCodeDir?: string): ModelJob {
  const key = modelKey(scene.id, variantId);
  if ('generator' in source) {
    const dir = generatorDir(source.generator, scenesCodeDir);
    const entry = path.join(dir, 'generate.ts');
    if (!fs.existsSync(entry)) throw new Error(`scene "${scene.id}" variant "${variantId}": no generator at ${path.relative(ROOT, entry)}`);
    // The shared glTF helper sits one level up and shapes every generator's output, so it is part of the input.
    const shared = path.join(path.dirname(dir), 'gltf-document.ts');
    const files = [...listFiles(dir), ...(fs.existsSync(shared) ? [shared] : [])].filter((f) => /\.(ts|json|svg|png)$/.test(f));
    return {
      key,
      label: `${key} (generator ${source.generator})`,
      source: `generator:${source.generator}`,
      // Parameters (a phase…) are inputs too: two variants of one generator differ only by them.
      inputHash: source.params ? createHash('sha256').update(hashFiles(files)).update(JSON.stringify(source.params)).digest('hex') : hashFiles(files),
      async load() {
        const mod = (await import(pathToFileURL(entry).href)) as { generate?: (params: Record<string, unknown>) => Promise<Document> };
        if (typeof mod.generate !== 'function') throw new Error(`${path.relative(ROOT, entry)} does not export generate()`);
        return (await modelIO()).writeBinary(await mod.generate(source.params ?? {}));
      },
    };
  }
  const where = `scene "${scene.id}" variant "${variantId}" field source.path`;
  const confined = confine(contentScenesDir, source.path, 'content/scenes/');
  if ('problem' in confined) throw new Error(`${where}: ${confined.problem}`);
  const file = path.join(contentScenesDir, source.path);
  const deps = [file];
  if (file.endsWith('.gltf')) {
    // A .gltf names its buffers and images by URI; they are inputs too, and are read from the same folder only.
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { buffers?: { uri?: string }[]; images?: { uri?: string }[] };
    for (const r of [...(json.buffers ?? []), ...(json.images ?? [])]) {
      if (!r.uri || r.uri.startsWith('data:')) continue;
      const rel = path.join(path.dirname(source.path), decodeURIComponent(r.uri));
      const dep = confine(contentScenesDir, rel, 'content/scenes/');
      if ('problem' in dep && dep.outside) throw new Error(`${where}: ${source.path} refers to ${dep.problem}`);
      deps.push(path.join(contentScenesDir, rel));
    }
  }
  return {
    key,
    label: `${key} (${source.path})`,
    source: `file:${source.path}`,
    inputHash: hashFiles(deps.filter((d) => fs.existsSync(d))),
    async load() {
      if (file.endsWith('.glb')) return new Uint8Array(fs.readFileSync(file));
      const io = await modelIO();
      return io.writeBinary(await io.read(file));
    },
  };
}
