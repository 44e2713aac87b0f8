// Shared helpers of the e2e test files that run `movingcities serve`
// themselves: its environment, starting it, and polling until a
// condition holds.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const bin = process.env.E2E_BIN;

// workDir is the test file's own folder under the run's work folder.
export function workDir(name) {
  const dir = join(process.env.E2E_WORK, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// serverEnv is the environment of a server on its own SQLite database in
// work, listening on a free port, whose base URI follows that port.
export function serverEnv(work, db) {
  const env = {
    ...process.env,
    MOVINGCITIES_DB: join(work, db),
    MOVINGCITIES_DUMPS_DIR: join(work, "dumps"),
    MOVINGCITIES_ADDR: "127.0.0.1:0",
  };
  delete env.MOVINGCITIES_BASE_URI;
  return env;
}

// startServer runs `serve` with env and resolves, once it logs that it
// is serving, with { name, proc, base, addr, log }: base is its base
// URI, addr "http://" and the address it listens on, and log its
// standard error so far (it keeps growing). A server that exits or does
// not start within timeout ms rejects, and is not left running.
export function startServer(env, { name = "the server", timeout = 10000 } = {}) {
  const proc = spawn(bin, ["serve"], { env, stdio: ["ignore", "ignore", "pipe"] });
  const s = { name, proc, base: "", addr: "", log: "" };
  return new Promise((resolve, reject) => {
    // A server that does not start is stopped, so that no test leaves
    // one behind.
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`${name} did not say where it listens:\n${s.log}`));
    }, timeout);
    proc.stderr.on("data", (chunk) => {
      s.log += chunk;
      if (s.addr) return;
      for (const line of s.log.split("\n")) {
        try {
          const rec = JSON.parse(line);
          if (rec.msg === "serving") {
            s.base = rec.base_uri;
            s.addr = "http://" + rec.addr;
            clearTimeout(timer);
            resolve(s);
            return;
          }
        } catch {}
      }
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}):\n${s.log}`));
    });
  });
}

// stopServer kills the server and resolves when it has exited.
export function stopServer(s) {
  if (!s) return Promise.resolve();
  return new Promise((resolve) => {
    if (s.proc.exitCode !== null || s.proc.signalCode !== null) return resolve();
    s.proc.on("exit", resolve);
    s.proc.kill();
  });
}

// until polls check every `every` ms until it holds, and returns how
// long that took; it fails the test after ms.
export async function until(ms, what, check, every = 50) {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, every));
  }
}
