// The service starts on the seed data and reports it.
import { test } from "node:test";
import assert from "node:assert/strict";

const base = process.env.E2E_BASE;

test("healthz and readyz report the seeded revision", async () => {
  for (const path of ["/healthz", "/readyz"]) {
    const res = await fetch(base + path);
    assert.equal(res.status, 200, path);
    const body = await res.json();
    assert.equal(body.status, "ok");
    assert.ok(body.revision >= 1, "seed loaded as a revision");
    assert.ok(body.records > 400, `seed records served, got ${body.records}`);
  }
});
