// Authorization matrix rows of the governance area: every page route and API operation it adds.
import type { MatrixArea } from "./support.ts";

export const governanceArea: MatrixArea = {
  name: "governance",
  pageRows: {},
  apiRows: {},
};
