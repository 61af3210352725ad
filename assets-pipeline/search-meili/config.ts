// Where the indexer finds its server: environment first, then an optional YAML/JSON config file.
import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { DEFAULT_LAYOUT, type MeiliLayout } from '../../formats/search-index/meili-layout.ts';
import { IndexError } from './errors.ts';

const fileSchema = z.object({
  host: z.string().url().optional(),
  adminKey: z.string().min(1).optional(),
  index: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  layout: z.enum(['perLocale', 'single']).optional(),
});

export interface IndexerConfig {
  host: string;
  adminKey: string;
  index: string;
  layout: MeiliLayout;
}

export function indexerConfig(configFile?: string, env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  let file: z.infer<typeof fileSchema> = {};
  if (configFile) {
    if (!fs.existsSync(configFile)) throw new IndexError(`${configFile}: config file not found`);
    const parsed = fileSchema.safeParse(YAML.parse(fs.readFileSync(configFile, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new IndexError(`${configFile}: ${issue.path.join('.')}: ${issue.message}`);
    }
    file = parsed.data;
  }
  const host = env.HERITAGE_MEILI_HOST ?? file.host;
  const adminKey = env.HERITAGE_MEILI_ADMIN_KEY ?? file.adminKey;
  if (!host) throw new IndexError('no Meilisearch host: set HERITAGE_MEILI_HOST or "host" in --config');
  if (!adminKey) throw new IndexError('no Meilisearch admin key: set HERITAGE_MEILI_ADMIN_KEY or "adminKey" in --config');
  const layout = (env.HERITAGE_MEILI_LAYOUT ?? file.layout ?? DEFAULT_LAYOUT) as MeiliLayout;
  if (layout !== 'perLocale' && layout !== 'single') throw new IndexError(`HERITAGE_MEILI_LAYOUT: "${layout}" is not perLocale or single`);
  return { host, adminKey, index: env.HERITAGE_MEILI_INDEX ?? file.index ?? 'heritage', layout };
}
