import { expect } from "@playwright/test";
import { type OpenApiCheck, type OpenApiDocument, openApiChecker } from "../../test/openapi-check";
import { STORE_URL } from "./servers";

/** The native API's OpenAPI document as the store serves it, and real answers checked against it. */
let loaded: Promise<{ document: OpenApiDocument; check: OpenApiCheck }> | undefined;

async function load() {
  const response = await fetch(`${STORE_URL}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  const document = (await response.json()) as OpenApiDocument;
  return { document, check: openApiChecker(document) };
}

export async function openApiDocument(): Promise<OpenApiDocument> {
  loaded ??= load();
  return (await loaded).document;
}

export async function expectMatchesOpenApi(path: string, method: string, answer: { status: number; body: unknown }) {
  loaded ??= load();
  expect((await loaded).check(path, method, answer)).toBeNull();
}
