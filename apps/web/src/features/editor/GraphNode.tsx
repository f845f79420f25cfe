import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { CATEGORY_COLORS, findNodeType, portColor } from "../../lib/catalogue.ts";
import type { FlowNode } from "../../lib/flow-convert.ts";
import { paramFields } from "../../lib/param-fields.ts";
import { useNodeIssues, useNodeValues } from "./editor-store.ts";
import { formatParam, formatValue } from "./format-value.ts";
import classes from "./GraphNode.module.css";
import { useEditorStore } from "./store-context.ts";

/** The one renderer for every node type: title, category colour, typed ports, params, errors, debug values. */
function GraphNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const store = useEditorStore();
  const issues = useNodeIssues(store, id);
  const values = useNodeValues(store, id);
  const def = findNodeType(data.type);
  if (!def) {
    return (
      <div className={classes.node} data-invalid="true" data-selected={selected || undefined}>
        <div className={classes.header}>Unknown node</div>
        <div className={classes.error}>Type "{data.type}" is not in the catalogue</div>
      </div>
    );
  }
  const color = CATEGORY_COLORS[def.category];
  const errors = issues.filter((i) => i.severity === "error");
  const portIssue = (port: string) => errors.find((i) => i.port === port);
  const fields = paramFields(def.params);
  return (
    <div
      className={classes.node}
      data-invalid={errors.length > 0 || undefined}
      data-selected={selected || undefined}
      data-testid={`node-${id}`}
      style={errors.length > 0 ? undefined : { borderTopColor: color }}
    >
      <div className={classes.header}>
        <span className={classes.title}>{data.label ?? def.title}</span>
        <span className={classes.nodeId}>{id}</span>
      </div>
      <div className={classes.ports}>
        <div className={classes.column}>
          {Object.entries(def.inputs).map(([key, port]) => (
            <div key={key} className={classes.port} data-invalid={portIssue(key) ? true : undefined}>
              <Handle
                type="target"
                position={Position.Left}
                id={key}
                className={classes.handle}
                style={{ background: portColor(port.type) }}
                title={`${port.label} (${port.type}${port.required ? ", required" : ""}${port.multiple ? ", many" : ""})`}
              />
              <span>
                {port.label}
                {port.required ? <span className={classes.required}>*</span> : null}
              </span>
            </div>
          ))}
        </div>
        <div className={`${classes.column} ${classes.outputs}`}>
          {Object.entries(def.outputs).map(([key, port]) => (
            <div key={key} className={classes.port}>
              <span>
                {port.label}
                {values && values[key] !== undefined ? (
                  <span className={classes.value} data-testid={`value-${id}-${key}`}>
                    {" "}
                    = {formatValue(values[key])}
                  </span>
                ) : null}
              </span>
              <Handle
                type="source"
                position={Position.Right}
                id={key}
                className={classes.handle}
                style={{ background: portColor(port.type) }}
                title={`${port.label} (${port.type})`}
              />
            </div>
          ))}
        </div>
      </div>
      {fields.length > 0 ? (
        <div className={classes.params}>
          {fields.slice(0, 4).map((f) => (
            <span
              key={f.key}
              className={classes.param}
              data-invalid={errors.some((i) => i.param === f.key) || undefined}
            >
              {f.label} {formatParam(data.params[f.key] ?? f.defaultValue)}
              {f.kind === "number" && f.unit ? ` ${f.unit}` : ""}
            </span>
          ))}
        </div>
      ) : null}
      {issues.length > 0 ? (
        <ul className={classes.errors} data-testid={`errors-${id}`}>
          {issues.slice(0, 3).map((issue) => (
            <li
              key={`${issue.code}-${issue.port ?? issue.param ?? ""}-${issue.message}`}
              className={issue.severity === "warning" ? classes.warning : undefined}
            >
              {issue.message}
            </li>
          ))}
          {issues.length > 3 ? <li>and {issues.length - 3} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

export const GraphNode = memo(GraphNodeView);

/** Defined once at module scope so React Flow never remounts nodes. */
export const nodeTypes = { graph: GraphNode };
