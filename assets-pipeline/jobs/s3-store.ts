// The output store on S3-compatible object storage (AWS S3, MinIO, Ceph, Garage, R2…), through AWS's own client.
// One PUT is all-or-nothing, but an output is a folder (derivatives and a tile pyramid), so its files go first and
// a completion record last: `<prefix>/<kind>/<id>.done.json`, listing every file with its size and sha256. A key
// without its record is absent, whatever files a killed worker left (the next attempt writes the same keys with
// the same bytes); the coordinator reads the record, never a listing, and checks every file it downloads against it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { JobQueueError } from './errors.ts';
import { clearStaleTemp } from './stale-temp.ts';
import { type LocalOutputs, localTemp, type OutputStore } from './output-store.ts';

interface DoneRecord<R> {
  result: R;
  /** Every file of the output, relative to its folder: path, bytes, sha256. */
  files: [string, number, string][];
}

/** Transfers at a time per output: a tile pyramid is hundreds of small files, each a round trip. */
const TRANSFERS = 8;

/** A worker's render folders in the system's temp folder. */
const RENDER_TEMP = 'heritage-render-';

const sha256 = (b: Uint8Array): string => crypto.createHash('sha256').update(b).digest('hex');

/** The endpoint and addressing from the standard AWS settings; path-style addressing (`host/bucket/key`), which
 * MinIO and most self-hosted servers need, is the default with a custom endpoint (HERITAGE_S3_PATH_STYLE=0 turns it off). */
function client(): { s3: S3Client; endpoint: string | undefined } {
  const endpoint = process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL || undefined;
  const style = process.env.HERITAGE_S3_PATH_STYLE;
  // Self-hosted servers ignore the region but the signature needs one.
  const region = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || (endpoint ? 'us-east-1' : undefined);
  const s3 = new S3Client({
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    forcePathStyle: style ? style !== '0' : Boolean(endpoint),
    followRegionRedirects: true,
    // Checksums only where the API requires them: not every S3-compatible server takes the newer checksum headers,
    // and the completion record's sha256 checks every file end to end anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: 5000, requestTimeout: 120_000 },
  });
  return { s3, endpoint };
}

/** One message naming the store and what failed, for the three failures an operator can fix. */
export function describeS3Error(err: unknown, store: string, doing: string): string {
  const e = err as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  const detail = `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message ?? String(err)}`;
  if (e.name === 'NoSuchBucket') return `${store}: the bucket does not exist (${detail}); create it, or fix --store`;
  const refused = ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'InvalidToken', 'ExpiredToken', 'CredentialsProviderError'];
  if (refused.includes(e.name) || e.$metadata?.httpStatusCode === 403)
    return `${store} refused the credentials while ${doing} (${detail}); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) for it`;
  const network = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH'];
  if ((e.code && network.includes(e.code)) || e.name === 'TimeoutError')
    return `cannot reach ${store} while ${doing} (${detail}); check AWS_ENDPOINT_URL and that the server is up`;
  return `${store}: ${doing} failed (${detail})`;
}

export function s3Store<R>(spec: string, local: LocalOutputs<R>): OutputStore<R> {
  const url = new URL(spec);
  const bucket = url.hostname;
  const prefix = url.pathname.replace(/^\/+|\/+$/g, '');
  if (!bucket) throw new JobQueueError(`--store expects s3://BUCKET/PREFIX, got "${spec}"`);
  const { s3, endpoint } = client();
  // What workers killed mid-render here left (a store opens once per process and kind).
  clearStaleTemp(os.tmpdir(), RENDER_TEMP);
  const name = `the store ${spec} (${endpoint ?? 'AWS S3'})`;
  const key = (rel: string) => (prefix ? `${prefix}/${rel}` : rel);
  const doneKey = (id: string) => key(`${local.kind}/${id}.done.json`);
  const fileKey = (id: string, rel: string) => key(`${local.kind}/${id}/${rel}`);

  const get = async (k: string): Promise<Uint8Array | undefined> => {
    try {
      const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k }));
      return await res.Body!.transformToByteArray();
    } catch (err) {
      if ((err as Error).name === 'NoSuchKey') return undefined;
      throw new Error(describeS3Error(err, name, `reading ${k}`));
    }
  };
  const put = async (k: string, body: Uint8Array): Promise<void> => {
    try {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: body }));
    } catch (err) {
      throw new Error(describeS3Error(err, name, `writing ${k}`));
    }
  };
  const record = async (id: string): Promise<DoneRecord<R> | undefined> => {
    const raw = await get(doneKey(id));
    return raw ? (JSON.parse(Buffer.from(raw).toString('utf8')) as DoneRecord<R>) : undefined;
  };

  return {
    name,
    spec,
    async check() {
      // A read of a key that need not exist: it needs the bucket and the credentials, and, unlike a bucket-level
      // request, every S3-compatible server answers it the same way.
      try {
        await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key('.heritage-store-check') }));
      } catch (err) {
        if ((err as Error).name !== 'NoSuchKey') throw new JobQueueError(describeS3Error(err, name, 'checking the bucket'));
      }
    },
    // The render is local to the worker; only its files travel.
    tempFor: (id) => path.join(os.tmpdir(), `${RENDER_TEMP}${id}-${crypto.randomUUID()}`),
    async result(id) {
      return (await record(id))?.result;
    },
    async put(tmp, id, result) {
      const rels = fs
        .readdirSync(tmp, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(tmp, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
        // What the directory store's publish moves: the tools' scratch beside them stays behind.
        .filter((rel) => local.files.test(rel))
        .sort();
      const limit = pLimit(TRANSFERS);
      const files = await Promise.all(
        rels.map((rel) =>
          limit(async (): Promise<[string, number, string]> => {
            const body = fs.readFileSync(path.join(tmp, rel));
            await put(fileKey(id, rel), body);
            return [rel, body.length, sha256(body)];
          }),
        ),
      );
      // Last: from here on the output is present, and every file it lists is whole.
      const done: DoneRecord<R> = { result, files };
      await put(doneKey(id), Buffer.from(JSON.stringify(done)));
    },
    async take(id) {
      const have = local.read(id);
      if (have) return have;
      const done = await record(id);
      if (!done) return undefined;
      const tmp = localTemp(local, id);
      try {
        const limit = pLimit(TRANSFERS);
        await Promise.all(
          done.files.map(([rel, size, hash]) =>
            limit(async () => {
              const target = path.resolve(tmp, rel);
              if (!target.startsWith(tmp + path.sep) || !local.files.test(rel))
                throw new Error(`${name}: ${doneKey(id)} names a file outside its output: ${rel}`);
              const body = await get(fileKey(id, rel));
              if (!body || body.length !== size || sha256(body) !== hash)
                throw new Error(`${name}: ${fileKey(id, rel)} is ${body ? 'not the file its completion record lists' : 'missing'}`);
              fs.mkdirSync(path.dirname(target), { recursive: true });
              fs.writeFileSync(target, body);
            }),
          ),
        );
        local.publish(tmp, id);
        return done.result;
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}
