import "server-only";

/**
 * Reading a JSON API request body without trusting it: the content type must be JSON, the body is read up to a
 * limit (a declared Content-Length over it is refused before reading; a body that keeps coming is cut off), and
 * malformed JSON is an answer, not an exception. Every API surface reads its bodies through this.
 */
export const JSON_BODY_LIMIT_BYTES = 16 * 1024;

export type JsonBodyProblem = "unsupported-media-type" | "too-large" | "malformed";
export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: JsonBodyProblem };

/** application/json, or a +json type, with any parameters (charset=utf-8). */
function isJsonContentType(contentType: string | null): boolean {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

export async function readJsonBody(request: Request, limitBytes = JSON_BODY_LIMIT_BYTES): Promise<JsonBody> {
  if (!isJsonContentType(request.headers.get("content-type"))) return { ok: false, problem: "unsupported-media-type" };
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) return { ok: false, problem: "too-large" };

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, problem: "too-large" };
      }
      chunks.push(value);
    }
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks))) };
  } catch {
    return { ok: false, problem: "malformed" };
  }
}
