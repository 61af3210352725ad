// One shape for every kind of curator content that is not a collection (scenes, dramas, routes, monitoring, …):
// where its files are, how one file is read and checked into normalized records, and its problems as
// `file:line:field: message` (lines from the YAML source). The registry in registry.ts lists them; `validate`,
// `ingest` and `build` run them all, and only `ingest` writes their records to build/records/<name>.json.
import fs from 'node:fs';
import path from 'node:path';
import { confine } from '../../model/confine.ts';
import { slugClash, type SlugKind } from '../../formats/urls.ts';
import type { z } from 'zod';
import type { Problems } from './problems.ts';
import { loadYaml, type KeyPath } from './yaml-file.ts';

export interface ReadContext {
  problems: Problems;
  /** Content folder being read. */
  root: string;
  /** Ids of the records of a type read before this one (`places`, `scenes`, …): for cross-references. */
  ids: (type: string) => ReadonlySet<string>;
  /** The records of a registered type read before this one, for checks that need more than an id. */
  records: <R extends { id: string }>(type: ContentType<R>) => readonly R[];
  /** Every artifact's collection and image media paths, collections skipped as unchanged included (read from
   * their published records); built on first call. */
  artifactImages: () => Promise<ReadonlyMap<string, ArtifactImages>>;
}

export interface ArtifactImages {
  collection: string;
  /** Media paths of its images, in record order (an image is named by its index). */
  images: string[];
}

export interface ContentType<R extends { id: string } = { id: string }> {
  /** Plural, lower case: names the records file (build/records/<name>.json) and the summary line. */
  name: string;
  /** Every content file of this type, absolute and sorted; none when its folder does not exist. */
  files: (root: string) => string[];
  /** Reads and checks one file; problems go to ctx.problems, only valid records come back. Asynchronous for a
   * type whose checks read other files (image sizes, published records). */
  read: (file: string, ctx: ReadContext) => R[] | Promise<R[]>;
}

/** A type read without waiting: most are, and `checkContentType` runs them alone in tests and tools. */
export interface SyncContentType<R extends { id: string } = { id: string }> extends ContentType<R> {
  read: (file: string, ctx: ReadContext) => R[];
}

/** Reports a problem at a key path of the file being read (its line is looked up in the YAML source). */
export type Report = (at: KeyPath, message: string) => void;

export interface YamlTypeSpec<S extends z.ZodType, R extends { id: string }> {
  name: string;
  files: (root: string) => string[];
  /** One record (or one list item, with `list`). */
  schema: S;
  /** The file holds a list of records rather than one. */
  list?: boolean;
  /** Fields a file may leave out, e.g. the id taken from the folder name. */
  defaults?: (file: string) => Record<string, unknown>;
  /** The id a file's record must have (its folder or file name). */
  idOf?: (file: string) => string;
  /** Checks beyond the schema (files it names, other types' ids) and the record's final shape; undefined (after a
   * report) drops the record. Without it the parsed value is the record. */
  finish?: (value: z.infer<S>, report: Report, ctx: ReadContext & { file: string }) => R | undefined;
  /** The ids that are part of the record's addresses (its own, its episodes'), checked against the site's own. */
  slugs?: (value: z.infer<S>) => { at: KeyPath; kind: SlugKind; slug: string }[];
}

/** Why a content id cannot be used in addresses, when it would publish onto one the site itself uses. */
export function slugProblem(kind: SlugKind, slug: string): string | undefined {
  const taken = slugClash(kind, slug);
  return taken && `"${slug}" would publish onto the site's own ${taken}: choose another id`;
}

/** A content type whose files are YAML checked by a zod schema: the usual case, declared in a few lines. */
export function yamlContentType<S extends z.ZodType, R extends { id: string } = z.infer<S> & { id: string }>(spec: YamlTypeSpec<S, R>): SyncContentType<R> {
  return {
    name: spec.name,
    files: spec.files,
    read(file, ctx) {
      // A content file is read only from inside content/, links followed: a linked file from elsewhere is refused.
      const inside = confine(ctx.root, path.relative(ctx.root, file), 'content/');
      if ('problem' in inside) {
        ctx.problems.add(file, 0, '-', inside.problem);
        return [];
      }
      const yaml = loadYaml(file, ctx.problems);
      if (!yaml) return [];
      if (spec.list && !Array.isArray(yaml.value)) {
        ctx.problems.add(file, 1, '-', `must be a list of ${spec.name}`);
        return [];
      }
      const items: { value: unknown; at: KeyPath }[] =
        Array.isArray(yaml.value) && spec.list ? yaml.value.map((value: unknown, i) => ({ value, at: [i] })) : [{ value: yaml.value, at: [] }];
      const out: R[] = [];
      const seen = new Set<string>();
      for (const { value, at } of items) {
        const report: Report = (p, message) => ctx.problems.add(file, yaml.lineOf([...at, ...p]), p.join('.') || '-', message);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          report([], `must be a mapping of fields, not ${value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value}`);
          continue;
        }
        const parsed = spec.schema.safeParse({ ...spec.defaults?.(file), ...value });
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            report(
              issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
              issue.message,
            );
          continue;
        }
        const id = (parsed.data as { id?: unknown }).id;
        const expected = spec.idOf?.(file);
        if (expected !== undefined && id !== expected) {
          report(['id'], `"${String(id)}" must equal the ${spec.list ? 'file' : 'folder or file'} name "${expected}"`);
          continue;
        }
        if (typeof id === 'string' && seen.has(id)) {
          report(['id'], `duplicate id "${id}"`);
          continue;
        }
        let clashes = 0;
        for (const { at: p, kind, slug } of spec.slugs?.(parsed.data) ?? []) {
          const problem = slugProblem(kind, slug);
          if (!problem) continue;
          report(p, problem);
          clashes++;
        }
        if (clashes) continue;
        const record = spec.finish ? spec.finish(parsed.data, report, { ...ctx, file }) : (parsed.data as R);
        if (!record) continue;
        seen.add(record.id);
        out.push(record);
      }
      return out;
    },
  };
}

/** `<root>/<folder>/*.yaml`, sorted. */
export const yamlFilesIn =
  (folder: string) =>
  (root: string): string[] => {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  };

/** `<root>/<folder>/<slug>/<name>` for every sub-folder that has it, sorted. */
export const fileInEachFolder =
  (folder: string, name: string) =>
  (root: string): string[] => {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(dir, d.name, name))
      .filter((f) => fs.existsSync(f))
      .sort();
  };

/** One file at `<root>/<name>`, when it exists. */
export const singleFile =
  (name: string) =>
  (root: string): string[] => {
    const file = path.join(root, name);
    return fs.existsSync(file) ? [file] : [];
  };

/** The name of the folder holding a file (`dramas/<slug>/drama.yaml` → slug). */
export const folderName = (file: string): string => path.basename(path.dirname(file));
/** A file's name without its YAML extension (`scenes/<slug>.yaml` → slug). */
export const baseName = (file: string): string => path.basename(file).replace(/\.ya?ml$/, '');
