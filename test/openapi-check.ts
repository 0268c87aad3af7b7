import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";

/**
 * Checks real answers against the native API's OpenAPI 3.1 document: the status must be documented for the
 * operation, and the JSON body must match its schema (JSON Schema 2020-12). Shared by the unit suite (the document
 * as generated) and the browser suite (the document as served).
 */
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components?: { schemas?: Record<string, object> };
};

export type OpenApiCheck = (path: string, method: string, answer: { status: number; body: unknown }) => string | null;

export function openApiChecker(document: OpenApiDocument): OpenApiCheck {
  // OpenAPI keywords that aren't JSON Schema ("example") are allowed; everything else is checked strictly.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormatsPlugin(ajv);
  ajv.addSchema({ $id: "openapi.json", components: document.components ?? {} });
  return (path, method, answer) => {
    const operation = document.paths[path]?.[method.toLowerCase()];
    if (!operation) return `${method} ${path} is not documented`;
    const schema = operation.responses[String(answer.status)]?.content?.["application/json"]?.schema;
    if (!schema) return `${method} ${path} documents no JSON body for status ${answer.status}`;
    // $refs in the document point at "#/components/…"; resolve them against the registered components.
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')));
    return validate(answer.body) ? null : `${method} ${path} ${answer.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body)}`;
  };
}
