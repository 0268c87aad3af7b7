import { StoreFrame } from "@/app/_components/store-frame";
import { pageSettings } from "@/app/_server/env";

export const metadata = { title: "Page not found" };

/**
 * Prerendered, like every page that can be: it is part of every page's tree, so anything per request here would
 * make them all so. Served at an unknown path through the proxy, whose policy allows its inline scripts by hash.
 */
export default function NotFound() {
  return (
    <StoreFrame storeName={pageSettings().storeName}>
      <section className="auth-card">
        <h1>We can&apos;t find that page</h1>
        <p className="auth-card-intro">The address may be mistyped, or the page may have moved.</p>
        <div className="button-row">
          <a className="button button-secondary" href="/">
            Go to the shop
          </a>
          <a className="button button-secondary" href="/account">
            Your account
          </a>
        </div>
      </section>
    </StoreFrame>
  );
}
