import { Box, Tooltip } from "@mantine/core";
import { gapSegments } from "./coverage-bar.ts";

interface CoverageBarProps {
  first: number;
  last: number;
  gaps: { after: number; resumesAt: number; missing: number }[];
}

/** Stored range as a green bar; every gap is a red segment placed at its time (hover for details). */
export function CoverageBar({ first, last, gaps }: CoverageBarProps) {
  return (
    <Box
      pos="relative"
      h={12}
      miw={220}
      style={{ background: "var(--mantine-color-teal-7)", borderRadius: 3, overflow: "hidden" }}
      data-testid="coverage-bar"
    >
      {gapSegments(first, last, gaps).map((g) => (
        <Tooltip key={`${g.leftPct}-${g.title}`} label={g.title} withArrow>
          <Box
            pos="absolute"
            top={0}
            bottom={0}
            data-testid="coverage-gap"
            style={{
              left: `${g.leftPct}%`,
              width: `${g.widthPct}%`,
              background: "var(--mantine-color-red-6)",
            }}
          />
        </Tooltip>
      ))}
    </Box>
  );
}
