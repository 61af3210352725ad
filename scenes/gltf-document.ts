// Shared by every scene generator: turns three.js BufferGeometries (three's geometry builders are well tested,
// so generators use them instead of hand-writing vertex buffers) into a glTF document with NAMED nodes.
// Node names are the keys of a scene's paradata, so they are passed through unchanged.
import { Document, type Material, type Node, type Texture } from '@gltf-transform/core';
import type { BufferGeometry } from 'three';

export interface Part {
  geometry: BufferGeometry;
  material: Material;
}

export interface MaterialSpec {
  name: string;
  color: [number, number, number];
  roughness?: number;
  texture?: Texture;
  vertexColors?: boolean;
}

export class SceneDocument {
  readonly doc = new Document();
  readonly root: Node;
  private readonly buffer = this.doc.createBuffer();

  constructor(rootName: string) {
    this.root = this.doc.createNode(rootName);
    this.doc.createScene(rootName).addChild(this.root);
  }

  material(spec: MaterialSpec): Material {
    const m = this.doc
      .createMaterial(spec.name)
      .setBaseColorFactor([...spec.color, 1])
      .setRoughnessFactor(spec.roughness ?? 0.9)
      .setMetallicFactor(0);
    if (spec.texture) m.setBaseColorTexture(spec.texture);
    return m;
  }

  texture(name: string, png: Uint8Array): Texture {
    return this.doc.createTexture(name).setImage(png).setMimeType('image/png');
  }

  /** One named node holding one mesh (one primitive per part). Only attributes the part has are written. */
  node(name: string, parts: Part[], parent: Node = this.root): Node {
    const mesh = this.doc.createMesh(name);
    for (const { geometry, material } of parts) {
      const g = geometry;
      const prim = this.doc.createPrimitive().setMaterial(material);
      const attr = (semantic: string, threeName: string, type: 'VEC2' | 'VEC3' | 'VEC4') => {
        const a = g.getAttribute(threeName);
        if (!a) return;
        const acc = this.doc.createAccessor(`${name}-${semantic}`).setType(type).setArray(new Float32Array(a.array)).setBuffer(this.buffer);
        prim.setAttribute(semantic, acc);
      };
      attr('POSITION', 'position', 'VEC3');
      attr('NORMAL', 'normal', 'VEC3');
      if (material.getBaseColorTexture()) attr('TEXCOORD_0', 'uv', 'VEC2');
      if (g.getAttribute('color')) attr('COLOR_0', 'color', 'VEC3');
      if (g.index) {
        const count = g.getAttribute('position').count;
        const arr = count > 65535 ? new Uint32Array(g.index.array) : new Uint16Array(g.index.array);
        prim.setIndices(this.doc.createAccessor(`${name}-indices`).setType('SCALAR').setArray(arr).setBuffer(this.buffer));
      }
      mesh.addPrimitive(prim);
    }
    const node = this.doc.createNode(name).setMesh(mesh);
    parent.addChild(node);
    return node;
  }
}
