// Camera behaviour: orbit (drei OrbitControls) or walk (look around a point just ahead of the eye), arrow keys
// in both, and flights to a pose (tour steps, hotspots) that jump instead when reduced motion is asked for.
import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, type RefObject } from 'react';
import * as THREE from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { CameraPose } from '../../../model/scene.ts';

export type NavMode = 'orbit' | 'walk';

export interface CameraRigProps {
  mode: NavMode;
  /** Pose to fly to; a new object starts a new flight. */
  pose: CameraPose;
  reducedMotion: boolean;
  /** Element that receives arrow keys (the focusable viewer region). */
  keyTarget: RefObject<HTMLElement | null>;
  /** Orbit zoom limit, in metres: set by the scene's scale. */
  maxDistance?: number;
}

const FLIGHT_MS = 900;
const EYE = 1.55;
const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

export function CameraRig({ mode, pose, reducedMotion, keyTarget, maxDistance = 8 }: CameraRigProps) {
  const controls = useRef<OrbitControlsImpl>(null);
  const { camera, invalidate } = useThree();
  const started = useRef(false);
  const flight = useRef<{ from: THREE.Vector3; fromT: THREE.Vector3; to: THREE.Vector3; toT: THREE.Vector3; start: number } | null>(null);

  useEffect(() => {
    const to = new THREE.Vector3(...pose.position);
    const toT = new THREE.Vector3(...pose.target);
    if (camera instanceof THREE.PerspectiveCamera && camera.fov !== pose.fov) {
      camera.fov = pose.fov;
      camera.updateProjectionMatrix();
    }
    const target = controls.current?.target ?? new THREE.Vector3();
    if (reducedMotion || !started.current) {
      started.current = true;
      camera.position.copy(to);
      target.copy(toT);
      flight.current = null;
    } else flight.current = { from: camera.position.clone(), fromT: target.clone(), to, toT, start: performance.now() };
    controls.current?.update();
    invalidate();
  }, [pose, reducedMotion, camera, invalidate]);

  // Walk mode looks around from the eye: put the orbit centre a few centimetres ahead of the camera.
  useEffect(() => {
    const c = controls.current;
    if (!c || mode !== 'walk') return;
    const dir = new THREE.Vector3().subVectors(c.target, camera.position).normalize();
    camera.position.y = EYE;
    c.target.copy(camera.position).addScaledVector(dir, 0.05);
    c.update();
    invalidate();
  }, [mode, camera, invalidate]);

  useFrame(() => {
    const f = flight.current;
    const c = controls.current;
    if (!f || !c) return;
    const t = Math.min(1, (performance.now() - f.start) / FLIGHT_MS);
    camera.position.lerpVectors(f.from, f.to, ease(t));
    c.target.lerpVectors(f.fromT, f.toT, ease(t));
    c.update();
    if (t < 1) invalidate();
    else flight.current = null;
  });

  useEffect(() => {
    const el = keyTarget.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key) || e.target !== el) return;
      const c = controls.current;
      if (!c) return;
      e.preventDefault();
      flight.current = null;
      const step = e.shiftKey ? 0.5 : 0.15;
      const turn = (e.key === 'ArrowLeft' ? 1 : e.key === 'ArrowRight' ? -1 : 0) * (Math.PI / 24);
      const fwd = e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : 0;
      const offset = new THREE.Vector3().subVectors(camera.position, c.target);
      if (mode === 'orbit') {
        offset.applyAxisAngle(THREE.Object3D.DEFAULT_UP, turn);
        offset.multiplyScalar(fwd > 0 ? 0.9 : fwd < 0 ? 1 / 0.9 : 1);
        camera.position.copy(c.target).add(offset);
      } else {
        const look = offset.negate();
        look.applyAxisAngle(THREE.Object3D.DEFAULT_UP, turn);
        const flat = new THREE.Vector3(look.x, 0, look.z).normalize().multiplyScalar(step * fwd);
        camera.position.add(flat);
        c.target.copy(camera.position).add(look);
      }
      c.update();
      invalidate();
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [mode, camera, invalidate, keyTarget]);

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enablePan={mode === 'orbit'}
      enableZoom={mode === 'orbit'}
      rotateSpeed={mode === 'walk' ? -0.4 : 0.6}
      minDistance={mode === 'walk' ? 0.01 : 0.3}
      maxDistance={maxDistance}
      enableDamping={!reducedMotion}
      onChange={() => invalidate()}
    />
  );
}
