import { apiRoute } from "@/app/_server/api/api-route";
import { respond, v1Dialect } from "@/app/_server/api/v1/responses";
import { requestAcceptedSchema, requestBodySchema } from "@/app/_server/api/v1/schemas";
import { currentRequestOrigin } from "@/app/_server/client-address";
import { requestPasswordReset } from "@/app/_server/recovery/request-password-reset";

/**
 * POST /api/v1/password-reset/request: the forgot-password form as JSON. 202 with the same body for every
 * well-formed address; whether an email goes out (registered, under the limits) is never said.
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoute(v1Dialect, {
  async POST(_request, api) {
    const body = await api.parseBody(requestBodySchema);
    if (!body.ok) return body.response;
    await requestPasswordReset({ email: body.data.email }, await currentRequestOrigin());
    return respond(
      requestAcceptedSchema,
      { accepted: true, message: "If an account uses that address, we've sent it an email with a link and a code to choose a new password." },
      { status: 202 },
    );
  },
});
