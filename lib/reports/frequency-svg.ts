// A horizontal bar chart of a frequency table as a standalone SVG (no chart library). Pure.
import { escapeHtml } from "../text/escape-html";
import type { FrequencyTable } from "./build-frequency-table";

/** Splits a label into lines of at most `max` characters, at spaces where possible. */
export function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.length ? out : [""];
}

/**
 * The chart: one bar per row in the table's order, its length the percent of N, labelled with
 * count and percent; footnote marks after the option labels and the footnotes underneath.
 */
export function frequencySvg(t: FrequencyTable, o: { width?: number } = {}): string {
  const width = o.width ?? 760;
  const labelW = 300;
  const barX = labelW + 12;
  const barMax = width - barX - 90;
  const lineH = 15;
  const title = wrap(`${t.question} (N = ${t.n})`, 95);
  let y = 18 + title.length * 18 + 6;
  const parts: string[] = [];
  title.forEach((l, i) => parts.push(`<text x="0" y="${18 + i * 18}" font-weight="600" font-size="14">${escapeHtml(l)}</text>`));
  parts.push(`<text x="0" y="${y}" font-size="12" fill="#57606a">${escapeHtml(t.base)}; percent of N, respondents who answered${t.multiple ? " (several answers possible)" : ""}</text>`);
  y += 14;
  for (const r of t.rows) {
    const lines = wrap(r.label + (r.marks.length ? ` ${r.marks.join(",")}` : ""), 44);
    const h = Math.max(22, lines.length * lineH + 8);
    const pct = r.percent ?? 0;
    const w = Math.max(pct > 0 ? 1 : 0, Math.round((pct / 100) * barMax));
    const mid = y + h / 2;
    lines.forEach((l, i) => parts.push(`<text x="${labelW}" y="${mid - ((lines.length - 1) * lineH) / 2 + i * lineH + 4}" text-anchor="end" font-size="12">${escapeHtml(l)}</text>`));
    parts.push(`<rect x="${barX}" y="${mid - 8}" width="${w}" height="16" fill="#0b5cad"><title>${escapeHtml(`${r.label}: ${r.count} (${pct}%)`)}</title></rect>`);
    parts.push(`<text x="${barX + w + 6}" y="${mid + 4}" font-size="12">${r.count} (${r.percent === null ? "–" : `${r.percent}%`})</text>`);
    y += h;
  }
  y += 10;
  for (const f of t.footnotes) {
    for (const [i, l] of wrap(`${f.mark} ${f.text}`, 110).entries()) {
      parts.push(`<text x="0" y="${y + 12}" font-size="11" fill="#57606a"${i ? ' dx="10"' : ""}>${escapeHtml(l)}</text>`);
      y += lineH;
    }
  }
  const height = y + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(`Bar chart: ${t.question}`)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">\n<rect width="100%" height="100%" fill="#fff"/>\n${parts.join("\n")}\n</svg>\n`;
}
