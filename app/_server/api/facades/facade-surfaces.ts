import "server-only";
import type { FacadeName } from "@/app/_lib/api-mounts";
import type { ApiSurface } from "../api-route";
import { commerceEngineSurface } from "./commerce-engine";
import { magentoSurface } from "./magento";
import { medusaSurface } from "./medusa";

/** Every compatibility facade by the name its public paths are rewritten under (app/_lib/api-mounts.ts). */
const FACADES: Record<FacadeName, ApiSurface> = {
  magento: magentoSurface,
  medusa: medusaSurface,
  "commerce-engine": commerceEngineSurface,
};

export function facadeSurface(name: string): ApiSurface | undefined {
  return Object.hasOwn(FACADES, name) ? FACADES[name as FacadeName] : undefined;
}
