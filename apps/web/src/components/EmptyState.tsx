import { Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  testId,
}: {
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Stack align="center" gap={6} p="xl" data-testid={testId}>
      <Text fw={600}>{title}</Text>
      {children ? (
        <Text size="sm" c="dimmed" ta="center" maw={420}>
          {children}
        </Text>
      ) : null}
    </Stack>
  );
}
