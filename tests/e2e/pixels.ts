// "The centre of the view is not blank": how much of an image's central region is drawn, and how varied.
import type { PNG } from 'pngjs';

export interface CentreStats {
  /** Share of sampled pixels that `isDrawn` accepts. */
  drawn: number;
  /** Distinct colours (5 bits per channel) among the sampled pixels. */
  colours: number;
}

export function centreStats(img: PNG, isDrawn: (r: number, g: number, b: number) => boolean): CentreStats {
  const colours = new Set<number>();
  let drawn = 0;
  let n = 0;
  for (let y = Math.floor(img.height * 0.35); y < img.height * 0.65; y += 2) {
    for (let x = Math.floor(img.width * 0.35); x < img.width * 0.65; x += 2) {
      const i = (y * img.width + x) * 4;
      const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
      colours.add((r >> 3) * 1024 + (g >> 3) * 32 + (b >> 3));
      if (isDrawn(r, g, b)) drawn++;
      n++;
    }
  }
  return { drawn: drawn / n, colours: colours.size };
}
