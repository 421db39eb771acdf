// Where a sign-in may send the browser afterwards: a path on this site only.

/** Starts with one slash; no scheme-relative `//` or `/\` (browsers read it as `//`); no control characters. */
export const isLocalPath = (p: string): boolean => /^\/(?![/\\])/.test(p) && !/[\u0000-\u001f]/.test(p);
