// OAI-PMH 2.0 Static Repository (openarchives.org/OAI/2.0/guidelines-static-repository.htm), one XML file per
// collection with every record in oai_dc. The format's restrictions are kept: no sets, no resumption tokens,
// no deleted records, day granularity. It is meant for up to ~5,000 records; bigger collections still get one
// well-formed file (a gateway or harvester can read it), but a live OAI-PMH endpoint serves them better.
import { LOCALES } from '../../model/locales.ts';
import { rightsInfo } from '../../model/rights.ts';
import type { Artifact, Collection, LangMap } from '../../model/schema.ts';
import { pickText } from '../../model/text.ts';
import { el, xmlEscape } from './xml.ts';
import { absolute, artifactPage, collectionPage, openDataPaths, siteOrigin } from '../../formats/urls.ts';

export interface OaiSettings {
  origin: string;
  /** The Static Repository Gateway that intermediates this repository; its URL prefixes oai:baseURL. */
  gateway: string;
  adminEmail: string;
}

export function oaiSettings(): OaiSettings {
  const origin = siteOrigin();
  return {
    origin,
    gateway: (process.env.HERITAGE_OAI_GATEWAY || `${origin}/oai/gateway`).replace(/\/+$/, ''),
    adminEmail: process.env.HERITAGE_ADMIN_EMAIL || 'opendata@example.org',
  };
}

/** `oai:<domain>:<local id>`: the spec wants a dotted domain and a restricted local-id alphabet, so the port is
 * dropped, a dotless host (localhost) gets `.invalid`, and the id is percent-encoded. */
export function oaiIdentifier(id: string, origin: string): string {
  const host = new URL(origin).hostname;
  return `oai:${host.includes('.') ? host : `${host}.invalid`}:${encodeURIComponent(id)}`;
}

const langEls = (name: string, map: LangMap | undefined): string => (map ? LOCALES.map((l) => el(name, map[l], { 'xml:lang': l })).join('') : '');

export function oaiHeader(c: Collection, earliest: string, s: OaiSettings): string {
  const repoUrl = absolute(openDataPaths.oai(c.id), s.origin);
  const name = [pickText(c.title, 'en'), pickText(c.title, 'zh')].filter((v, i, a) => v && a.indexOf(v) === i).join(' / ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Repository xmlns="http://www.openarchives.org/OAI/2.0/static-repository" xmlns:oai="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/static-repository http://www.openarchives.org/OAI/2.0/static-repository.xsd">
<Identify>
${el('oai:repositoryName', name)}
${el('oai:baseURL', `${s.gateway}/${repoUrl.replace(/^https?:\/\//, '')}`)}
<oai:protocolVersion>2.0</oai:protocolVersion>
${el('oai:adminEmail', s.adminEmail)}
<oai:earliestDatestamp>${earliest}</oai:earliestDatestamp>
<oai:deletedRecord>no</oai:deletedRecord>
<oai:granularity>YYYY-MM-DD</oai:granularity>
</Identify>
<ListMetadataFormats>
<oai:metadataFormat>
<oai:metadataPrefix>oai_dc</oai:metadataPrefix>
<oai:schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</oai:schema>
<oai:metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</oai:metadataNamespace>
</oai:metadataFormat>
</ListMetadataFormats>
<ListRecords metadataPrefix="oai_dc">
`;
}

export const OAI_FOOTER = '</ListRecords>\n</Repository>\n';

/** One record in simple Dublin Core; each language of a field is its own element with xml:lang. */
export function oaiRecord(a: Artifact, c: Collection, datestamp: string, s: OaiSettings): string {
  const years =
    a.date?.from !== undefined ? (a.date.to !== undefined && a.date.to !== a.date.from ? `${a.date.from}/${a.date.to}` : String(a.date.from)) : undefined;
  const dc = [
    langEls('dc:title', a.title),
    ...a.alternateTitles.map((t) => langEls('dc:title', t)),
    ...a.makers.map((m) => langEls('dc:creator', m.name)),
    langEls('dc:description', a.description),
    langEls('dc:date', a.date?.display),
    el('dc:date', years),
    el('dc:type', 'PhysicalObject'),
    langEls('dc:type', a.objectType),
    ...a.materials.map((m) => langEls('dc:format', m)),
    langEls('dc:format', a.dimensions),
    langEls('dc:coverage', a.period),
    ...a.places.map((p) => langEls('dc:coverage', p.name)),
    langEls('dc:publisher', a.holder ?? a.credit),
    el('dc:identifier', artifactPage('en', a.id, s.origin)),
    ...a.identifiers.map((i) => el('dc:identifier', `${i.scheme}:${i.value}`)),
    el('dc:source', a.sourceUrl),
    el('dc:relation', collectionPage('en', c.id, s.origin)),
    el('dc:rights', a.rights),
    el('dc:rights', rightsInfo(a.rights).name.en, { 'xml:lang': 'en' }),
  ]
    .filter(Boolean)
    .join('\n');
  return `<oai:record>
<oai:header><oai:identifier>${xmlEscape(oaiIdentifier(a.id, s.origin))}</oai:identifier><oai:datestamp>${datestamp}</oai:datestamp></oai:header>
<oai:metadata>
<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
${dc}
</oai_dc:dc>
</oai:metadata>
</oai:record>
`;
}
