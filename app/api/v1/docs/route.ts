import { apiRoute } from "@/app/_server/api/api-route";
import { renderApiDocsPage } from "@/app/_server/api/v1/api-docs-page";
import { v1Dialect } from "@/app/_server/api/v1/responses";

/** GET /api/v1/docs: the native API's documentation, rendered from its OpenAPI document. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(v1Dialect, {
  async GET() {
    return renderApiDocsPage();
  },
});
