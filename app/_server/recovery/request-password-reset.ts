import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales.mjs";
import { clientLimitKey, type RequestOrigin } from "../client-address";
import { log } from "../log";
import { wakeOutboxWorker } from "../outbox/worker-registry";
import { getDb } from "../db";
import { countAttempt, countAttemptWhen, type RateLimitCheck, type RateLimitName, withinLimits } from "../rate-limit";
import { type AddressRequestKind, recordAddressRequest } from "./reset-requests";

/**
 * The work behind a request for a registered address (a token, an email to render and send) costs CPU an unknown
 * address doesn't. Done right after the answer, it would slow whichever request comes next, and timing a follow-up
 * request could tell that the address has an account. So the worker is woken at a random moment within half a
 * second: what it slows down has nothing to do with the request that caused it. The request itself is already a
 * committed row by then; the wake-up is all that waits in memory, and the worker's poll replaces a lost one.
 */
const DECORRELATION_WINDOW_MS = 500;

const ACCEPTED = { status: "accepted" } as const;

/**
 * Accepts a reset request, doing the same for every address: the limits count it, and one row records it before
 * the answer, so neither the answer nor its timing says whether an account exists, and nothing is lost if the
 * process dies right after. Over a limit it is dropped quietly: the same answer, and no email.
 *
 * The limits come in two tiers. The client's own (per client, and per client for this address) always count. The
 * address's own limit, across every client, counts a request only once the client's have let it through: otherwise
 * one client, refused by its own limits, could still use up a shopper's budget and keep them from ever getting a
 * link. So to block an address, an attacker needs several clients (see README, "Rate limits").
 */
export function requestPasswordReset(request: { email: string; locale?: Locale }, origin: RequestOrigin): Promise<{ status: "accepted" }> {
  return acceptAddressRequest("password-reset", request.email, origin, request.locale);
}

/** Each kind of request's limits: per client, per client and address, and the address's own (across clients). */
const REQUEST_LIMITS = {
  "password-reset": { client: "RESET_REQUEST_PER_ADDRESS", clientAndEmail: "RESET_REQUEST_PER_ADDRESS_AND_EMAIL", email: "RESET_REQUEST_PER_EMAIL" },
  "sign-up": { client: "SIGN_UP_PER_ADDRESS", clientAndEmail: "SIGN_UP_PER_ADDRESS_AND_EMAIL", email: "SIGN_UP_PER_EMAIL" },
} as const satisfies Record<AddressRequestKind, Record<string, RateLimitName>>;

/**
 * Accepts a request that mails an address (a reset, a sign-up), the same way for every address, as described above.
 * Sign-up (recovery/sign-up.ts) uses it too, with its own limits. The email goes out in `locale`, the language the
 * request was made in.
 */
export async function acceptAddressRequest(
  kind: AddressRequestKind,
  email: string,
  origin: RequestOrigin,
  locale: Locale = DEFAULT_LOCALE,
): Promise<{ status: "accepted" }> {
  const names = REQUEST_LIMITS[kind];
  const client = clientLimitKey(origin);
  const clientLimits: RateLimitCheck[] = [
    [names.client, client],
    [names.clientAndEmail, `${client}|${email}`],
  ];
  const addressLimit: RateLimitCheck = [names.email, email];
  // One transaction, one write lock: count the attempt, and record the request only if that kept it in its limits.
  const now = new Date();
  const [, , recorded] = await getDb().$transaction([
    countAttempt(clientLimits, now),
    countAttemptWhen(addressLimit, withinLimits(clientLimits, now), now),
    recordAddressRequest({ kind, email, origin, locale }, [...clientLimits, addressLimit], now),
  ]);
  if (recorded !== 1) {
    log.info({ event: `${kind === "sign-up" ? "sign_up" : "password_reset"}.throttled` }, "request over its rate limit; no email sent");
    return ACCEPTED;
  }
  wakeOutboxWorker({ withinMs: DECORRELATION_WINDOW_MS });
  return ACCEPTED;
}
