import { Badge, Group, ScrollArea, Stack, Text, TextInput, Tooltip, UnstyledButton } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { type DragEvent, useMemo, useState } from "react";
import { paletteGroups } from "../../lib/catalogue.ts";
import classes from "./Palette.module.css";

/** MIME type of a palette drag; the canvas reads the node type from it on drop. */
export const NODE_DRAG_TYPE = "application/x-tradegraph-node";

interface PaletteProps {
  /** Double-click or Enter adds the node at the centre of the view. */
  onAdd(type: string): void;
}

export function Palette({ onAdd }: PaletteProps) {
  const [search, setSearch] = useState("");
  const groups = useMemo(() => paletteGroups(search), [search]);
  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = "move";
  };
  return (
    <Stack gap="xs" h="100%" className={classes.palette} data-testid="palette">
      <TextInput
        placeholder="Search nodes"
        aria-label="Search nodes"
        leftSection={<IconSearch size={14} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        size="xs"
      />
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        {groups.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            No node matches "{search}".
          </Text>
        ) : null}
        {groups.map((group) => (
          <div key={group.category} className={classes.group}>
            <Group gap={6} className={classes.groupTitle}>
              <span className={classes.swatch} style={{ background: group.color }} />
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {group.label}
              </Text>
              <Badge size="xs" variant="default">
                {group.nodes.length}
              </Badge>
            </Group>
            {group.nodes.map((def) => (
              <Tooltip
                key={def.type}
                label={def.description}
                multiline
                w={280}
                position="right"
                openDelay={500}
              >
                <UnstyledButton
                  className={classes.item}
                  draggable
                  onDragStart={(e) => onDragStart(e, def.type)}
                  onDoubleClick={() => onAdd(def.type)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") onAdd(def.type);
                  }}
                  data-node-type={def.type}
                  style={{ borderLeftColor: group.color }}
                >
                  <Text size="sm" fw={500} lh={1.3}>
                    {def.title}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2} lh={1.3}>
                    {def.description}
                  </Text>
                </UnstyledButton>
              </Tooltip>
            ))}
          </div>
        ))}
      </ScrollArea>
    </Stack>
  );
}
