import { apiRoutes } from "@/app/_server/api/api-route";
import { facadeSurface } from "@/app/_server/api/facades/facade-surfaces";
import { v1Dialect } from "@/app/_server/api/v1/responses";

/**
 * Every compatibility facade, served from its table (app/_server/api/facades/). next.config.ts rewrites each
 * facade's public paths here (app/_lib/api-mounts.ts), keeping the public path in `path`.
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes(
  (params: { facade: string; path: string[] }) => ({ surface: facadeSurface(params.facade), path: `/${params.path.join("/")}` }),
  v1Dialect,
);
