import "server-only";
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { loginSchema } from "@/app/_lib/validation";
import { requestOriginFrom } from "../client-address";
import { getConfig } from "../env";
import { log } from "../log";
import { authenticateCustomer } from "./customer-accounts";
import { checkSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";


/** Thrown from authorize when the sign-in limit is reached; signIn rethrows it to the server action unchanged. */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

declare module "next-auth" {
  interface User {
    /** The Session row this sign-in started (sessions.ts). */
    sessionId?: string;
  }
  interface Session {
    /** Server-side only: the pages read it through auth(); no route hands the session to the browser. */
    sessionId?: string;
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
    // The cookie's Secure flag (and __Secure- name) follows APP_URL, not the X-Forwarded-Proto a request claims.
    useSecureCookies: config.appUrl.startsWith("https:"),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) return null;
          // next-auth hands authorize a copy of the original request's headers, server.mjs's peer address included.
          const origin = requestOriginFrom(request.headers);
          const result = await authenticateCustomer(parsed.data, origin);
          if (result.status === "rate-limited") throw new SignInRateLimited(result.retryAfterSeconds);
          if (result.status !== "authenticated") return null;
          return { ...result.customer, sessionId: await startSession(result.customer.id, origin) };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sid = user.sessionId;
          return token;
        }
        // On every later use, one read: a session that was signed out, ended from another device, or ended by a
        // reset or a "this wasn't me" report has no row any more, and is over. (So is a cookie from before sessions
        // had ids: it names none.)
        return (await checkSession(token.sid, token.sub)) ? token : null;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.sid === "string") session.sessionId = token.sid;
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
  return (await currentSignIn())?.customerId ?? null;
}

/** Who is signed in on this browser, and with which session, or null. */
export async function currentSignIn(): Promise<{ customerId: string; sessionId: string } | null> {
  const session = await auth();
  const customerId = session?.user?.id;
  return customerId && session.sessionId ? { customerId, sessionId: session.sessionId } : null;
}

export { AuthError, CredentialsSignin };
