import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";
import { expect } from "@playwright/test";
import { STORE_URL } from "./servers";

/**
 * Checks real responses against the API's own OpenAPI 3.1 document, as served: the response's status must be
 * documented for the operation, and its JSON body must match the documented schema (JSON Schema 2020-12).
 */
type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components?: { schemas?: Record<string, object> };
};

let loaded: Promise<{ document: OpenApiDocument; ajv: Ajv2020 }> | undefined;

async function load() {
  const response = await fetch(`${STORE_URL}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  const document = (await response.json()) as OpenApiDocument;
  // OpenAPI keywords that aren't JSON Schema ("example") are allowed; everything else is checked strictly.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormatsPlugin(ajv);
  ajv.addSchema({ $id: "openapi.json", components: document.components ?? {} });
  return { document, ajv };
}

export async function openApiDocument(): Promise<OpenApiDocument> {
  loaded ??= load();
  return (await loaded).document;
}

export async function expectMatchesOpenApi(path: string, method: string, answer: { status: number; body: unknown }) {
  loaded ??= load();
  const { document, ajv } = await loaded;
  const operation = document.paths[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is documented`).toBeTruthy();
  const response = operation?.responses[String(answer.status)];
  expect(response, `${method} ${path} documents status ${answer.status}`).toBeTruthy();
  const schema = response?.content?.["application/json"]?.schema;
  expect(schema, `${method} ${path} ${answer.status} documents a JSON body`).toBeTruthy();
  // $refs in the document point at "#/components/…"; resolve them against the registered components.
  const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'));
  const validate = ajv.compile(rebased);
  const valid = validate(answer.body);
  expect(valid, `${method} ${path} ${answer.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body)}`).toBe(true);
}
