import type { ReactNode } from "react";

/** The storefront chrome around every shopper-facing page: skip link, header, main landmark, footer. */
export function StoreFrame({ storeName, children }: { storeName: string; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <a href="/" className="wordmark">
            <span className="wordmark-leaf" aria-hidden="true" />
            {storeName}
          </a>
          <nav className="site-nav" aria-label="Main">
            <ul>
              <li>
                <a href="/">Shop</a>
              </li>
              <li>
                <a href="/account">Your account</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <p>{storeName}</p>
          <p>Thoughtful goods for everyday living</p>
        </div>
      </footer>
    </>
  );
}
