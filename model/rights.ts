// Rights are URIs from two controlled vocabularies. IIIF Presentation 3 requires the http:// form with a
// trailing slash, so every accepted spelling is normalized to that one.
import type { LangMap } from './schema.ts';

const CC_LICENCE = /^https?:\/\/creativecommons\.org\/licenses\/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)\/(1\.0|2\.0|2\.5|3\.0|4\.0)\/?$/;
const CC_PUBLIC = /^https?:\/\/creativecommons\.org\/publicdomain\/(zero|mark)\/1\.0\/?$/;
const RS = /^https?:\/\/rightsstatements\.org\/(?:vocab|page)\/(InC|InC-OW-EU|InC-EDU|InC-NC|InC-RUU|NoC-CR|NoC-NC|NoC-OKLR|NoC-US|CNE|UND|NKC)\/1\.0\/?$/;

export function normalizeRightsUri(raw: string): string | undefined {
  const s = raw.trim();
  let m = CC_LICENCE.exec(s);
  if (m) return `http://creativecommons.org/licenses/${m[1]}/${m[2]}/`;
  m = CC_PUBLIC.exec(s);
  if (m) return `http://creativecommons.org/publicdomain/${m[1]}/1.0/`;
  m = RS.exec(s);
  if (m) return `http://rightsstatements.org/vocab/${m[1]}/1.0/`;
  return undefined;
}

export interface RightsInfo {
  uri: string;
  /** Short badge text, the same in every language (CC's own notation). */
  short: string;
  /** The name in each language its publisher gives one (rightsstatements.org has no Chinese names): pick a locale's
   * with `pick` (model/text.ts), which falls back visibly. */
  name: LangMap & { en: string; fr: string };
  /** Whether the licence obliges reusers to credit the source. */
  attributionRequired: boolean;
  /** Stable facet key. */
  key: string;
}

// rightsstatements.org's own names for its statements: English, and French as its translation publishes them
// (github.com/rightsstatements/data-model, `<ID>_fr.json` `prefLabel`). It publishes no Chinese translation (its
// languages are ca, de, en, es, et, fi, fr, ga, hi, hr, it, lt, nl, pl, sv), and a name made up here would
// read as theirs: Chinese pages show the English name, marked `lang="en"` like any text a locale lacks.
const RS_NAMES: Record<string, { en: string; fr: string }> = {
  InC: { en: 'In Copyright', fr: "Protégé par le droit d'auteur" },
  'InC-OW-EU': { en: 'In Copyright - EU Orphan Work', fr: "Protégé par le droit d'auteur - Œuvre Orpheline de l'UE" },
  'InC-EDU': { en: 'In Copyright - Educational Use Permitted', fr: "Protégé par le droit d'auteur - Utilisation à des fins pédagogiques autorisée" },
  'InC-NC': { en: 'In Copyright - Non-Commercial Use Permitted', fr: "Protégé par le droit d'auteur - Utilisation non commerciale autorisée" },
  'InC-RUU': {
    en: 'In Copyright - Rights-holder(s) Unlocatable or Unidentifiable',
    fr: "Protégé par le droit d'auteur - Titulaire(s) des droits impossible(s) à localiser ou à identifier",
  },
  'NoC-CR': { en: 'No Copyright - Contractual Restrictions', fr: "Absence de protection par le droit d'auteur - Restrictions contractuelles" },
  'NoC-NC': {
    en: 'No Copyright - Non-Commercial Use Only',
    fr: "Absence de protection par le droit d'auteur - Utilisation à des fins uniquement non commerciales",
  },
  'NoC-OKLR': {
    en: 'No Copyright - Other Known Legal Restrictions',
    fr: "Absence de protection par le droit d'auteur - Autres restrictions juridiques connues",
  },
  'NoC-US': { en: 'No Copyright - United States', fr: "Absence de protection par le droit d'auteur - États-Unis" },
  CNE: { en: 'Copyright Not Evaluated', fr: "Droit d'auteur non évalué" },
  UND: { en: 'Copyright Undetermined', fr: "Droit d'auteur indéterminé" },
  NKC: { en: 'No Known Copyright', fr: "Absence de protection connue par le droit d'auteur" },
};

