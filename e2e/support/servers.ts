/**
 * The servers the e2e suite starts (see playwright.config.ts): the app as a shopper's store sends mail (through the
 * real Resend SDK to the capture server), and a second instance of the same build in the other configuration: mail
 * kept in its dev mailbox, and AUTO_SIGN_IN_AFTER_RESET on.
 */
export const CAPTURE_URL = "http://127.0.0.1:3101";
/** The capture server under another site's name: "localhost" and "127.0.0.1" are different sites to a browser. */
export const WEBMAIL_URL = "http://localhost:3101";
export const STORE_URL = "http://127.0.0.1:3100";
export const MAILBOX_STORE_URL = "http://127.0.0.1:3102";

export const STORE_DATABASE_URL = "file:./.data/e2e/store.db";
export const MAILBOX_STORE_DATABASE_URL = "file:./.data/e2e/mailbox-store.db";
