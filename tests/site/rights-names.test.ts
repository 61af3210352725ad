// The artifact page names a rights statement as its publisher does in each language: rightsstatements.org publishes
// English and French names and no Chinese one, so the Chinese page shows the English name, marked as English.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { expect, it } from 'vitest';
import RecordFields from '../../site/components/artifact/RecordFields.astro';
import { minimalArtifact } from '../fixtures/artifact.ts';

const artifact = minimalArtifact({ rights: 'http://rightsstatements.org/vocab/NoC-US/1.0/' });

it('shows the statement name of each language, and the English one marked where none is published', async () => {
  const container = await AstroContainer.create();
  const render = (locale: 'zh' | 'en' | 'fr') => container.renderToString(RecordFields, { props: { artifact, locale } });
  // prefLabel of NoC-US_en.json and NoC-US_fr.json in github.com/rightsstatements/data-model.
  expect(await render('en')).toMatch(/<span class="muted">No Copyright - United States<\/span>/);
  expect(await render('fr')).toMatch(/<span class="muted">Absence de protection par le droit d&#39;auteur - États-Unis<\/span>/);
  expect(await render('zh')).toMatch(/<span class="muted fallback" lang="en">No Copyright - United States<\/span>/);
});
