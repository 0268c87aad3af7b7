"use client";
import { useEffect, useRef } from "react";
import { useCopy } from "@/app/_components/form-shell";

/**
 * Shown when something fails on our side (the database is down, say) while the shopper uses a page. It never
 * shows the error itself; the server has logged it, and the digest lets support match the two. Its words come with
 * the layout's copy, in the page's language.
 */
export default function ShopError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { forms, links } = useCopy();
  const text = forms.pageError;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="auth-card status-panel" aria-labelledby="shop-error-title">
      <div className="status-icon status-icon-warning" aria-hidden="true">
        !
      </div>
      <h1 id="shop-error-title" ref={headingRef} tabIndex={-1}>
        {text.title}
      </h1>
      <p>{text.body}</p>
      {error.digest && <p className="field-hint">{text.reference} {error.digest}</p>}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={reset}>
          {text.retry}
        </button>
        <a className="button button-secondary" href={links.home}>
          {text.home}
        </a>
      </div>
    </section>
  );
}
