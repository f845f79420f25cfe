import {
  AreaSeries,
  CandlestickSeries,
  ColorType,
  CrosshairMode,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  type IChartApi,
  LineSeries,
  type MouseEventParams,
  type Time,
} from "lightweight-charts";
import { useEffect, useRef } from "react";
import {
  barIndexAt,
  drawdownOf,
  lineData,
  placeIndicator,
  toChartTime,
  tradeMarkers,
} from "./chart-model.ts";
import type { BacktestResultView } from "./result-types.ts";

interface ResultsChartProps {
  result: BacktestResultView;
  dark: boolean;
  /** Scroll so this time (epoch ms) is in view, e.g. when a trade row is clicked. */
  focus?: { from: number; to: number } | null;
  /** A click on a bar: its index in the run's candles (the debugger shows node values there). */
  onBarClick?(index: number): void;
  height?: number;
}

/**
 * One chart with panes sharing a time axis: price (candles, volume, overlaid indicators, trade markers),
 * one pane per oscillator, equity, drawdown. Panes of one chart scroll and zoom together.
 */
export function ResultsChart({ result, dark, focus, onBarClick, height = 560 }: ResultsChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const clickRef = useRef(onBarClick);
  clickRef.current = onBarClick;

  useEffect(() => {
    const el = container.current;
    const candles = result.candles;
    if (!el || (!candles && !result.equity)) return;
    const text = dark ? "#c1c2c5" : "#333";
    const grid = dark ? "#2c2e33" : "#eee";
    const chart = createChart(el, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: dark ? "#1a1b1e" : "#ffffff" },
        textColor: text,
        fontSize: 11,
        panes: { separatorColor: dark ? "#373a40" : "#ddd", enableResize: true },
        attributionLogo: false,
      },
      grid: { vertLines: { color: grid }, horzLines: { color: grid } },
      crosshair: { mode: CrosshairMode.Normal },
      timeScale: { timeVisible: true, secondsVisible: false, borderColor: grid },
      rightPriceScale: { borderColor: grid },
    });
    chartRef.current = chart;
    const times = candles ? candles.time : result.equity!.time;
    let pane = 0;

    if (candles) {
      const price = chart.addSeries(CandlestickSeries, {
        upColor: "#26a69a",
        downColor: "#ef5350",
        borderVisible: false,
        wickUpColor: "#26a69a",
        wickDownColor: "#ef5350",
        title: result.symbol,
      });
      const bars = [];
      for (let i = 0; i < times.length; i++)
        bars.push({
          time: toChartTime(times[i]!),
          open: candles.open[i]!,
          high: candles.high[i]!,
          low: candles.low[i]!,
          close: candles.close[i]!,
        });
      price.setData(bars);
      createSeriesMarkers(price, tradeMarkers(result.trades));

      const volume = chart.addSeries(HistogramSeries, {
        priceScaleId: "volume",
        priceFormat: { type: "volume" },
        lastValueVisible: false,
        priceLineVisible: false,
      });
      volume.priceScale().applyOptions({ scaleMargins: { top: 0.82, bottom: 0 } });
      const vols = [];
      for (let i = 0; i < times.length; i++)
        vols.push({
          time: toChartTime(times[i]!),
          value: candles.volume[i]!,
          color: candles.close[i]! >= candles.open[i]! ? "rgba(38,166,154,0.35)" : "rgba(239,83,80,0.35)",
        });
      volume.setData(vols);

      pane = 1;
      for (const ind of result.indicators) {
        if (ind.kind !== "number") continue;
        const onPrice = placeIndicator(ind.values, candles) === "price";
        const series = chart.addSeries(
          LineSeries,
          {
            color: ind.color,
            lineWidth: 1,
            title: ind.label,
            priceLineVisible: false,
            lastValueVisible: false,
          },
          onPrice ? 0 : pane,
        );
        series.setData(lineData(times, ind.values));
        if (!onPrice) pane++;
      }
    }

    if (result.equity) {
      const equityPane = pane++;
      const equity = chart.addSeries(
        AreaSeries,
        {
          lineColor: "#4dabf7",
          topColor: "rgba(77,171,247,0.35)",
          bottomColor: "rgba(77,171,247,0.02)",
          lineWidth: 2,
          title: "Equity",
          priceLineVisible: false,
        },
        equityPane,
      );
      equity.setData(lineData(result.equity.time, result.equity.value));
      // Without candles the trades are marked on the equity curve instead of on price bars.
      if (!candles) createSeriesMarkers(equity, tradeMarkers(result.trades));
      const drawdown = chart.addSeries(
        AreaSeries,
        {
          lineColor: "#ff6b6b",
          topColor: "rgba(255,107,107,0.02)",
          bottomColor: "rgba(255,107,107,0.4)",
          invertFilledArea: true,
          lineWidth: 1,
          title: "Drawdown",
          priceFormat: { type: "percent" },
          priceLineVisible: false,
        },
        pane++,
      );
      const dd = drawdownOf(result.equity.value).map((v) => v * 100);
      drawdown.setData(lineData(result.equity.time, dd));
    }
    const panes = chart.panes();
    panes[0]?.setStretchFactor(3);

    const onClick = (param: MouseEventParams<Time>) => {
      if (param.time === undefined) return;
      const i = barIndexAt(times, Number(param.time) * 1000);
      if (i >= 0) clickRef.current?.(i);
    };
    chart.subscribeClick(onClick);
    chart.timeScale().fitContent();
    return () => {
      chart.unsubscribeClick(onClick);
      chart.remove();
      chartRef.current = null;
    };
  }, [result, dark]);

  useEffect(() => {
    const chart = chartRef.current;
    const times = result.candles?.time ?? result.equity?.time;
    if (!chart || !focus || !times) return;
    const from = Math.max(0, barIndexAt(times, focus.from) - 30);
    const to = Math.min(times.length - 1, Math.max(barIndexAt(times, focus.to), 0) + 30);
    chart.timeScale().setVisibleLogicalRange({ from, to });
  }, [focus, result]);

  return <div ref={container} style={{ height, width: "100%" }} data-testid="results-chart" />;
}
