// What stands in for the 3D view where it cannot run (no WebGL): the scene's committed still image (made at
// development time by scripts/render-stills.ts) with the notice over it. The page shows the same still in a
// <noscript> when JavaScript is off.
import type { ReactNode } from 'react';
import type { ViewerStill } from './types.ts';

export function SceneStill({ still, children }: { still?: ViewerStill; children: ReactNode }) {
  if (!still) return <>{children}</>;
  return (
    <figure className="scene-still">
      <img src={still.url} width={still.width} height={still.height} alt={still.alt} />
      <figcaption>{children}</figcaption>
    </figure>
  );
}
