// One model in, one optimized .glb per LOD out: weld → simplify → WebP textures → quantize+meshopt or Draco.
// gltf-transform does the work; this file only chooses the settings per LOD.
import { type Document, Logger, NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { dedup, draco, meshopt, prune, simplify, textureCompress, weld } from '@gltf-transform/functions';
import draco3d from 'draco3d';
import { MeshoptDecoder, MeshoptEncoder, MeshoptSimplifier } from 'meshoptimizer';
import sharp from 'sharp';
import type { LodSpec } from './lods.ts';

let ioPromise: Promise<NodeIO> | undefined;

/** One IO with every codec registered; the wasm modules are initialised once per process. */
export function modelIO(): Promise<NodeIO> {
  ioPromise ??= (async () => {
    await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready, MeshoptSimplifier.ready]);
    return new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({
      'draco3d.encoder': await draco3d.createEncoderModule(),
      'draco3d.decoder': await draco3d.createDecoderModule(),
      'meshopt.encoder': MeshoptEncoder,
      'meshopt.decoder': MeshoptDecoder,
    });
  })();
  return ioPromise;
}

export function countTriangles(doc: Document): number {
  let n = 0;
  for (const mesh of doc.getRoot().listMeshes())
    for (const prim of mesh.listPrimitives()) n += (prim.getIndices()?.getCount() ?? prim.getAttribute('POSITION')?.getCount() ?? 0) / 3;
  return Math.round(n);
}

export interface LodResult {
  glb: Uint8Array;
  triangles: number;
  textureFormat?: 'webp';
}

export async function optimizeLod(input: Uint8Array, lod: LodSpec): Promise<LodResult> {
  const io = await modelIO();
  const doc = await io.readBinary(input);
  doc.setLogger(new Logger(Logger.Verbosity.WARN)); // the stage prints its own progress and summary
  const hasTextures = doc.getRoot().listTextures().length > 0;
  await doc.transform(
    dedup(),
    weld(),
    ...(lod.ratio < 1 ? [simplify({ simplifier: MeshoptSimplifier, ratio: lod.ratio, error: lod.error })] : []),
    prune(),
    ...(hasTextures ? [textureCompress({ encoder: sharp, targetFormat: 'webp', resize: [lod.textureSize, lod.textureSize], quality: 82 })] : []),
    // meshopt() quantizes (KHR_mesh_quantization) before encoding; draco() quantizes inside its own codec.
    lod.compression === 'meshopt'
      ? meshopt({ encoder: MeshoptEncoder, level: 'medium', quantizePosition: 14, quantizeNormal: 8, quantizeColor: 8 })
      : draco({ method: 'edgebreaker', quantizePosition: 14, quantizeNormal: 10, quantizeColor: 8, quantizeTexcoord: 12 }),
  );
  const triangles = countTriangles(doc);
  return { glb: await io.writeBinary(doc), triangles, ...(hasTextures ? { textureFormat: 'webp' as const } : {}) };
}
