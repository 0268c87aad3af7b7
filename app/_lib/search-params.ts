/** The props Next passes a page for its query string. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One query parameter as a string; a repeated parameter counts as absent rather than guessing which one was meant. */
export function singleParam(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
