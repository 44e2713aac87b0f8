// Triple Pattern Fragments (issue 21), judged by two independent SPARQL
// engines: every query of tpf/queries (the ones the /sparql page shows)
// runs in Comunica against the running server's /fragments and in
// Oxigraph over the N-Triples dump of the same revision, and both must
// give the same solutions. The fragments' blank nodes are skolem IRIs,
// so no query projects a blank node.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { QueryEngine } from "@comunica/query-sparql";
import oxigraph from "oxigraph";

const here = dirname(fileURLToPath(import.meta.url));
const base = process.env.E2E_BASE;
const bin = process.env.E2E_BIN;
const dumpsDir = join(process.env.E2E_WORK, "tpf-dumps");
const queriesDir = join(here, "..", "tpf", "queries");
const queries = readdirSync(queriesDir).filter((f) => f.endsWith(".rq")).sort()
  .map((name) => ({ name, text: readFileSync(join(queriesDir, name), "utf8") }));

let store, revision;

before(() => {
  const r = spawnSync(bin, ["dump", "--out", dumpsDir], { encoding: "utf8", env: process.env, timeout: 120_000 });
  assert.equal(r.status, 0, `movingcities dump failed: ${r.stdout}${r.stderr}`);
  const dir = join(dumpsDir, readlinkSync(join(dumpsDir, "latest")));
  revision = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).revision;
  store = new oxigraph.Store();
  store.load(gunzipSync(readFileSync(join(dir, "dataset.nt.gz"))).toString("utf8"), { format: "application/n-triples" });
});

// A term as a string both engines agree on: language tags compare
// without regard to case (RDF 1.1), and a blank node is only a blank node.
function termString(t) {
  if (!t) return "UNBOUND";
  switch (t.termType) {
    case "NamedNode": return `<${t.value}>`;
    case "BlankNode": return "_:";
    case "Literal":
      return JSON.stringify(t.value) + (t.language ? "@" + t.language.toLowerCase() : "^^" + t.datatype.value);
  }
  return `${t.termType}:${t.value}`;
}

// The projected variables of a SELECT query, in order.
function variables(text) {
  const m = text.match(/SELECT\s+(?:DISTINCT\s+)?([\s\S]*?)\s+WHERE/i);
  return [...m[1].matchAll(/\?(\w+)(?=\s*\)|\s|$)|AS\s+\?(\w+)/gi)].map((x) => x[2] ?? x[1])
    .filter((v, i, a) => a.indexOf(v) === i && !/\(\s*\?\w+\s*\)|COUNT/i.test(v));
}

function rows(solutions, vars, get) {
  return solutions.map((s) => vars.map((v) => `${v}=${termString(get(s, v))}`).join(" ")).sort();
}

test("the queries folder holds at least 10 queries, each with a question", () => {
  assert.ok(queries.length >= 10, `${queries.length} queries`);
  for (const q of queries) assert.match(q.text, /^# \S.*\?\n/, `${q.name}: first line is "# question?"`);
});

test("the fragments serve the dump's revision", async () => {
  const res = await fetch(`${base}/fragments`, { headers: { Accept: "application/trig" } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("etag"), new RegExp(`^W/"r${revision}-trig-`));
});

const engine = new QueryEngine();
for (const q of queries) {
  test(`${q.name}: Comunica over /fragments equals Oxigraph over the N-Triples dump`, async () => {
    const vars = variables(q.text);
    assert.ok(vars.length > 0, `${q.name}: no projected variables found`);
    const want = rows(store.query(q.text), vars, (s, v) => s.get(v));
    assert.ok(want.length > 0, `${q.name}: Oxigraph finds nothing, so the query tests nothing`);
    const bindings = await (await engine.queryBindings(q.text, { sources: [`${base}/fragments`], lenient: false })).toArray();
    const got = rows(bindings, vars, (s, v) => s.get(v));
    assert.deepEqual(got, want);
  });
}
