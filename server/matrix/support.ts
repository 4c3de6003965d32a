// What the authorization matrix is made of: the kinds of actor, the expected answers, a row,
// and the world of fresh resources each request runs against. Each area of the platform keeps
// its rows in a file of its own beside this one (rows-*.ts), listed in areas.ts.
import type { Database } from "../../platform/db/client.ts";
import { memoryFileStore } from "../../platform/storage/file-store.ts";

export const kinds = ["anonymous", "member", "outsider", "focalPoint", "secretariat", "admin"] as const;
export type Kind = (typeof kinds)[number];
export type Expect = Record<Kind, number>;

/** The same answer for everyone. */
export const everyone = (status: number): Expect => Object.fromEntries(kinds.map((k) => [k, status])) as Expect;
/** Anonymous visitors are sent to sign in (pages) or refused with 401 (API); the rest as given. */
export const signedIn = (status: number, anonymous = 302): Expect => ({ ...everyone(status), anonymous });
/** Only platform administrators; everyone else is told it does not exist. */
export const adminOnly = (status: number, anonymous = 302): Expect => ({ ...everyone(404), anonymous, admin: status });
/** The organization's focal points and administrators may; its staff are refused; outsiders do not see it. */
export const managers = (status: number, anonymous = 302): Expect => ({
  anonymous,
  member: 403,
  outsider: 404,
  focalPoint: status,
  secretariat: 404,
  admin: status,
});

/** Fresh resources for one request, so a change made by one cell cannot affect another. */
export interface World {
  slug: string;
  /** A staff member the focal point can change or remove. */
  memberId: string;
  /** An open invitation sent to the outsider's address. */
  invitationToken: string;
  invitationId: string;
  /** A pending request to join, by someone else. */
  joinRequestId: string;
  /** A token of the focal point's. */
  tokenId: string;
  /** A second organization, for merging. */
  duplicateSlug: string;
  cityId: number;
  /** The id of the organization at `slug` (the focal point's and the member's). */
  organizationId: string;
  n: number;
  /** Resources an area prepared for this world, by area name (see MatrixArea.prepare). */
  areas: Record<string, Record<string, string>>;
}

/** A JSON value: API rows send nested bodies; page rows send flat fields (each as a string). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface Row {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (w: World) => string;
  body?: (w: World) => Record<string, Json>;
  expect: Expect;
  /** The request ends the session it is made with: it gets a session of its own. */
  ownSession?: true;
}

export const lang = "en";
export const p = (rest: string) => `/${lang}${rest}`;

export type Person = Exclude<Kind, "anonymous">;

/** One area's rows, and the resources its rows need in every fresh world. */
export interface MatrixArea {
  name: string;
  pageRows: Record<string, Row[]>;
  apiRows: Record<string, Row>;
  /** Creates the area's resources for one world (after the base world exists). */
  prepare?: (env: { db: Database; people: Record<Person, string>; world: World }) => Promise<Record<string, string>>;
}

/**
 * The file store of the matrix's services: areas keep here, while preparing a world, the bytes
 * of the files their rows read (uploaded images and attachments, booklets' pictures).
 */
export const matrixFiles = memoryFileStore();
