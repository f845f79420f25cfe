export const COMPILE_ERROR_CODES = [
  "invalidDocument",
  "duplicateNodeId",
  "unknownType",
  "unknownVersion",
  "migrationFailed",
  "invalidParam",
  "unknownNode",
  "unknownPort",
  "incompatiblePorts",
  "tooManyEdges",
  "missingInput",
  "cycle",
  "noRiskGate",
  "unreachable",
  "noOrderNode",
  "clockMismatch",
] as const;
export type CompileErrorCode = (typeof COMPILE_ERROR_CODES)[number];

/** Node id used for problems of the document as a whole. */
export const GRAPH_ERROR_NODE = "graph";

export interface CompileError {
  nodeId: string;
  port?: string;
  param?: string;
  code: CompileErrorCode;
  message: string;
}

/** The CLI / UI line: `nodeId.portOrParam: reason`. */
export function formatCompileError(error: CompileError): string {
  const where = error.port ?? error.param;
  return `${error.nodeId}${where ? `.${where}` : ""}: ${error.message}`;
}
