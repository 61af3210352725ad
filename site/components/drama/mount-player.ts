// Starts the server-rendered player on a drama page (see common/island.ts for why it is not an Astro island).
import { mountIsland } from '../common/island.ts';
import DramaPlayer from './DramaPlayer.tsx';

mountIsland('drama-player', DramaPlayer, 'hydrate');
