// The XLIFF reader on what CAT tools send back: escaped and CDATA text, alternatives beside the segment
// (<alt-trans>, which is not the translation), po2xliff's ids kept as a location context, inline markup, and
// files that are not XLIFF 1.x or not well-formed — each reported at its line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readXliff } from '../../../assets-pipeline/translations/xliff.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xliff-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const read = (body: string) => {
  const f = path.join(dir, `f${n++}.xlf`);
  fs.writeFileSync(f, body);
  return readXliff(f);
};
const doc = (units: string, version = '1.2') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="${version}" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="x" source-language="en" target-language="fr-FR" datatype="plaintext">\n<body>\n${units}\n</body>\n</file>\n</xliff>\n`;

describe('readXliff', () => {
  it('reads each unit at its line, with escaped and CDATA text, ignoring alternatives', () => {
    const r = read(
      doc(
        [
          '<trans-unit id="a" approved="yes">',
          '  <source xml:lang="en">Ink &amp; colour on silk</source>',
          '  <target state="signed-off"><![CDATA[Encre & couleurs sur soie]]></target>',
          '  <alt-trans><source>Ink and colour</source><target xml:lang="de">Tusche</target></alt-trans>',
          '</trans-unit>',
          '<group id="g">',
          '<trans-unit id="b"><source>Bowl</source><target xml:lang="fr" state="needs-review-translation">Bol</target></trans-unit>',
          '</group>',
          '<trans-unit id="c"><source>Cup</source></trans-unit>',
        ].join('\n'),
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.units).toEqual([
      { line: 5, id: 'a', source: 'Ink & colour on silk', target: 'Encre & couleurs sur soie', lang: 'fr-FR', state: 'reviewed' },
      { line: 11, id: 'b', source: 'Bowl', target: 'Bol', lang: 'fr', state: 'needs-review' },
      { line: 13, id: 'c', source: 'Cup', target: '', lang: 'fr-FR', state: 'translated' },
    ]);
  });

  it("takes po2xliff's location as the id, skips the PO header unit, and names inline markup", () => {
    const r = read(
      doc(
        [
          '<trans-unit id="1" restype="x-gettext-domain-header"><source>Project-Id-Version: x</source></trans-unit>',
          '<trans-unit id="2"><source>Early Spring</source><target>Début <g id="1">du</g> printemps</target>',
          '<context-group purpose="location"><context context-type="sourcefile">title.0123456789ab</context></context-group></trans-unit>',
        ].join('\n'),
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.units).toHaveLength(1);
    expect(r.units[0]).toMatchObject({ line: 6, id: 'title.0123456789ab', source: 'Early Spring', markup: 'g' });
  });

  it('refuses what is not XLIFF 1.x, and broken XML, at the line', () => {
    expect(read('<?xml version="1.0"?>\n<html><body/></html>\n').errors).toEqual([{ line: 2, message: 'not an XLIFF file (no <xliff> root element)' }]);
    expect(read(doc('', '2.0')).errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/XLIFF 2\.0 is not read/) });
    const broken = read(doc('<trans-unit id="a">\n<source>x &nbsp; y</source>\n</trans-unit>'));
    expect(broken.units).toEqual([]);
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]).toMatchObject({ line: 6, message: expect.stringMatching(/^broken XML: undefined entity/) });
    expect(read('').errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^broken XML/) });
  });
});
