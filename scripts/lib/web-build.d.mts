export const webDistDir: string;
export function webBuildIsStale(): boolean;
/** Runs `vite build` for apps/web when the sources are newer than dist. Returns true if it built. */
export function ensureWebBuilt(options?: { log?: (line: string) => void }): boolean;
