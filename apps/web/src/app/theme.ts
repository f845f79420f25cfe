import { createTheme } from "@mantine/core";

/** Dark, dense, trading-terminal look: muted surfaces, one teal accent, tabular numbers. */
export const theme = createTheme({
  primaryColor: "teal",
  defaultRadius: "sm",
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  fontFamilyMonospace: "'JetBrains Mono', ui-monospace, SFMono-Regular, Menlo, monospace",
  headings: { fontWeight: "600" },
  other: { canvasBackground: "#101113" },
});
