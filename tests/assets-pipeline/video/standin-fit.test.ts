// A stand-in card's lines are drawn at a size that fits the frame (drawtext neither wraps nor shrinks): the demo's
// longest title, at 640 px, is made smaller instead of being cut at both edges, and a short one keeps the full size.
import { describe, expect, it } from 'vitest';
import { fitSize } from '../../../assets-pipeline/video/standin.ts';

describe('fitSize', () => {
  it('shrinks a line wider than the card and keeps a short one at its size', () => {
    const title = 'Pepper&Carrot, Episode 6: The Potion Contest';
    const size = fitSize(title, 30, 640);
    expect(size).toBeLessThan(30);
    // At the chosen size the estimated width leaves a margin on each side.
    expect(title.length * 0.58 * size).toBeLessThanOrEqual(640 * 0.9);
    expect(fitSize('#1: Getting Started', 30, 640)).toBe(30);
    // Chinese characters are a full em each.
    expect(fitSize('胡椒与胡萝卜 第6集：魔药大赛', 30, 640)).toBe(30);
    expect(fitSize('胡'.repeat(40), 30, 640)).toBe(14);
  });
});
