// Every area's rows of the authorization matrix.
import { callsArea } from "./rows-calls.ts";
import { exchangeArea } from "./rows-exchange.ts";
import { governanceArea } from "./rows-governance.ts";
import { networksArea } from "./rows-networks.ts";
import { portfolioArea } from "./rows-portfolio.ts";
import { practicesArea } from "./rows-practices.ts";
import type { MatrixArea } from "./support.ts";

export const areas: MatrixArea[] = [networksArea, governanceArea, portfolioArea, practicesArea, exchangeArea, callsArea];
