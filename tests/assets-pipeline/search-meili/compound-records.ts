// Records whose Chinese text holds the compounds that Meilisearch's own segmentation missed (玉璧, 瓷瓶, 三彩马,
// 瓷器 → 0 hits, measured), inside sentences the way curators write them, simplified and traditional.
import { artifact, type Artifact, type Stored } from '../../../model/schema.ts';

const rows: [string, Record<string, string>, Record<string, string>][] = [
  ['cmp-bi', { zh: '谷纹玉璧', en: 'Bi disc with grain pattern' }, { zh: '此件白玉璧出土于西汉墓葬，璧面满饰谷纹，为礼天之器。' }],
  ['cmp-bi-tw', { zh: '蒲紋玉璧', en: 'Bi disc with rush-mat pattern' }, { zh: '戰國時期青玉璧一件，兩面飾蒲紋。' }],
  ['cmp-vase', { zh: '青花缠枝莲纹瓷瓶', en: 'Blue-and-white vase with lotus scrolls' }, { zh: '景德镇御窑烧造的瓷瓶，器身绘缠枝莲纹。' }],
  ['cmp-horse', { zh: '唐三彩马', en: 'Sancai-glazed horse' }, { zh: '洛阳出土的三彩马昂首站立，釉色斑斓。' }],
  ['cmp-horse-tw', { zh: '三彩馬俑', en: 'Sancai horse figure' }, { zh: '唐代墓葬出土三彩馬一件。' }],
  ['cmp-ware', { zh: '外销瓷盘', en: 'Export plate' }, { zh: '清代外销瓷器，经广州销往欧洲，盘心绘纹章。' }],
  ['cmp-ware-2', { zh: '五彩人物图盘', en: 'Famille verte plate' }, { zh: '康熙五彩瓷器代表作之一。' }],
];

export function compoundArtifacts(): Stored<Artifact>[] {
  return rows.map(([id, title, description]) => {
    const parsed = artifact.parse({
      type: 'artifact',
      id,
      collection: 'compound-fixtures',
      sourceId: id,
      title,
      description,
      rights: 'https://creativecommons.org/publicdomain/zero/1.0/',
      credit: { en: 'fixture' },
    });
    return { ...parsed, hash: id };
  });
}
