// Entry point: `node server/main.ts` (npm start), or with NODE_ENV=development (npm run dev).
// React and other libraries choose their production or development build from NODE_ENV when
// first imported, so it is settled before anything else is loaded.
process.env.NODE_ENV ||= "production";

const { start } = await import("./start.ts");
start().catch((err: unknown) => {
  process.stderr.write(`pares: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

export {};
