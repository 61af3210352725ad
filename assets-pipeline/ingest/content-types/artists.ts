// Artists: `content/artists.yaml`, the makers the sources spell in several ways, each under one name per language
// (formats/artists.ts reads it for the Artist facet).
import { type Artist, artist } from '../../../formats/artists.ts';
import { singleFile, yamlContentType } from '../content-type.ts';

export const artists = yamlContentType<typeof artist, Artist>({
  name: 'artists',
  files: singleFile('artists.yaml'),
  schema: artist,
  list: true,
});
