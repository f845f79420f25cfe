import type { z } from "zod";
import { defineNode } from "../../../contract.ts";
import type { SizingSource, SizingSpec } from "../../../runtime-types.ts";

/** Sizing nodes have no inputs: they output one fixed sizing spec built from their params. */
export function sizingNode<P extends z.ZodObject>(spec: {
  type: string;
  title: string;
  description: string;
  params: P;
  toSizing(params: z.output<P>): SizingSpec;
}) {
  return defineNode({
    type: spec.type,
    version: 1,
    category: "order",
    title: spec.title,
    description: spec.description,
    inputs: {},
    outputs: { size: { type: "sizing", label: "Size" } },
    params: spec.params,
    warmup: () => 0,
    init: (p, io, info) => {
      const sizing = Object.freeze(spec.toSizing(p));
      const source: SizingSource = { nodeId: info.nodeId, sizingAt: () => sizing };
      io.out.size = Object.freeze(source);
      return null;
    },
    step: () => {},
  });
}
