// Starts the 3D viewer on a scene page (client-only: without WebGL there is nothing to pre-render; see
// common/island.ts for why it is not an Astro island).
import { mountIsland } from '../common/island.ts';
import SceneViewer from './SceneViewer.tsx';

mountIsland('scene-viewer', SceneViewer, 'render');
