/** Placeholder owned by the compiler work: the serialisable output of `compile`. */
export interface CompiledPlan {
  formatVersion: 1;
}
