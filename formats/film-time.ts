// A moment in a film as visitors read it, shared by the player (its transcript) and the search documents (a
// subtitle hit's time), so both show the same clock.

/** `75.4` → `1:15`, `3725` → `1:02:05`. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
