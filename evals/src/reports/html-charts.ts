export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2'];

/**
 * A grouped horizontal bar chart as inline SVG: one group per category, one bar per
 * series (variant), values in [0, 1]. No script, no external asset.
 */
export function barChart(
  title: string,
  categories: string[],
  series: { name: string; values: (number | null)[] }[],
): string {
  const barH = 16;
  const gap = 10;
  const labelW = 150;
  const plotW = 420;
  const groupH = series.length * barH + gap;
  const height = categories.length * groupH + 40;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${labelW + plotW + 70}" height="${height}" class="chart">`,
  );
  parts.push(`<text x="0" y="14" class="ct">${escapeHtml(title)}</text>`);
  for (const tick of [0, 0.5, 0.9, 1]) {
    const x = labelW + tick * plotW;
    parts.push(
      `<line x1="${x}" y1="22" x2="${x}" y2="${height - 14}" class="${tick === 0.9 ? 'gl90' : 'gl'}"/>`,
    );
    parts.push(`<text x="${x}" y="${height - 2}" class="tk" text-anchor="middle">${tick * 100}%</text>`);
  }
  categories.forEach((cat, ci) => {
    const y0 = 26 + ci * groupH;
    parts.push(
      `<text x="${labelW - 8}" y="${y0 + (series.length * barH) / 2 + 5}" text-anchor="end" class="cl">${escapeHtml(cat)}</text>`,
    );
    series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === null || v === undefined) return;
      const y = y0 + si * barH;
      const w = Math.max(1, v * plotW);
      parts.push(
        `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH - 3}" fill="${COLORS[si % COLORS.length]}"><title>${escapeHtml(`${s.name} · ${cat}: ${(v * 100).toFixed(1)}%`)}</title></rect>`,
      );
      parts.push(
        `<text x="${labelW + w + 4}" y="${y + barH - 5}" class="bv">${(v * 100).toFixed(1)}%</text>`,
      );
    });
  });
  parts.push('</svg>');
  const legend = series
    .map(
      (s, i) =>
        `<span class="lg"><i style="background:${COLORS[i % COLORS.length]}"></i>${escapeHtml(s.name)}</span>`,
    )
    .join(' ');
  return `<figure>${parts.join('')}<figcaption>${legend}</figcaption></figure>`;
}
