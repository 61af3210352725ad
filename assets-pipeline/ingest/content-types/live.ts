// Live views: `content/live/<slug>.yaml`. Beyond the schema (stream URL scheme, IANA time zone, well-formed times):
// slots and events that overlap, and archive recordings that name a drama or episode that does not exist or a clip
// past the episode's end.
import { liveView, type LiveView } from '../../../model/live.ts';
import { scheduleOverlaps } from '../../../model/live-schedule.ts';
import { baseName, yamlContentType, yamlFilesIn } from '../content-type.ts';
import { dramas } from './dramas.ts';

export const live = yamlContentType<typeof liveView, LiveView>({
  name: 'live',
  files: yamlFilesIn('live'),
  schema: liveView,
  defaults: (file) => ({ type: 'live', id: baseName(file) }),
  idOf: baseName,
  slugs: (v) => [{ at: ['id'], kind: 'live', slug: v.id }],
  finish: (v, report, ctx) => {
    let ok = true;
    const bad = (at: (string | number)[], message: string) => {
      report(at, message);
      ok = false;
    };
    for (const o of scheduleOverlaps(v.schedule, v.timeZone)) bad(o.at, o.message);
    // Dramas are read before live views; one that failed its own checks reads as unknown here.
    const known = ctx.records(dramas);
    v.archive.forEach((c, i) => {
      const d = known.find((x) => x.id === c.drama);
      if (!d) {
        bad(['archive', i, 'drama'], `unknown drama "${c.drama}" (not in content/dramas/, or it has problems)`);
        return;
      }
      const ep = d.episodes.find((e) => e.id === c.episode);
      if (!ep) {
        bad(['archive', i, 'episode'], `drama "${c.drama}" has no episode "${c.episode}"`);
        return;
      }
      // A stand-in declares its length; a curator's own video is measured by the video stage.
      const duration = 'duration' in ep.video ? ep.video.duration : undefined;
      for (const k of ['start', 'end'] as const) {
        const t = c[k];
        if (duration !== undefined && t !== undefined && t > duration) bad(['archive', i, k], `${t} s is after the end of the episode (${duration} s)`);
      }
    });
    return ok ? v : undefined;
  },
});
