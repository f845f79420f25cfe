import { Badge, Button, Divider, Group, ScrollArea, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMemo } from "react";
import { CATEGORY_COLORS, CATEGORY_LABELS, findNodeType, portColor } from "../../lib/catalogue.ts";
import { paramFields } from "../../lib/param-fields.ts";
import { useEditorState, useNodeIssues } from "./editor-store.ts";
import { ParamInput } from "./ParamInput.tsx";
import { useEditorStore } from "./store-context.ts";

/** Edits the selected node: name, params (generated from its zod schema), and shows its connections. */
export function Inspector() {
  const store = useEditorStore();
  // A primitive snapshot (id or count), so dragging the selected node does not re-render the form.
  const selected = useEditorState(store, (s) => {
    const picked = s.nodes.filter((n) => n.selected);
    return picked.length === 1 ? picked[0]!.id : picked.length;
  });
  if (typeof selected === "number") {
    return (
      <Stack p="sm" gap="xs" data-testid="inspector">
        <Text size="sm" c="dimmed">
          {selected && selected > 1
            ? `${selected} nodes selected. Select one node to edit its parameters.`
            : "Select a node to edit its parameters. Drag nodes from the palette onto the canvas."}
        </Text>
      </Stack>
    );
  }
  return <NodeInspector nodeId={selected} />;
}

function NodeInspector({ nodeId }: { nodeId: string }) {
  const store = useEditorStore();
  const data = useEditorState(store, (s) => s.nodes.find((n) => n.id === nodeId)?.data);
  const edges = useEditorState(store, (s) => s.edges);
  const issues = useNodeIssues(store, nodeId);
  const def = data ? findNodeType(data.type) : undefined;
  const fields = useMemo(() => (def ? paramFields(def.params) : []), [def]);
  if (!data || !def) return null;
  const paramIssue = (key: string) => issues.find((i) => i.param === key)?.message;
  const general = issues.filter((i) => !i.param);
  return (
    <ScrollArea h="100%" type="auto" data-testid="inspector">
      <Stack p="sm" gap="sm">
        <div>
          <Group gap={6} justify="space-between">
            <Title order={5}>{def.title}</Title>
            <Badge size="xs" color={CATEGORY_COLORS[def.category]} variant="light">
              {CATEGORY_LABELS[def.category]}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" ff="monospace">
            {nodeId} · {def.type} v{def.version}
          </Text>
          <Text size="xs" mt={4}>
            {def.description}
          </Text>
        </div>
        <TextInput
          size="xs"
          label="Name on canvas"
          placeholder={def.title}
          value={data.label ?? ""}
          onChange={(e) => store.setLabel(nodeId, e.currentTarget.value)}
        />
        {fields.length > 0 ? (
          <>
            <Divider label="Parameters" labelPosition="left" />
            {fields.map((field) => (
              <ParamInput
                key={field.key}
                field={field}
                value={data.params[field.key]}
                error={paramIssue(field.key)}
                onChange={(v) => store.setParam(nodeId, field.key, v)}
              />
            ))}
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                for (const f of fields) store.setParam(nodeId, f.key, f.defaultValue);
              }}
            >
              Reset all to defaults
            </Button>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            This node has no parameters.
          </Text>
        )}
        <Divider label="Ports" labelPosition="left" />
        {Object.entries(def.inputs).map(([key, port]) => {
          const count = edges.filter((e) => e.target === nodeId && e.targetHandle === key).length;
          return (
            <PortRow
              key={`in-${key}`}
              color={portColor(port.type)}
              label={`in · ${port.label}`}
              type={port.type}
              status={
                count > 0 ? `${count} connected` : port.required ? "required, not connected" : "optional"
              }
              bad={count === 0 && port.required === true}
            />
          );
        })}
        {Object.entries(def.outputs).map(([key, port]) => {
          const count = edges.filter((e) => e.source === nodeId && e.sourceHandle === key).length;
          return (
            <PortRow
              key={`out-${key}`}
              color={portColor(port.type)}
              label={`out · ${port.label}`}
              type={port.type}
              status={count > 0 ? `${count} connected` : "unused"}
              bad={false}
            />
          );
        })}
        {general.length > 0 ? (
          <Stack gap={2}>
            {general.map((i) => (
              <Text key={`${i.code}-${i.port ?? ""}-${i.message}`} size="xs" c="red">
                {i.port ? `${i.port}: ` : ""}
                {i.message}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </ScrollArea>
  );
}

function PortRow(props: { color: string; label: string; type: string; status: string; bad: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" justify="space-between">
      <Group gap={6} wrap="nowrap">
        <span style={{ width: 8, height: 8, borderRadius: 8, background: props.color, flex: "none" }} />
        <Text size="xs">{props.label}</Text>
        <Text size="xs" c="dimmed">
          {props.type}
        </Text>
      </Group>
      <Text size="xs" c={props.bad ? "red" : "dimmed"}>
        {props.status}
      </Text>
    </Group>
  );
}
