/**
 * Puts the bench peer's known users (../shared/bench-peer/lib/users.mjs) into a store's database as verified
 * customers, each with an argon2id hash of their own password made with the app's parameters.
 *
 * The peer harness seeds by signing users up in one request. Sign-up here is email-first (the address is proven by an
 * emailed link or code before any password is set), so scripts/bench/peer-adapter.mjs writes the accounts with this
 * script instead, and then signs each one in through the no-JS login form to prove they work.
 *
 *   node --import ./scripts/allow-server-only.mjs --import tsx scripts/bench/seed-known-users.ts <users.json>
 * with DATABASE_URL set; users.json holds [{ email, name, password }, …].
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { hash } from "@node-rs/argon2";
import { normaliseEmail } from "@/app/_lib/field-rules";
import { PASSWORD_HASH_OPTIONS } from "@/app/_server/auth/password-hash";
import { createDatabaseClient } from "@/prisma/client";
import { assertLocalDatabase } from "@/test/local-database";

type KnownUser = { email: string; name: string; password: string };

const usersFile = process.argv[2];
const databaseUrl = process.env.DATABASE_URL;
if (!usersFile || !databaseUrl) throw new Error("usage: DATABASE_URL=… seed-known-users.ts <users.json>");
assertLocalDatabase(databaseUrl);

const users = JSON.parse(readFileSync(usersFile, "utf8")) as KnownUser[];
const db = createDatabaseClient(databaseUrl);
const verifiedAt = new Date();
const BATCH = 500;
// argon2 runs on libuv's threads: one hash per core at a time keeps them all busy.
const hashesAtOnce = availableParallelism();

for (let start = 0; start < users.length; start += BATCH) {
  const batch = users.slice(start, start + BATCH);
  const hashes: string[] = new Array(batch.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: hashesAtOnce }, async () => {
      while (next < batch.length) {
        const index = next++;
        hashes[index] = await hash((batch[index] as KnownUser).password, PASSWORD_HASH_OPTIONS);
      }
    }),
  );
  await db.customer.createMany({
    data: batch.map((user, index) => ({
      email: normaliseEmail(user.email),
      name: user.name,
      passwordHash: hashes[index] as string,
      emailVerifiedAt: verifiedAt,
    })),
  });
}
await db.$disconnect();
process.stdout.write(`${users.length} customers\n`);
