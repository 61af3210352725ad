// Bracket sets as GPU instances (EXT_mesh_gpu_instancing): one small mesh per kind, drawn hundreds of times.
// three's GLTFLoader turns such a node into one THREE.InstancedMesh, so the 400-odd bracket sets cost a few
// draw calls and their geometry is stored once.
import type { Mesh, Node } from '@gltf-transform/core';
import { EXTMeshGPUInstancing } from '@gltf-transform/extensions';
import * as THREE from 'three';
import type { Part, SceneDocument } from '../gltf-document.ts';

export interface Placement {
  position: THREE.Vector3;
  /** Rotation about y (radians): the set's local +z points this way. */
  heading: number;
}

export class Instancer {
  private readonly ext: EXTMeshGPUInstancing;
  private readonly meshes = new Map<string, Mesh>();

  constructor(private readonly s: SceneDocument) {
    this.ext = s.doc.createExtension(EXTMeshGPUInstancing).setRequired(true);
  }

  /** A node drawing `kind`'s mesh once per placement. The mesh is created on first use and shared after. */
  node(name: string, kind: string, parts: () => Part[], placements: Placement[], parent: Node): Node {
    let mesh = this.meshes.get(kind);
    let node: Node;
    if (!mesh) {
      node = this.s.node(name, parts(), parent);
      mesh = node.getMesh()!.setName(`bracket-${kind}`);
      this.meshes.set(kind, mesh);
    } else {
      node = this.s.doc.createNode(name).setMesh(mesh);
      parent.addChild(node);
    }
    const buffer = this.s.doc.getRoot().listBuffers()[0]!;
    const t = new Float32Array(new ArrayBuffer(placements.length * 12));
    const r = new Float32Array(new ArrayBuffer(placements.length * 16));
    const q = new THREE.Quaternion();
    placements.forEach((p, i) => {
      t.set([p.position.x, p.position.y, p.position.z], i * 3);
      q.setFromAxisAngle(THREE.Object3D.DEFAULT_UP, p.heading);
      r.set([q.x, q.y, q.z, q.w], i * 4);
    });
    const acc = (suffix: string, type: 'VEC3' | 'VEC4', array: Float32Array<ArrayBuffer>) =>
      this.s.doc.createAccessor(`${name}-${suffix}`).setType(type).setArray(array).setBuffer(buffer);
    node.setExtension(
      'EXT_mesh_gpu_instancing',
      this.ext
        .createInstancedMesh()
        .setAttribute('TRANSLATION', acc('translation', 'VEC3', t))
        .setAttribute('ROTATION', acc('rotation', 'VEC4', r)),
    );
    return node;
  }
}
