// Scene schema extensions for timelines, levels and views: a timeline needs a tick and a narration on every
// variant, an exploded view needs levels, and generator parameters are kept.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../model/paths.ts';
import { scene } from '../../model/scene.ts';

const raw = parse(fs.readFileSync(path.join(ROOT, 'content/scenes/yingxian-pagoda.yaml'), 'utf8')) as Record<string, unknown> & {
  variants: Record<string, unknown>[];
};

describe('scene timeline, levels and views', () => {
  it('parses the pagoda with its phases, levels and views', () => {
    const s = scene.parse(raw);
    expect(s.timeline?.label.en).toBe('Historical phase');
    expect(s.variants[0]!.source).toEqual({ generator: 'yingxian-pagoda', params: { phase: 'liao-1056' } });
    expect(s.levels).toHaveLength(9);
    expect(s.views.section?.normal).toEqual([0, 0, -1]);
    expect(s.setting).toBe('exterior');
  });

  it('a timeline needs a tick and a narration on every variant', () => {
    const variants = raw.variants.map((v, i) => (i === 2 ? { ...v, narration: undefined } : v));
    const r = scene.safeParse({ ...raw, variants });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('variants.2.narration');
  });

  it('an exploded view needs levels', () => {
    const r = scene.safeParse({ ...raw, levels: [] });
    expect(r.error?.issues.map((i) => i.message)).toContain('the exploded view needs "levels"');
  });
});
