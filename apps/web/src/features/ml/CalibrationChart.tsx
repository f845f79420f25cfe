import { linearScale } from "./chart-geometry.ts";
import { type CalibrationPoint, percent } from "./model-view.ts";

interface CalibrationChartProps {
  points: CalibrationPoint[];
  task: "direction" | "return";
  dark: boolean;
}

const SIZE = 260;
const PAD = 36;
/** Bins with fewer bars than this are drawn hollow: their observed rate is mostly noise. */
export const FEW_BARS = 30;

/**
 * Reliability diagram: mean predicted value per bin (x) against what happened (y). Points on the dashed
 * diagonal are well calibrated; point area follows the number of bars in the bin.
 */
export function CalibrationChart({ points, task, dark }: CalibrationChartProps) {
  const values = points.flatMap((p) => [p.predicted, p.observed]);
  const domain: [number, number] =
    task === "direction" ? [0, 1] : [Math.min(...values, 0), Math.max(...values, 0)];
  const x = linearScale(domain, [PAD, SIZE - 16]);
  const y = linearScale(domain, [SIZE - PAD, 8]);
  const most = Math.max(1, ...points.map((p) => p.count));
  const axis = dark ? "#909296" : "#495057";
  const ticks = [domain[0], (domain[0] + domain[1]) / 2, domain[1]];
  const digits = task === "direction" ? 0 : 2;
  return (
    <svg
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      width="100%"
      style={{ maxWidth: SIZE }}
      role="img"
      aria-label="Calibration: predicted against observed"
      data-testid="ml-calibration-chart"
    >
      <line
        x1={x(domain[0])}
        y1={y(domain[0])}
        x2={x(domain[1])}
        y2={y(domain[1])}
        stroke={axis}
        strokeDasharray="4 3"
      />
      {ticks.map((t) => (
        <g key={t}>
          <text x={x(t)} y={SIZE - PAD + 14} fontSize={10} textAnchor="middle" fill={axis}>
            {percent(t, digits)}
          </text>
          <text x={PAD - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill={axis}>
            {percent(t, digits)}
          </text>
        </g>
      ))}
      <text x={(PAD + SIZE) / 2} y={SIZE - 4} fontSize={10} textAnchor="middle" fill={axis}>
        {task === "direction" ? "predicted P(up)" : "predicted return"}
      </text>
      <text
        x={10}
        y={(SIZE - PAD) / 2}
        fontSize={10}
        textAnchor="middle"
        fill={axis}
        transform={`rotate(-90 10 ${(SIZE - PAD) / 2})`}
      >
        {task === "direction" ? "observed up-rate" : "realised return"}
      </text>
      <polyline
        points={points.map((p) => `${x(p.predicted)},${y(p.observed)}`).join(" ")}
        fill="none"
        stroke="#da77f2"
        strokeWidth={1.5}
      />
      {points.map((p) => (
        <circle
          key={p.lower}
          cx={x(p.predicted)}
          cy={y(p.observed)}
          r={2 + 6 * Math.sqrt(p.count / most)}
          fill={p.count < FEW_BARS ? "none" : "#da77f2"}
          stroke="#da77f2"
          opacity={0.8}
        >
          <title>
            {`predicted ${percent(p.predicted, 1)} → observed ${percent(p.observed, 1)} (${p.count} bars)`}
          </title>
        </circle>
      ))}
    </svg>
  );
}
