import {
  AreaSeries,
  CandlestickSeries,
  ColorType,
  CrosshairMode,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  type IChartApi,
  type ISeriesMarkersPluginApi,
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
  visibleMarkers,
} from "./chart-model.ts";
import type { BacktestResultView } from "./result-types.ts";

/** Above this many bars in view, trade markers are drawn without their text. */
const MAX_BARS_WITH_LABELS = 400;

interface ResultsChartProps {
  result: BacktestResultView;
  dark: boolean;
  /** Scroll so this time (epoch ms) is in view, e.g. when a trade row is clicked. */
  focus?: { from: number; to: number; tradeIndex: number } | null;
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
  // The chart's marker plugin and what it shows, so a selection can restyle markers without a rebuild.
  const markerState = useRef<{
    plugin: ISeriesMarkersPluginApi<Time> | null;
    all: ReturnType<typeof tradeMarkers>;
    labels: boolean;
    selected: number | null;
  } | null>(null);
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
      // Small minimum bar spacing so "fit" can show a whole run (months of hourly bars) at once.
      timeScale: { timeVisible: true, secondsVisible: false, borderColor: grid, minBarSpacing: 0.05 },
      rightPriceScale: { borderColor: grid },
    });
    chartRef.current = chart;
    const times = candles ? candles.time : result.equity!.time;
    let pane = 0;
    // What was actually handed to the chart, read back from its series (browser tests assert on these).
    const drawn = { candles: 0, equity: 0 };
    // Marker labels ("Buy", "Exit +1.2%") only when zoomed in far enough to read them; hundreds of
    // labels over a whole run pile up into noise.
    const allMarkers = tradeMarkers(result.trades);
    const unlabelled = visibleMarkers(allMarkers, false, null);
    let markers: ISeriesMarkersPluginApi<Time> | null = null;

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
      markers = createSeriesMarkers(price, unlabelled);
      drawn.candles = price.data().length;

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
      drawn.equity = equity.data().length;
      if (!candles) markers = createSeriesMarkers(equity, unlabelled);
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
    el.dataset["candles"] = String(drawn.candles);
    el.dataset["markers"] = String(markers?.markers().length ?? 0);
    const shown = { plugin: markers, all: allMarkers, labels: false, selected: null as number | null };
    markerState.current = shown;
    el.dataset["equityPoints"] = String(drawn.equity);
    el.dataset["panes"] = String(panes.length);
    // The visible window as bar indices and bar times (ms), so a test can see where the chart scrolled.
    const onRange = () => {
      const logical = chart.timeScale().getVisibleLogicalRange();
      if (!logical) return;
      el.dataset["visibleFrom"] = String(Math.round(logical.from));
      el.dataset["visibleTo"] = String(Math.round(logical.to));
      const readable = logical.to - logical.from <= MAX_BARS_WITH_LABELS;
      if (shown.plugin && readable !== shown.labels) {
        shown.labels = readable;
        shown.plugin.setMarkers(visibleMarkers(shown.all, readable, shown.selected));
      }
    };
    chart.timeScale().subscribeVisibleLogicalRangeChange(onRange);

    const onClick = (param: MouseEventParams<Time>) => {
      if (param.time === undefined) return;
      const i = barIndexAt(times, Number(param.time) * 1000);
      if (i >= 0) clickRef.current?.(i);
    };
    chart.subscribeClick(onClick);
    chart.timeScale().fitContent();
    return () => {
      chart.unsubscribeClick(onClick);
      chart.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
      chart.remove();
      chartRef.current = null;
      markerState.current = null;
    };
  }, [result, dark]);

  useEffect(() => {
    const chart = chartRef.current;
    const el = container.current;
    const times = result.candles?.time ?? result.equity?.time;
    if (!chart || !el || !focus || !times) return;
    const shown = markerState.current;
    if (shown?.plugin) {
      shown.selected = focus.tradeIndex;
      shown.plugin.setMarkers(visibleMarkers(shown.all, shown.labels, shown.selected));
    }
    const entryBar = Math.max(barIndexAt(times, focus.from), 0);
    const exitBar = Math.max(barIndexAt(times, focus.to), 0);
    chart.timeScale().setVisibleLogicalRange({
      from: Math.max(0, entryBar - 30),
      to: Math.min(times.length - 1, exitBar + 30),
    });
  }, [focus, result]);

  return <div ref={container} style={{ height, width: "100%" }} data-testid="results-chart" />;
}
