import { Alert, Button, Center, Group, Loader, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { readApiError } from "../lib/api-error.ts";

interface QueryStateProps<T> {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch(): unknown };
  /** What this list or view is, for the loading and error sentences ("strategies"). */
  what: string;
  /** Shown when the data is an empty list. */
  empty?: ReactNode;
  children(data: T): ReactNode;
}

/** Loading, error (with retry) and empty states for every list, so none is ever silently blank. */
export function QueryState<T>({ query, what, empty, children }: QueryStateProps<T>) {
  if (query.isPending)
    return (
      <Center p="lg" data-testid={`loading-${what}`}>
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Loading {what}…
          </Text>
        </Group>
      </Center>
    );
  if (query.error)
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title={`Could not load ${what}`} m="sm">
        <Text size="sm">{readApiError(query.error).message}</Text>
        <Button size="xs" variant="light" color="red" mt="xs" onClick={() => query.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  const data = query.data as T;
  if (empty && Array.isArray(data) && data.length === 0) return <>{empty}</>;
  return <>{children(data)}</>;
}
