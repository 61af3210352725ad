// Deterministic synthetic records for the search benchmarks. Unlike scripts/gen-synthetic.ts (a CSV collection
// that goes through the importer, for site builds) these are normalized records made directly, with makers,
// free text and twelve collections, so the search benchmarks measure only indexing and a varied query mix.
import type { Artifact, Stored } from '../../model/schema.ts';
import { rng } from '../../model/seeded-random.ts';

export const PERIODS = [
  ['商', 'Shang dynasty', 'dynastie Shang', -1600, -1046],
  ['周', 'Zhou dynasty', 'dynastie Zhou', -1046, -256],
  ['汉', 'Han dynasty', 'dynastie Han', -206, 220],
  ['唐', 'Tang dynasty', 'dynastie Tang', 618, 907],
  ['宋', 'Song dynasty', 'dynastie Song', 960, 1279],
  ['元', 'Yuan dynasty', 'dynastie Yuan', 1271, 1368],
  ['明', 'Ming dynasty', 'dynastie Ming', 1368, 1644],
  ['清', 'Qing dynasty', 'dynastie Qing', 1644, 1911],
] as const;
const TYPES = [
  ['碗', 'bowl', 'bol'],
  ['瓶', 'vase', 'vase'],
  ['盘', 'plate', 'assiette'],
  ['杯', 'cup', 'tasse'],
  ['鼎', 'ding', 'ding'],
  ['镜', 'mirror', 'miroir'],
  ['立轴', 'hanging scroll', 'rouleau vertical'],
  ['俑', 'figure', 'figurine'],
  ['印章', 'seal', 'sceau'],
  ['香炉', 'censer', 'encensoir'],
  ['笔筒', 'brush holder', 'pot à pinceaux'],
  ['盒', 'box', 'boîte'],
] as const;
const MATERIALS = [
  ['玉', 'jade', 'jade'],
  ['青铜', 'bronze', 'bronze'],
  ['瓷', 'porcelain', 'porcelaine'],
  ['陶', 'earthenware', 'céramique'],
  ['漆', 'lacquer', 'laque'],
  ['绢', 'silk', 'soie'],
  ['纸', 'paper', 'papier'],
  ['金', 'gold', 'or'],
  ['银', 'silver', 'argent'],
  ['木', 'wood', 'bois'],
  ['象牙', 'ivory', 'ivoire'],
  ['三彩', 'sancai', 'sancai'],
] as const;
const ADJ = [
  ['青花', 'blue-and-white', 'bleu et blanc'],
  ['白', 'white', 'blanc'],
  ['青', 'celadon-glazed', 'céladon'],
  ['红', 'red', 'rouge'],
  ['雕花', 'carved', 'sculpté'],
  ['莲纹', 'lotus-pattern', 'à motif de lotus'],
  ['龙纹', 'dragon', 'au dragon'],
  ['鎏金', 'gilt', 'doré'],
  ['彩绘', 'painted', 'peint'],
  ['双耳', 'twin-handled', 'à deux anses'],
  ['山水', 'landscape', 'paysage'],
  ['花鸟', 'bird-and-flower', 'fleurs et oiseaux'],
] as const;
const SURNAMES = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['郭', 'Guo'],
  ['赵', 'Zhao'],
  ['黄', 'Huang'],
  ['周', 'Zhou'],
  ['吴', 'Wu'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
] as const;
const GIVEN = [
  ['熙', 'Xi'],
  ['渊', 'Yuan'],
  ['原', 'Yuan'],
  ['思', 'Si'],
  ['明', 'Ming'],
  ['文', 'Wen'],
  ['山', 'Shan'],
  ['云', 'Yun'],
  ['石', 'Shi'],
  ['松', 'Song'],
  ['竹', 'Zhu'],
  ['梅', 'Mei'],
  ['庭', 'Ting'],
  ['泉', 'Quan'],
  ['德', 'De'],
  ['华', 'Hua'],
] as const;
const RIGHTS = [
  'http://creativecommons.org/publicdomain/zero/1.0/',
  'http://creativecommons.org/licenses/by/4.0/',
  'http://rightsstatements.org/vocab/InC/1.0/',
];
const WORDS = [
  ...'imperial kiln palace collection tribute inscription poem court workshop export fragment'.split(' '),
  ...'excavated tomb temple scholar studio garden mountain river autumn spring winter'.split(' '),
];
export const COLLECTIONS = Array.from({ length: 12 }, (_, i) => `collection-${i + 1}`);

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

export function* generateArtifacts(n: number, seed = 1): Generator<Stored<Artifact>> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const p = pick(r, PERIODS);
    const t = pick(r, TYPES);
    const m = pick(r, MATERIALS);
    const a = pick(r, ADJ);
    const s = pick(r, SURNAMES);
    const g = pick(r, GIVEN);
    const year = Math.floor(p[3] + r() * (p[4] - p[3]));
    const words = Array.from({ length: 6 }, () => pick(r, WORDS)).join(' ');
    const id = `syn-${i.toString(36)}`;
    yield {
      type: 'artifact',
      id,
      collection: COLLECTIONS[Math.floor(r() * COLLECTIONS.length)]!,
      sourceId: `syn:${i}`,
      title: { zh: `${p[0]}${a[0]}${m[0]}${t[0]}`, en: `${a[1]} ${m[1]} ${t[1]}`, fr: `${t[2]} en ${m[2]} ${a[2]}` },
      description: { en: `A ${t[1]} of the ${p[1]}: ${words}.`, zh: `${p[0]}代${a[0]}${t[0]}，${s[0]}${g[0]}款。` },
      rights: pick(r, RIGHTS),
      credit: { en: 'Synthetic Museum', zh: '合成博物馆' },
      alternateTitles: [],
      makers: r() < 0.4 ? [{ name: { zh: `${s[0]}${g[0]}`, en: `${s[1]} ${g[1]}` } }] : [],
      date: { from: year, to: year + Math.floor(r() * 30) },
      period: { zh: p[0], en: p[1], fr: p[2] },
      objectType: { zh: t[0], en: t[1], fr: t[2] },
      materials: [{ zh: m[0], en: m[1], fr: m[2] }],
      identifiers: [{ scheme: 'accession', value: `SYN.${i}` }],
      places: [],
      inscriptions: [],
      publications: [],
      media: r() < 0.05 ? [{ kind: 'model', path: `${id}.glb` }] : [{ kind: 'image', path: `${id}.jpg` }],
      hash: id,
    };
  }
}
