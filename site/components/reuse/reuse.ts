// Client half of Reuse.astro: the size links fetch the published JPEG and save it with the rights metadata;
// the detail is a selection over a preview of the picked image (pointer: drag to draw, drag inside to move; keyboard: arrow keys
// move, Shift+arrow keys resize) stitched in a canvas from the published IIIF tiles at the finest scale factor,
// or cropped from the largest whole JPEG where the image has no tiles.
import { tilePath } from '../../../formats/manifests/iiif-paths.ts';
import { fill } from '../../i18n/fill.ts';
import { type ReuseMeta, withReuseMetadata } from './jpeg-metadata.ts';
import { absoluteAddress } from '../common/page-address.ts';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** Selection in fractions of the image; a keyboard step is 2 % of it, the smallest selection 2 %. */
const STEP = 0.02;
const MIN = 0.02;
const MAX_PIXELS = 40_000_000;
const MAX_SIDE = 16_000;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function save(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/jpeg' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the object URL; let it go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function load(src: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = src;
  await img.decode();
  return img;
}

const toJpeg = (canvas: HTMLCanvasElement): Promise<Uint8Array> =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/jpeg', 0.92)).then(
    async (b) => new Uint8Array(await b.arrayBuffer()),
  );

/** The selection in pixels of an image `W` × `H`. */
function pixels(box: Box, W: number, H: number): { sx: number; sy: number; sw: number; sh: number } {
  const sx = Math.round(box.x * W);
  const sy = Math.round(box.y * H);
  return { sx, sy, sw: Math.max(1, Math.round((box.x + box.w) * W) - sx), sh: Math.max(1, Math.round((box.y + box.h) * H) - sy) };
}

/** The selection from the level-0 tiles of one scale factor: only the tiles it touches are fetched. */
async function stitch(d: DOMStringMap, box: Box): Promise<Uint8Array> {
  const W = Number(d.width);
  const H = Number(d.height);
  const tile = Number(d.tileSize);
  const { sx, sy, sw, sh } = pixels(box, W, H);
  // Full resolution unless the canvas would pass what browsers allow (Chromium, Safari: ~16k px a side, and
  // memory): then the finest scale factor that fits.
  const factors = (d.scaleFactors ?? '1')
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
  const sf = factors.find((f) => (sw / f) * (sh / f) <= MAX_PIXELS && sw / f <= MAX_SIDE && sh / f <= MAX_SIDE) ?? factors.at(-1)!;
  const region = tile * sf;
  const lx = Math.floor(sx / sf);
  const ly = Math.floor(sy / sf);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(sw / sf));
  canvas.height = Math.max(1, Math.round(sh / sf));
  const ctx = canvas.getContext('2d')!;
  const jobs: Promise<void>[] = [];
  for (let ty = Math.floor(sy / region); ty <= Math.floor((sy + sh - 1) / region); ty++) {
    for (let tx = Math.floor(sx / region); tx <= Math.floor((sx + sw - 1) / region); tx++) {
      jobs.push(load(`${d.iiif}/${tilePath(W, H, tile, sf, tx, ty)}`).then((img) => ctx.drawImage(img, tx * tile - lx, ty * tile - ly)));
    }
  }
  await Promise.all(jobs);
  return toJpeg(canvas);
}

