// Wires the header's comfort form: shows the current choices, stores each change and applies it to <html> at
// once (the same data attributes comfort-init.js sets before paint), and lets the viewers that animate in script
// know (the `comfortchange` event, see motion.ts).
import { COMFORT_KEYS, COMFORT_OPTIONS, COMFORT_STORAGE_KEY, type ComfortSettings, cleanSettings } from './options.ts';

const root = document.documentElement;

function read(): ComfortSettings {
  try {
    return cleanSettings(JSON.parse(localStorage.getItem(COMFORT_STORAGE_KEY) ?? '{}'));
  } catch {
    return {};
  }
}

/** Defaults are not stored or set, so the stylesheet keeps following the system for them. */
function apply(settings: ComfortSettings): void {
  const kept: Record<string, string> = {};
  for (const key of COMFORT_KEYS) {
    const value = settings[key];
    if (value && value !== COMFORT_OPTIONS[key][0]) {
      root.dataset[key] = value;
      kept[key] = value;
    } else delete root.dataset[key];
  }
  try {
    if (Object.keys(kept).length) localStorage.setItem(COMFORT_STORAGE_KEY, JSON.stringify(kept));
    else localStorage.removeItem(COMFORT_STORAGE_KEY);
  } catch {
    // Storage blocked (private mode, policy): the choice holds for this page only.
  }
  document.dispatchEvent(new CustomEvent('comfortchange'));
}

function show(form: HTMLFormElement, settings: ComfortSettings): void {
  for (const key of COMFORT_KEYS) {
    const value = settings[key] ?? COMFORT_OPTIONS[key][0];
    for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]`)) {
      input.checked = input.type === 'checkbox' ? value === 'on' : input.value === value;
    }
  }
}

function fromForm(form: HTMLFormElement): ComfortSettings {
  const data = new FormData(form);
  const raw: Record<string, string> = { large: 'off' };
  for (const key of COMFORT_KEYS) {
    const value = data.get(key);
    if (typeof value === 'string') raw[key] = value;
  }
  return cleanSettings(raw);
}

for (const details of document.querySelectorAll<HTMLDetailsElement>('details.comfort')) {
  const form = details.querySelector('form');
  if (!form) continue;
  show(form, read());
  form.addEventListener('change', () => apply(fromForm(form)));
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    apply({});
    show(form, {});
  });
  details.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && details.open) {
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  });
}
root.dataset.comfortReady = 'wired';
