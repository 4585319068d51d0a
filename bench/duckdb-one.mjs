// One DuckDB statement in a fresh process, for compare.mjs (which times the process).
// Usage: node duckdb-one.mjs <threads> <sql>
import { DuckDBInstance } from '@duckdb/node-api';

const [threads, sql] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
await connection.run(sql);
connection.closeSync();
