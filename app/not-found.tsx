import Link from "next/link";
import { StoreFrame } from "@/app/_components/store-frame";
import { currentStoreName } from "@/app/_server/store";

export const metadata = { title: "Page not found" };

export default async function NotFound() {
  return (
    <StoreFrame storeName={await currentStoreName()}>
      <section className="auth-card">
        <h1>We can&apos;t find that page</h1>
        <p className="auth-card-intro">The address may be mistyped, or the page may have moved.</p>
        <div className="button-row">
          <Link className="button button-secondary" href="/">
            Go to the shop
          </Link>
          <Link className="button button-secondary" href="/account">
            Your account
          </Link>
        </div>
      </section>
    </StoreFrame>
  );
}
