import { AppShell, Badge, Box, Group, NavLink, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { CatalogCanvas } from "../features/skeleton/CatalogCanvas.tsx";
import { PipelineCheckPanel } from "../features/skeleton/PipelineCheckPanel.tsx";

/** Application frame: header, navigation, the strategy canvas and the side panel. */
export function App() {
  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 200, breakpoint: "sm" }}
      aside={{ width: 340, breakpoint: "md" }}
      padding={0}
    >
      <AppShell.Header bg="dark.8">
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Logo />
            <Title order={4} fw={700} style={{ letterSpacing: 0.3 }}>
              Tradegraph
            </Title>
            <Text size="xs" c="dimmed">
              visual strategy builder
            </Text>
          </Group>
          <Badge variant="outline" color="gray" size="sm">
            data: bundled Binance spot candles
          </Badge>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar bg="dark.8" p="xs">
        <Stack gap={2}>
          <NavLink label="Strategy canvas" active variant="light" />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: "flex" }}>
        <Box data-testid="canvas-container" style={{ flex: 1, minHeight: 0, background: "#101113" }}>
          <CatalogCanvas />
        </Box>
      </AppShell.Main>
      <AppShell.Aside bg="dark.8" p="sm">
        <ScrollArea scrollbars="y">
          <PipelineCheckPanel />
        </ScrollArea>
      </AppShell.Aside>
    </AppShell>
  );
}

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="5" cy="6" r="3" fill="#f59f00" />
      <circle cx="19" cy="6" r="3" fill="#4dabf7" />
      <circle cx="12" cy="18" r="3" fill="#20c997" />
      <path d="M7.5 7.5 L10.5 16 M16.5 7.5 L13.5 16" stroke="#868e96" strokeWidth="1.6" />
    </svg>
  );
}
