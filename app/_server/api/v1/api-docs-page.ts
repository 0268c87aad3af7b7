import "server-only";
import { STANDALONE_PAGE_CSP } from "@/app/_lib/content-security-policy";
import { openApiDocument } from "./openapi";

/**
 * /api/v1/docs: the OpenAPI document as a readable page, rendered on the server from the same document (no script,
 * nothing loaded from elsewhere), so the docs are exactly as current as the API.
 */
type SchemaObject = Record<string, unknown>;
type Operation = {
  summary?: string;
  description?: string;
  requestBody?: { content: Record<string, { schema: SchemaObject }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: SchemaObject }> }>;
};

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Inline `code` spans in descriptions, after escaping. */
const prose = (value = "") => escape(value).replace(/`([^`]+)`/g, "<code>$1</code>");

export function renderApiDocsPage(): Response {
  const document = openApiDocument() as unknown as {
    info: { title: string; description?: string };
    servers?: { url: string }[];
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, SchemaObject> };
  };
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: SchemaObject): { name?: string; schema: SchemaObject } => {
    const ref = typeof schema.$ref === "string" ? schema.$ref.split("/").pop() : undefined;
    return ref ? { name: ref, schema: schemas[ref] ?? {} } : { schema };
  };
  /** An object schema as a table of its fields (type, required, what it is); anything else as JSON. */
  const schemaBlock = (schema: SchemaObject) => {
    const { name, schema: resolved } = resolve(schema);
    const heading = name ? `<p class="schema-name">${escape(name)}</p>` : "";
    const properties = resolved.properties as Record<string, SchemaObject> | undefined;
    if (!properties) return `${heading}<pre>${escape(JSON.stringify(resolved, null, 2))}</pre>`;
    const required = new Set((resolved.required as string[] | undefined) ?? []);
    const rows = Object.entries(properties).map(([field, property]) => {
      const inner = resolve(property).schema;
      const type = inner.const !== undefined ? JSON.stringify(inner.const) : inner.enum ? (inner.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ") : String(inner.type ?? (inner.properties ? "object" : "any"));
      const notes = [inner.description ?? property.description, inner.default !== undefined ? `Default: ${JSON.stringify(inner.default)}.` : ""].filter(Boolean).join(" ");
      return `<tr><td><code>${escape(field)}</code></td><td>${escape(type)}</td><td>${required.has(field) ? "yes" : ""}</td><td>${prose(String(notes))}</td></tr>`;
    });
    return `${heading}<table><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>About</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  };
  const base = document.servers?.[0]?.url ?? "";

  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const body = operation.requestBody?.content["application/json"]?.schema;
      const example = body ? exampleFor(resolve(body).schema) : undefined;
      const responses = Object.entries(operation.responses)
        .map(
          ([status, response]) =>
            `<li><strong>${escape(status)}</strong> ${prose(response.description)}${
              response.content?.["application/json"] && /^2/.test(status) ? schemaBlock(response.content["application/json"].schema) : ""
            }</li>`,
        )
        .join("");
      const curl = `curl -X ${method.toUpperCase()} ${base}${path} -H 'Content-Type: application/json'${example ? ` -d '${JSON.stringify(example)}'` : ""}`;
      return `<section id="${escape(path)}"><h2><span class="method">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h2>
<p class="summary">${prose(operation.summary)}</p><p>${prose(operation.description)}</p>
${body ? `<h3>Request body</h3>${schemaBlock(body)}` : ""}
<h3>Example</h3><pre>${escape(curl)}</pre>
<h3>Responses</h3><ul>${responses}</ul></section>`;
    }),
  );

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)}</title>
<style>body{margin:0;background:#f6f4ef;color:#1d2420;font:16px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:56rem;margin:2rem auto;padding:0 1rem}h1{color:#1f3d2b}section{background:#fff;border:1px solid #e2ddd2;border-radius:8px;padding:1rem 1.5rem;margin:1.5rem 0}
h2{font-size:1.2rem;margin:.25rem 0}.method{background:#1f3d2b;color:#fff;border-radius:4px;padding:0 .4rem;font-size:.9rem}
.summary{font-weight:600}pre{background:#f3f1ec;border-radius:6px;padding:.75rem;white-space:pre-wrap;word-break:break-all;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e2ddd2}code{font-size:.9em}
.schema-name{margin:.5rem 0 0;font-weight:600}a{color:#2f6b4f}</style></head>
<body><main><h1>${escape(document.info.title)}</h1><p>${prose(document.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Errors always look like
<code>{"error":{"code","message","fields"?}}</code>.</p>
${operations.join("\n")}</main></body></html>`;
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": STANDALONE_PAGE_CSP, "Cache-Control": "public, max-age=300" },
  });
}

/** An example body from the schema's own examples (required fields only). */
function exampleFor(schema: SchemaObject): Record<string, unknown> | undefined {
  const properties = schema.properties as Record<string, SchemaObject> | undefined;
  if (!properties) return undefined;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const example: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const value = property.example ?? (property.examples as unknown[] | undefined)?.[0];
    if (value !== undefined && (required.has(name) || name === "token")) example[name] = value;
  }
  return example;
}
