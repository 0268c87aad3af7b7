import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

/**
 * The local Resend stand-in (e2e/support/resend-capture-server.mjs) in its own process on a free port, for tests that
 * send through the real Resend SDK. Stop it with `stop()`.
 */
export async function startCaptureServer() {
  const child: ChildProcess = spawn(process.execPath, ["e2e/support/resend-capture-server.mjs", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [firstLine] = (await once(child.stdout!, "data")) as [Buffer];
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(firstLine.toString())?.[0];
  if (!url) {
    child.kill();
    throw new Error(`capture server did not start: ${firstLine.toString()}`);
  }
  return {
    url,
    async setFault(mode: "none" | "error" | "timeout") {
      const response = await fetch(`${url}/__test/fault`, { method: "PUT", body: JSON.stringify({ mode }) });
      if (!response.ok) throw new Error(`could not set the fault: HTTP ${response.status}`);
    },
    async messagesTo(address: string): Promise<{ id: string; subject: string; text: string }[]> {
      return (await fetch(`${url}/__test/messages?to=${encodeURIComponent(address)}`)).json();
    },
    async stats(): Promise<{ accepted: number; refused: number; timedOut: number; duplicates: number }> {
      return (await fetch(`${url}/__test/stats`)).json();
    },
    async stop() {
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
