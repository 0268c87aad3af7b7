import { afterAll } from "vitest";

// Each test file runs in its own worker with its own database client; close it so the worker can exit.
afterAll(async () => {
  const holder = globalThis as { __database?: { $disconnect(): Promise<void> } };
  await holder.__database?.$disconnect();
});
