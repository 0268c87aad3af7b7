import { apiRoute } from "@/app/_server/api/api-route";
import { handleMagento, magentoDialect, magentoEnabled } from "@/app/_server/api/facades/magento";

/** Magento 2 REST compatibility (/rest/V1/… and /rest/<store code>/V1/…); see app/_server/api/facades/magento.ts. */
const magento = (request: Request, api: Parameters<typeof handleMagento>[1], params: { path: string[] }) =>
  handleMagento(request, api, params.path);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute<{ path: string[] }>(
  magentoDialect,
  { GET: magento, PUT: magento, POST: magento },
  { enabled: magentoEnabled },
);
