// Replicas (issue 14): two `movingcities serve` processes on one
// PostgreSQL database and one shared releases folder, as behind a reverse
// proxy. An import by a third process must be served by both within
// 2 s, and exactly one of them makes the release the folder was missing.
// e2e/run provides the PostgreSQL server (E2E_PG_SERVER, from .ci/run's
// throwaway cluster or one it starts itself).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFile } from "node:child_process";
import { promisify } from "node:util";
import { writeFileSync, mkdirSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const run = promisify(execFile);
const bin = process.env.E2E_BIN;
const server = process.env.E2E_PG_SERVER;
const work = join(process.env.E2E_WORK, "replicas");
mkdirSync(work, { recursive: true });
const releases = join(work, "releases");
const dbName = `e2e_replicas_${process.pid}`;

// withDatabase puts another database name in a postgres:// URL; the URL
// may have no host (a Unix socket given by ?host=), which URL() refuses.
function withDatabase(url, name) {
  const m = url.match(/^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/);
  assert.ok(m, `not a postgres:// URL: ${url}`);
  return `${m[1]}/${name}${m[3] ?? ""}`;
}

const psql = (sql) => run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server, "-c", sql]);

const dbURL = server && withDatabase(server, dbName);
const env = {
  ...process.env,
  MOVINGCITIES_DB: dbURL,
  MOVINGCITIES_DUMPS_DIR: releases,
  MOVINGCITIES_ADDR: "127.0.0.1:0",
  // Behind one proxy, replicas share the public base URI.
  MOVINGCITIES_BASE_URI: "http://replicas.test",
};

const replicas = [];

// start runs `serve` and resolves with its address and its log so far.
function start(name) {
  const proc = spawn(bin, ["serve"], { env, stdio: ["ignore", "ignore", "pipe"] });
  const r = { name, proc, log: "", addr: "" };
  replicas.push(r);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${r.log}`)), 20000);
    proc.stderr.on("data", (chunk) => {
      r.log += chunk;
      for (const line of r.log.split("\n")) {
        try {
          const rec = JSON.parse(line);
          if (rec.msg === "serving" && !r.addr) {
            r.addr = "http://" + rec.addr;
            clearTimeout(timer);
            resolve(r);
          }
        } catch {}
      }
    });
    proc.on("exit", (code) => reject(new Error(`${name} exited (${code}):\n${r.log}`)));
  });
}

const health = async (r) => (await fetch(r.addr + "/healthz")).json();

async function until(ms, what, check) {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

before(async () => {
  assert.ok(server, "E2E_PG_SERVER is not set: e2e/run starts PostgreSQL for this test");
  await psql(`CREATE DATABASE ${dbName}`);
  // Both at once: they migrate the schema and load the seed together.
  await Promise.all([start("replica A"), start("replica B")]);
});

after(async () => {
  await Promise.all(replicas.map((r) => new Promise((res) => {
    if (r.proc.exitCode !== null) return res();
    r.proc.on("exit", res);
    r.proc.kill();
  })));
  if (server) await psql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

test("both replicas serve the same revision of the seed", async () => {
  const [a, b] = await Promise.all(replicas.map(health));
  assert.equal(a.revision, b.revision);
  assert.equal(a.records, b.records);
  assert.ok(a.records > 400, `seed served, got ${a.records} records`);
  for (const r of replicas) {
    const ready = await (await fetch(r.addr + "/readyz")).json();
    assert.equal(ready.store, "up", r.name);
  }
});

test("exactly one replica makes the release the shared folder lacked", async () => {
  // Both found no release at start (a missed nightly run) and raced for
  // it: one took the release lock, the other skipped.
  await until(30000, "a release in the shared folder", async () => existsSync(join(releases, "latest")));
  await new Promise((res) => setTimeout(res, 1000));
  const made = readdirSync(releases).filter((n) => /^\d{4}-\d{2}-\d{2}-r\d+/.test(n));
  assert.equal(made.length, 1, `releases: ${made.join(", ")}`);
  const created = replicas.filter((r) => r.log.includes('"msg":"dump release created"'));
  assert.equal(created.length, 1, "replicas that made a release: " + created.map((r) => r.name).join(", "));
  // The other one, if it too found the run missed, was turned away by
  // the lock (or found the release made when it got it).
  const other = replicas.find((r) => r !== created[0]);
  if (other.log.includes("catching up")) assert.match(other.log, /dump skipped: another replica/);
});

test("an import through another process is served by both replicas within 2 s", async () => {
  const [a, b] = replicas;
  const before = (await health(b)).revision;
  const file = join(work, "import.json");
  writeFileSync(file, JSON.stringify({
    municipalities: [{
      id: "e2e-replica-town", names: { en: "Replica Town" }, country: "NL",
      coordinates: { lat: 52.0, lon: 5.1 }, featured: false, status: "active",
      sources: [{ url: "https://example.org/replica-town", accessed: "2026-12-05" }],
    }],
  }));
  const { stdout } = await run(bin, ["import", file], { env });
  assert.match(stdout, new RegExp(`revision ${before + 1}`));
  const elapsed = await until(2000, "the new record on both replicas", async () => {
    for (const r of [b, a]) {
      const res = await fetch(r.addr + "/municipalities/e2e-replica-town");
      if (res.status !== 200) return false;
      const rec = await res.json();
      if (rec.names.en !== "Replica Town") return false;
    }
    return true;
  });
  console.log(`# replica B served the import ${elapsed} ms after it committed`);
  assert.equal((await health(b)).revision, before + 1);
});
