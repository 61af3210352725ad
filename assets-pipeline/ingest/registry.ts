// Every content type besides collections and places, in the order they are read (a type may refer to the ids of
// the types before it). A new type is one entry here and one file in content-types/.
import type { ContentType } from './content-type.ts';
import { artists } from './content-types/artists.ts';
import { dramas } from './content-types/dramas.ts';
import { exhibitions } from './content-types/exhibitions.ts';
import { live } from './content-types/live.ts';
import { monitoring } from './content-types/monitoring.ts';
import { panoramas } from './content-types/panoramas.ts';
import { routes } from './content-types/routes.ts';
import { scenes } from './content-types/scenes.ts';

export const contentTypes: ContentType[] = [scenes, dramas, routes, monitoring, exhibitions, panoramas, live, artists];
