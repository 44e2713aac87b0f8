// Living data: a running server follows the store. A second server, on
// its own database and dumps folder (the other suites keep the seed),
// is started without --base-uri on a port the system picks; an import by
// another process must show in REST, Turtle, HTML and /healthz within
// 2 s with no restart, and the next dump must hold it and be served as
// the latest release, unless it was made under another base URI.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "n3";
import { bin, workDir, serverEnv, startServer, stopServer, until } from "./lib/server.mjs";

const run = promisify(execFile);
const work = workDir("living");
const env = serverEnv(work, "living.db");

let server, base;

before(async () => {
  server = await startServer(env);
  base = server.base;
  // A server with no release catches up on the missed nightly run at
  // once: let it finish, so that the releases below are the tests' own.
  await until(20000, "the catch-up release at start", async () => (await json("/healthz")).release !== undefined);
});

after(() => stopServer(server));

const json = async (path) => {
  const res = await fetch(base + path);
  assert.equal(res.status, 200, path);
  return res.json();
};

test("the base URI follows the address the server listens on", async () => {
  assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(new URL(base).port, "0");
  const page = await json("/municipalities?limit=1");
  assert.ok(page.next.startsWith(base + "/municipalities?"), page.next);
  assert.equal(page.items[0].iri, `${base}/id/municipality/${page.items[0].id}`);
  const ctx = await fetch(base + "/municipalities/munich");
  assert.match(ctx.headers.get("link"), new RegExp(`<${base}/context.jsonld>`));
});

test("an import by another process is served within 2 s, in every form", async () => {
  const before = (await json("/healthz")).revision;
  const file = join(work, "import.json");
  writeFileSync(file, JSON.stringify({
    municipalities: [{
      id: "e2e-living-town", names: { en: "Living Town", de: "Lebendige Stadt" }, country: "DE",
      coordinates: { lat: 52.1, lon: 11.6 }, featured: false, status: "active",
      sources: [{ url: "https://example.org/living-town", accessed: "2026-12-05" }],
    }],
  }));
  await run(bin, ["import", file], { env });
  const elapsed = await until(2000, "the new record in every output", async () => {
    const health = await (await fetch(base + "/healthz")).json();
    if (health.revision <= before) return false;
    const rest = await fetch(base + "/municipalities/e2e-living-town");
    const ttl = await fetch(base + "/municipalities/e2e-living-town.ttl");
    const html = await fetch(base + "/municipalities/e2e-living-town", { headers: { accept: "text/html" } });
    const list = await (await fetch(base + "/municipalities?q=lebendige")).json();
    return rest.status === 200 && ttl.status === 200 && html.status === 200 && list.total === 1 &&
      (await html.text()).includes("Living Town") &&
      new Parser().parse(await ttl.text()).some((q) => q.object.value === "Living Town");
  });
  console.log(`# the import was served after ${elapsed} ms`);
});

test("the next dump holds the record and is served as the latest release", async () => {
  const health = await json("/healthz");
  await run(bin, ["dump"], { env: { ...env, MOVINGCITIES_BASE_URI: base } });
  await until(15000, "the new release served as the latest", async () => {
    const h = await (await fetch(base + "/healthz")).json();
    return h.release && h.release !== health.release;
  });
  const manifest = await json("/dumps/latest/manifest.json");
  assert.equal(manifest.base_uri, base);
  assert.equal(manifest.revision, health.revision);
  const csv = await (await fetch(base + "/dumps/latest/municipalities.csv")).text();
  assert.ok(csv.includes("e2e-living-town"), "the release holds the imported record");
  const index = await json("/dumps");
  assert.equal(index.latest, manifest.release);
  // Its change list says what the change feed says of the same revisions.
  const changes = await json("/dumps/latest/changes.json");
  assert.equal(changes.source, "history");
  assert.equal(changes.revision, manifest.revision);
  assert.equal(changes.feed, `${base}/changes?after=${changes.previous_revision}`);
  assert.deepEqual(changes.added, { municipality: ["e2e-living-town"] });
  assert.deepEqual([changes.changed, changes.retired], [{}, {}]);
  const feed = await json(`/changes?after=${changes.previous_revision}&limit=1000`);
  const named = feed.items.filter((r) => r.revision <= changes.revision).flatMap((r) => r.records.map((x) => `${x.change} ${x.type}/${x.id}`));
  assert.deepEqual(named, ["added municipality/e2e-living-town"]);
});

test("a release made under another base URI is not served as the latest", async () => {
  const served = (await json("/healthz")).release;
  await run(bin, ["dump", "--base-uri", "https://elsewhere.example"], { env });
  const latest = readFileSync(join(work, "dumps", "latest", "manifest.json"), "utf8");
  assert.equal(JSON.parse(latest).base_uri, "https://elsewhere.example", "the folder's latest is the other base's");
  await new Promise((r) => setTimeout(r, 6000)); // beyond the publisher's look at the folder
  assert.equal((await json("/healthz")).release, served);
  assert.equal((await json("/dumps/latest/manifest.json")).base_uri, base);
});
