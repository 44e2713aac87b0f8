// Editors (issue 13): a server of its own, on its own database, with two
// keys made by `movingcities keys create`. Authenticated writes, their
// conditions (401, 403, 428, 412), a write served by REST, Turtle (parsed
// with N3.js), HTML and the change feed within 2 s, renames (301),
// deletions (410), history and diffs, and the feed followed from a cursor
// across 1,000 writes without losing or repeating one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "n3";

const run = promisify(execFile);
const bin = process.env.E2E_BIN;
const work = join(process.env.E2E_WORK, "editors");
mkdirSync(work, { recursive: true });
const env = {
  ...process.env,
  MOVINGCITIES_DB: join(work, "editors.db"),
  MOVINGCITIES_DUMPS_DIR: join(work, "dumps"),
  MOVINGCITIES_ADDR: "127.0.0.1:0",
};
delete env.MOVINGCITIES_BASE_URI;

let server, base, editorKey, adminKey;
let serverLog = "";

async function makeKey(name, role) {
  const { stdout } = await run(bin, ["keys", "create", "--name", name, "--role", role], { env });
  return stdout.trim();
}

before(async () => {
  editorKey = await makeKey("erika", "editor");
  adminKey = await makeKey("adam", "admin");
  server = spawn(bin, ["serve"], { env, stdio: ["ignore", "ignore", "pipe"] });
  base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not say where it listens:\n" + serverLog)), 10000);
    server.stderr.on("data", (chunk) => {
      serverLog += chunk;
      for (const line of serverLog.split("\n")) {
        try {
          const rec = JSON.parse(line);
          if (rec.msg === "serving") {
            clearTimeout(timer);
            resolve(rec.base_uri);
          }
        } catch {}
      }
    });
    server.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${serverLog}`)));
  });
});

after(() => server?.kill());

// send makes a request with a key (null: none) and a JSON body.
async function send(method, path, { key = null, body, headers = {} } = {}) {
  const h = { ...headers };
  if (key) h.authorization = `Bearer ${key}`;
  if (body !== undefined) h["content-type"] ??= "application/json";
  return fetch(base + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function etag(path) {
  const res = await fetch(base + path + ".json");
  assert.equal(res.status, 200, path);
  await res.arrayBuffer();
  return res.headers.get("etag");
}

async function expectProblem(res, status, what) {
  assert.equal(res.status, status, `${what}: ${res.status} ${await res.clone().text()}`);
  assert.equal(res.headers.get("content-type"), "application/problem+json", what);
  const p = await res.json();
  assert.equal(p.status, status, what);
  return p;
}

async function until(ms, what, check) {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test("no key answers 401 with a challenge; a wrong role 403; reads stay public", async () => {
  const none = await send("POST", "/networks", { body: { id: "x-net", names: { en: "X" }, scope: "national" } });
  await expectProblem(none, 401, "no key");
  assert.match(none.headers.get("www-authenticate"), /^Bearer realm="movingcities"/);
  const wrong = await send("POST", "/networks", { key: "mck_wrong", body: { id: "x-net", names: { en: "X" }, scope: "national" } });
  await expectProblem(wrong, 401, "unknown key");
  assert.match(wrong.headers.get("www-authenticate"), /error="invalid_token"/);
  const tag = await etag("/memberships/a-coruna-ciudades-refugio");
  await expectProblem(await send("DELETE", "/memberships/a-coruna-ciudades-refugio", { key: editorKey, headers: { "if-match": tag } }), 403, "editor deletes");
  assert.equal((await fetch(base + "/municipalities/a-coruna")).status, 200);
});

test("a write needs the current ETag: 428 without, 412 when stale", async () => {
  const path = "/municipalities/a-coruna";
  const patch = (headers) => send("PATCH", path, { key: editorKey, body: { featured: true }, headers: { "content-type": "application/merge-patch+json", ...headers } });
  const missing = await expectProblem(await patch({}), 428, "no If-Match");
  assert.ok(missing.errors.some((e) => e.location === "header.If-Match"));
  await expectProblem(await patch({ "if-match": '"0000"' }), 412, "stale If-Match");
  const old = await etag(path);
  const ok = await patch({ "if-match": old });
  assert.equal(ok.status, 200, await ok.clone().text());
  await expectProblem(await patch({ "if-match": old }), 412, "the ETag before the write");
});

test("a write is served by REST, Turtle, HTML and the feed within 2 s", async () => {
  const path = "/municipalities/a-coruna";
  const summary = `Edited end to end at ${Date.now()}.`;
  const started = Date.now();
  const res = await send("PATCH", path + "?message=" + encodeURIComponent("e2e visibility"), {
    key: editorKey, body: { summary: { en: summary } }, headers: { "if-match": await etag(path), "content-type": "application/merge-patch+json" },
  });
  assert.equal(res.status, 200, await res.clone().text());
  const { revision } = await res.json();
  const ms = await until(2000, "the write in every output", async () => {
    const doc = await (await fetch(base + path + ".json")).json();
    if (doc.summary?.en !== summary) return false;
    const quads = new Parser({ baseIRI: base }).parse(await (await fetch(base + path + ".ttl")).text());
    if (!quads.some((q) => q.object.termType === "Literal" && q.object.value === summary)) return false;
    if (!(await (await fetch(base + path + ".html")).text()).includes(summary)) return false;
    const feed = await (await fetch(`${base}/changes?after=${revision - 1}`)).json();
    return feed.items[0]?.revision === revision && feed.items[0].records.some((r) => r.id === "a-coruna" && r.document === base + path);
  });
  console.log(`write served everywhere ${Date.now() - started} ms after it was sent (${ms} ms after its answer)`);
});

test("a rename answers 301 and a delete 410", async () => {
  const created = await send("POST", "/networks", { key: editorKey, body: { id: "e2e-network", names: { en: "E2E network" }, scope: "european" } });
  assert.equal(created.status, 201, await created.clone().text());
  assert.equal(created.headers.get("location"), base + "/networks/e2e-network");
  const renamed = await send("POST", "/networks/e2e-network/rename", { key: adminKey, body: { to: "e2e-network-renamed", reason: "clearer" }, headers: { "if-match": await etag("/networks/e2e-network") } });
  assert.equal(renamed.status, 200, await renamed.clone().text());
  const moved = await fetch(base + "/networks/e2e-network", { redirect: "manual" });
  assert.equal(moved.status, 301);
  assert.equal(moved.headers.get("location"), base + "/networks/e2e-network-renamed");
  const deleted = await send("DELETE", "/networks/e2e-network-renamed?reason=" + encodeURIComponent("created by a test"), { key: adminKey, headers: { "if-match": await etag("/networks/e2e-network-renamed") } });
  assert.equal(deleted.status, 200, await deleted.clone().text());
  const gone = await fetch(base + "/networks/e2e-network-renamed.jsonld");
  assert.equal(gone.status, 410);
  assert.match(await gone.text(), /created by a test/);
  // Refused writes write nothing.
  const tag = await etag("/municipalities/a-coruna");
  await expectProblem(await send("DELETE", "/municipalities/a-coruna", { key: adminKey, headers: { "if-match": tag } }), 409, "delete of a record others point to");
  await expectProblem(await send("POST", "/municipalities/a-coruna/rename", { key: adminKey, body: { to: "barcelona" }, headers: { "if-match": tag } }), 409, "rename onto an existing ID");
  const bad = await expectProblem(await send("POST", "/networks", { key: editorKey, body: { id: "Bad ID", names: { en: "X" }, scope: "galactic", colour: "red" } }), 422, "unknown field");
  assert.match(JSON.stringify(bad), /colour/);
  assert.equal(await etag("/municipalities/a-coruna"), tag);
});

test("an edited record has a history, a diff and its earlier versions", async () => {
  const path = "/categories/collaboration-civil-society";
  for (const label of ["History one", "History two"]) {
    const res = await send("PATCH", path + "?message=" + encodeURIComponent(label), { key: editorKey, body: { labels: { en: label } }, headers: { "if-match": await etag(path) } });
    assert.equal(res.status, 200, await res.clone().text());
  }
  const history = await (await fetch(base + path + "/history")).json();
  const last = history.versions.at(-1), prev = history.versions.at(-2);
  assert.equal(last.message, "History two");
  assert.equal(last.author, "erika");
  assert.match(last.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, "whole seconds, UTC");
  const diff = await (await fetch(last.diff)).json();
  const change = diff.changes.find((c) => c.id === "collaboration-civil-society");
  assert.equal(change.before.labels.en, "History one");
  assert.equal(change.after.labels.en, "History two");
  const earlier = await (await fetch(prev.document)).json();
  assert.equal(earlier.labels.en, "History one");
  assert.equal((await (await fetch(base + path + ".json")).json()).labels.en, "History two");
});

test("the feed, resumed from a cursor, loses nothing across 1,000 writes", async () => {
  const cursor = (await (await fetch(base + "/changes?limit=1")).json()).latest;
  const want = new Set();
  // 600 single writes, four at a time, and 400 in eight batches.
  const singles = Array.from({ length: 600 }, (_, i) => `feed-single-${i}`);
  let started = Date.now();
  for (let i = 0; i < singles.length; i += 4) {
    await Promise.all(singles.slice(i, i + 4).map(async (id) => {
      const res = await send("POST", "/networks", { key: editorKey, body: { id, names: { en: id }, scope: "national" } });
      assert.equal(res.status, 201, await res.clone().text());
      want.add(id);
    }));
  }
  const singleMs = Date.now() - started;
  started = Date.now();
  for (let b = 0; b < 8; b++) {
    const ops = Array.from({ length: 50 }, (_, i) => ({ op: "create", type: "network", record: { id: `feed-batch-${b}-${i}`, names: { en: "B" }, scope: "national" } }));
    const res = await send("POST", "/revisions", { key: editorKey, body: { message: `batch ${b}`, ops } });
    assert.equal(res.status, 200, await res.clone().text());
    ops.forEach((o) => want.add(o.record.id));
  }
  console.log(`600 single writes: ${singleMs} ms; 8 batches of 50: ${Date.now() - started} ms`);
  // Follow the feed in small pages, "disconnecting" after each and
  // resuming from the last revision seen.
  const seen = [];
  let after = cursor, revisions = [];
  for (;;) {
    const page = await (await fetch(`${base}/changes?after=${after}&limit=37`)).json();
    if (page.items.length === 0) break;
    for (const item of page.items) {
      revisions.push(item.revision);
      for (const r of item.records) if (r.id.startsWith("feed-")) seen.push(r.id);
    }
    after = page.items.at(-1).revision;
    assert.equal(page.next, `${base}/changes?after=${after}&limit=37`);
  }
  assert.equal(seen.length, 1000, "every write once");
  assert.deepEqual(new Set(seen), want);
  assert.equal(revisions.length, 608);
  revisions.forEach((r, i) => assert.equal(r, cursor + 1 + i, "revisions without gaps"));
  // The Atom feed names the latest revisions too.
  const atom = await fetch(base + "/changes.atom");
  assert.match(atom.headers.get("content-type"), /^application\/atom\+xml/);
  const xml = await atom.text();
  assert.match(xml, new RegExp(`<id>${base}/revisions/${revisions.at(-1)}</id>`));
});

test("a proposal is accepted into a revision, another rejected", async () => {
  const propose = async (body) => {
    const res = await send("POST", "/proposals", { body });
    assert.equal(res.status, 202, await res.clone().text());
    return res.json();
  };
  const city = await propose({
    kind: "city", text: "Proposed by an e2e test.", source: "https://example.org/e2e-proposal",
    ops: [{ op: "create", type: "municipality", record: { id: "e2e-proposed-town", names: { en: "E2E Proposed Town" }, country: "GR", status: "active" } }],
  });
  const wrong = await propose({ kind: "correction", text: "A correction without grounds.", source: "https://example.org/e2e-wrong" });
  // Never published before acceptance.
  assert.equal((await fetch(base + "/municipalities/e2e-proposed-town")).status, 404);
  assert.ok(!(await (await fetch(city.url)).text()).includes("E2E Proposed Town"));
  assert.equal((await send("GET", "/proposals")).status, 401);
  const queue = await (await send("GET", "/proposals", { key: editorKey })).json();
  assert.deepEqual(queue.map((p) => p.id).sort(), [city.id, wrong.id].sort());

  const accepted = await send("POST", `/proposals/${city.id}/accept`, { key: editorKey, body: { message: "source checked" } });
  assert.equal(accepted.status, 200, await accepted.clone().text());
  const rejected = await send("POST", `/proposals/${wrong.id}/reject`, { key: editorKey, body: { reason: "The source does not show it." } });
  assert.equal(rejected.status, 200, await rejected.clone().text());

  const cityStatus = await (await fetch(city.url)).json();
  assert.equal(cityStatus.status, "accepted");
  const revision = await (await fetch(cityStatus.revision_url)).json();
  assert.match(revision.message, new RegExp(`Proposal ${city.id} accepted`));
  assert.equal(revision.author, "erika");
  assert.ok(revision.changes.some((c) => c.id === "e2e-proposed-town" && c.change === "added"));
  assert.equal((await fetch(base + "/municipalities/e2e-proposed-town")).status, 200);
  const wrongStatus = await (await fetch(wrong.url)).json();
  assert.equal(wrongStatus.status, "rejected");
  assert.equal(wrongStatus.reason, "The source does not show it.");
  // The page form, for people.
  const page = await fetch(base + "/propose");
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<form method="post" action="\/propose">/);
});
