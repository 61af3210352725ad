// Record text is rendered as text: markup in a title must never become markup on the page.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { expect, it } from 'vitest';
import RecordFields from '../../site/components/artifact/RecordFields.astro';
import LocalText from '../../site/components/common/LocalText.astro';
import { minimalArtifact } from '../fixtures/artifact.ts';

const hostile = '<script>alert(1)</script><b>Jade</b>';

it('escapes HTML in titles and fields', async () => {
  const container = await AstroContainer.create();
  const title = await container.renderToString(LocalText, { props: { map: { en: hostile }, locale: 'en', as: 'h1' } });
  expect(title).not.toContain('<script>');
  expect(title).toContain('&lt;script&gt;');
  const artifact = minimalArtifact({ title: { en: hostile }, credit: { en: hostile }, alternateTitles: [{ en: hostile }] });
  const fields = await container.renderToString(RecordFields, { props: { artifact, locale: 'zh' } });
  expect(fields).not.toMatch(/<script>|<b>/);
  // A field missing in the page's language falls back visibly, marked with its own language.
  expect(fields).toContain('lang="en"');
});
