// Where a direction lies in words, seen from where a panorama opens: the hotspot list says where each point is,
// and the viewer's live region says where the visitor is looking.

/** Eight directions around, named relative to where the panorama opens (not the compass: a curator's yaw 0 is
 * wherever the image's centre is). */
const AROUND = ['ahead', 'aheadRight', 'right', 'behindRight', 'behind', 'behindLeft', 'left', 'aheadLeft'] as const;

/** Every key directionKeys gives. */
export const DIRECTION_KEYS = [...AROUND, 'up', 'down'] as const;

/** The i18n keys (panorama namespace) saying where a point lies seen from the initial view. */
export function directionKeys(yaw: number, pitch: number, from: number): string[] {
  const turn = (((yaw - from) % 360) + 360) % 360;
  const keys: string[] = [AROUND[Math.round(turn / 45) % 8]!];
  if (pitch >= 30) keys.push('up');
  if (pitch <= -30) keys.push('down');
  return keys;
}

/** Angular distance in degrees between two directions (yaw and pitch in degrees). */
export function angleBetween(a: { yaw: number; pitch: number }, b: { yaw: number; pitch: number }): number {
  const r = Math.PI / 180;
  const cos = Math.sin(a.pitch * r) * Math.sin(b.pitch * r) + Math.cos(a.pitch * r) * Math.cos(b.pitch * r) * Math.cos((a.yaw - b.yaw) * r);
  return Math.acos(Math.max(-1, Math.min(1, cos))) / r;
}
