import type { Count } from '../dashboard-stats.js';

const COLORS = ['#12355b', '#2e86de', '#10ac84', '#f39c12', '#a4262c', '#8e44ad', '#7f8c8d'];

/** Vertical bars per day, one or two series side by side, with the value over each bar. */
export function DailyBars(props: {
  title: string;
  days: string[];
  series: { name: string; values: number[] }[];
}) {
  const w = 420;
  const h = 190;
  const pad = { l: 28, r: 8, t: 24, b: 34 };
  const max = Math.max(1, ...props.series.flatMap((s) => s.values));
  const slot = (w - pad.l - pad.r) / props.days.length;
  const bw = (slot - 4) / props.series.length;
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / max);
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={props.title}>
      <title>{props.title}</title>
      <line x1={pad.l} x2={w - pad.r} y1={h - pad.b} y2={h - pad.b} stroke="#b9c0c8" />
      <text x={2} y={pad.t + 4}>
        {max}
      </text>
      {props.series.map((s, si) => (
        <g>
          <rect x={pad.l + si * 110} y={4} width={10} height={10} fill={COLORS[si]} />
          <text x={pad.l + si * 110 + 14} y={13}>
            {s.name}
          </text>
        </g>
      ))}
      {props.days.map((d, i) => (
        <g>
          {props.series.map((s, si) => {
            const v = s.values[i] ?? 0;
            const x = pad.l + i * slot + 2 + si * bw;
            return (
              <g>
                <rect x={x} y={y(v)} width={Math.max(1, bw - 1)} height={h - pad.b - y(v)} fill={COLORS[si]}>
                  <title>{`${d}: ${v} ${s.name}`}</title>
                </rect>
                {v > 0 && (
                  <text x={x + bw / 2} y={y(v) - 2} text-anchor="middle" style="font-size:10px">
                    {v}
                  </text>
                )}
              </g>
            );
          })}
          <text
            x={pad.l + i * slot + slot / 2}
            y={h - pad.b + 14}
            text-anchor="middle"
            style="font-size:10px"
          >
            {d.slice(8)}
          </text>
          {(i === 0 || d.endsWith('-01')) && (
            <text
              x={pad.l + i * slot + slot / 2}
              y={h - pad.b + 27}
              text-anchor="middle"
              style="font-size:10px"
            >
              {d.slice(0, 7)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

/** Horizontal bars with label and count: splits and queues readable at a glance. */
export function HBars(props: { title: string; items: Count[]; highlight?: (c: Count) => boolean }) {
  const rowH = 24;
  const w = 360;
  const labelW = 130;
  const max = Math.max(1, ...props.items.map((i) => i.value));
  const h = Math.max(1, props.items.length) * rowH + 8;
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={props.title}>
      <title>{props.title}</title>
      {props.items.length === 0 && (
        <text x={4} y={18}>
          no data yet
        </text>
      )}
      {props.items.map((it, i) => {
        const bw = ((w - labelW - 40) * it.value) / max;
        return (
          <g>
            <text x={labelW - 6} y={i * rowH + 18} text-anchor="end">
              {it.label}
            </text>
            <rect
              x={labelW}
              y={i * rowH + 6}
              width={Math.max(it.value ? 2 : 0, bw)}
              height={rowH - 8}
              fill={props.highlight?.(it) ? '#a4262c' : COLORS[i % COLORS.length]}
            />
            <text x={labelW + bw + 4} y={i * rowH + 18}>
              {it.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A rate as a big number over a thin bar. */
export function Gauge(props: { title: string; value: number | null; detail: string }) {
  const pct = props.value == null ? null : Math.round(props.value * 100);
  return (
    <div>
      <div class="meta">{props.title}</div>
      <div style="font-size:1.8rem;font-weight:700">{pct == null ? '—' : `${pct}%`}</div>
      <svg
        viewBox="0 0 200 8"
        width="100%"
        height="8"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${props.title} ${pct ?? 0}%`}
      >
        <rect x={0} y={0} width={200} height={8} fill="#e3e6ea" rx={4} />
        <rect x={0} y={0} width={(pct ?? 0) * 2} height={8} fill="#10ac84" rx={4} />
      </svg>
      <div class="meta">{props.detail}</div>
    </div>
  );
}
