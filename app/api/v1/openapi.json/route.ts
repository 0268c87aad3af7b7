import { apiRoute } from "@/app/_server/api/api-route";
import { openApiDocument } from "@/app/_server/api/v1/openapi";
import { v1Dialect } from "@/app/_server/api/v1/responses";

/** GET /api/v1/openapi.json: the native API's OpenAPI 3.1 document, generated from the handlers' own schemas. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(v1Dialect, {
  async GET() {
    return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
  },
});
