// The north-wall mural as a DIAGRAM (composition only: two bodhi trees, two attendants, a hanging flask and
// satchel), drawn as SVG and rasterized with sharp. It is labelled "documented" for composition, not a facsimile.
import sharp from 'sharp';

const W = 1024,
  H = 576;

function tree(cx: number): string {
  const leaves = Array.from({ length: 14 }, (_, i) => {
    const a = (i / 14) * Math.PI * 2;
    const r = 70 + (i % 3) * 18;
    const [x, y] = [(cx + Math.cos(a) * r).toFixed(1), (150 + Math.sin(a) * r * 0.6).toFixed(1)];
    return `<ellipse cx="${x}" cy="${y}" rx="46" ry="30" fill="${i % 2 ? '#4f6b3a' : '#5d7a45'}" opacity="0.92"/>`;
  }).join('');
  const trunk = `M${cx - 14} ${H - 40} C ${cx - 8} 400, ${cx + 10} 300, ${cx} 170 L ${cx + 16} 170 C ${cx + 24} 300, ${cx + 12} 420, ${cx + 18} ${H - 40} Z`;
  return `<path d="${trunk}" fill="#6b4a2e"/>${leaves}`;
}

function attendant(cx: number, robe: string, withStaff: boolean): string {
  const staff = withStaff
    ? `<rect x="${cx + 46}" y="190" width="7" height="330" fill="#5a3b22"/>` +
      `<circle cx="${cx + 49}" cy="186" r="11" fill="none" stroke="#5a3b22" stroke-width="5"/>`
    : '';
  return `<path d="M${cx - 48} ${H - 50} L ${cx - 36} 300 Q ${cx} 262 ${cx + 36} 300 L ${cx + 48} ${H - 50} Z" fill="${robe}"/>
  <rect x="${cx - 40}" y="300" width="80" height="18" fill="#f1e3c4" opacity="0.7"/>
  <ellipse cx="${cx}" cy="248" rx="27" ry="33" fill="#e9cfa8"/>
  <path d="M${cx - 27} 240 Q ${cx} 198 ${cx + 27} 240 L ${cx + 27} 230 Q ${cx} 205 ${cx - 27} 230 Z" fill="#2b2420"/>${staff}`;
}

export function muralSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <rect width="${W}" height="${H}" fill="#d9c29a"/>
  <rect x="10" y="10" width="${W - 20}" height="${H - 20}" fill="none" stroke="#8c3b2a" stroke-width="12"/>
  ${tree(210)}${tree(W - 210)}
  <path d="M250 190 Q 330 230 392 200" stroke="#6b4a2e" stroke-width="6" fill="none"/>
  <path d="M${W - 250} 190 Q ${W - 330} 230 ${W - 392} 200" stroke="#6b4a2e" stroke-width="6" fill="none"/>
  <g><line x1="330" y1="214" x2="330" y2="250" stroke="#3a2a1a" stroke-width="3"/>
     <path d="M322 250 Q 318 300 330 308 Q 342 300 338 250 Z" fill="#7f8f8a"/></g>
  <g><line x1="${W - 330}" y1="214" x2="${W - 330}" y2="246" stroke="#3a2a1a" stroke-width="3"/>
     <rect x="${W - 356}" y="246" width="52" height="58" rx="10" fill="#8a5a3a"/></g>
  ${attendant(150, '#7a3b2e', true)}${attendant(W - 150, '#3e5a6e', false)}
</svg>`;
}

export async function muralPng(): Promise<Uint8Array> {
  return new Uint8Array(await sharp(Buffer.from(muralSvg())).png({ compressionLevel: 9 }).toBuffer());
}
