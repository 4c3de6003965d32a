// Authorization matrix rows of the portfolio area: every page route and API operation it adds.
import type { MatrixArea } from "./support.ts";

export const portfolioArea: MatrixArea = {
  name: "portfolio",
  pageRows: {},
  apiRows: {},
};
