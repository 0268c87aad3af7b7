// Derives prisma/postgresql/schema.prisma from the single source schema prisma/schema.prisma (SQLite).
// The derived file is generated on install and is not committed, so it can never drift from its source.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const source = readFileSync("prisma/schema.prisma", "utf8");
const derived = source
  .replace(/(datasource\s+\w+\s*\{[^}]*provider\s*=\s*)"sqlite"/s, '$1"postgresql"')
  .replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"generated\/sqlite"/s, '$1"../generated/postgresql"');
if (!derived.includes('provider = "postgresql"') || !derived.includes('"../generated/postgresql"')) {
  throw new Error("gen-pg-schema: prisma/schema.prisma no longer has the expected datasource/generator layout");
}
mkdirSync("prisma/postgresql", { recursive: true });
writeFileSync(
  "prisma/postgresql/schema.prisma",
  `// GENERATED from prisma/schema.prisma by scripts/gen-pg-schema.mjs. Do not edit.\n${derived}`,
);
