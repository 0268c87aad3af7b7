/**
 * The settings the prerendered pages show: the store's name, how long a reset link lasts, the shortest password.
 * `next build` renders those pages once, with its own environment; next.config.ts records these as BUILT_<name>, and
 * the server refuses to start with other values (app/_server/env.ts).
 */
export const PAGE_SETTING_VARIABLES = ["STORE_NAME", "RESET_TOKEN_TTL_MINUTES", "PASSWORD_MIN_LENGTH"] as const;
