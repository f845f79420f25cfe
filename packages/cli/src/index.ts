export { describeNode, nodesCommand } from "./commands/nodes.ts";
export { validateCommand } from "./commands/validate.ts";
export type { CommandOutput } from "./output.ts";
export { createProgram } from "./program.ts";
