import path from "node:path";
import { defineConfig } from "vitest/config";
import { UNIT_DATABASE_URL } from "./test/databases.ts";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      // The core is marked `import "server-only"`, which throws outside Next's server bundles. Tests run it directly.
      { find: /^server-only$/, replacement: path.join(root, "test/server-only-stub.ts") },
      // Next's build supplies this module; outside it there is no page, so no page language.
      { find: /^next\/root-params$/, replacement: path.join(root, "test/root-params-stub.ts") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    include: ["app/**/*.test.ts", "i18n/**/*.test.ts", "messages/**/*.test.ts", "app/**/*.test.tsx", "emails/**/*.test.tsx", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    // A real database (a SQLite file, or PostgreSQL with TEST_DATABASE_URL), migrated from scratch by the global setup.
    env: {
      NODE_ENV: "test",
      DATABASE_URL: UNIT_DATABASE_URL,
      AUTH_SECRET: "unit-test-secret-unit-test-secret-0123456789",
      LOG_LEVEL: "silent",
    },
    testTimeout: 20_000,
  },
});
