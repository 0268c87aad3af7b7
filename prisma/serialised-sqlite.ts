import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { Mutex } from "async-mutex";

/**
 * Prisma's better-sqlite3 adapter shares one connection between every query of the process, and takes its lock only
 * to start an interactive transaction. A plain query from another request, arriving while that transaction waits
 * on something, runs inside it: it sees the transaction's uncommitted writes, and is rolled back with it (a shopper
 * can force such a rollback, by changing their email to a taken address). And its BEGIN is deferred: a transaction
 * that reads first and writes later fails at once with SQLITE_BUSY_SNAPSHOT when another process (the external
 * worker, another server process) wrote in between, since the busy timeout can't help a reader turning writer.
 *
 * This wraps the adapter so that everything on the connection takes one lock: a plain query waits for an open
 * transaction to finish (better-sqlite3 runs each statement synchronously, so the wait is the only change), and a
 * transaction holds the lock from BEGIN to COMMIT or ROLLBACK. Transactions start with BEGIN IMMEDIATE, which takes
 * the database's write lock up front, waiting out other processes within the busy timeout instead of failing later.
 */
export function serialisedSqlite(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      return serialise(await factory.connect());
    },
  };
}

function serialise(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Mutex();
  const exclusive = <T>(work: () => Promise<T>) => lock.runExclusive(work);
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => exclusive(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => exclusive(() => adapter.executeRaw(query)),
    executeScript: (script: string) => exclusive(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => exclusive(() => adapter.dispose()),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
        // What the wrapped adapter answers too: SQLite transactions are serializable, and nothing else.
        return adapter.startTransaction(isolationLevel);
      }
      const release = await lock.acquire();
      try {
        await adapter.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] });
      } catch (error) {
        release();
        throw error;
      }
      // Prisma sends COMMIT or ROLLBACK through executeRaw itself (usePhantomQuery: false), then calls commit() or
      // rollback() to say the transaction is over: the moment to let the next query in.
      let open = true;
      const end = () => {
        if (open) release();
        open = false;
        return Promise.resolve();
      };
      const statement = (sql: string) => adapter.executeRaw({ sql, args: [], argTypes: [] }).then(() => undefined);
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query: SqlQuery) => adapter.queryRaw(query),
        executeRaw: (query: SqlQuery) => adapter.executeRaw(query),
        commit: end,
        // Prisma sends ROLLBACK first; this one is for a COMMIT that failed and left the transaction open (disk
        // full, I/O error), which the next query must not find itself inside. "No transaction is active" is fine.
        rollback: () => statement("ROLLBACK").catch(() => undefined).then(end),
        createSavepoint: (name: string) => statement(`SAVEPOINT ${name}`),
        rollbackToSavepoint: (name: string) => statement(`ROLLBACK TO ${name}`),
        releaseSavepoint: (name: string) => statement(`RELEASE SAVEPOINT ${name}`),
      };
    },
  };
}
