import { Badge, Box, Group, Stack, Text } from "@mantine/core";
import { PORT_COLORS } from "@tradegraph/nodes";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import type { CatalogFlowNode } from "./demo-graph.ts";

const categoryColor: Record<string, string> = {
  data: "#f59f00",
  indicator: "#4dabf7",
  math: "#868e96",
  logic: "#69db7c",
  ml: "#da77f2",
  risk: "#ff6b6b",
  order: "#20c997",
};

/** One catalogue node: title, category stripe, typed input handles left and outputs right. */
export function CatalogNode({ data }: NodeProps<CatalogFlowNode>) {
  const rows = Math.max(data.inputs.length, data.outputs.length);
  return (
    <Box
      data-testid={`node-${data.type}`}
      style={{
        minWidth: 180,
        background: "var(--mantine-color-dark-6)",
        border: "1px solid var(--mantine-color-dark-4)",
        borderTop: `3px solid ${categoryColor[data.category] ?? "#868e96"}`,
        borderRadius: 6,
        boxShadow: "0 4px 14px rgba(0,0,0,.35)",
      }}
    >
      <Group justify="space-between" px="sm" pt={6} pb={4} gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {data.title}
        </Text>
        <Badge size="xs" variant="light" color="gray">
          {data.category}
        </Badge>
      </Group>
      <Stack gap={2} pb={8} style={{ position: "relative", minHeight: rows * 20 }}>
        {Array.from({ length: rows }, (_, i) => {
          const input = data.inputs[i];
          const output = data.outputs[i];
          return (
            <Group key={`${input?.key}-${output?.key}`} justify="space-between" px="sm" h={20} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {input?.label ?? ""}
              </Text>
              <Text size="xs" c="dimmed">
                {output?.label ?? ""}
              </Text>
            </Group>
          );
        })}
        {data.inputs.map((port, i) => (
          <Handle
            key={port.key}
            id={port.key}
            type="target"
            position={Position.Left}
            style={{ top: 10 + i * 22, background: PORT_COLORS[port.type], width: 9, height: 9 }}
          />
        ))}
        {data.outputs.map((port, i) => (
          <Handle
            key={port.key}
            id={port.key}
            type="source"
            position={Position.Right}
            style={{ top: 10 + i * 22, background: PORT_COLORS[port.type], width: 9, height: 9 }}
          />
        ))}
      </Stack>
    </Box>
  );
}
