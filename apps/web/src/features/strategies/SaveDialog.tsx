import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { readApiError } from "../../lib/api-error.ts";
import type { GraphDocument } from "../../lib/graph-document.ts";
import { trpc } from "../../lib/trpc.ts";

interface Props {
  opened: boolean;
  strategyId: string;
  graph: () => GraphDocument;
  onClose(): void;
  onSaved(version: { number: number; message: string }): void;
}

/** Saving creates a new immutable version with a message; an invalid graph is refused with node-level reasons. */
export function SaveDialog({ opened, strategyId, graph, onClose, onSaved }: Props) {
  const [message, setMessage] = useState("");
  const save = useMutation({
    mutationFn: () => trpc.strategies.saveVersion.mutate({ strategyId, graph: graph(), message }),
    onSuccess: (v) => {
      setMessage("");
      onSaved(v);
      onClose();
    },
  });
  const error = save.error ? readApiError(save.error) : null;
  return (
    <Modal opened={opened} onClose={onClose} title="Save a version">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="What changed?"
            placeholder="e.g. Faster EMA, tighter stop"
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            error={error?.fieldErrors["message"]?.[0]}
            data-autofocus
            data-testid="version-message"
          />
          <Text size="xs" c="dimmed">
            Versions are immutable: backtests and deployments always refer to exactly the graph they ran.
          </Text>
          {error && !error.fieldErrors["message"] ? (
            <Alert color="red" title="Not saved" data-testid="save-error">
              <Text size="sm">{error.message}</Text>
              {error.graphIssues.length > 0 ? (
                <List size="xs" mt={4}>
                  {error.graphIssues.slice(0, 8).map((i) => (
                    <List.Item key={`${i.nodeId}-${i.port ?? i.param ?? ""}-${i.message}`}>
                      <Text span ff="monospace" size="xs">
                        {i.nodeId ?? "graph"}
                        {i.port ? `.${i.port}` : i.param ? `.${i.param}` : ""}
                      </Text>
                      : {i.message}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-version">
              Save version
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
