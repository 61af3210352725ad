// The media entries of one mapped row: files below the collection's `media/` folder, addresses of remote images
// resolved to the copies remote-media.ts fetched (an address with no copy yet is named for fetching, and is an
// error until it has one, so nothing is published without its image), or IIIF Image services linked where the
// collection opts in to their origin (checked in form only: the build does not ask the service).
import { type ArtifactInput, type ImageService, imageService } from '../../model/schema.ts';
import type { CollectionConfig } from './collection-config.ts';
import type { FieldReader } from './field-reader.ts';
import type { RemoteEntry } from './remote-media.ts';

type MediaInput = NonNullable<ArtifactInput['media']>[number];
type MediaSpec = NonNullable<CollectionConfig['fields']['media']>[number];

/** A remote image's cached copy, or why it could not be fetched; undefined when not fetched yet. */
export type RemoteLookup = (url: string) => { entry: RemoteEntry } | { error: string } | undefined;

/** The row's media entries; addresses with no cached copy yet go to `pending` (each is also an error until fetched). */
export function mapMedia(
  specs: MediaSpec[] | undefined,
  r: FieldReader,
  rights: string,
  remote: RemoteLookup | undefined,
  pending: string[],
  linkable: readonly string[] | undefined,
): MediaInput[] {
  const media: MediaInput[] = [];
  (specs ?? []).forEach((m, i) => {
    const [label, alt, description] = (['label', 'alt', 'description'] as const).map((key) => r.one(`media.${i}.${key}`, r.lang(`media.${i}.${key}`, m[key])));
    // One entry's texts go with each path it yields (a split path column names views of one image set).
    const files: ({ path: string; source?: string } | { service: ImageService })[] = m.path
      ? r.scalar(`media.${i}.path`, m.path).map((path) => ({ path }))
      : m.service
        ? linkedServices(m, `media.${i}`, r, linkable)
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

/** Version 2 writes its level as a compliance URI; version 3 as a bare name (either is read). */
const PROFILE = /^(?:https?:\/\/iiif\.io\/api\/image\/([23])\/)?(level[012])(?:\.json)?$/i;

/** The row's linked services: one declared width, height, type and profile apply to each, or one per service. */
function linkedServices(m: MediaSpec, at: string, r: FieldReader, linkable: readonly string[] | undefined): { service: ImageService }[] {
  const urls = r.scalar(`${at}.service`, m.service);
  if (urls.length === 0) return [];
  const declared = (key: 'width' | 'height' | 'type' | 'profile'): string[] | undefined => {
    const values = r.scalar(`${at}.${key}`, m[key]);
    if (values.length === 1 || values.length === urls.length) return values;
    r.problems.push({
      field: `${at}.${key}`,
      message: `${values.length} values for ${urls.length} service${urls.length > 1 ? 's' : ''}: give one, or one per service`,
    });
    return undefined;
  };
  const [widths, heights, types, profiles] = (['width', 'height', 'type', 'profile'] as const).map(declared);
  if (!widths || !heights || !types || !profiles) return [];
  const out: { service: ImageService }[] = [];
  urls.forEach((url, n) => {
    const pick = (values: string[]) => (values.length === 1 ? values[0]! : values[n]!);
    const service = checkService(url, pick(types), pick(profiles), pick(widths), pick(heights), linkable, (key, message) =>
      r.problems.push({ field: `${at}.${key}`, message }),
    );
    if (service) out.push({ service });
  });
  return out;
}

/** One declared service checked in form (scheme, opt-in, base URL, version, level, size), or undefined after
 * reporting what is wrong with it. */
function checkService(
  url: string,
  type: string,
  profileText: string,
  widthText: string,
  heightText: string,
  linkable: readonly string[] | undefined,
  problem: (key: string, message: string) => void,
): ImageService | undefined {
  const fail = (key: string, message: string): undefined => {
    problem(key, message);
    return undefined;
  };
  const id = url.replace(/\/+$/, '');
  let origin: string;
  try {
    origin = new URL(id).origin;
  } catch {
    return fail('service', `"${url}" is not a URL`);
  }
  if (!id.startsWith('https://'))
    return fail('service', `"${url}" is not an https address: a linked service must be https (a page served over https cannot show http images)`);
  if (!linkable)
    return fail(
      'service',
      `"${url}" is a IIIF Image service to link, but the collection does not opt in to linking: add "${origin}" to \`linkImageServicesFrom\` in collection.yaml, or map the address as \`url\` to fetch a copy once`,
    );
  if (!linkable.some((o) => o.toLowerCase() === origin.toLowerCase()))
    return fail('service', `"${url}" is on ${origin}, which the collection's \`linkImageServicesFrom\` does not list (${linkable.join(', ')})`);
  const version = /^ImageService([23])$/i.exec(type.trim())?.[1];
  if (!version) return fail('type', `"${type.trim()}" is not ImageService2 or ImageService3`);
  const profile = PROFILE.exec(profileText.trim());
  if (!profile)
    return fail('profile', `"${profileText}" is not a IIIF Image API level (level1, level2, or version 2's http://iiif.io/api/image/2/level1.json)`);
  if (profile[1] && profile[1] !== version)
    return fail('profile', `"${profileText}" is a version ${profile[1]} profile, but the type is ImageService${version}`);
  const level = profile[2]!.toLowerCase();
  if (level === 'level0')
    return fail(
      'profile',
      `${url} is a level 0 service, which serves only the sizes its info.json lists (the build does not read it): map its info.json as \`url\` to fetch a copy once`,
    );
  const size = (key: 'width' | 'height', raw: string): number | undefined =>
    /^\d{1,6}$/.test(raw.trim()) && Number(raw) > 0 ? Number(raw) : fail(key, `"${raw}" is not a ${key} in pixels (a whole number above 0)`);
  const width = size('width', widthText);
  const height = size('height', heightText);
  if (width === undefined || height === undefined) return undefined;
  const parsed = imageService.safeParse({ id, type: `ImageService${version}`, profile: level, width, height });
  return parsed.success ? parsed.data : fail('service', `"${url}" ${parsed.error.issues[0]!.message}`);
}
