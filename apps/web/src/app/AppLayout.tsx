import {
  ActionIcon,
  AppShell,
  Group,
  NavLink,
  Stack,
  Text,
  Title,
  Tooltip,
  useMantineColorScheme,
} from "@mantine/core";
import {
  IconDatabase,
  IconMoon,
  IconPlugConnected,
  IconRocket,
  IconSettings,
  IconSitemap,
  IconSun,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { href } from "../lib/router.ts";

const NAV = [
  { section: "strategies", label: "Strategies", icon: IconSitemap },
  { section: "deployments", label: "Deployments", icon: IconRocket },
  { section: "data", label: "Data", icon: IconDatabase },
  { section: "settings", label: "Settings", icon: IconSettings },
  { section: "pipeline", label: "Pipeline check", icon: IconPlugConnected },
];

/** Header, navigation and the page; dark by default, light one click away. */
export function AppLayout({
  section,
  email,
  children,
}: {
  section: string;
  email?: string;
  children: ReactNode;
}) {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <AppShell header={{ height: 44 }} navbar={{ width: 180, breakpoint: "sm" }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Logo />
            <Title order={4} fw={700}>
              Tradegraph
            </Title>
            <Text size="xs" c="dimmed">
              visual strategy builder · real data only
            </Text>
          </Group>
          <Group gap="xs">
            {email ? (
              <Text size="xs" c="dimmed" data-testid="signed-in-as">
                {email}
              </Text>
            ) : null}
            <Tooltip label={colorScheme === "dark" ? "Light theme" : "Dark theme"}>
              <ActionIcon
                variant="default"
                aria-label="Toggle colour scheme"
                onClick={() => setColorScheme(colorScheme === "dark" ? "light" : "dark")}
              >
                {colorScheme === "dark" ? <IconSun size={16} /> : <IconMoon size={16} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {NAV.map((n) => (
            <NavLink
              key={n.section}
              href={href(`/${n.section}`)}
              label={n.label}
              leftSection={<n.icon size={16} />}
              active={section === n.section}
              variant="light"
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
      </AppShell.Main>
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
