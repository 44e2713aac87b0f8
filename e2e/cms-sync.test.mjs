// The sync from the platform's CMS (issue 15), end to end: a small
// fixture server answers as Strapi v4's REST API does, from the Go
// tests' fixture (cms/testdata/strapi.json), paginated; `movingcities
// sync cms` run by another process lands in a running server as one
// revision, a second run changes nothing, an entry deleted in the CMS
// answers 410 and answers 200 again when it comes back, and a CMS that
// answers 500 changes nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { bin, workDir, serverEnv, startServer, stopServer, until } from "./lib/server.mjs";

const run = promisify(execFile);
const work = workDir("cms-sync");
const env = serverEnv(work, "cms.db");
const fixture = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "cms", "testdata", "strapi.json"), "utf8"));

let server, cms, cmsURL;
let broken = false;

before(async () => {
  cms = createServer((req, res) => {
    const url = new URL(req.url, "http://cms");
    const all = fixture[url.pathname.replace(/^\/api\//, "")];
    if (broken || !all || url.searchParams.get("locale") !== "all") {
      res.writeHead(broken ? 500 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: null, error: { status: broken ? 500 : 404, name: broken ? "InternalServerError" : "NotFoundError", message: "no" } }));
      return;
    }
    const page = Number(url.searchParams.get("pagination[page]") || 1);
    const size = Number(url.searchParams.get("pagination[pageSize]") || 25);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({
      data: all.slice((page - 1) * size, page * size),
      meta: { pagination: { page, pageSize: size, pageCount: Math.ceil(all.length / size), total: all.length } },
    }));
  });
  await new Promise((r) => cms.listen(0, "127.0.0.1", r));
  cmsURL = `http://127.0.0.1:${cms.address().port}`;
  server = await startServer(env, { name: "the CMS sync's server" });
});

after(async () => {
  await stopServer(server);
  await new Promise((r) => cms.close(r));
});

const sync = (...args) => run(bin, ["sync", "cms", "--url", cmsURL, ...args], { env });
const revision = async () => (await (await fetch(server.base + "/healthz")).json()).revision;

