// Every module's Drizzle tables, gathered for drizzle-kit and for the typed client.
export * from "../../modules/cities/schema.ts";
export * from "../../modules/themes/schema.ts";
export * from "../../modules/networks/schema.ts";
export * from "../../modules/organizations/schema.ts";
export * from "../../modules/governance/schema.ts";
export * from "./reference-schema.ts";
export * from "../../modules/accounts/schema.ts";
export * from "../outbox/schema.ts";
export * from "../audit/schema.ts";
export * from "../../modules/practices/schema.ts";
export * from "../../modules/exchange/schema.ts";
export * from "../../modules/notifications/schema.ts";
export * from "../../modules/calls/schema.ts";
