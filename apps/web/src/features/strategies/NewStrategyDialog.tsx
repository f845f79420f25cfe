import { Alert, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryState } from "../../components/QueryState.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { trpc } from "../../lib/trpc.ts";

interface Props {
  opened: boolean;
  onClose(): void;
  onCreated(strategyId: string): void;
}

/** A blank canvas or one of the example strategies as a starting point. */
export function NewStrategyDialog({ opened, onClose, onCreated }: Props) {
  const [name, setName] = useState("");
  const [templateId, setTemplateId] = useState<string | null>(null);
  const templates = useQuery({
    queryKey: ["templates"],
    queryFn: () => trpc.strategies.templates.query(),
    enabled: opened,
  });
  const create = useMutation({
    mutationFn: () =>
      trpc.strategies.create.mutate({
        name: name.trim() || "Untitled strategy",
        ...(templateId ? { templateId } : {}),
      }),
    onSuccess: (s) => {
      setName("");
      setTemplateId(null);
      onClose();
      onCreated(s.id);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New strategy" size="lg">
      <Stack gap="sm">
        <TextInput
          label="Name"
          placeholder="e.g. BTC trend follower"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-autofocus
          error={create.error ? readApiError(create.error).fieldErrors["name"]?.[0] : undefined}
        />
        <Text size="sm" fw={500}>
          Start from
        </Text>
        <SimpleGrid cols={2} spacing="xs">
          <Card
            withBorder
            padding="xs"
            style={{
              cursor: "pointer",
              borderColor: templateId === null ? "var(--mantine-primary-color-filled)" : undefined,
            }}
            onClick={() => setTemplateId(null)}
            data-testid="template-blank"
          >
            <Text fw={600} size="sm">
              Blank canvas
            </Text>
            <Text size="xs" c="dimmed">
              Drag nodes from the palette yourself.
            </Text>
          </Card>
          <QueryState query={templates} what="templates">
            {(rows) =>
              rows.map((t) => (
                <Card
                  key={t.id}
                  withBorder
                  padding="xs"
                  style={{
                    cursor: "pointer",
                    borderColor: templateId === t.id ? "var(--mantine-primary-color-filled)" : undefined,
                  }}
                  onClick={() => {
                    setTemplateId(t.id);
                    if (!name) setName(t.name);
                  }}
                  data-testid="template-card"
                >
                  <Text fw={600} size="sm">
                    {t.name}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={3}>
                    {t.description}
                  </Text>
                </Card>
              ))
            }
          </QueryState>
        </SimpleGrid>
        {create.error ? <Alert color="red">{readApiError(create.error).message}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="create-strategy">
            Create
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
