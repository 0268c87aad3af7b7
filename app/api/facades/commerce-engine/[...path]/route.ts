import { apiRoute } from "@/app/_server/api/api-route";
import { commerceEngineDialect, commerceEngineServes, handleCommerceEngine } from "@/app/_server/api/facades/commerce-engine";

/**
 * Commerce Engine compatibility. next.config.ts rewrites <any prefix>/auth/forgot-password and …/reset-password
 * here with the prefix kept in the path; the handler answers only under COMMERCE_ENGINE_PATH_PREFIX.
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute<{ path: string[] }>(
  commerceEngineDialect,
  { POST: (request, api, params) => handleCommerceEngine(request, api, params.path) },
  { enabled: commerceEngineServes },
);