test("a sync is one revision the running server serves, and a second changes nothing", async () => {
  const before = await revision();
  const dry = await sync("--dry-run");
  assert.match(dry.stdout, /added {4}municipality neustadt/);
  assert.match(dry.stdout, /municipality berlin:\n(?: {2}.*\n)*? {2}coordinates\.lat: 52\.5167 → 52\.52\n/);
  assert.match(dry.stdout, /municipality berlin:\n(?: {2}.*\n)*? {2}subtitle\.en: "[^"\n]*" → "A safe harbour"\n/);
  assert.equal(await revision(), before, "a dry run wrote");

  const { stdout } = await sync("--message", "e2e sync");
  // Changed: the three countries (now sourced from the CMS), a category,
  // a network, three cities and an approach.
  assert.match(stdout, /imported: 6 added, 9 changed, 0 retired; now at revision/);
  await until(5000, "the synced city served", async () => (await fetch(server.base + "/municipalities/neustadt")).status === 200);
  const neustadt = await (await fetch(server.base + "/municipalities/neustadt")).json();
  assert.deepEqual(neustadt.names, { en: "Neustadt an der Weinstraße" });
  assert.equal(neustadt.country, "DE");
  const berlin = await (await fetch(server.base + "/municipalities/berlin")).json();
  assert.deepEqual(berlin.names, { de: "Berlin", en: "Berlin", pl: "Berlin" });
  // The approach's short title and the country's political context, in
  // each locale the fixture gives them, as the platform's wording.
  const entry = (type, slug, locale) => fixture[type].find((e) => e.attributes.slug === slug && e.attributes.locale === locale).attributes;
  const germany = await (await fetch(server.base + "/countries/DE")).json();
  for (const l of ["en", "de"]) {
    assert.equal(germany.political_context[l], entry("countries", "germany", l).content.map((b) => b.content).join("\n\n"));
    assert.equal(germany.political_context_origin[l], "platform");
  }
  // Quotes and sections of the dynamic zone, per locale, in its order;
  // other blocks (media) are passed over.
  const blocks = (zone, l) => zone.filter((b) => b.__component === "blocks.quote" || b.__component === "blocks.section")
    .map((b, i) => b.__component === "blocks.quote"
      ? { lang: l, position: i + 1, kind: "quote", text: b.content, author: b.author }
      : { lang: l, position: i + 1, kind: "section", title: b.title, text: b.content.content });
  for (const l of ["en", "de"]) {
    assert.deepEqual(berlin.blocks.filter((b) => b.lang === l), blocks(entry("cities", "berlin", l).content, l));
  }
  const harbours = await (await fetch(server.base + "/approaches/open-harbors")).json();
  for (const l of ["en", "it"]) {
    assert.deepEqual(harbours.blocks.filter((b) => b.lang === l), blocks(entry("approaches", "open-harbors", l).content, l));
  }
  for (const l of ["en", "it"]) {
    assert.equal(harbours.short_title[l], entry("approaches", "open-harbors", l).title_short);
    assert.equal(harbours.short_title_origin[l], "platform");
  }
  // The city page shows what the platform's case study shows: tagline,
  // takeaways, reasoning, the section and the quote with its author, and
  // the report's link.
  const page = await (await fetch(server.base + "/municipalities/berlin?lang=en", { headers: { accept: "text/html" } })).text();
  const en = entry("cities", "berlin", "en");
  for (const want of [
    en.subtitle,
    "Berlin offers to take in people rescued at sea.",
    "The city <strong>funds</strong> reception beyond its quota.",
    "Berlin wants to take in <strong>more</strong> people than it is assigned.",
    "<h3>A city that offers more</h3>",
    "<blockquote><p>We have room, and we have the will.</p></blockquote>\n<figcaption>Member of the Berlin senate</figcaption>",
    en.report.title,
  ]) {
    assert.ok(page.includes(want), `Berlin's page lacks ${JSON.stringify(want)}`);
  }
  assert.match(page, /<a [^>]*href="[^"]*\/uploads\/berlin_report_en\.pdf"/);
  assert.equal(await revision(), before + 1);

  const again = await sync();
  assert.match(again.stdout, /^no changes \(revision \d+\)$/m);
  assert.equal(await revision(), before + 1);
});

test("a CMS that answers 500 changes nothing", async () => {
  const before = await revision();
  broken = true;
  try {
    await assert.rejects(sync(), (err) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /HTTP 500: InternalServerError: no/);
      assert.match(err.stderr, /nothing changed/);
      return true;
    });
  } finally {
    broken = false;
  }
  assert.equal(await revision(), before);
});

test("an entry deleted in the CMS answers 410, and 200 again when it comes back", async () => {
  const { cities, approaches } = fixture;
  fixture.cities = cities.filter((e) => e.id !== 36);
  fixture.approaches = approaches.filter((e) => e.id !== 42 && e.id !== 43);
  const { stdout } = await sync();
  assert.match(stdout, /retired {2}municipality neustadt/);
  await until(5000, "the tombstone served", async () => (await fetch(server.base + "/municipalities/neustadt")).status === 410);
  const gone = await fetch(server.base + "/municipalities/neustadt.jsonld");
  assert.equal(gone.status, 410);
  assert.match(await gone.text(), /removed from the Moving Cities CMS/);

  fixture.cities = cities;
  fixture.approaches = approaches;
  const back = await sync("--message", "neustadt is back");
  assert.match(back.stdout, /restored municipality neustadt/);
  assert.match(back.stdout, /imported: 0 added, 0 changed, 0 retired, 3 restored; now at revision/);
  await until(5000, "the restored city served", async () => (await fetch(server.base + "/municipalities/neustadt")).status === 200);
  const neustadt = await (await fetch(server.base + "/municipalities/neustadt")).json();
  assert.deepEqual(neustadt.names, { en: "Neustadt an der Weinstraße" });
  const history = await (await fetch(server.base + "/municipalities/neustadt/history")).json();
  assert.deepEqual(history.versions.map((v) => v.change), ["added", "retired", "restored"]);
  assert.equal(history.versions.at(-1).message, "neustadt is back");
  assert.match((await sync()).stdout, /^no changes \(revision \d+\)$/m);
});
