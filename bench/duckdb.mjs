// DuckDB writes the same table from the release's CSV as Parquet (zstd),
// timed, for comparison with our Parquet writer. Run from e2e/, whose
// node_modules has @duckdb/node-api: node ../bench/duckdb.mjs RELEASE_DIR TABLE
import { createRequire } from "node:module";
import { join } from "node:path";
import { statSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";

const { DuckDBInstance } = createRequire(join(process.cwd(), "package.json"))("@duckdb/node-api");
const [dir, table = "municipalities"] = process.argv.slice(2);
const csv = join(dir, table + ".csv");
const ours = join(dir, table + ".parquet");
const outDir = mkdtempSync(join(tmpdir(), "duckbench-"));
const q = (s) => "'" + s.replaceAll("'", "''") + "'";
const result = {};

for (const threads of [1, 0]) {
  const db = await DuckDBInstance.create(":memory:", threads ? { threads: String(threads) } : {});
  const c = await db.connect();
  const label = threads ? "threads=1" : "threads=default";
  // Column types from our Parquet file, so that DuckDB need not guess
  // (lists are read as text and split, as the CSV holds them).
  const cols = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${q(ours)})`)).getRowObjectsJson();
  const types = "{" + cols.map((r) => `${q(r.column_name)}: ${q(r.column_type.endsWith("[]") ? "VARCHAR" : r.column_type)}`).join(", ") + "}";
  const select = cols.map((r) => r.column_type.endsWith("[]")
    ? `CASE WHEN "${r.column_name}" IS NULL THEN []::VARCHAR[] ELSE string_split("${r.column_name}", ' ') END AS "${r.column_name}"`
    : `"${r.column_name}"`).join(", ");
  for (const [name, sql] of [
    ["typed", (out) => `COPY (SELECT ${select} FROM read_csv(${q(csv)}, header = true, columns = ${types})) TO ${q(out)} (FORMAT parquet, COMPRESSION zstd)`],
    ["sniffed", (out) => `COPY (SELECT * FROM read_csv(${q(csv)}, header = true)) TO ${q(out)} (FORMAT parquet, COMPRESSION zstd)`],
  ]) {
    const out = join(outDir, `${name}-${threads}.parquet`);
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await c.run(sql(out));
      runs.push((performance.now() - t0) / 1000);
    }
    result[`${label} ${name}`] = { best_seconds: Math.min(...runs), runs, bytes: statSync(out).size };
  }
  const [{ n }] = (await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet(${q(ours)})`)).getRowObjectsJson();
  result.rows = n;
  c.closeSync();
}
result.ours_bytes = statSync(ours).size;
console.log(JSON.stringify(result, null, 2));
