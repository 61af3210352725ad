// Every page is rendered through here at build time (static output: this runs once per page, never per visit).
import { defineMiddleware } from 'astro:middleware';
import { frenchSpacingHtml } from './i18n/french-spacing.ts';

/** French pages get their typographic spaces in one place, whatever wrote the text: UI strings, curators'
 * Markdown, museum records, generated notices. */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (context.currentLocale !== 'fr' || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(frenchSpacingHtml(html), { status: response.status, headers: response.headers });
});
