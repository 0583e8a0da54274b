/** A failed bridge call kept for display; wrapped so that `undefined`/`null` rejections still count. */
export type Failure = { error: unknown } | null;
