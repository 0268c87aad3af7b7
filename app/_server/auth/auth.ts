import "server-only";
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { loginSchema } from "@/app/_lib/validation";
import { requestOriginFrom } from "../client-address";
import { getConfig } from "../env";
import { log } from "../log";
import { authenticateCustomer } from "./customer-accounts";
import { currentSessionVersion } from "./sessions";

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Thrown from authorize when the sign-in limit is reached; signIn rethrows it to the server action unchanged. */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
}

/**
 * next-auth v5 with a credentials provider and JWT sessions. The config is a function so it is built on first use,
 * after the environment has been validated, not while `next build` loads this module.
 * The /api/auth route handlers are deliberately not mounted: the pages sign in and out through server actions, so
 * next-auth never builds a URL from request headers for anything a shopper sees.
 */
export const { auth, signIn, signOut } = NextAuth(() => {
  const config = getConfig();
  return {
    // Sessions are signed with the first and still accepted under the others, so rotating AUTH_SECRET signs nobody out.
    secret: [config.authSecret, ...config.previousAuthSecrets],
    // Only consulted for URLs next-auth builds internally; every redirect a shopper follows is a relative path
    // chosen by our own server actions.
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) return null;
          // next-auth hands authorize a copy of the original request's headers, server.mjs's peer address included.
          const result = await authenticateCustomer(parsed.data, requestOriginFrom(request.headers));
          if (result.status === "rate-limited") throw new SignInRateLimited(result.retryAfterSeconds);
          return result.status === "authenticated" ? result.customer : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sessionVersion = user.sessionVersion ?? 0;
          return token;
        }
        // On every later use: a session issued before the customer's session version moved on (a reset with
        // "sign me out on all other devices", a "this wasn't me" report) is over.
        if (!token.sub) return null;
        const current = await currentSessionVersion(token.sub);
        return current !== null && current === token.sessionVersion ? token : null;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    logger: {
      // A wrong password is an expected outcome, not an error worth a stack trace.
      error(error: Error) {
        if (error instanceof CredentialsSignin) return;
        log.error({ event: "auth.error", error: { name: error.name, message: error.message } }, "next-auth error");
      },
      warn(code: string) {
        log.warn({ event: "auth.warning", code }, "next-auth warning");
      },
      debug() {},
    },
  };
});

/** The signed-in customer's id, or null. */
export async function currentCustomerId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}

export { AuthError, CredentialsSignin };
