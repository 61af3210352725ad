// Development-time: renders the demo panoramas from inside our own reconstructions, in Debian's Chromium (WebGL via
// SwiftShader), and writes them as content/panoramas/<slug>/<variant>.jpg, which are committed; the build only
// tiles them, so `npm ci && npm start` needs no browser. Also prints where each scene hotspot lies (yaw/pitch) seen
// from each point, for the hotspots of panorama.yaml.
//   npx tsx scripts/render-panoramas.ts [slug…]
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import sharp from 'sharp';
import { parse } from 'yaml';
import { modelIO } from '../assets-pipeline/models/optimize.ts';
import { ROOT } from '../model/paths.ts';
import { scene as sceneSchema, type EvidenceLevel } from '../model/scene.ts';
import { launchBrowser } from './tools/browser.ts';
import type { RenderRequest } from './panorama-render/page.ts';

type Vec3 = [number, number, number];
/** How a variant is drawn: from which of the scene's variants (its first when not named), as modelled or in the
 * evidence colours. */
interface Look {
  sceneVariant?: string;
  evidence?: boolean;
}
interface Viewpoint {
  slug: string;
  scene: string;
  position: Vec3;
  /** Panorama variant id → how it is drawn. */
  variants: Record<string, Look>;
}

/** Where we stand: the middle of the Library Cave's chamber at eye height, the corridor of Cave 16 outside its door;
 * in the courtyard south of the Yingxian pagoda, and inside its second storey (floor at 17.85 m), each in the phase
 * as built and after the 1930s repairs. */
const VIEWPOINTS: Viewpoint[] = [
  { slug: 'library-cave-chamber', scene: 'library-cave', position: [0, 1.45, 0.35], variants: { 'as-modelled': {}, evidence: { evidence: true } } },
  { slug: 'library-cave-corridor', scene: 'library-cave', position: [0, 1.55, 2.3], variants: { 'as-modelled': {}, evidence: { evidence: true } } },
  {
    slug: 'yingxian-pagoda-courtyard',
    scene: 'yingxian-pagoda',
    position: [0, 1.6, 34],
    variants: { 'liao-1056': { sceneVariant: 'liao-1056' }, 'twentieth-century': { sceneVariant: 'twentieth-century' } },
  },
  {
    slug: 'yingxian-pagoda-second-storey',
    scene: 'yingxian-pagoda',
    position: [0, 19.45, 3],
    variants: { 'liao-1056': { sceneVariant: 'liao-1056' }, 'twentieth-century': { sceneVariant: 'twentieth-century' } },
  },
];
/** Development previews: RENDER_WIDTH=1024 to look before the full render. */
const WIDTH = Number(process.env.RENDER_WIDTH ?? 4096);
const HOST = 'http://render.invalid';

/** Yaw and pitch in degrees of a point seen from `from`, in the panorama convention (yaw 0 north, east positive). */
export function direction(from: Vec3, to: Vec3): { yaw: number; pitch: number } {
  const [dx, dy, dz] = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
  const yaw = (Math.atan2(dx, -dz) * 180) / Math.PI;
  const pitch = (Math.atan2(dy, Math.hypot(dx, dz)) * 180) / Math.PI;
  return { yaw: Math.round(yaw * 10) / 10, pitch: Math.round(pitch * 10) / 10 };
}

/** Committed sources stay small: quality 84, lowered in steps of 4 (not below 52) until the JPEG fits the budget. A
 * busy interior (the lattice of the pagoda's upper storeys) is otherwise twice the size of the cave's. */
const SOURCE_BUDGET = 330 * 1024;
async function budgetJpeg(png: Buffer): Promise<Buffer> {
  let jpeg = Buffer.alloc(0);
  for (let quality = 84; quality >= 52; quality -= 4) {
    jpeg = await sharp(png).removeAlpha().jpeg({ quality, mozjpeg: true }).toBuffer();
    if (jpeg.length <= SOURCE_BUDGET) break;
  }
  return jpeg;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const todo = VIEWPOINTS.filter((v) => !only.length || only.includes(v.slug));
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'scripts/panorama-render/page.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  const io = await modelIO();
  const browser = await launchBrowser();
  try {
    for (const [n, vp] of todo.entries()) {
      const yamlFile = path.join(ROOT, 'content/scenes', `${vp.scene}.yaml`);
      const s = sceneSchema.parse({ type: 'scene', ...parse(fs.readFileSync(yamlFile, 'utf8')) });
      const glbs = new Map<string, Uint8Array>();
      const modelOf = async (look: Look): Promise<string> => {
        const variant = look.sceneVariant ? s.variants.find((v) => v.id === look.sceneVariant) : s.variants[0];
        if (!variant) throw new Error(`${vp.slug}: ${vp.scene} has no variant "${look.sceneVariant}"`);
        const source = variant.source;
        if (!('generator' in source)) throw new Error(`${vp.scene}: only generated scenes are rendered here`);
        if (!glbs.has(variant.id)) {
          const mod = (await import(path.join(ROOT, 'scenes', source.generator, 'generate.ts'))) as {
            generate: (p: object) => Promise<import('@gltf-transform/core').Document>;
          };
          glbs.set(variant.id, await io.writeBinary(await mod.generate(source.params ?? {})));
        }
        return variant.id;
      };
      const evidence: Record<string, EvidenceLevel> = Object.fromEntries(s.paradata.elements.map((e) => [e.node, e.evidence]));
      // A tower needs a farther far plane than a chamber (the scene viewer scales it the same way).
      const [near, far] = s.setting === 'exterior' ? [0.2, 400] : [0.03, 60];
      console.log(`[${n + 1}/${todo.length}] ${vp.slug} at ${vp.position.join(', ')}; hotspots of ${vp.scene}:`);
      for (const h of s.hotspots) console.log(`    ${h.id.padEnd(20)} ${JSON.stringify(direction(vp.position, h.position))}`);
      const page = await browser.newPage();
      await page.route(`${HOST}/**`, (route) => {
        const url = new URL(route.request().url());
        const glb = glbs.get(url.pathname.replace(/^\/model-|\.glb$/g, ''));
        if (glb) return route.fulfill({ body: Buffer.from(glb), contentType: 'model/gltf-binary' });
        return route.fulfill({ body: '<!doctype html><title>render</title>', contentType: 'text/html' });
      });
      await page.goto(`${HOST}/`);
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      const dir = path.join(ROOT, 'content/panoramas', vp.slug);
      fs.mkdirSync(dir, { recursive: true });
      for (const [variant, look] of Object.entries(vp.variants)) {
        const t = performance.now();
        const model = await modelOf(look);
        const req: RenderRequest = {
          glbUrl: `${HOST}/model-${model}.glb`,
          position: vp.position,
          width: WIDTH,
          setting: s.setting,
          near,
          far,
          ...(look.evidence ? { evidence } : {}),
        };
        const png = await page.evaluate((r) => (window as unknown as { renderPanorama: (r: RenderRequest) => Promise<string> }).renderPanorama(r), req);
        const out = path.join(dir, `${variant}.jpg`);
        fs.writeFileSync(out, await budgetJpeg(Buffer.from(png, 'base64')));
        console.log(
          `    ${variant}: ${path.relative(ROOT, out)}, ${(fs.statSync(out).size / 1024).toFixed(0)} KB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
        );
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`✓ ${todo.length} panorama(s) rendered`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
