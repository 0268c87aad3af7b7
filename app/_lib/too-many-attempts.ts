import { redirect } from "next/navigation";

/** Sends a rate-limited form submission to the 429 page, which says how long to wait and sets Retry-After. */
export function redirectToTooManyAttempts(retryAfterSeconds: number, from: string): never {
  redirect(`/too-many-attempts?retryAfter=${retryAfterSeconds}&from=${encodeURIComponent(from)}`);
}
