// The example SPARQL queries (tpf/queries) timed two ways in the same
// run: Comunica over the running server's /fragments (live, pattern by
// pattern over HTTP) and, as the baseline, Oxigraph in memory over the
// N-Triples dump of the same revision. Prints one JSON object. Run from
// e2e/, whose node_modules has both:
//   node ../bench/tpf.mjs BASE DATASET_NT_GZ ROUNDS TIMEOUT_SECONDS
import { createRequire } from "node:module";
import { join } from "node:path";
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const require = createRequire(join(process.cwd(), "package.json"));
const { QueryEngine } = require("@comunica/query-sparql");
const oxigraph = require("oxigraph");
const [base, dump, roundsArg = "3", timeoutArg = "600"] = process.argv.slice(2);
const rounds = Number(roundsArg), timeout = Number(timeoutArg) * 1000;
const dir = join(process.cwd(), "..", "tpf", "queries");
const queries = readdirSync(dir).filter((f) => f.endsWith(".rq")).sort()
  .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));

const store = new oxigraph.Store();
store.load(gunzipSync(readFileSync(dump)).toString("utf8"), { format: "application/n-triples" });

const p = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * q / 100))]; };
const out = { base, rounds, triples: store.size, queries: {} };
const live = [], dumped = [];
let requests = 0;
const counting = (input, init) => { requests++; return fetch(input, init); };
for (const q of queries) {
  const r = out.queries[q.name] = { comunica_ms: [], oxigraph_ms: [], requests: 0 };
  for (let i = 0; i < rounds; i++) {
    let t0 = performance.now();
    const want = store.query(q.text).length;
    r.oxigraph_ms.push(performance.now() - t0);
    const before = requests;
    t0 = performance.now();
    const engine = new QueryEngine(); // no cache carried over between runs
    const run = engine.queryBindings(q.text, { sources: [`${base}/fragments`], fetch: counting })
      .then((bs) => bs.toArray());
    const got = await Promise.race([run, new Promise((res) => setTimeout(() => res(null), timeout))]);
    if (got === null) { r.timeout = true; r.comunica_ms.push(Infinity); break; }
    r.comunica_ms.push(performance.now() - t0);
    r.requests = requests - before;
    r.rows = got.length;
    if (got.length !== want) r.mismatch = `${got.length} rows, Oxigraph ${want}`;
  }
  live.push(...r.comunica_ms);
  dumped.push(...r.oxigraph_ms);
  process.stderr.write(`${q.name}: Comunica ${r.comunica_ms.map((x) => x.toFixed(0)).join(", ")} ms (${r.requests} requests), Oxigraph ${r.oxigraph_ms.map((x) => x.toFixed(1)).join(", ")} ms\n`);
}
out.comunica_p99_ms = p(live, 99);
out.comunica_p50_ms = p(live, 50);
out.oxigraph_p99_ms = p(dumped, 99);
out.oxigraph_p50_ms = p(dumped, 50);
out.x_oxigraph_p99 = out.comunica_p99_ms / out.oxigraph_p99_ms;
console.log(JSON.stringify(out));
