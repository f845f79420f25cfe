import { Group, Kbd, Modal, Table, Text } from "@mantine/core";
import { Fragment } from "react";
import { SHORTCUTS } from "./shortcuts.ts";

export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="md">
      <Table verticalSpacing={4} data-testid="shortcuts-table">
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.action}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {s.keys.map((k, i) => (
                    <Fragment key={k}>
                      {i > 0 ? (
                        <Text span size="xs">
                          +
                        </Text>
                      ) : null}
                      <Kbd size="xs">{k}</Kbd>
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.action}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        On macOS use Cmd instead of Ctrl. Ports only connect when their types match (colours show the type).
      </Text>
    </Modal>
  );
}
