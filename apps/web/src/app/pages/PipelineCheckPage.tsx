import { Box, Group, Paper, ScrollArea } from "@mantine/core";
import { CatalogCanvas } from "../../features/skeleton/CatalogCanvas.tsx";
import { PipelineCheckPanel } from "../../features/skeleton/PipelineCheckPanel.tsx";

/** The walking skeleton: browser → server → queue → runner → database, live. */
export function PipelineCheckPage() {
  return (
    <Group h="100%" gap={0} wrap="nowrap" align="stretch">
      <Box data-testid="canvas-container" style={{ flex: 1, minHeight: 0, background: "#101113" }}>
        <CatalogCanvas />
      </Box>
      <Paper w={340} p="sm" radius={0}>
        <ScrollArea h="100%">
          <PipelineCheckPanel />
        </ScrollArea>
      </Paper>
    </Group>
  );
}
