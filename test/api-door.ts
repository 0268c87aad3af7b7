import { NextRequest } from "next/server";
import { compile, match } from "path-to-regexp";
import { facadeRewrites } from "@/app/_lib/api-mounts";
import * as facadeRoute from "@/app/api/facades/[facade]/[...path]/route";
import * as v1Route from "@/app/api/v1/[...path]/route";
import { PEER_ADDRESS_HEADER } from "@/app/_server/client-address";
import { uniqueOrigin } from "./support";

/**
 * A headless client of the JSON APIs, in process: each request is a real `Request` handed to the route handler
 * Next would route it to (a facade's paths through their rewrite, which is tried first as Next's afterFiles
 * rewrites are, then the native API), with the client address server.mjs would record. What Next adds around the
 * handler (rewrites themselves, headers from next.config.ts) is covered by the browser suite's smoke tests.
 */
export type ApiAnswer = { status: number; headers: Headers; body: unknown; text: string };

type Handler = (request: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>;

function routeFor(pathname: string, method: string): { handler: Handler; params: unknown } {
  const pick = (route: Record<string, unknown>) => route[method] as Handler;
  for (const { source, destination } of facadeRewrites()) {
    const matched = match(source, { decode: (value) => value })(pathname);
    if (!matched) continue;
    const [, , , facade, ...path] = compile(destination, { validate: false })(matched.params).split("/");
    return { handler: pick(facadeRoute), params: { facade, path } };
  }
  if (pathname.startsWith("/api/v1/")) return { handler: pick(v1Route), params: { path: pathname.slice("/api/v1/".length).split("/") } };
  throw new Error(`no API route serves ${pathname}`);
}

export async function callApi(
  path: string,
  options: { method?: string; json?: unknown; body?: string; headers?: Record<string, string>; client?: string } = {},
): Promise<ApiAnswer> {
  const method = options.method ?? "POST";
  const headers = new Headers({ [PEER_ADDRESS_HEADER]: options.client ?? uniqueOrigin().ip, ...options.headers });
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const url = new URL(path, "http://localhost:3000");
  const { handler, params } = routeFor(url.pathname, method);
  const response = await handler(new NextRequest(url, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
