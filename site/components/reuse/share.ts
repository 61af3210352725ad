// Client half of Share.astro: shows each button only where its API exists, and says what happened in the
// group's live region (the share sheet needs no word: the system shows it).
import { absoluteAddress } from '../common/page-address.ts';

export function initShare(root: ParentNode = document): void {
  for (const box of root.querySelectorAll<HTMLElement>('[data-share]')) {
    // A path where the build had no site address: the address this page is served from.
    const url = absoluteAddress(box.dataset.url ?? location.href);
    const copy = box.querySelector<HTMLButtonElement>('[data-share-copy]')!;
    const sheet = box.querySelector<HTMLButtonElement>('[data-share-sheet]')!;
    const status = box.querySelector<HTMLElement>('[data-share-status]')!;
    if (navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener('click', () => {
        navigator.clipboard.writeText(url).then(
          () => {
            status.textContent = box.dataset.copied ?? '';
            box.dataset.state = 'copied';
          },
          () => {
            status.textContent = box.dataset.failed ?? '';
            box.dataset.state = 'failed';
          },
        );
      });
    }
    const data = { url, title: box.dataset.title ?? document.title };
    if (typeof navigator.share === 'function' && (!navigator.canShare || navigator.canShare(data))) {
      sheet.hidden = false;
      sheet.addEventListener('click', () => {
        // A visitor closing the sheet rejects the promise: nothing to report.
        navigator.share(data).catch(() => undefined);
      });
    }
  }
}
