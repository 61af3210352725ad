import fs from 'node:fs';
import path from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { getBounds } from '@gltf-transform/functions';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '@gltf-transform/core';
import { ROOT } from '../../model/paths.ts';
import { scene, type Scene } from '../../model/scene.ts';
import { generate, NODE_NAMES } from '../../scenes/library-cave/generate.ts';

let doc: Document;
let cave: Scene;
beforeAll(async () => {
  doc = await generate({ segments: 24 });
  cave = scene.parse(parse(fs.readFileSync(path.join(ROOT, 'content/scenes/library-cave.yaml'), 'utf8')));
});

const node = (name: string) =>
  doc
    .getRoot()
    .listNodes()
    .find((n) => n.getName() === name)!;

describe('Library Cave generator', () => {
  it('names exactly the nodes the paradata describes', () => {
    const written = doc
      .getRoot()
      .listNodes()
      .map((n) => n.getName())
      .filter((n) => n !== 'library-cave');
    expect(new Set(written)).toEqual(new Set(cave.paradata.elements.map((e) => e.node)));
    expect(new Set(written)).toEqual(new Set(NODE_NAMES));
  });

  it('keeps the published dimensions: about 2.7 × 2.8 m, about 3 m high', () => {
    const walls = getBounds(node('chamber-walls'));
    expect(walls.max[0] - walls.min[0]).toBeCloseTo(2.7, 1);
    expect(walls.max[2] - walls.min[2]).toBeCloseTo(2.8, 1);
    const ceiling = getBounds(node('chamber-ceiling'));
    expect(ceiling.max[1]).toBeGreaterThan(2.9);
    expect(ceiling.max[1]).toBeLessThan(3.1);
  });

  it('puts the statue against the north wall and the stele on the west wall', () => {
    const statue = getBounds(node('hongbian-statue'));
    expect((statue.min[2] + statue.max[2]) / 2).toBeLessThan(-0.7); // north is -z
    const stele = getBounds(node('stele'));
    expect(stele.min[0]).toBeLessThan(-1.3); // west is -x
  });

  it('writes the same bytes every run (the model stage relies on it to skip work)', async () => {
    const io = new NodeIO();
    const a = await io.writeBinary(await generate({ segments: 24 }));
    const b = await io.writeBinary(await generate({ segments: 24 }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
