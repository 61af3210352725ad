// Client half of the search page: reads query and filters from the URL, runs the static index, renders
// results and facet checkboxes, and keeps the URL in step (pushState; Back/Forward re-run via popstate).
import { fill } from '../../i18n/fill.ts';
import type { FacetName } from '../../../formats/search-index/layout.ts';
import type { Filters, SearchResponse } from './runtime/engine.ts';
import type { IgnoredFilter } from './runtime/filter-values.ts';
import { facetLabel, type SearchStrings } from './strings.ts';
import type { MeiliClientConfig } from '../../../formats/search-index/meili-layout.ts';
import { formatNumber, LOCALE_TAGS, type Locale } from '../../../model/locales.ts';

type Engine = { search: (r: { q: string; locale: Locale; filters: Filters; limit: number }) => Promise<SearchResponse> };

const FACET_ORDER: FacetName[] = ['type', 'period', 'objectType', 'material', 'collection', 'rights', 'has3d'];
const PAGE = 20;

class SearchPageElement extends HTMLElement {
  private engine?: Promise<Engine>;
  private suggester?: Promise<{ suggest: (q: string, finds: (q: string) => Promise<boolean>) => Promise<string | undefined> }>;
  private limit = PAGE;
  private seq = 0;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    const input = this.querySelector<HTMLInputElement>('#search-q')!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.update({ q: input.value }, true);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.update({ q: input.value }, false), 150);
    });
    this.querySelector('[data-more]')!.addEventListener('click', () => {
      this.limit += PAGE;
      void this.run();
    });
    const toggle = this.querySelector<HTMLButtonElement>('[data-filters-toggle]')!;
    const drawer = this.querySelector<HTMLElement>('#search-filters')!;
    toggle.hidden = false;
    toggle.addEventListener('click', () => toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true')));
    drawer.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true' || getComputedStyle(toggle).display === 'none') return;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
    });
    this.querySelector<HTMLElement>('[data-suggest]')!.addEventListener('click', (e) => {
      const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-suggestion]');
      if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      input.value = a.dataset.suggestion ?? '';
      this.update({ q: input.value }, true);
    });
    window.addEventListener('popstate', () => {
      this.syncInput();
      void this.run();
    });
    this.syncInput();
    void this.run();
  }

  private get strings(): SearchStrings {
    return JSON.parse(this.dataset.strings ?? '{}') as SearchStrings;
  }
  private get locale(): Locale {
    return (this.dataset.locale ?? 'zh') as Locale;
  }
  private syncInput(): void {
    this.querySelector<HTMLInputElement>('#search-q')!.value = new URL(location.href).searchParams.get('q') ?? '';
  }

  /** Changes the URL (push for a finished action, replace while typing) and searches. */
  private update(change: { q?: string; toggle?: [FacetName, string] }, push: boolean): void {
    const url = new URL(location.href);
    if (change.q !== undefined) url.searchParams.set('q', change.q);
    if (change.toggle) {
      const [f, k] = change.toggle;
      const values = url.searchParams.getAll(f);
      url.searchParams.delete(f);
      for (const v of values.includes(k) ? values.filter((v) => v !== k) : [...values, k]) url.searchParams.append(f, v);
    }
    this.limit = PAGE;
    history[push ? 'pushState' : 'replaceState'](null, '', url);
    void this.run();
  }

  private async run(): Promise<void> {
    const seq = ++this.seq;
    const params = new URL(location.href).searchParams;
    const filters: Filters = {};
    for (const f of FACET_ORDER) {
      const v = params.getAll(f);
      if (v.length) filters[f] = v;
    }
    const yf = params.get('yearFrom'),
      yt = params.get('yearTo');
    if (yf) filters.yearFrom = Number(yf);
    if (yt) filters.yearTo = Number(yt);
    const status = this.querySelector('[data-status]')!;
    status.textContent = this.strings.loading;
    this.showFilterCount(filters);
    const suggestion = this.querySelector<HTMLElement>('[data-suggest]')!;
    suggestion.hidden = true;
    // For assistive technology (and tests): the results are being replaced until `done`.
    this.dataset.state = 'searching';
    const meili = this.dataset.meili ? (JSON.parse(this.dataset.meili) as MeiliClientConfig) : undefined;
    // The Meilisearch client is fetched only once there is something to search for (the visitor typed or
    // the URL carries a query or filter); until then the page shows its empty form.
    if (meili && !this.engine && !params.get('q') && Object.keys(filters).length === 0) {
      status.textContent = '';
      this.dataset.state = 'done';
      return;
    }
    try {
      this.engine ??= meili
        ? import('./runtime/meili-engine.ts').then((m) => m.createMeiliSearch(meili))
        : import('./runtime/engine.ts').then((m) => m.createSearch(this.dataset.index ?? '/search'));
      const engine = await this.engine;
      const q = params.get('q') ?? '';
      const res = await engine.search({ q, locale: this.locale, filters, limit: this.limit });
      if (seq !== this.seq) return;
      this.keepKeys(params, res.filters);
      // The drawer's count is of the filters applied, not of the values left out.
      this.showFilterCount(res.filters);
      this.showIgnored(res.ignored);
      this.render(res);
      if (res.total === 0 && q.trim()) await this.suggest(engine, q, filters, seq);
      if (seq !== this.seq) return;
      this.dataset.state = 'done';
    } catch (err) {
      console.error(err);
      status.textContent = this.strings.error;
      this.dataset.state = 'failed';
    }
  }

  /** "Did you mean": a nearby query from the index's own words that finds something (runtime/suggest.ts). The
   * vocabulary is the static index's, whichever engine answers. */
  private async suggest(engine: Engine, q: string, filters: Filters, seq: number): Promise<void> {
    this.suggester ??= import('./runtime/suggest.ts').then((m) => m.createSuggester(this.dataset.index ?? '/search'));
    let found: string | undefined;
    try {
      found = await (await this.suggester).suggest(q, async (c) => (await engine.search({ q: c, locale: this.locale, filters, limit: 1 })).total > 0);
    } catch (err) {
      // No suggestion is no loss: the "no results" message stands.
      console.warn(err);
      return;
    }
    if (!found || seq !== this.seq) return;
    const url = new URL(location.href);
    url.searchParams.set('q', found);
    const a = document.createElement('a');
    a.href = url.pathname + url.search;
    a.dataset.suggestion = found;
    a.textContent = found;
    const [before = '', after = ''] = this.strings.didYouMean.split('{{query}}');
    const p = this.querySelector<HTMLElement>('[data-suggest]')!;
    p.replaceChildren(before, a, after);
    p.hidden = false;
  }

  /** The URL holds the keys of the filters applied: a value given by its label ("soie") becomes its key, so the
   * checkbox ticked for it unticks it, and a value that named nothing leaves (its notice says so). */
  private keepKeys(params: URLSearchParams, applied: Filters): void {
    if (FACET_ORDER.every((f) => (applied[f] ?? []).join('\n') === params.getAll(f).join('\n'))) return;
    const url = new URL(location.href);
    for (const f of FACET_ORDER) {
      url.searchParams.delete(f);
      for (const k of applied[f] ?? []) url.searchParams.append(f, k);
    }
    history.replaceState(null, '', url);
  }

  /** Filter values that name nothing are said, not silently dropped (nor made a filter that finds nothing). */
  private showIgnored(ignored: IgnoredFilter[]): void {
    const t = this.strings;
    const p = this.querySelector<HTMLElement>('[data-ignored]')!;
    p.textContent = ignored.length
      ? fill(t.filterIgnored, {
          filters: ignored.map((i) => fill(t.filterIgnoredValue, { facet: facetLabel(t, i.facet), value: i.value })).join(t.filterIgnoredSeparator),
        })
      : '';
    p.hidden = ignored.length === 0;
  }

  /** The drawer's button says how many filters are on, so a closed drawer does not hide that results are narrowed. */
  private showFilterCount(filters: Filters): void {
    const n = FACET_ORDER.reduce((sum, f) => sum + (filters[f]?.length ?? 0), 0) + (filters.yearFrom !== undefined || filters.yearTo !== undefined ? 1 : 0);
    this.querySelector('[data-filters-toggle]')!.textContent = n
      ? fill(this.strings.filtersActive, { count: formatNumber(n, this.locale) })
      : this.strings.filters;
  }

  private render(res: SearchResponse): void {
    const t = this.strings;
    this.querySelector('[data-status]')!.textContent =
      res.total === 0 ? t.noResults : res.total === 1 ? t.resultsOne : fill(t.results, { count: formatNumber(res.total, this.locale) });
    const list = this.querySelector('[data-results]')!;
    // A scene, a film or a subtitle line among objects says what it is (the artifacts, most hits, say nothing).
    const kinds = new Map(res.facets.type.map((f) => [f.key, f.label]));
    list.replaceChildren(
      ...res.hits.map((h) => {
        const li = document.createElement('li');
        li.className = 'search-hit';
        if (h.thumb) {
          const img = document.createElement('img');
          img.src = h.thumb;
          img.alt = '';
          img.loading = 'lazy';
          li.append(img);
        }
        const body = document.createElement('div');
        const kind = h.type === 'artifact' ? undefined : kinds.get(h.type);
        if (kind) {
          const k = document.createElement('span');
          k.className = 'search-hit-type';
          k.textContent = kind;
          body.append(k);
        }
        const a = document.createElement('a');
        a.href = `/${this.locale}/${h.href}`;
        a.textContent = h.title;
        // A title or line in another language than the page's (a fallback) is marked as on the record's page.
        if (h.titleLang) {
          a.lang = LOCALE_TAGS[h.titleLang];
          a.classList.add('fallback');
        }
        body.append(a);
        if (h.sub) {
          const p = document.createElement('p');
          p.textContent = h.sub;
          if (h.subLang) {
            p.lang = h.subLang;
            p.classList.add('fallback');
          }
          body.append(p);
        }
        li.append(body);
        return li;
      }),
    );
    (this.querySelector('[data-more]') as HTMLButtonElement).hidden = res.hits.length >= res.total;
    const facets = this.querySelector('[data-facets]')!;
    facets.replaceChildren(
      ...FACET_ORDER.filter((f) => res.facets[f].length > 0).map((f) => {
        const wrap = document.createElement('div');
        wrap.className = 'search-facet';
        const fs = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.textContent = facetLabel(t, f);
        fs.append(legend);
        for (const v of res.facets[f].slice(0, 12)) {
          const label = document.createElement('label');
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.checked = v.selected;
          box.addEventListener('change', () => this.update({ toggle: [f, v.key] }, true));
          const text = document.createElement('span');
          text.textContent = v.label;
          if (v.labelLang) text.lang = v.labelLang;
          label.append(box, ' ', text, ` (${formatNumber(v.count, this.locale)})`);
          fs.append(label, document.createElement('br'));
        }
        wrap.append(fs);
        return wrap;
      }),
    );
  }
}

if (!customElements.get('search-page')) customElements.define('search-page', SearchPageElement);
