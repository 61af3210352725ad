// The media entries of one mapped row: files below the collection's `media/` folder, or addresses of remote images
// resolved to the copies remote-media.ts fetched (an address with no copy yet is named for fetching, and is an
// error until it has one, so nothing is published without its image).
import type { ArtifactInput } from '../../model/schema.ts';
import type { CollectionConfig } from './collection-config.ts';
import type { FieldReader } from './field-reader.ts';
import type { RemoteEntry } from './remote-media.ts';

type MediaInput = NonNullable<ArtifactInput['media']>[number];
type MediaSpec = NonNullable<CollectionConfig['fields']['media']>[number];

/** A remote image's cached copy, or why it could not be fetched; undefined when not fetched yet. */
export type RemoteLookup = (url: string) => { entry: RemoteEntry } | { error: string } | undefined;

/** The row's media entries; addresses with no cached copy yet go to `pending` (each is also an error until fetched). */
export function mapMedia(specs: MediaSpec[] | undefined, r: FieldReader, rights: string, remote: RemoteLookup | undefined, pending: string[]): MediaInput[] {
  const media: MediaInput[] = [];
  (specs ?? []).forEach((m, i) => {
    const [label, alt, description] = (['label', 'alt', 'description'] as const).map((key) => r.one(`media.${i}.${key}`, r.lang(`media.${i}.${key}`, m[key])));
    // One entry's texts go with each path it yields (a split path column names views of one image set).
    const files = m.path
      ? r.scalar(`media.${i}.path`, m.path).map((path) => ({ path }))
      : remoteFiles(`media.${i}.url`, r.scalar(`media.${i}.url`, m.url), r, rights, remote, pending);
    for (const file of files)
      media.push({
        kind: m.kind,
        ...file,
        ...(label ? { label } : {}),
        ...(alt ? { alt } : {}),
        ...(description ? { description } : {}),
      });
  });
  return media;
}

function remoteFiles(
  field: string,
  urls: string[],
  r: FieldReader,
  rights: string,
  remote: RemoteLookup | undefined,
  pending: string[],
): { path: string; source: string }[] {
  const out: { path: string; source: string }[] = [];
  for (const url of urls) {
    const problem = remoteProblem(url, rights, remote, pending);
    if (typeof problem === 'string') r.problems.push({ field, message: problem });
    else out.push({ path: problem.path, source: url });
  }
  return out;
}

/** The cached copy of an address, or what is wrong with it. */
function remoteProblem(url: string, rights: string, remote: RemoteLookup | undefined, pending: string[]): string | RemoteEntry {
  if (!/^https?:\/\/\S+$/i.test(url)) return `"${url}" is not an http(s) address`;
  const hit = remote?.(url);
  if (!hit) {
    pending.push(url);
    return `${url} is not fetched yet (validate and ingest fetch it)`;
  }
  if ('error' in hit) return hit.error;
  // A manifest's own statement of rights must agree with the record's, or the curator decides.
  const same = (a: string) => a.replace(/^https?:\/\//, '').replace(/\/$/, '');
  if (hit.entry.rights && same(hit.entry.rights) !== same(rights))
    return `the IIIF manifest at ${url} states rights ${hit.entry.rights}, but the record's rights are ${rights}`;
  return hit.entry;
}
