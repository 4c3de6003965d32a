// Starts Pares: configuration, database (migrated, reference data, demo), HTTP server,
// graceful shutdown. Entered through server/main.ts.
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { getRequestListener } from "@hono/node-server";
import type { ServerBuild } from "react-router";
import { createStatisticsRefresher, prepareDatabase } from "../platform/db/setup.ts";
import { createLogger } from "../platform/log.ts";
import { resolveSecret } from "../platform/secret.ts";
import { exitWith, loadConfigOrExit, openDatabaseOrExit } from "../platform/startup.ts";
import { accountsAuthEmails } from "../modules/accounts/auth-emails.ts";
import { emailTemplates, moduleOutboxHandlers, runScheduledWork } from "../modules/index.ts";
import { demoAccounts, demoPassword } from "../modules/organizations/seed-demo-organizations.ts";
import { createAuth, ssoProviderOf } from "../platform/auth.ts";
import { type Config, demoAccountsAllowed } from "../platform/config.ts";
import type { DatabaseHandle } from "../platform/db/client.ts";
import type { Logger } from "../platform/log.ts";
import { createEmailHandler } from "../platform/mail/deliver-email.ts";
import { emailOutboxKind } from "../platform/mail/send-email.ts";
import { createSmtpTransport, mailboxTransport } from "../platform/mail/transport.ts";
import { createOutboxWorker } from "../platform/outbox/worker.ts";
import { fileStoreFromConfig, fileStoreLocation } from "../platform/storage/from-config.ts";
import { createApp } from "./app.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function start() {
  const config = loadConfigOrExit();
  const log = createLogger(config.LOG_LEVEL);
  const database = await openDatabaseOrExit(config);
  log.info({ engine: database.engine, location: database.location }, "database open");
  const demoAccounts = demoAccountsAllowed(config);
  const prepared = await prepareDatabase(database, { demo: config.DEMO_DATA, demoAccounts });
  log.info(prepared, "database ready");

  const secret = resolveSecret(config);
  const auth = createAuth({
    db: database.db,
    secret,
    baseURL: publicUrlOf(config),
    emails: accountsAuthEmails(database.db),
    secureCookies: config.PUBLIC_URL?.startsWith("https:") || config.TRUST_PROXY,
    sso: ssoProviderOf(config),
  });
  const files = fileStoreFromConfig(config);
  log.info({ location: fileStoreLocation(config) }, "file storage");
  const services = { auth, config, database, db: database.db, files, log };
  let boundPort = config.PORT;
  const outbox = startOutboxWorker(config, database, log, () => publicUrlOf(config, boundPort));
  let shuttingDown = false;

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let listener: (req: IncomingMessage, res: ServerResponse) => void;
  if (config.NODE_ENV === "development") {
    const { createServer: createViteServer } = await import("vite");
    const vite = await createViteServer({ root, server: { middlewareMode: true } });
    build = () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>;
    const app = createApp({ services, secret, build, isShuttingDown: () => shuttingDown });
    const hono = getRequestListener(app.fetch);
    listener = (req, res) => vite.middlewares(req, res, () => void hono(req, res));
  } else {
    const serverBuild = `${root}build/server/index.js`;
    if (!existsSync(serverBuild)) exitWith("no production build found: run `npm run build` first (npm start does it for you)");
    build = (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
    const app = createApp({ services, secret, build, clientDir: `${root}build/client`, isShuttingDown: () => shuttingDown });
    listener = getRequestListener(app.fetch);
  }

  const server = createServer(listener);
  server.keepAliveTimeout = 5_000;
  server.on("error", (err: NodeJS.ErrnoException) => {
    const where = `${config.HOST}:${config.PORT}`;
    if (err.code === "EADDRINUSE") exitWith(`cannot listen on ${where}: the port is already in use (set PORT to another one)`);
    if (err.code === "ENOTFOUND" || err.code === "EADDRNOTAVAIL") exitWith(`cannot listen on ${where}: HOST is not an address of this machine`);
    if (err.code === "EACCES") exitWith(`cannot listen on ${where}: permission denied (ports below 1024 need privileges)`);
    exitWith(`cannot listen on ${where}: ${err.message}`);
  });
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    boundPort = port;
    const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
    log.info({ port }, "listening");
    process.stdout.write(`\nPares is running at ${config.PUBLIC_URL ?? `http://${host}:${port}`}/\n\n`);
    if (demoAccounts) process.stdout.write(demoAccountsNotice());
  });

  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, "shutting down: no new connections, finishing requests in flight");
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      log.warn("shutdown timeout: closing remaining connections");
      server.closeAllConnections();
    }, config.SHUTDOWN_TIMEOUT_MS);
    server.close(async () => {
      clearInterval(sweep);
      clearTimeout(deadline);
      await outbox.stop();
      await database.close();
      log.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/** The demo accounts, one per kind of actor: printed at start, only in demo mode. */
function demoAccountsNotice(): string {
  const width = Math.max(...demoAccounts.map((a) => a.email.length));
  const lines = demoAccounts.map((a) => `  ${a.email.padEnd(width)}  ${a.actor}`);
  return [
    `Demo accounts (DEMO_DATA is on), all with the password ${demoPassword}:`,
    ...lines,
    "  The administrator and the secretariat set up two-factor sign-in at their first sign-in.",
    "  Set DEMO_DATA=false for a real installation.",
    "",
    "",
  ].join("\n");
}

/** Delivers what use cases put in the outbox (e-mails, matches, notifications) and runs scheduled work while the server runs. */
function startOutboxWorker(config: Config, database: DatabaseHandle, log: Logger, publicUrl: () => string) {
  const transport = config.SMTP_URL ? createSmtpTransport(config.SMTP_URL) : mailboxTransport;
  if (!config.SMTP_URL) {
    log.warn("SMTP_URL is not set: e-mails are kept in the local mailbox (shown at /<lang>/dev/mailbox in development), not sent");
  }
  const worker = createOutboxWorker({
    db: database.db,
    log,
    pollMs: config.OUTBOX_POLL_MS,
    handlers: {
      ...moduleOutboxHandlers(database.db),
      [emailOutboxKind]: createEmailHandler({
        templates: emailTemplates,
        transport,
        from: config.MAIL_FROM,
        publicUrl,
      }),
    },
  });
  worker.start();
  // Scheduled work (digests due, expiring items): one run at a time, errors logged and retried at the next tick.
  let ticking = false;
  const refreshStatistics = createStatisticsRefresher(database);
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      const done = await runScheduledWork(database.db, { digestHour: config.DIGEST_HOUR });
      if (Object.values(done).some((n) => n > 0)) log.info({ scheduled: done }, "scheduled work done");
      if (await refreshStatistics()) log.info("embedded database statistics refreshed (analyze)");
    } catch (error) {
      log.error({ err: error }, "scheduled work failed");
    } finally {
      ticking = false;
    }
  };
  const schedule = setInterval(() => void tick(), config.SCHEDULE_TICK_MS);
  schedule.unref();
  void tick();
  return {
    stop: async () => {
      clearInterval(schedule);
      await worker.stop();
      transport.close();
    },
  };
}

/** Where people reach this server, for links in e-mails. */
function publicUrlOf(config: Config, port = config.PORT): string {
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  return (config.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, "");
}
