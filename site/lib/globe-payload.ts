// The globe's payload for a page in one language: the places and routes named in that language, the label font and
// the names of Cesium's own controls. The globe page and an exhibition's globe step each pass the places and routes
// they show.
import type { Locale } from '../../model/locales.ts';
import type { Route } from '../../model/routes.ts';
import type { Place, Stored } from '../../model/schema.ts';
import { pick } from '../../model/text.ts';
import { localePath } from '../../formats/urls.ts';
import type { GlobePayload } from '../components/map/globe-data.ts';
import { translator } from '../i18n/index.ts';

const CJK_SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "PingFang SC", "Microsoft YaHei", serif';
/** The label font of the globe: the page's text face, as --font-text in global.css: on en/fr pages the Latin face
 * first (a CJK face draws Latin text with full-width punctuation: "de l’ Académie"), already loaded for the page. */
const globeFont = (locale: Locale): string => `16px ${locale === 'zh' ? CJK_SERIF : `"Source Serif 4 Variable", ${CJK_SERIF}`}`;

export function globePayload(places: Stored<Place>[], routes: Route[], locale: Locale): GlobePayload {
  const t = translator(locale);
  return {
    places: places.map((p) => ({
      id: p.id,
      name: pick(p.name, locale)?.text ?? p.id,
      lat: p.lat,
      lon: p.lon,
      ...(p.page ? { url: localePath(locale, p.page) } : {}),
    })),
    routes: routes.map((r) => ({ id: r.id, from: r.from, to: r.to, label: r.label[locale] })),
    font: globeFont(locale),
    strings: {
      home: t('map:cesium.home'),
      credits: t('map:cesium.credits'),
      close: t('map:cesium.close'),
      fullscreen: t('map:globe.fullscreen'),
      exitFullscreen: t('map:globe.exitFullscreen'),
    },
  };
}
