/** Why a reset link can't be used. Shared by the core (which decides) and the pages (which explain). */
export type UnusableLinkReason = "invalid" | "expired" | "used" | "superseded";
