import { exportPersonalData } from "../../modules/accounts/export-personal-data.ts";
import { pageLocale, requireUser, services } from "../route-helpers.ts";
import type { Route } from "./+types/account-export";

/** "Download my data": everything kept about the signed-in person, as a JSON file. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(context, request, params);
  const data = await exportPersonalData(services(context), user.id, pageLocale(params));
  const day = data.exportedAt.toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="pares-personal-data-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
