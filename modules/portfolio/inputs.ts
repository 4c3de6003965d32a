// Zod schemas of the portfolio's inputs (also the API's parameters). A slug that matches nothing
// is simply not found, so the parameters are only bounded here.
import { z } from "zod";

export const portfolioParams = z.object({
  slug: z.string().max(100).describe("The organization's slug, e.g. gobierno-de-la-ciudad-de-buenos-aires"),
});
export type PortfolioParams = z.infer<typeof portfolioParams>;

export const networkFiguresParams = z.object({
  slug: z.string().max(100).describe("The network's slug, e.g. mercociudades"),
});
export type NetworkFiguresParams = z.infer<typeof networkFiguresParams>;
