// Runs in Chromium (bundled by scripts/render-panoramas.ts): renders a glTF scene from one point into a cube map,
// then unwraps the cube into an equirectangular image (yaw 0 at the centre looking north, -z; yaw grows to the east,
// +x; the top row looks straight up), returned as PNG bytes in base64.
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { EvidenceLevel } from '../../model/scene.ts';
import { applyEvidence } from '../../site/components/scene/evidence.ts';

export interface RenderRequest {
  glbUrl: string;
  position: [number, number, number];
  width: number;
  /** Node name → evidence level: colour the model by evidence, as the scene viewer's evidence view does. */
  evidence?: Record<string, EvidenceLevel>;
  /** The scene's setting: the scene viewer's lights and background for it. */
  setting: 'interior' | 'exterior';
  /** Near and far planes (m): a chamber's few metres, or a whole tower (the cube target's depth buffer is coarse, so
   * the ratio stays near the scene viewer's). */
  near: number;
  far: number;
}

const unwrap = `
  uniform samplerCube cube;
  varying vec2 vUv;
  void main() {
    float yaw = (vUv.x - 0.5) * 6.283185307;
    float pitch = (vUv.y - 0.5) * 3.141592654;
    vec3 dir = vec3(sin(yaw) * cos(pitch), sin(pitch), -cos(yaw) * cos(pitch));
    gl_FragColor = textureCube(cube, dir);
    #include <tonemapping_fragment>
    #include <colorspace_fragment>
  }`;

async function render(req: RenderRequest): Promise<string> {
  const gltf = await new GLTFLoader().loadAsync(req.glbUrl);
  const scene = new THREE.Scene();
  scene.add(gltf.scene);
  // The scene viewer's lighting for the setting (site/components/scene/SceneViewer.tsx).
  if (req.setting === 'exterior') {
    scene.background = new THREE.Color('#c7d3da');
    scene.add(new THREE.HemisphereLight('#eef4ff', '#5a4a38', 1.4));
    const sun = new THREE.DirectionalLight('#fff3e0', 2.2);
    sun.position.set(0.6, 1, 0.8);
    scene.add(sun);
    // The scene viewer floats a model in the sky colour; standing on the ground, the lower half of the picture needs
    // ground: a plain courtyard of beaten earth. Drawn first and kept out of the depth buffer (nothing lies below it):
    // its huge triangles otherwise came out in front of the tower's floors in two faces of the cube (SwiftShader).
    const ground = new THREE.Mesh(
      new THREE.CircleGeometry(req.far * 0.9, 64),
      new THREE.MeshStandardMaterial({ color: '#8d8168', roughness: 1, depthWrite: false }),
    );
    ground.rotation.x = -Math.PI / 2;
    ground.renderOrder = -1;
    scene.add(ground);
  } else {
    scene.background = new THREE.Color('#0b0b0b');
    scene.add(new THREE.HemisphereLight('#fff4e0', '#4a3a2a', 1.6));
    const lamp = (x: number, y: number, z: number, intensity: number, decay: number, color: string) => {
      const l = new THREE.PointLight(color, intensity, 0, decay);
      l.position.set(x, y, z);
      scene.add(l);
    };
    lamp(0.2, 2.3, 0.9, 5, 1.6, '#ffe2b8');
    lamp(0, 1.8, 3.2, 4, 1.4, '#fff6e8');
  }
  if (req.evidence) applyEvidence(gltf.scene, req.evidence, true);

  const height = req.width / 2;
  const canvas = document.createElement('canvas');
  canvas.width = req.width;
  canvas.height = height;
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: false, preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.setSize(req.width, height, false);
  renderer.toneMapping = THREE.ACESFilmicToneMapping;
  const target = new THREE.WebGLCubeRenderTarget(Math.min(2048, req.width / 2), { type: THREE.HalfFloatType, generateMipmaps: false });
  const cubeCamera = new THREE.CubeCamera(req.near, req.far, target);
  cubeCamera.position.set(...req.position);
  scene.add(cubeCamera);
  cubeCamera.update(renderer, scene);

  const quad = new THREE.Mesh(
    new THREE.PlaneGeometry(2, 2),
    new THREE.ShaderMaterial({
      uniforms: { cube: { value: target.texture } },
      vertexShader: 'varying vec2 vUv; void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }',
      fragmentShader: unwrap,
      toneMapped: true,
    }),
  );
  const flat = new THREE.Scene();
  flat.add(quad);
  renderer.render(flat, new THREE.Camera());
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG from the canvas'))), 'image/png'));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  renderer.dispose();
  return btoa(text);
}

(window as unknown as { renderPanorama: typeof render }).renderPanorama = render;
