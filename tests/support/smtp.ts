// A real SMTP server on 127.0.0.1 for tests, keeping what it receives.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** Starts the server; it refuses the first `refuse` messages with a temporary error (451). */
export async function startSmtpServer(refuse = 0) {
  const received: ReceivedMail[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        if (refused < refuse) {
          refused++;
          return callback(Object.assign(new Error("try again later"), { responseCode: 451 }));
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    /** The parsed messages sent to `address` so far. */
    async mailsTo(address: string): Promise<ParsedMail[]> {
      return Promise.all(received.filter((m) => m.to.includes(address)).map((m) => simpleParser(m.raw)));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
