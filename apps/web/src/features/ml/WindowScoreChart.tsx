import { day, linearScale } from "./chart-geometry.ts";
import { percent, scoreRange, type WindowBar } from "./model-view.ts";

interface WindowScoreChartProps {
  windows: WindowBar[];
  scoreName: string;
  higherIsBetter: boolean;
  dark: boolean;
}

const WIDTH = 600;
const HEIGHT = 190;
const LEFT = 48;
const BOTTOM = 22;
const TOP = 8;

/** One bar per retraining window (its out-of-sample score) with the baseline as a grey tick across it. */
export function WindowScoreChart({ windows, scoreName, higherIsBetter, dark }: WindowScoreChartProps) {
  const anchor = higherIsBetter ? 0.5 : null;
  const [low, high] = scoreRange(
    windows.flatMap((w) => [w.score, w.baseline]),
    anchor,
  );
  const y = linearScale([low, high], [HEIGHT - BOTTOM, TOP]);
  const slot = (WIDTH - LEFT) / Math.max(1, windows.length);
  const barWidth = Math.max(2, slot * 0.7);
  const axis = dark ? "#909296" : "#495057";
  const grid = dark ? "#373a40" : "#dee2e6";
  // The anchor (a coin flip for direction) is the reference a trader reads first, so it gets a label.
  const ticks = anchor !== null ? [low, anchor, high] : [low, (low + high) / 2, high];
  const better = (w: WindowBar) =>
    w.score !== null && w.baseline !== null && (higherIsBetter ? w.score > w.baseline : w.score < w.baseline);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={`${scoreName} per retraining window against the baseline`}
      data-testid="ml-window-chart"
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={WIDTH} y1={y(t)} y2={y(t)} stroke={grid} strokeWidth={1} />
          <text x={LEFT - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill={axis}>
            {percent(t, higherIsBetter ? 1 : 2)}
          </text>
        </g>
      ))}
      {anchor !== null ? (
        <line x1={LEFT} x2={WIDTH} y1={y(anchor)} y2={y(anchor)} stroke={axis} strokeDasharray="4 3" />
      ) : null}
      {windows.map((w, i) => {
        const x = LEFT + i * slot + (slot - barWidth) / 2;
        const base = y(Math.max(low, anchor ?? low));
        const top = w.score === null ? base : y(w.score);
        return (
          <g key={w.from}>
            <title>
              {`${day(w.from)} → ${day(w.to)}: ${scoreName.toLowerCase()} ${percent(w.score, 2)} vs baseline ${percent(w.baseline, 2)} on ${w.scored} scored bars (${w.bars} bars)`}
            </title>
            {w.score !== null ? (
              <rect
                x={x}
                y={Math.min(top, base)}
                width={barWidth}
                height={Math.max(1, Math.abs(base - top))}
                fill={better(w) ? "#20c997" : "#fa5252"}
                opacity={0.85}
              />
            ) : null}
            {w.baseline !== null ? (
              <line
                x1={x - 1}
                x2={x + barWidth + 1}
                y1={y(w.baseline)}
                y2={y(w.baseline)}
                stroke={dark ? "#f8f9fa" : "#212529"}
                strokeWidth={2}
              />
            ) : null}
          </g>
        );
      })}
      {windows.length > 0 ? (
        <>
          <text x={LEFT} y={HEIGHT - 6} fontSize={10} fill={axis}>
            {day(windows[0]!.from)}
          </text>
          <text x={WIDTH} y={HEIGHT - 6} fontSize={10} textAnchor="end" fill={axis}>
            {day(windows.at(-1)!.to)}
          </text>
        </>
      ) : null}
    </svg>
  );
}
