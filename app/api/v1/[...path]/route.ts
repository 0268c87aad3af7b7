import { apiRoutes } from "@/app/_server/api/api-route";
import { v1Dialect } from "@/app/_server/api/v1/responses";
import { V1_PREFIX, v1Surface } from "@/app/_server/api/v1/v1-surface";

/** The native JSON API, served from its table (app/_server/api/v1/v1-surface.ts). */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes(
  (params: { path: string[] }) => ({ surface: v1Surface, path: `${V1_PREFIX}/${params.path.join("/")}` }),
  v1Dialect,
);
