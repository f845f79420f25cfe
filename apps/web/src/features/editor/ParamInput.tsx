import { ActionIcon, Group, NumberInput, Select, Switch, Text, TextInput, Tooltip } from "@mantine/core";
import { IconRestore } from "@tabler/icons-react";
import type { ParamField } from "../../lib/param-fields.ts";
import { formatParam } from "./format-value.ts";

interface ParamInputProps {
  field: ParamField;
  value: unknown;
  error?: string;
  onChange(value: unknown): void;
}

/** One generated form control; the reset button restores the schema default. */
export function ParamInput({ field, value, error, onChange }: ParamInputProps) {
  const isDefault = value === undefined || JSON.stringify(value) === JSON.stringify(field.defaultValue);
  const reset =
    field.defaultValue !== undefined ? (
      <Tooltip label={`Reset to default (${formatParam(field.defaultValue)})`}>
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label={`Reset ${field.label}`}
          disabled={isDefault}
          onClick={() => onChange(field.defaultValue)}
        >
          <IconRestore size={14} />
        </ActionIcon>
      </Tooltip>
    ) : null;
  const label = (
    <Group gap={4} wrap="nowrap">
      <span>{field.label}</span>
      {field.optimisable ? (
        <Tooltip label="The optimiser can sweep this parameter">
          <Text span size="xs" c="teal">
            opt
          </Text>
        </Tooltip>
      ) : null}
    </Group>
  );
  const common = {
    label,
    description: field.description,
    error,
    size: "xs" as const,
    "data-param": field.key,
  };
  const current = value ?? field.defaultValue;
  switch (field.kind) {
    case "number": {
      // Schema guard rails like ±1e15 are not useful hints; show only ranges a trader would type within.
      const sane = (v: number | undefined) => (v !== undefined && Math.abs(v) < 1e9 ? v : undefined);
      const range =
        sane(field.min) !== undefined || sane(field.max) !== undefined
          ? `${sane(field.min) ?? "−∞"} … ${sane(field.max) ?? "∞"}${field.unit ? ` ${field.unit}` : ""}`
          : field.unit;
      return (
        <Group gap={4} align="flex-end" wrap="nowrap">
          <NumberInput
            {...common}
            style={{ flex: 1 }}
            description={[field.description, range].filter(Boolean).join(" · ") || undefined}
            value={typeof current === "number" ? current : ""}
            min={field.min}
            max={field.max}
            step={field.step}
            allowDecimal={!field.integer}
            suffix={field.unit ? ` ${field.unit}` : undefined}
            // Out-of-range values are kept so live validation can explain them instead of silently clamping.
            clampBehavior="none"
            onChange={(v) => onChange(typeof v === "number" ? v : v === "" ? undefined : Number(v))}
          />
          {reset}
        </Group>
      );
    }
    case "select":
      return (
        <Group gap={4} align="flex-end" wrap="nowrap">
          <Select
            {...common}
            style={{ flex: 1 }}
            data={field.options}
            value={typeof current === "string" ? current : null}
            allowDeselect={false}
            onChange={(v) => onChange(v ?? undefined)}
          />
          {reset}
        </Group>
      );
    case "switch":
      return (
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Switch
            label={field.label}
            description={field.description}
            size="xs"
            checked={current === true}
            onChange={(e) => onChange(e.currentTarget.checked)}
          />
          {reset}
        </Group>
      );
    case "text":
      return (
        <Group gap={4} align="flex-end" wrap="nowrap">
          <TextInput
            {...common}
            style={{ flex: 1 }}
            value={typeof current === "string" ? current : ""}
            onChange={(e) => onChange(e.currentTarget.value)}
          />
          {reset}
        </Group>
      );
    case "numberList":
      return (
        <Group gap={4} align="flex-end" wrap="nowrap">
          <TextInput
            {...common}
            style={{ flex: 1 }}
            description={`Comma-separated numbers${field.unit ? ` (${field.unit})` : ""}`}
            value={Array.isArray(current) ? current.join(", ") : ""}
            onChange={(e) =>
              onChange(
                e.currentTarget.value
                  .split(",")
                  .map((s) => s.trim())
                  .filter((s) => s !== "")
                  .map(Number),
              )
            }
          />
          {reset}
        </Group>
      );
    case "unsupported":
      return (
        <Text size="xs" c="dimmed">
          {field.label}: edit in the JSON file ({field.zodType} parameters have no form control yet)
        </Text>
      );
  }
}