async function crop(src: string, box: Box): Promise<Uint8Array> {
  const img = await load(src);
  const { sx, sy, sw, sh } = pixels(box, img.naturalWidth, img.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = sw;
  canvas.height = sh;
  canvas.getContext('2d')!.drawImage(img, sx, sy, sw, sh, 0, 0, sw, sh);
  return toJpeg(canvas);
}

function initOne(root: HTMLElement): void {
  const d = root.dataset;
  const meta = JSON.parse(d.meta ?? '{}') as ReuseMeta;
  meta.page = absoluteAddress(meta.page);
  const progress = root.querySelector<HTMLElement>('[data-reuse-progress]')!;
  const run = async (make: () => Promise<Uint8Array>, name: string): Promise<void> => {
    progress.textContent = d.preparing ?? '';
    root.dataset.state = 'preparing';
    try {
      save(withReuseMetadata(await make(), meta), name);
      progress.textContent = d.ready ?? '';
      root.dataset.state = 'saved';
    } catch (err) {
      console.error(err);
      progress.textContent = d.failed ?? '';
      root.dataset.state = 'failed';
    }
  };

  for (const link of root.querySelectorAll<HTMLAnchorElement>('[data-reuse-size]')) {
    link.addEventListener('click', (e) => {
      e.preventDefault();
      void run(async () => {
        const res = await fetch(link.href);
        if (!res.ok) throw new Error(`${link.href}: HTTP ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      }, link.download);
    });
  }

  const region = root.querySelector<HTMLElement>('[data-reuse-region]')!;
  const stage = region.querySelector<HTMLElement>('[data-reuse-stage]')!;
  const preview = stage.querySelector('img')!;
  const boxEl = region.querySelector<HTMLElement>('[data-reuse-box]')!;
  const status = region.querySelector<HTMLElement>('[data-reuse-selection]')!;
  const picker = region.querySelector<HTMLSelectElement>('[data-reuse-region-image]');
  // The image the detail is taken from: the record's first, or the one picked.
  let image: DOMStringMap = root.querySelector<HTMLElement>('[data-reuse-image]')!.dataset;
  const DEFAULT: Box = { x: 0.25, y: 0.25, w: 0.5, h: 0.5 };
  let box: Box = DEFAULT;
  const px = (b: Box) => {
    const W = Number(image.width);
    const H = Number(image.height);
    return { x: Math.round(b.x * W), y: Math.round(b.y * H), width: Math.round(b.w * W), height: Math.round(b.h * H) };
  };
  const draw = (): void => {
    Object.assign(boxEl.style, { left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.w * 100}%`, height: `${box.h * 100}%` });
    const p = px(box);
    status.textContent = fill(d.regionStatus ?? '', p);
    // In full-image pixels, for scripts and tests: the crop covers this part of the image at the largest size.
    region.dataset.selection = [box.x, box.y, box.w, box.h].map((v) => v.toFixed(4)).join(',');
    region.dataset.image = picker?.value ?? '0';
  };
  const set = (b: Box): void => {
    const w = clamp(b.w, MIN, 1);
    const h = clamp(b.h, MIN, 1);
    box = { w, h, x: clamp(b.x, 0, 1 - w), y: clamp(b.y, 0, 1 - h) };
    draw();
  };
  picker?.addEventListener('change', () => {
    image = root.querySelector<HTMLElement>(`[data-reuse-image="${picker.value}"]`)!.dataset;
    Object.assign(preview, { src: image.preview, width: Number(image.previewWidth), height: Number(image.previewHeight) });
    set(DEFAULT);
  });

  boxEl.addEventListener('keydown', (e) => {
    const dx = e.key === 'ArrowLeft' ? -STEP : e.key === 'ArrowRight' ? STEP : 0;
    const dy = e.key === 'ArrowUp' ? -STEP : e.key === 'ArrowDown' ? STEP : 0;
    if (!dx && !dy) return;
    e.preventDefault();
    set(e.shiftKey ? { ...box, w: box.w + dx, h: box.h + dy } : { ...box, x: box.x + dx, y: box.y + dy });
  });

  const at = (e: PointerEvent): { x: number; y: number } => {
    const r = stage.getBoundingClientRect();
    return { x: clamp((e.clientX - r.left) / r.width, 0, 1), y: clamp((e.clientY - r.top) / r.height, 0, 1) };
  };
  let drag: { mode: 'draw' | 'move'; from: { x: number; y: number }; start: Box } | undefined;
  stage.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const p = at(e);
    const inside = p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h;
    drag = { mode: inside ? 'move' : 'draw', from: p, start: box };
    stage.setPointerCapture(e.pointerId);
    boxEl.focus({ preventScroll: true });
  });
  stage.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const p = at(e);
    if (drag.mode === 'move') set({ ...drag.start, x: drag.start.x + p.x - drag.from.x, y: drag.start.y + p.y - drag.from.y });
    else set({ x: Math.min(p.x, drag.from.x), y: Math.min(p.y, drag.from.y), w: Math.abs(p.x - drag.from.x), h: Math.abs(p.y - drag.from.y) });
  });
  const end = (): void => {
    drag = undefined;
  };
  stage.addEventListener('pointerup', end);
  stage.addEventListener('pointercancel', end);

  region.querySelector('[data-reuse-region-download]')!.addEventListener('click', () => {
    const p = px(box);
    const from = image;
    void run(
      () => (from.tileSize && from.scaleFactors ? stitch(from, box) : crop(from.source!, box)),
      `${from.file}-detail-${p.x}-${p.y}-${p.width}x${p.height}.jpg`,
    );
  });
  region.hidden = false;
  draw();
  root.dataset.ready = 'true';
}

export function initReuse(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-reuse]')) initOne(root);
}
