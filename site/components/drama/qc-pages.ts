// How the subtitle QC report is split into pages. A track may hold 20,000 cues (the subtitle stage's limit) and
// each cue several findings: on one page that was 31.7 MB at 200,000 cues. So the drama's QC page is a summary
// (coverage and counts per track, linking to the findings), and each track's findings are listed on numbered pages
// of QC_FINDINGS_PER_PAGE lines, errors first, so the first page of a track holds its problems.
import type { Finding, TrackReport } from '../../../formats/manifests/subtitles.ts';
import type { DramaView } from './drama-data.ts';

/** Findings per page. A finding line holds at most a 40-character excerpt of a cue, which escaping can make 200
 * bytes (`&` is `&amp;`); with the path and the message a line stays under ~350 bytes, so a page of 250 is about
 * 80 KB with the site's header and footer (77.6 KB measured with the worst excerpts, tests/site/qc-pages.test.ts). */
export const QC_FINDINGS_PER_PAGE = 250;
/** The most bytes one QC page may have, summary or findings page (was 31.7 MB for 200,000 cues on one page). */
export const QC_PAGE_MAX_BYTES = 128_000;

export interface QcTrack {
  episodeId: string;
  track: TrackReport;
}

/** Errors before warnings, each by cue number (a finding of the file as a whole, cue 0, first). */
export function qcOrder(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return [...findings].sort((a, b) => rank(a) - rank(b) || a.cue - b.cue);
}

/** Every track of the drama that has findings, the ones whose findings get pages. */
export function qcTracks(view: DramaView): QcTrack[] {
  return view.episodes.flatMap(({ episode, subtitles }) =>
    (subtitles?.tracks ?? []).filter((t) => t.findings.length > 0).map((track) => ({ episodeId: episode.id, track })),
  );
}

/** One page of a track's findings: what the findings route renders. */
export interface QcFindingsPage {
  episodeId: string;
  track: TrackReport;
  findings: Finding[];
  /** 1-based page number and the track's last page. */
  current: number;
  last: number;
  /** 0-based position of the page's first finding in the track's ordered findings. */
  start: number;
}

/** Every findings page of the drama, each track cut into QC_FINDINGS_PER_PAGE. */
export function qcFindingsPages(view: DramaView): QcFindingsPage[] {
  return qcTracks(view).flatMap(({ episodeId, track }) => {
    const ordered = qcOrder(track.findings);
    const last = Math.ceil(ordered.length / QC_FINDINGS_PER_PAGE);
    return Array.from({ length: last }, (_, i) => {
      const start = i * QC_FINDINGS_PER_PAGE;
      return { episodeId, track, findings: ordered.slice(start, start + QC_FINDINGS_PER_PAGE), current: i + 1, last, start };
    });
  });
}

/** A finding as curators read it in every tool: `file:cue: severity: message`. */
export const findingLine = (track: TrackReport, f: Finding): string => `${track.sourceFile}:${f.cue}: ${f.severity}: ${f.message}`;
