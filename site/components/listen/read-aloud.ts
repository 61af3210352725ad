// The read-aloud control: reads the page's marked parts (`data-read`) with the browser's speech synthesis, one
// sentence per utterance, and marks the sentence being read. One utterance per sentence because Chrome stops a
// long utterance after about 15 s and boundary events are missing for many voices; `start` of each utterance
// is then the reliable moment to move the mark.
import { reducedMotion } from '../comfort/motion.ts';
import { PARAGRAPH, type Sentence, sentences } from './sentences.ts';
import { voiceFor } from './voices.ts';

type Kind = 'title' | 'text' | 'image';
const ORDER: Record<Kind, number> = { title: 0, text: 1, image: 2 };
const HIGHLIGHT = 'read-aloud';

interface Line {
  element: HTMLElement;
  lang: string;
  sentence: Sentence;
  /** The text nodes the sentence's offsets count through, each with where it starts; none for an image. */
  nodes: Placed[];
}
interface Placed {
  node: Text;
  at: number;
}

const BLOCK = 'p, li, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, div';

/** An element's text and where each of its text nodes sits in it, with a paragraph end between blocks. */
function textOf(element: HTMLElement): { text: string; nodes: Placed[] } {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Placed[] = [];
  let text = '';
  let block: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    const here = node.parentElement?.closest(BLOCK) ?? null;
    if (nodes.length > 0 && here !== block) text += PARAGRAPH;
    block = here;
    nodes.push({ node, at: text.length });
    text += node.data;
  }
  return { text, nodes };
}

/** Title, then text, then image description within each section (`data-read-section`), sections in page order. */
function pieces(): HTMLElement[] {
  const all = [...document.querySelectorAll<HTMLElement>('[data-read]')];
  const sections = new Map<Element | null, number>();
  for (const el of all) {
    const s = el.closest('[data-read-section]');
    if (!sections.has(s)) sections.set(s, sections.size);
  }
  const key = (el: HTMLElement) => sections.get(el.closest('[data-read-section]'))! * 10 + (ORDER[el.dataset.read as Kind] ?? 1);
  return all
    .map((el, i) => ({ el, i }))
    .sort((a, b) => key(a.el) - key(b.el) || a.i - b.i)
    .map(({ el }) => el);
}

function lines(pageLang: string): Line[] {
  const out: Line[] = [];
  const said = new Set<string>();
  for (const element of pieces()) {
    const lang = element.closest<HTMLElement>('[lang]')?.lang || pageLang;
    const image = element instanceof HTMLImageElement;
    const { text, nodes } = image ? { text: element.alt, nodes: [] } : textOf(element);
    // An image whose description only repeats the title says nothing new.
    if (said.has(text.trim())) continue;
    said.add(text.trim());
    for (const sentence of sentences(text, lang)) out.push({ element, lang, sentence, nodes });
  }
  return out;
}

function rangeOf(line: Line): Range | undefined {
  const { start, end } = line.sentence;
  const first = line.nodes.findLast((p) => p.at <= start);
  const last = line.nodes.findLast((p) => p.at < end);
  if (!first || !last) return undefined;
  const range = document.createRange();
  range.setStart(first.node, Math.min(start - first.at, first.node.length));
  range.setEnd(last.node, Math.min(end - last.at, last.node.length));
  return range;
}

function wire(control: HTMLElement): void {
  const play = control.querySelector<HTMLButtonElement>('[data-read-play]')!;
  const stop = control.querySelector<HTMLButtonElement>('[data-read-stop]')!;
  const status = control.querySelector<HTMLElement>('[data-read-status]')!;
  const pageLang = document.documentElement.lang;
  const labelOf = (name: string) => control.dataset[`label${name}`] ?? '';
  const synth = window.speechSynthesis;
  let queue: Line[] = [];
  let run = 0;
  let marked: HTMLElement | undefined;

  const setState = (state: 'idle' | 'loading' | 'playing' | 'paused' | 'novoice') => {
    control.dataset.state = state;
    play.textContent = labelOf(state === 'playing' ? 'Pause' : state === 'paused' ? 'Resume' : 'Listen');
    play.disabled = state === 'loading';
    stop.disabled = state !== 'playing' && state !== 'paused';
    if (state !== 'novoice') status.textContent = '';
  };
  const unmark = () => {
    CSS.highlights?.delete(HIGHLIGHT);
    marked?.removeAttribute('data-reading');
    marked = undefined;
  };
  const mark = (line: Line) => {
    unmark();
    // A longer image description is read from its closed disclosure, opened so the mark can be seen.
    const disclosure = line.element.closest('details');
    if (disclosure) disclosure.open = true;
    marked = line.element.closest<HTMLElement>('figure') ?? line.element;
    marked.setAttribute('data-reading', '');
    const range = rangeOf(line);
    if (range && typeof Highlight === 'function') CSS.highlights?.set(HIGHLIGHT, new Highlight(range));
    marked.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'instant' : 'smooth' });
  };
  const finish = () => {
    run++;
    synth.cancel();
    unmark();
    setState('idle');
  };
  const noVoice = () => {
    finish();
    control.dataset.state = 'novoice';
    status.textContent = labelOf('NoVoice');
  };

  const say = (i: number, voices: SpeechSynthesisVoice[], id: number) => {
    const line = queue[i];
    if (!line) return finish();
    const u = new SpeechSynthesisUtterance(line.sentence.text);
    u.lang = line.lang;
    const voice = voiceFor(voices, line.lang);
    if (voice) u.voice = voice;
    u.addEventListener('start', () => id === run && mark(line));
    u.addEventListener('end', () => id === run && say(i + 1, voices, id));
    u.addEventListener('error', (e) => {
      if (id !== run || e.error === 'interrupted' || e.error === 'canceled') return;
      if (e.error === 'language-unavailable' || e.error === 'voice-unavailable' || e.error === 'synthesis-unavailable') noVoice();
      else say(i + 1, voices, id);
    });
    synth.speak(u);
  };

  // Voices load after the page in Chrome (announced by `voiceschanged`); where there are none the event may never
  // come, so the wait ends after a moment.
  const loadVoices = () =>
    new Promise<SpeechSynthesisVoice[]>((resolve) => {
      const now = synth.getVoices();
      if (now.length > 0) return resolve(now);
      const done = () => resolve(synth.getVoices());
      synth.addEventListener('voiceschanged', done, { once: true });
      setTimeout(done, 1500);
    });

  play.addEventListener('click', async () => {
    const state = control.dataset.state;
    if (state === 'playing') {
      synth.pause();
      return setState('paused');
    }
    if (state === 'paused') {
      synth.resume();
      return setState('playing');
    }
    setState('loading');
    const voices = await loadVoices();
    if (!voiceFor(voices, pageLang)) return noVoice();
    queue = lines(pageLang);
    synth.cancel();
    const id = ++run;
    setState('playing');
    say(0, voices, id);
  });
  stop.addEventListener('click', finish);
  addEventListener('pagehide', () => synth.cancel());
  setState('idle');
  control.hidden = false;
}

if ('speechSynthesis' in window) for (const control of document.querySelectorAll<HTMLElement>('[data-read-aloud]')) wire(control);
