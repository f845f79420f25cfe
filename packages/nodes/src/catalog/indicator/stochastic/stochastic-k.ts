/** Fast %K as TA-Lib writes it: (close − lowest) / ((highest − lowest) / 100), 0 when the range is flat. */
export function stochasticK(close: number, highest: number, lowest: number): number {
  const range = (highest - lowest) / 100;
  return range !== 0 ? (close - lowest) / range : 0;
}
