"use client";
import { useEffect, useRef } from "react";

/**
 * An email's HTML part in a sandboxed frame, as tall as the email: the framed page reports its height (its one
 * script, in ../framed-email.ts), and the frame grows to fit, so nothing is cut off. Without JavaScript the frame keeps
 * its stylesheet height and scrolls.
 */
export function MailboxFrame({ src, title }: { src: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const resize = (event: MessageEvent) => {
      const height = (event.data as { mailboxFrameHeight?: unknown } | null)?.mailboxFrameHeight;
      if (event.source !== frame.current?.contentWindow || typeof height !== "number" || !frame.current) return;
      frame.current.style.height = `${Math.min(Math.max(height, 200), 20_000) + 2}px`;
    };
    window.addEventListener("message", resize);
    // The email may have loaded, and reported, before this listened: ask again.
    frame.current?.contentWindow?.postMessage("mailbox-frame-height", "*");
    return () => window.removeEventListener("message", resize);
  }, []);
  return <iframe ref={frame} className="mailbox-frame" title={title} src={src} />;
}
