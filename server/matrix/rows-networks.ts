// Authorization matrix rows of the networks area: every page route and API operation it adds.
import type { MatrixArea } from "./support.ts";

export const networksArea: MatrixArea = {
  name: "networks",
  pageRows: {},
  apiRows: {},
};
