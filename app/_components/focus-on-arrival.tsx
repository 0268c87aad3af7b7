"use client";
import { type ReactElement, useEffect, useRef } from "react";

/** Moves focus to the heading it wraps once the page has arrived, so a screen reader reads the outcome first. */
export function FocusOnArrival({ children }: { children: ReactElement }) {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => wrapper.current?.querySelector<HTMLElement>("[tabindex]")?.focus(), []);
  return <div ref={wrapper}>{children}</div>;
}
