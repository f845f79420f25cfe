import {
  ActionIcon,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Menu,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots, IconPlus, IconSearch, IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { navigate } from "../../lib/router.ts";
import { trpc } from "../../lib/trpc.ts";
import { NewStrategyDialog } from "./NewStrategyDialog.tsx";

/** The trader's strategies: search, create (blank or template), import, duplicate, delete and restore. */
export function StrategiesPage() {
  const client = useQueryClient();
  const [search, setSearch] = useState("");
  const [bin, setBin] = useState<"live" | "deleted">("live");
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ["strategies", search, bin],
    queryFn: () => trpc.strategies.list.query({ search: search || undefined, deleted: bin === "deleted" }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["strategies"] });
  const act = useMutation({
    mutationFn: async (a: { kind: "duplicate" | "delete" | "restore"; id: string }) => {
      if (a.kind === "duplicate") return trpc.strategies.duplicate.mutate({ strategyId: a.id });
      if (a.kind === "delete") return trpc.strategies.delete.mutate({ strategyId: a.id });
      return trpc.strategies.restore.mutate({ strategyId: a.id });
    },
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: "red", message: readApiError(e).message }),
  });
  const importFile = useMutation({
    mutationFn: async (file: File) => trpc.strategies.import.mutate({ json: await file.text() }),
    onSuccess: (s) => {
      refresh();
      navigate(`/strategies/${s.id}`);
    },
    onError: (e) =>
      notifications.show({ color: "red", title: "Import failed", message: readApiError(e).message }),
  });

  return (
    <Stack p="md" gap="md" data-testid="strategies-page">
      <Group justify="space-between">
        <Title order={3}>Strategies</Title>
        <Group gap="xs">
          <FileButton onChange={(f) => f && importFile.mutate(f)} accept="application/json,.json">
            {(props) => (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} />}
                loading={importFile.isPending}
                {...props}
              >
                Import JSON
              </Button>
            )}
          </FileButton>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New strategy
          </Button>
        </Group>
      </Group>
      <Group gap="xs">
        <TextInput
          placeholder="Search by name"
          leftSection={<IconSearch size={14} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
        <SegmentedControl
          value={bin}
          onChange={(v) => setBin(v as "live" | "deleted")}
          data={[
            { label: "Strategies", value: "live" },
            { label: "Recycle bin", value: "deleted" },
          ]}
        />
      </Group>
      <QueryState
        query={list}
        what="strategies"
        empty={
          <EmptyState
            title={bin === "deleted" ? "The recycle bin is empty" : "No strategies yet"}
            testId="strategies-empty"
          >
            {bin === "deleted"
              ? "Deleted strategies appear here and can be restored."
              : search
                ? `Nothing matches "${search}".`
                : "Create one from scratch or from a template, or import a graph file."}
          </EmptyState>
        }
      >
        {(rows) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {rows.map((s) => (
              <Card
                key={s.id}
                withBorder
                padding="sm"
                style={{ cursor: bin === "live" ? "pointer" : undefined }}
                onClick={() => bin === "live" && navigate(`/strategies/${s.id}`)}
                data-testid="strategy-card"
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} truncate>
                    {s.name}
                  </Text>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Actions for ${s.name}`}
                        onClick={(e) => e.stopPropagation()}
                      >
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
                      {bin === "live" ? (
                        <>
                          <Menu.Item onClick={() => act.mutate({ kind: "duplicate", id: s.id })}>
                            Duplicate
                          </Menu.Item>
                          <Menu.Item color="red" onClick={() => act.mutate({ kind: "delete", id: s.id })}>
                            Move to recycle bin
                          </Menu.Item>
                        </>
                      ) : (
                        <Menu.Item onClick={() => act.mutate({ kind: "restore", id: s.id })}>
                          Restore
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Group>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {s.description || "No description"}
                </Text>
                <Group gap="xs" mt="xs">
                  <Badge variant="light" size="sm">
                    {s.latestVersion > 0 ? `v${s.latestVersion}` : "not saved yet"}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    updated {new Date(s.updatedAt).toISOString().slice(0, 16).replace("T", " ")} UTC
                  </Text>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      <NewStrategyDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          refresh();
          navigate(`/strategies/${id}`);
        }}
      />
    </Stack>
  );
}
