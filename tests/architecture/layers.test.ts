// The way from content/ to dist/ goes one way: model/ is the ground floor, formats/ (what the stages write and
// the site reads) sits on it, and the asset pipeline and the site each build on those two without importing
// each other. Benchmarks reuse no test code. This test reads every import in the tree and names each one that
// crosses a line it may not cross.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Top-level folders each layer may import from (besides itself and npm packages). */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  formats: ['model'],
  'assets-pipeline': ['model', 'formats'],
  site: ['model', 'formats'],
  scenes: ['model', 'formats'],
  // The pages stage and the command line drive the stages; they do not reach into the site's code.
  'scripts/cli': ['model', 'formats', 'assets-pipeline', 'scripts'],
  // Benchmarks measure the browser runtime too, but share nothing with the tests.
  'scripts/bench': ['model', 'formats', 'assets-pipeline', 'scripts', 'site'],
};

const SOURCE = /\.(ts|tsx|mts|mjs|astro)$/;
const SKIP = new Set(['node_modules', '.git', 'dist', 'build', 'test-output', '.astro', '.staging']);
// Static imports and re-exports, side-effect imports and dynamic import() with a literal path.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function layerOf(rel: string): string | undefined {
  const parts = rel.split(path.sep);
  if (parts[0] === 'scripts' && (parts[1] === 'cli' || parts[1] === 'bench')) return `scripts/${parts[1]}`;
  if (parts[0] === 'scripts') return parts.length > 1 ? 'scripts' : undefined;
  return parts.length > 1 ? parts[0] : undefined;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(p);
    else if (SOURCE.test(e.name)) yield p;
  }
}

/** Every forbidden import under `root`, as `file:line: imports target`. */
function layerViolations(root: string): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(root)) {
    const rel = path.relative(root, file);
    const layer = layerOf(rel);
    const allowed = layer && ALLOWED[layer];
    if (!allowed) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = path.relative(root, path.resolve(path.dirname(file), m[1]!));
      const top = target.split(path.sep)[0]!;
      const targetLayer = layerOf(target) ?? top;
      const sameLayer = targetLayer === layer || top === layer;
      const ok = sameLayer || allowed.includes(targetLayer) || allowed.includes(top);
      if (!ok) out.push(`${rel}:${text.slice(0, m.index).split('\n').length}: ${layer} imports ${target}`);
    }
  }
  return out;
}

describe('layers', () => {
  it('no file imports across a layer it may not cross', () => {
    expect(layerViolations(process.cwd())).toEqual([]);
  });

  it('names the file, line and target of a forbidden import', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
    try {
      const write = (rel: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
      };
      write('model/a.ts', 'export const a = 1;\n');
      write('formats/f.ts', "import { a } from '../model/a.ts';\n");
      write('assets-pipeline/video/stage.ts', "import { a } from '../../model/a.ts';\nimport { f } from '../../formats/f.ts';\n");
      write(
        'site/components/drama/data.ts',
        "import type { F } from '../../../formats/f.ts';\nimport { run } from '../../../assets-pipeline/video/stage.ts';\n",
      );
      write('site/pages/x.astro', "---\nconst m = await import('../../assets-pipeline/pages/stage.ts');\n---\n");
      write('formats/bad.ts', "export { x } from '../site/lib/x.ts';\n");
      write('model/bad.ts', "import '../formats/f.ts';\n");
      write('assets-pipeline/search/stage.ts', "import { imageFor } from '../../site/lib/images.ts';\n");
      write('scripts/bench/scene.ts', "import { launchBrowser } from '../../tests/e2e/browser.ts';\n");
      write('scripts/cli/site-build.ts', "import { SHARD_SIZE } from '../../site/lib/build-part.ts';\n");
      expect(layerViolations(root).sort()).toEqual(
        [
          `${path.join('assets-pipeline', 'search', 'stage.ts')}:1: assets-pipeline imports ${path.join('site', 'lib', 'images.ts')}`,
          `${path.join('formats', 'bad.ts')}:1: formats imports ${path.join('site', 'lib', 'x.ts')}`,
          `${path.join('model', 'bad.ts')}:1: model imports ${path.join('formats', 'f.ts')}`,
          `${path.join('scripts', 'bench', 'scene.ts')}:1: scripts/bench imports ${path.join('tests', 'e2e', 'browser.ts')}`,
          `${path.join('scripts', 'cli', 'site-build.ts')}:1: scripts/cli imports ${path.join('site', 'lib', 'build-part.ts')}`,
          `${path.join('site', 'components', 'drama', 'data.ts')}:2: site imports ${path.join('assets-pipeline', 'video', 'stage.ts')}`,
          `${path.join('site', 'pages', 'x.astro')}:2: site imports ${path.join('assets-pipeline', 'pages', 'stage.ts')}`,
        ].sort(),
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
