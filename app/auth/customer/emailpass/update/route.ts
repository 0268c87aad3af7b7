import { apiRoute } from "@/app/_server/api/api-route";
import { handleMedusa, medusaDialect, medusaEnabled } from "@/app/_server/api/facades/medusa";

/** Medusa v2: POST /auth/customer/emailpass/update with the reset token as a bearer token. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(medusaDialect, {
  POST: (request, api) => handleMedusa(request, api, "update"),
}, { enabled: medusaEnabled });
