/// <reference lib="webworker" />
import { answerNodeValuesRequest, type NodeValuesRequest } from "./node-values-protocol.ts";

// Evaluates the graph off the main thread (an ML node can retrain for seconds) and transfers the columns back.
self.addEventListener("message", (event: MessageEvent<NodeValuesRequest>) => {
  const { response, transfer } = answerNodeValuesRequest(event.data);
  self.postMessage(response, { transfer });
});