// Creative Commons' own names for its licences in each language, as the licence deeds title them
// (creativecommons.org/licenses/by-nc-sa/4.0/deed.fr, deed.zh-hans): "Attribution - Pas d’Utilisation
// Commerciale - Partage dans les Mêmes Conditions 4.0 International", "署名-非商业性使用-相同方式共享 4.0 国际".
const CC_ELEMENTS: Record<string, [string, string, string]> = {
  by: ['署名', 'Attribution', 'Attribution'],
  nc: ['非商业性使用', 'NonCommercial', 'Pas d’Utilisation Commerciale'],
  nd: ['禁止演绎', 'NoDerivatives', 'Pas de Modification'],
  sa: ['相同方式共享', 'ShareAlike', 'Partage dans les Mêmes Conditions'],
};
/** The port each version's deed names: 4.0 is international, 3.0 unported, earlier ones generic. */
const CC_PORTS: Record<string, [string, string, string]> = {
  '4.0': ['国际', 'International', 'International'],
  '3.0': ['未本地化版本', 'Unported', 'non transposé'],
};
const CC_GENERIC: [string, string, string] = ['通用', 'Generic', 'Générique'];

function ccName(code: string, version: string): RightsInfo['name'] {
  const parts = code.split('-').map((e) => CC_ELEMENTS[e]!);
  const port = CC_PORTS[version] ?? CC_GENERIC;
  // Before 4.0 the English deeds say "NoDerivs".
  const en = parts.map((p) => (p[1] === 'NoDerivatives' && version !== '4.0' ? 'NoDerivs' : p[1]));
  return {
    zh: `${parts.map((p) => p[0]).join('-')} ${version} ${port[0]}`,
    en: `${en.join('-')} ${version} ${port[1]}`,
    fr: `${parts.map((p) => p[2]).join(' - ')} ${version} ${port[2]}`,
  };
}

/** Describe a normalized rights URI for badges, facets and metadata. */
export function rightsInfo(uri: string): RightsInfo {
  let m = /licenses\/([a-z-]+)\/([\d.]+)\//.exec(uri);
  if (m) {
    const code = m[1]!.toUpperCase();
    const short = `CC ${code} ${m[2]}`;
    return {
      uri,
      short,
      key: `cc-${m[1]}-${m[2]}`,
      attributionRequired: true,
      name: ccName(m[1]!, m[2]!),
    };
  }
  m = /publicdomain\/(zero|mark)\//.exec(uri);
  if (m) {
    const zero = m[1] === 'zero';
    return {
      uri,
      short: zero ? 'CC0 1.0' : 'PDM 1.0',
      key: zero ? 'cc0' : 'pdm',
      attributionRequired: false,
      // CC0's own titles of its legal code in each language (creativecommons.org/publicdomain/zero/1.0/legalcode.<lang>).
      name: zero
        ? { zh: 'CC0 1.0 通用', en: 'CC0 1.0 Universal', fr: 'CC0 1.0 Universel' }
        : { zh: '公有领域标识', en: 'Public Domain Mark', fr: 'Marque du domaine public' },
    };
  }
  m = /vocab\/([A-Za-z-]+)\//.exec(uri);
  const names = m ? RS_NAMES[m[1]!] : undefined;
  if (m && names) {
    return { uri, short: m[1]!, key: `rs-${m[1]!.toLowerCase()}`, attributionRequired: true, name: names };
  }
  throw new Error(`not a normalized rights URI: ${uri}`);
}

/** Whether anyone may reuse the work without asking, commercial use and adaptations included: the public domain
 * tools (CC0, PDM) and the two open Creative Commons licences (BY, BY-SA; the credit line must follow). NC and
 * ND licences and every rightsstatements.org statement restrict or leave open what a reuser may do, so the
 * site offers no "download for reuse" for them. */
export function allowsReuse(uri: string): boolean {
  return /^http:\/\/creativecommons\.org\/(publicdomain\/(zero|mark)\/|licenses\/(by|by-sa)\/)/.test(uri);
}
