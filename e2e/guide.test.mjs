// The guide and the city profiles as PDF (issue 20), judged by poppler
// (Debian poppler-utils): `movingcities dump` makes a release into the
// folder the server serves; /guide offers its guides, which are fetched
// over HTTP. pdftotext extracts the text of every guide and of a sample of
// profiles (from the release's book of profiles and from the service), in
// which the names the API gives must be found, in all seven languages,
// Greek and Polish letters included; pdfinfo shows title, page count and,
// from the XMP metadata, the language; pdftoppm renders the first pages
// of each guide to PNG in the screenshot folder ($E2E_SCREENSHOTS, else
// $E2E_WORK/screenshots), and a greyscale rendering of the cover shows
// the map. Chromium prints a municipality page with the print stylesheet
// to PDF, which must show the record without the site's navigation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.E2E_BASE;
const bin = process.env.E2E_BIN;
const work = process.env.E2E_WORK ?? mkdtempSync(join(tmpdir(), "guide-e2e-"));
const dumpsDir = process.env.MOVINGCITIES_DUMPS_DIR || join(work, "dumps");
const shots = process.env.E2E_SCREENSHOTS ?? join(work, "screenshots");
const pdfs = join(work, "guide-pdfs");
mkdirSync(shots, { recursive: true });
mkdirSync(pdfs, { recursive: true });

const langs = ["en", "de", "es", "fr", "el", "it", "pl"];
// The guide's title in each language, as the guide package writes it.
const titles = {
  en: "Guide to solidarity-based municipalities", de: "Leitfaden für solidarische Kommunen",
  es: "Guía de municipios solidarios", fr: "Guide des communes solidaires",
  el: "Οδηγός για αλληλέγγυους δήμους", it: "Guida ai comuni solidali", pl: "Przewodnik po solidarnych gminach",
};
// "Page i of n" in each language.
const pageOf = {
  en: (i, n) => `Page ${i} of ${n}`, de: (i, n) => `Seite ${i} von ${n}`, es: (i, n) => `Página ${i} de ${n}`,
  fr: (i, n) => `Page ${i} sur ${n}`, el: (i, n) => `Σελίδα ${i} από ${n}`, it: (i, n) => `Pagina ${i} di ${n}`,
  pl: (i, n) => `Strona ${i} z ${n}`,
};
const greek = /[\u0370-\u03ff]/;
const polish = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, timeout: 120_000, ...opts });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

// text is pdftotext's text of file (pages first..last), whitespace
// collapsed: a name may wrap.
const text = (file, first, last) =>
  run("pdftotext", ["-enc", "UTF-8", ...(first ? ["-f", String(first), "-l", String(last ?? first)] : []), file, "-"]).replace(/\s+/g, " ");

function info(file) {
  const out = run("pdfinfo", ["-enc", "UTF-8", file]);
  const field = (k) => out.match(new RegExp(`^${k}:\\s+(.*)$`, "m"))?.[1];
  return { title: field("Title"), author: field("Author"), pages: Number(field("Pages")), meta: run("pdfinfo", ["-meta", file]) };
}

async function get(path, headers = {}) {
  const res = await fetch(base + path, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body };
}

async function walk(path) {
  const items = [];
  let url = base + path;
  while (url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    assert.equal(res.status, 200, url);
    const body = await res.json();
    items.push(...body.items);
    url = body.next ? new URL(body.next, base).href : null;
  }
  return items;
}

// nameIn is the name the guide prints for a thing in lang.
const nameIn = (names, lang) => names[lang] || names.en || names[Object.keys(names).sort()[0]];

let release, guides, municipalities, networks, memberships, approaches;

before(async () => {
  const r = spawnSync(bin, ["dump", "--out", dumpsDir], { encoding: "utf8", env: process.env, timeout: 600_000 });
  assert.equal(r.status, 0, `movingcities dump failed: ${r.stdout}${r.stderr}`);
  release = readlinkSync(join(dumpsDir, "latest"));
  // The service takes the new release up within its poll interval.
  let page = "";
  for (let i = 0; i < 120 && !page.includes(`/dumps/${release}/guide-en.pdf`); i++) {
    if (i) await new Promise((ok) => setTimeout(ok, 500));
    page = (await get("/guide?lang=en")).body.toString();
  }
  guides = {};
  for (const m of page.matchAll(/href="(\/dumps\/[^"]+\/guide-([a-z]{2})\.pdf)"/g)) {
    const { res, body } = await get(m[1]);
    assert.equal(res.status, 200, m[1]);
    assert.equal(res.headers.get("content-type"), "application/pdf");
    const file = join(pdfs, `guide-${m[2]}.pdf`);
    writeFileSync(file, body);
    guides[m[2]] = file;
  }
  municipalities = await walk("/municipalities?limit=100");
  networks = await walk("/networks?limit=100");
  memberships = await walk("/memberships?limit=100");
  approaches = await walk("/approaches?limit=100");
});

