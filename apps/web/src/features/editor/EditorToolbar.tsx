import {
  ActionIcon,
  Badge,
  Button,
  FileButton,
  Group,
  Popover,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconDownload,
  IconFocusCentered,
  IconHierarchy,
  IconKeyboard,
  IconUpload,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { GraphIssue } from "../../lib/validate-graph.ts";
import { useEditorState } from "./editor-store.ts";
import { useEditorStore } from "./store-context.ts";

interface EditorToolbarProps {
  onLayout(): void;
  onFitView(): void;
  onHelp(): void;
  onExport(): void;
  onImport(file: File): void;
  /** Save, Backtest and other page-level actions. */
  actions?: ReactNode;
}

export function EditorToolbar(props: EditorToolbarProps) {
  const store = useEditorStore();
  const name = useEditorState(store, (s) => s.name);
  const canUndo = useEditorState(store, (s) => s.canUndo);
  const canRedo = useEditorState(store, (s) => s.canRedo);
  const issues = useEditorState(store, (s) => s.issues);
  const nodeCount = useEditorState(store, (s) => s.nodes.length);
  return (
    <Group gap="xs" px="sm" py={6} wrap="nowrap" justify="space-between" data-testid="editor-toolbar">
      <Group gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          aria-label="Strategy name"
          value={name}
          onChange={(e) => store.rename(e.currentTarget.value)}
          w={220}
        />
        <Tooltip label="Undo (Ctrl+Z)">
          <ActionIcon variant="default" aria-label="Undo" disabled={!canUndo} onClick={() => store.undo()}>
            <IconArrowBackUp size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Redo (Ctrl+Shift+Z)">
          <ActionIcon variant="default" aria-label="Redo" disabled={!canRedo} onClick={() => store.redo()}>
            <IconArrowForwardUp size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Auto-layout (L)">
          <ActionIcon
            variant="default"
            aria-label="Auto-layout"
            onClick={props.onLayout}
            disabled={nodeCount === 0}
          >
            <IconHierarchy size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Fit to view (F)">
          <ActionIcon variant="default" aria-label="Fit to view" onClick={props.onFitView}>
            <IconFocusCentered size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Export graph JSON">
          <ActionIcon variant="default" aria-label="Export graph JSON" onClick={props.onExport}>
            <IconDownload size={16} />
          </ActionIcon>
        </Tooltip>
        <FileButton onChange={(f) => f && props.onImport(f)} accept="application/json,.json">
          {(p) => (
            <Tooltip label="Import graph JSON">
              <ActionIcon variant="default" aria-label="Import graph JSON" {...p}>
                <IconUpload size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </FileButton>
        <Tooltip label="Keyboard shortcuts (?)">
          <ActionIcon variant="default" aria-label="Keyboard shortcuts" onClick={props.onHelp}>
            <IconKeyboard size={16} />
          </ActionIcon>
        </Tooltip>
        <IssuesBadge issues={issues} onPick={(id) => store.selectOnly(id)} />
      </Group>
      <Group gap="xs" wrap="nowrap">
        {props.actions}
      </Group>
    </Group>
  );
}

function IssuesBadge({ issues, onPick }: { issues: readonly GraphIssue[]; onPick(id: string): void }) {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  if (issues.length === 0)
    return (
      <Badge color="teal" variant="light" data-testid="issues-badge">
        Graph valid
      </Badge>
    );
  return (
    <Popover width={360} position="bottom-start" shadow="md">
      <Popover.Target>
        <Button
          size="compact-xs"
          color={errors > 0 ? "red" : "yellow"}
          variant="light"
          data-testid="issues-badge"
        >
          {[
            errors > 0 ? `${errors} ${errors === 1 ? "error" : "errors"}` : "",
            warnings > 0 ? `${warnings} to finish` : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4} mah={300} style={{ overflow: "auto" }}>
          {issues.map((i) => (
            <Text
              key={`${i.nodeId}-${i.code}-${i.port ?? i.param ?? ""}-${i.message}`}
              size="xs"
              style={{ cursor: i.nodeId ? "pointer" : undefined }}
              onClick={() => i.nodeId && onPick(i.nodeId)}
            >
              <Text span ff="monospace" c={i.severity === "error" ? "red" : "yellow"} size="xs">
                {i.nodeId ?? "graph"}
                {i.port ? `.${i.port}` : i.param ? `.${i.param}` : ""}
              </Text>{" "}
              {i.message}
            </Text>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
