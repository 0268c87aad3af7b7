"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";

/**
 * Shown when something fails on our side (the database is down, say) while the shopper uses a page. It never
 * shows the error itself; the server has logged it, and the digest lets support match the two.
 */
export default function ShopError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="auth-card status-panel" aria-labelledby="shop-error-title">
      <div className="status-icon status-icon-warning" aria-hidden="true">
        !
      </div>
      <h1 id="shop-error-title" ref={headingRef} tabIndex={-1}>
        Something went wrong on our side
      </h1>
      <p>Your request may not have gone through. Please try again in a moment.</p>
      {error.digest && <p className="field-hint">Reference: {error.digest}</p>}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={reset}>
          Try again
        </button>
        <Link className="button button-secondary" href="/">
          Go to the shop
        </Link>
      </div>
    </section>
  );
}