test("/guide offers the release's guide in all seven languages, in every language", async () => {
  assert.deepEqual(Object.keys(guides).sort(), [...langs].sort(), "guides linked from /guide");
  for (const lang of langs) {
    const { res, body } = await get(`/guide?lang=${lang}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-language"), lang);
    const links = [...body.toString().matchAll(/href="\/dumps\/[^"]+\/guide-([a-z]{2})\.pdf"/g)].map((m) => m[1]);
    assert.equal(links[0], lang, `${lang}: the page's language comes first`);
    assert.deepEqual([...links].sort(), [...langs].sort());
  }
});

test("pdfinfo: every guide has its title, author, language and page count", () => {
  for (const lang of langs) {
    const i = info(guides[lang]);
    assert.equal(i.title, titles[lang], `${lang}: title`);
    assert.equal(i.author, "Moving Cities");
    assert.ok(i.pages >= 4, `${lang}: ${i.pages} pages`);
    assert.match(i.meta, new RegExp(`<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li>`), `${lang}: XMP language`);
  }
});

test("pdftotext: every guide has its sections, page numbers and the names of the data", () => {
  // The guide names every member of a network, every case study and
  // every municipality with an approach.
  const members = new Set([...memberships.map((m) => m.municipality), ...approaches.map((a) => a.municipality),
    ...municipalities.filter((m) => m.featured).map((m) => m.id)]);
  const byID = new Map(municipalities.map((m) => [m.id, m]));
  const featured = municipalities.filter((m) => m.featured);
  assert.ok(members.size > 50 && featured.length > 3, "the seed has members and case studies");
  for (const lang of langs) {
    const file = guides[lang];
    const all = text(file);
    const n = info(file).pages;
    assert.ok(all.startsWith(titles[lang]) || all.includes(titles[lang]), `${lang}: title on the cover`);
    for (let p = 1; p <= n; p++) {
      assert.ok(text(file, p).includes(pageOf[lang](p, n)), `${lang}: page ${p} says "${pageOf[lang](p, n)}"`);
    }
    const missing = [];
    for (const nw of networks) if (!all.includes(nameIn(nw.names, lang))) missing.push(nameIn(nw.names, lang));
    for (const m of featured) if (!all.includes(nameIn(m.names, lang))) missing.push(nameIn(m.names, lang));
    for (const id of members) {
      const nm = nameIn(byID.get(id).names, lang);
      if (!all.includes(nm)) missing.push(nm);
    }
    assert.deepEqual(missing, [], `${lang}: names not found in the guide's text`);
    if (lang === "el") {
      const greekNames = [...members].map((id) => byID.get(id).names.el).filter((s) => s && greek.test(s));
      assert.ok(greekNames.length > 0, "Greek names of listed municipalities in the data");
      for (const s of greekNames) assert.ok(all.includes(s), `el: ${s}`);
      assert.ok(all.includes("Εισαγωγή") && all.includes("Δίκτυα και τα μέλη τους"), "el: Greek headings");
    }
    if (lang === "pl") {
      const polishNames = [...members].map((id) => byID.get(id).names.pl).filter((s) => s && polish.test(s));
      assert.ok(polishNames.length > 0, "Polish names of listed municipalities in the data");
      for (const s of polishNames) assert.ok(all.includes(s), `pl: ${s}`);
      assert.ok(all.includes("Sieci i ich członkowie") && all.includes("Jak gmina może wziąć udział"), "pl: Polish headings");
    }
  }
});

// pgm reads a binary greyscale PNM (P5) that pdftoppm writes.
function pgm(file) {
  const b = readFileSync(file);
  const head = b.toString("latin1", 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  assert.ok(head, `${file}: not a PGM`);
  return { w: Number(head[1]), h: Number(head[2]), px: b.subarray(head[0].length) };
}

test("pdftoppm: the first pages of every guide as PNG; the cover shows the map", () => {
  for (const lang of langs) {
    const prefix = join(shots, `guide-${lang}`);
    run("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "3", guides[lang], prefix]);
    const pngs = readdirSync(shots).filter((f) => f.startsWith(`guide-${lang}-`) && f.endsWith(".png"));
    assert.equal(pngs.length, 3, `${lang}: ${pngs}`);
    for (const f of pngs) {
      const b = readFileSync(join(shots, f));
      assert.equal(b.toString("latin1", 1, 4), "PNG", f);
      assert.ok(b.length > 10_000, `${f}: ${b.length} bytes`);
    }
  }
  // The map fills the middle of the cover: sea (light blue), land and
  // dots; rendered in grey, most of that band is neither white nor black,
  // and has many shades.
  const cover = join(work, "cover");
  run("pdftoppm", ["-gray", "-r", "30", "-f", "1", "-l", "1", "-singlefile", guides.en, cover]);
  const { w, h, px } = pgm(cover + ".pgm");
  let tinted = 0;
  const shades = new Set();
  for (let y = Math.floor(h * 0.35); y < Math.floor(h * 0.65); y++) {
    for (let x = Math.floor(w * 0.15); x < Math.floor(w * 0.85); x++) {
      const v = px[y * w + x];
      shades.add(v);
      if (v > 30 && v < 250) tinted++;
    }
  }
  const area = Math.floor(h * 0.3) * Math.floor(w * 0.7);
  assert.ok(tinted > area * 0.8, `the cover's middle is ${Math.round((100 * tinted) / area)}% tinted: no map`);
  assert.ok(shades.size > 8, `${shades.size} shades in the map`);
});

// A sample of profiles: some with Greek or Polish names, a few others.
function sample() {
  const greekOnes = municipalities.filter((m) => greek.test(m.names.el ?? "")).slice(0, 3);
  const polishOnes = municipalities.filter((m) => polish.test(m.names.pl ?? "")).slice(0, 3);
  const others = municipalities.filter((_, i) => i % 40 === 0);
  assert.ok(greekOnes.length > 0 && polishOnes.length > 0, "the seed has Greek and Polish names");
  return [...new Map([...greekOnes, ...polishOnes, ...others].map((m) => [m.id, m])).values()];
}

test("pdftotext and pdfinfo: the release's book of profiles names each municipality in all its languages", async () => {
  const { res, body } = await get(`/dumps/${release}/profiles-en.pdf`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/pdf");
  const file = join(pdfs, "profiles-en.pdf");
  writeFileSync(file, body);
  const i = info(file);
  assert.equal(i.title, "City profiles");
  assert.ok(i.pages >= municipalities.length, `${i.pages} pages for ${municipalities.length} municipalities`);
  assert.match(i.meta, /<rdf:li>en<\/rdf:li>/);
  const all = text(file);
  assert.ok(all.includes(pageOf.en(i.pages, i.pages)), "the last page's number");
  for (const m of sample()) {
    for (const [l, s] of Object.entries(m.names)) assert.ok(all.includes(`${s} [${l}]`), `${m.id}: ${s} [${l}]`);
    assert.ok(all.includes(`City profile: ${nameIn(m.names, "en")}`), `${m.id}: its pages' footer`);
    assert.ok(all.includes(`/id/municipality/${m.id}`), `${m.id}: the link to its record`);
  }
});

test("the municipality page links its profile, made in the page's language", async () => {
  const ms = sample().slice(0, 4);
  for (const m of ms) {
    for (const lang of ["el", "pl"]) {
      const page = (await get(`/municipalities/${m.id}?lang=${lang}`, { Accept: "text/html" })).body.toString();
      const href = page.match(/href="([^"]*\/profile\.pdf\?lang=[a-z]{2})"/)?.[1];
      assert.equal(href, `/municipalities/${m.id}/profile.pdf?lang=${lang}`, `${m.id}: profile link`);
      const { res, body } = await get(href);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), "application/pdf");
      const file = join(pdfs, `profile-${m.id}-${lang}.pdf`);
      writeFileSync(file, body);
      const all = text(file);
      const heading = lang === "el" ? "Προφίλ πόλης" : "Profil miasta";
      assert.equal(info(file).title, `${heading}: ${nameIn(m.names, lang)}`);
      assert.ok(all.includes(nameIn(m.names, lang)), `${m.id}/${lang}: name`);
      assert.ok(all.includes(lang === "el" ? "Δίκτυα" : "Źródła") || all.includes(lang === "el" ? "Ονόματα" : "Nazwy"), `${m.id}/${lang}: headings`);
      assert.match(info(file).meta, new RegExp(`<rdf:li>${lang}</rdf:li>`));
    }
  }
});

let context, profileDir;
after(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

test("a municipality page prints as its profile (print stylesheet)", async () => {
  profileDir = mkdtempSync(join(tmpdir(), "chromium-profile-"));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium", headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  // The guide page itself, for the screenshot folder.
  const gp = await context.newPage();
  const gr = await gp.goto(`${base}/guide?lang=pl`, { waitUntil: "load" });
  assert.equal(gr.status(), 200);
  await gp.screenshot({ path: join(shots, "guide-page-pl.png"), fullPage: true });
  await gp.close();

  const m = sample()[0];
  const page = await context.newPage();
  await page.goto(`${base}/municipalities/${m.id}?lang=el`, { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  const shown = await page.evaluate(() => {
    const vis = (sel) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== "none");
    return { nav: vis(".site-nav"), langs: vis(".langs"), search: vis(".site-search"), footer: vis(".site-footer"),
      h1: vis("h1"), facts: vis(".facts"), grid: getComputedStyle(document.querySelector(".entity-grid")).display };
  });
  assert.deepEqual(shown, { nav: false, langs: false, search: false, footer: false, h1: true, facts: true, grid: "block" });
  const file = join(shots, `municipality-${m.id}-print.pdf`);
  await page.pdf({ path: file, format: "A4", printBackground: true });
  run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, join(shots, `municipality-${m.id}-print`)]);
  const all = text(file);
  assert.ok(all.includes(m.names.el ?? nameIn(m.names, "el")), "the printed page names the municipality");
  assert.ok(!all.includes("Λήψεις") && !all.includes("Περιήγηση"), "the printed page has no navigation");
});
