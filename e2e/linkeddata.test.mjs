// Linked data (issue 4), judged by independent parsers: every entity of
// the seed is fetched in every format and each format must be the same
// graph (rdf-isomorphic) as read by npm jsonld (JSON-LD, with our context
// served by the running server and no network), npm n3 (Turtle,
// N-Triples) and Raptor's rapper (RDF/XML). A second server, on its own
// database with graph/graphtest/testdata/escaping.json imported, serves
// names with quotes, backslashes, line breaks, tabs, Greek, Cyrillic,
// right-to-left scripts and emoji, and retired IDs (301 and 410).
// JSON-LD 1.0 processors (issue 17): npm jsonld in its 1.0 mode, npm
// jsonld-streaming-parser in its 1.0 mode and jsonld-java (Debian's
// libjsonld-java, run by JsonLd10.java) read every document's flattened
// form as the same graph as its Turtle.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, existsSync, mkdtempSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import net from "node:net";
import jsonld from "jsonld";
import N3 from "n3";
import { isomorphic } from "rdf-isomorphic";
import { JsonLdParser } from "jsonld-streaming-parser";

const here = dirname(fileURLToPath(import.meta.url));
const base = process.env.E2E_BASE;
const bin = process.env.E2E_BIN;
const work = process.env.E2E_WORK;
const escapingFile = join(here, "..", "graph", "graphtest", "testdata", "escaping.json");

const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const FOAF = "http://xmlns.com/foaf/0.1/";
const DCT = "http://purl.org/dc/terms/";
const CC_BY = "https://creativecommons.org/licenses/by/4.0/";

const collections = ["countries", "categories", "networks", "municipalities", "memberships", "approaches"];
const singular = { countries: "country", categories: "category", networks: "network", municipalities: "municipality", memberships: "membership", approaches: "approach" };

// The RDF formats of a document: how to ask for it, how to read it.
const rdfFormats = [
  { name: "jsonld", suffix: ".jsonld", type: "application/ld+json" },
  { name: "turtle", suffix: ".ttl", type: "text/turtle" },
  { name: "ntriples", suffix: ".nt", type: "application/n-triples" },
  { name: "rdfxml", suffix: ".rdf", type: "application/rdf+xml" },
];

const parse = (text, format, baseIRI) => new N3.Parser({ format, baseIRI }).parse(text);

// rapper parses text and returns its N-Triples; it must neither fail nor warn.
function rapper(text, syntax, what) {
  const r = spawnSync("rapper", ["-q", "-i", syntax, "-o", "ntriples", "-", "http://base.invalid/"], { input: text, encoding: "utf8", maxBuffer: 256 << 20 });
  assert.equal(r.error, undefined, `rapper could not run: ${r.error}`);
  assert.equal(r.status, 0, `${what}: rapper -i ${syntax} failed: ${r.stderr}`);
  assert.equal(r.stderr, "", `${what}: rapper -i ${syntax} warns: ${r.stderr}`);
  return r.stdout;
}

// A reader of one server's documents: JSON-LD contexts come from that
// server, through a loader that refuses the network.
function reader(server) {
  let context;
  const documentLoader = async (url) => {
    if (url === server + "/context.jsonld") {
      context ??= await (await fetch(url)).json();
      return { contextUrl: null, documentUrl: url, document: context };
    }
    throw new Error(`no network in tests: ${url}`);
  };
  return async (text, f, what) => {
    switch (f.name) {
      case "jsonld": {
        const nq = await jsonld.toRDF(JSON.parse(text), { format: "application/n-quads", safe: true, documentLoader });
        return parse(nq, "application/n-quads");
      }
      case "turtle":
        return parse(text, "text/turtle");
      case "ntriples":
        return parse(text, "application/n-triples");
      case "rdfxml":
        return parse(rapper(text, "rdfxml", what), "application/n-triples");
    }
  };
}

// ids lists a collection by walking its pages.
async function ids(server, collection) {
  const out = [];
  for (let url = `${server}/${collection}?limit=1000`; url; ) {
    const res = await fetch(url, { headers: { accept: "application/json" } });
    assert.equal(res.status, 200, url);
    const page = await res.json();
    out.push(...page.items.map((x) => x.id));
    url = page.next;
  }
  return out;
}

// get fetches a URL without following redirects.
async function get(url, accept, headers = {}) {
  const res = await fetch(url, { redirect: "manual", headers: { ...(accept ? { accept } : {}), ...headers } });
  return { res, body: await res.text() };
}

// pool runs fn over items, n at a time.
async function pool(items, n, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

// graphsOf fetches a document in every RDF format (by suffix, and by
// Accept for the JSON-LD) and reads each; every format must be
// isomorphic to the Turtle. It returns the Turtle's quads.
async function graphsOf(server, read, path, status = 200) {
  const graphs = {};
  for (const f of rdfFormats) {
    const url = server + path + (f.name === "jsonld" ? "" : f.suffix);
    const { res, body } = await get(url, f.name === "jsonld" ? f.type : undefined);
    assert.equal(res.status, status, `${url}: ${body.slice(0, 300)}`);
    assert.equal(res.headers.get("content-type").split(";")[0], f.type, url);
    assert.ok(res.headers.get("etag"), `${url}: no ETag`);
    graphs[f.name] = await read(body, f, url);
  }
  for (const [name, g] of Object.entries(graphs)) {
    assert.ok(g.length > 0, `${path}: empty ${name}`);
    assert.equal(g.length, graphs.turtle.length, `${path}: ${name} has ${g.length} triples, the Turtle ${graphs.turtle.length}`);
    assert.ok(isomorphic(graphs.turtle, g), `${path}: the ${name} is not isomorphic to the Turtle`);
  }
  return graphs.turtle;
}

const has = (quads, s, p, o) => quads.some((q) => q.subject.value === s && q.predicate.value === p && (o === undefined || q.object.value === o));

test("every entity of the seed is one graph in every format", async () => {
  const read = reader(base);
  let documents = 0;
  for (const collection of collections) {
    const list = await ids(base, collection);
    assert.ok(list.length > 0, collection);
    await pool(list, 4, async (id) => {
      const path = `/${collection}/${encodeURIComponent(id)}`;
      const entity = `${base}/id/${singular[collection]}/${id}`;
      const g = await graphsOf(base, read, path);
      assert.ok(has(g, entity, RDF_TYPE), `${path}: no rdf:type for ${entity}`);
      assert.ok(has(g, base + path, FOAF + "primaryTopic", entity), `${path}: the document is not about ${entity}`);
      assert.ok(has(g, base + path, DCT + "license", CC_BY), `${path}: no licence`);
      assert.ok(has(g, base + path, "http://rdfs.org/ns/void#inDataset", base + "/dataset"), `${path}: not in the dataset`);

      // The JSON-LD is the API's JSON with its context.
      const json = JSON.parse((await get(base + path + ".json")).body);
      const ld = JSON.parse((await get(base + path, "application/ld+json")).body);
      delete json.$schema;
      for (const [k, v] of Object.entries(json)) assert.deepEqual(ld[k], v, `${path}: ${k} differs between the JSON and the JSON-LD`);

      const html = await get(base + path + ".html");
      assert.equal(html.res.status, 200);
      assert.match(html.res.headers.get("content-type"), /^text\/html/);
      assert.match(html.body, new RegExp(`<link rel="alternate" type="text/turtle" href="(?:${base})?${path}.ttl"`));
      documents++;
    });
  }
  assert.ok(documents > 500, `${documents} documents checked`);
});

test("a municipality's document holds its point, memberships, approaches and identifiers", async () => {
  const g = await graphsOf(base, reader(base), "/municipalities/gdansk");
  const gdansk = base + "/id/municipality/gdansk";
  assert.ok(has(g, gdansk, "http://www.w3.org/2002/07/owl#sameAs", "http://www.wikidata.org/entity/Q1792"));
  assert.ok(has(g, gdansk, "http://www.w3.org/2003/01/geo/wgs84_pos#lat"));
  assert.ok(has(g, gdansk, "http://www.opengis.net/ont/geosparql#hasGeometry"));
  assert.ok(g.some((q) => q.predicate.value === "http://www.opengis.net/ont/geosparql#asWKT" && /^POINT\(/.test(q.object.value)));
  assert.ok(g.some((q) => q.predicate.value === "http://www.w3.org/ns/prov#wasAssociatedWith" && q.object.value === gdansk), "approaches");
  const munich = await graphsOf(base, reader(base), "/municipalities/munich");
  const m = munich.filter((q) => q.predicate.value === "http://www.w3.org/ns/org#member" && q.object.value === base + "/id/municipality/munich");
  assert.ok(m.length > 0, "memberships");
  for (const q of m) assert.ok(has(munich, q.subject.value, RDF_TYPE, "http://www.w3.org/ns/org#Membership"));
});

test("negotiation: q-values, Vary, Content-Location, 406, suffixes", async () => {
  const path = base + "/municipalities/munich";
  for (const [accept, want] of [
    ["", "application/json"],
    ["*/*", "application/json"],
    ["text/turtle", "text/turtle"],
    ["application/ld+json", "application/ld+json"],
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"],
    ["text/turtle;q=0.5, application/rdf+xml;q=0.9", "application/rdf+xml"],
    ["application/n-triples", "application/n-triples"],
  ]) {
    const { res, body } = await get(path, accept);
    assert.equal(res.status, 200, accept);
    assert.equal(res.headers.get("content-type").split(";")[0], want, accept);
    assert.match(res.headers.get("vary") ?? "", /Accept/, accept);
    const loc = res.headers.get("content-location");
    const bySuffix = await get(base + loc);
    // Pages for people link to the path they were asked by, so only the
    // data formats are byte-identical under both URLs.
    if (want !== "text/html") assert.equal(bySuffix.body, body, `${loc} differs from the negotiated ${want}`);
  }
  const { res, body } = await get(path, "image/png");
  assert.equal(res.status, 406);
  assert.equal(res.headers.get("content-type"), "application/problem+json");
  const p = JSON.parse(body);
  for (const t of ["application/json", "application/ld+json", "text/turtle", "application/rdf+xml", "application/n-triples", "text/html"]) {
    assert.ok(p.available.includes(t), `406 lists ${t}`);
  }
});

test("entity IRIs answer 303 See Other to their documents", async () => {
  const { res } = await get(base + "/id/municipality/munich", "text/turtle");
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), base + "/municipalities/munich");
  assert.equal((await get(base + "/id/municipality/no-such-town")).res.status, 404);
});

test("documents: strong ETag, If-None-Match, Last-Modified, Cache-Control", async () => {
  for (const suffix of [".ttl", ".jsonld", ".json", ".rdf", ".nt", ".html"]) {
    const url = base + "/municipalities/gdansk" + suffix;
    const { res } = await get(url);
    const etag = res.headers.get("etag");
    assert.match(etag, /^"[0-9a-f]{32}(-gzip)?"$/, `${url}: strong ETag`);
    assert.ok(res.headers.get("last-modified"), `${url}: Last-Modified`);
    assert.match(res.headers.get("cache-control"), /max-age=\d+/);
    const again = await get(url, undefined, { "if-none-match": etag });
    assert.equal(again.res.status, 304, url);
    assert.equal(again.body, "");
  }
});

test("/dataset is the whole dataset as one graph, streamed, in every format", async () => {
  const read = reader(base);
  const graphs = {};
  for (const f of rdfFormats.filter((f) => f.name !== "rdfxml")) {
    const { res, body } = await get(base + "/dataset" + f.suffix);
    assert.equal(res.status, 200, f.suffix);
    assert.equal(res.headers.get("content-length"), null, "streamed, not buffered");
    graphs[f.name] = await read(body, f, "/dataset" + f.suffix);
  }
  const nt = graphs.ntriples;
  assert.ok(nt.length > 5000, `${nt.length} triples`);
  for (const [name, g] of Object.entries(graphs)) {
    assert.equal(g.length, nt.length, `${name}: ${g.length} triples, N-Triples ${nt.length}`);
    assert.ok(isomorphic(nt, g), `/dataset: the ${name} is not isomorphic to the N-Triples`);
  }
  const negotiated = await get(base + "/dataset", "application/n-triples");
  assert.equal(negotiated.res.headers.get("content-type").split(";")[0], "application/n-triples");
  assert.match(negotiated.res.headers.get("vary"), /Accept/);
  // Every triple of an entity's document without blank nodes is in it.
  const all = new Set(nt.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`));
  for (const path of ["/municipalities/munich", "/networks/solidarity-cities", "/categories/reception", "/countries/DE"]) {
    const doc = parse((await get(base + path + ".nt")).body, "application/n-triples");
    for (const q of doc) {
      if (q.subject.termType === "BlankNode" || q.object.termType === "BlankNode") continue;
      assert.ok(all.has(`${q.subject.value} ${q.predicate.value} ${q.object.value}`), `${path}: /dataset lacks ${q.subject.value} ${q.predicate.value} ${q.object.value}`);
    }
  }
  rapper((await get(base + "/dataset.ttl")).body, "turtle", "/dataset.ttl");
});

// The second server: the escaping records on their own database.
let second, secondBase;

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  const port = await freePort();
  secondBase = `http://127.0.0.1:${port}`;
  const env = { ...process.env, MOVINGCITIES_DB: join(work, "escaping.db"), MOVINGCITIES_ADDR: `127.0.0.1:${port}`, MOVINGCITIES_BASE_URI: secondBase };
  const imp = spawnSync(bin, ["import", escapingFile], { env, encoding: "utf8" });
  assert.equal(imp.status, 0, `import: ${imp.stdout}${imp.stderr}`);
  second = spawn(bin, ["serve"], { env, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  second.stderr.on("data", (d) => (log += d));
  for (const start = Date.now(); ; ) {
    try {
      if ((await fetch(secondBase + "/healthz")).ok) break;
    } catch {}
    assert.ok(Date.now() - start < 10_000, `the second server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
});

after(() => second?.kill());

test("escaping: hard names read back exactly in every parser", async () => {
  const read = reader(secondBase);
  const data = JSON.parse(readFileSync(escapingFile, "utf8"));
  const town = data.municipalities[0];
  const paths = [
    `/municipalities/${town.id}`,
    ...data.networks.map((x) => `/networks/${x.id}`),
    ...data.memberships.map((x) => `/memberships/${x.id}`),
    ...data.approaches.map((x) => `/approaches/${x.id}`),
  ];
  for (const path of paths) {
    const g = await graphsOf(secondBase, read, path);
    // rapper reads the Turtle and N-Triples too, without a warning.
    for (const [suffix, syntax] of [[".ttl", "turtle"], [".nt", "ntriples"]]) {
      const nt = rapper((await get(secondBase + path + suffix)).body, syntax, path + suffix);
      assert.ok(isomorphic(g, parse(nt, "application/n-triples")), `${path}${suffix}: rapper reads another graph`);
    }
  }
  // The texts are the imported ones, character for character.
  const g = await graphsOf(secondBase, read, `/municipalities/${town.id}`);
  const entity = `${secondBase}/id/municipality/${town.id}`;
  const literal = (p, value, lang) => g.some((q) => q.subject.value === entity && q.predicate.value === p && q.object.value === value && q.object.language === lang);
  for (const [lang, name] of Object.entries(town.names)) {
    assert.ok(literal("http://www.w3.org/2004/02/skos/core#prefLabel", name, lang.toLowerCase()), `name ${lang} ${JSON.stringify(name)}`);
  }
  for (const a of town.aliases) {
    assert.ok(literal("http://www.w3.org/2004/02/skos/core#altLabel", a.name, a.lang.toLowerCase()), `alias ${JSON.stringify(a.name)}`);
  }
  const notes = g.filter((q) => q.predicate.value === DCT + "description").map((q) => q.object.value);
  for (const s of town.sources) assert.ok(notes.includes(s.note), `source note ${JSON.stringify(s.note)}`);
  // The HTML page escapes them.
  const html = (await get(secondBase + `/municipalities/${town.id}.html`)).body;
  assert.ok(html.includes("&lt;tag attr=&#34;x&#34;&gt; &amp; &#39;single&#39; ]]&gt; &amp;amp;"), "markup in a name is escaped");
  assert.ok(!html.includes("<tag attr="), "markup in a name is not markup");
});

test("identifiers are forever: 301 to the successor, 410 with a tombstone", async () => {
  const read = reader(secondBase);
  for (const [path, accept, location] of [
    ["/municipalities/escaping-old-name", "text/turtle", "/municipalities/escaping-test-town"],
    ["/municipalities/escaping-old-name.rdf", undefined, "/municipalities/escaping-test-town.rdf"],
    ["/municipalities/escaping-old-name", "application/json", "/municipalities/escaping-test-town"],
    ["/categories/inclusion.ttl", undefined, "/categories/social-rights-inclusion.ttl"],
  ]) {
    const { res } = await get(secondBase + path, accept);
    assert.equal(res.status, 301, path);
    assert.equal(res.headers.get("location"), secondBase + location, path);
  }
  for (const path of ["/municipalities/escaping-gone-town", "/networks/escaping-gone-network"]) {
    const g = await graphsOf(secondBase, read, path, 410);
    const [, collection, id] = path.split("/");
    const entity = `${secondBase}/id/${singular[collection]}/${id}`;
    assert.ok(has(g, entity, DCT + "type"), `${path}: the tombstone names the type`);
    assert.ok(has(g, entity, "https://data.moving-cities.eu/vocab#retirementReason"), `${path}: the tombstone says why`);
    const html = await get(secondBase + path, "text/html");
    assert.equal(html.res.status, 410);
    assert.match(html.body, /was retired/);
  }
  const reason = JSON.parse(readFileSync(escapingFile, "utf8")).retired.find((r) => r.id === "escaping-gone-town").reason;
  const tomb = await graphsOf(secondBase, read, "/municipalities/escaping-gone-town", 410);
  assert.ok(tomb.some((q) => q.object.value === reason), "the reason reads back exactly");
  const { res } = await get(secondBase + "/id/municipality/escaping-gone-town");
  assert.equal(res.status, 303);
});

// JSON-LD 1.0 (issue 17). The published context needs JSON-LD 1.1; the
// flattened form, asked for by its profile, has a context of prefixes
// only.
const FLATTENED = "http://www.w3.org/ns/json-ld#flattened";
const asFlattened = `application/ld+json;profile="${FLATTENED}"`;
const noNetwork = async (url) => {
  throw new Error(`no network in tests: ${url}`);
};

// The 1.0 readers in node: npm jsonld and jsonld-streaming-parser, each
// in its JSON-LD 1.0 processing mode.
async function jsonld10(text, documentLoader = noNetwork) {
  const nq = await jsonld.toRDF(JSON.parse(text), { format: "application/n-quads", safe: true, processingMode: "json-ld-1.0", documentLoader });
  return parse(nq, "application/n-quads");
}
function streaming10(text) {
  return new Promise((resolve, reject) => {
    const quads = [];
    const p = new JsonLdParser({ processingMode: "1.0", documentLoader: { load: noNetwork } });
    p.on("data", (q) => quads.push(q)).on("error", reject).on("end", () => resolve(quads));
    p.end(text);
  });
}

// jsonldJava reads JSON-LD files with jsonld-java in one JVM: IN OUT
// pairs, then OUT holds the N-Quads or OUT.error the processor's message.
const javaClasspath = ["jsonld-java", "jackson-core", "jackson-databind", "jackson-annotations", "commons-io", "guava", "httpclient", "httpclient-cache", "httpcore", "slf4j-api"]
  .map((jar) => `/usr/share/java/${jar}.jar`).join(":");
function jsonldJava(args) {
  const r = spawnSync("java", ["-cp", javaClasspath, join(here, "JsonLd10.java"), ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  assert.equal(r.error, undefined, `java could not run: ${r.error}`);
  assert.equal(r.status, 0, `JsonLd10.java failed: ${r.stderr}`);
}

function escapingPaths() {
  const data = JSON.parse(readFileSync(escapingFile, "utf8"));
  return [
    `/municipalities/${data.municipalities[0].id}`,
    ...data.networks.map((x) => `/networks/${x.id}`),
    ...data.memberships.map((x) => `/memberships/${x.id}`),
    ...data.approaches.map((x) => `/approaches/${x.id}`),
  ];
}

test("JSON-LD 1.0 processors read every entity document's flattened form as its Turtle", async () => {
  const dir = mkdtempSync(join(work, "jsonld10-"));
  const docs = [];
  const check = async (server, path, status) => {
    const url = server + path;
    const { res, body } = await get(url, asFlattened);
    assert.equal(res.status, status, `${url}: ${body.slice(0, 300)}`);
    assert.equal(res.headers.get("content-type"), `application/ld+json; profile="${FLATTENED}"`, url);
    assert.match(res.headers.get("vary") ?? "", /Accept/, url);
    assert.equal(res.headers.get("content-location"), null, `${url}: the flattened form has no URL of its own`);
    assert.match(res.headers.get("etag") ?? "", /^"[0-9a-f]{32}(-gzip)?"$/, url);
    const ids = JSON.parse(body)["@graph"].map((n) => n["@id"]);
    assert.equal(new Set(ids).size, ids.length, `${url}: one node object per node`);
    const turtle = parse((await get(url + ".ttl")).body, "text/turtle");
    assert.ok(turtle.length > 0, url);
    for (const [name, read] of [["jsonld (1.0 mode)", jsonld10], ["jsonld-streaming-parser (1.0 mode)", streaming10]]) {
      const g = await read(body);
      assert.equal(g.length, turtle.length, `${url}: ${name} reads ${g.length} triples, the Turtle has ${turtle.length}`);
      assert.ok(isomorphic(turtle, g), `${url}: ${name} reads another graph than the Turtle`);
    }
    const file = join(dir, `${docs.length}.jsonld`);
    writeFileSync(file, body);
    docs.push({ url, file, turtle });
  };
  for (const collection of collections) {
    await pool(await ids(base, collection), 4, (id) => check(base, `/${collection}/${encodeURIComponent(id)}`, 200));
  }
  const seedDocs = docs.length;
  assert.ok(seedDocs > 500, `${seedDocs} seed documents`);
  for (const path of escapingPaths()) await check(secondBase, path, 200);
  for (const path of ["/municipalities/escaping-gone-town", "/networks/escaping-gone-network"]) await check(secondBase, path, 410);

  // The JSON-LD 1.1 document, which the 1.0 readers refuse: that is why
  // the flattened form exists.
  const published = join(dir, "published.jsonld");
  const context = join(dir, "context.jsonld");
  writeFileSync(published, (await get(base + "/municipalities/munich.jsonld")).body);
  writeFileSync(context, (await get(base + "/context.jsonld")).body);
  const withContext = async (url) => {
    if (url === base + "/context.jsonld") return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(context, "utf8")) };
    return noNetwork(url);
  };
  await assert.rejects(jsonld10(readFileSync(published, "utf8"), withContext), /not compatible with json-ld-1\.0/, "npm jsonld in 1.0 mode reads the JSON-LD 1.1 document");

  jsonldJava(["--context", base + "/context.jsonld", context, published, published + ".nq", ...docs.flatMap((d) => [d.file, d.file + ".nq"])]);
  assert.ok(existsSync(published + ".nq.error"), "jsonld-java reads the JSON-LD 1.1 document");
  for (const d of docs) {
    assert.ok(!existsSync(d.file + ".nq.error"), `${d.url}: jsonld-java: ${existsSync(d.file + ".nq.error") && readFileSync(d.file + ".nq.error", "utf8")}`);
    const g = parse(readFileSync(d.file + ".nq", "utf8"), "application/n-quads");
    assert.equal(g.length, d.turtle.length, `${d.url}: jsonld-java reads ${g.length} triples, the Turtle has ${d.turtle.length}`);
    assert.ok(isomorphic(d.turtle, g), `${d.url}: jsonld-java reads another graph than the Turtle`);
  }

  // Negotiation: the suffix decides; other profiles get the published form.
  for (const [path, accept] of [["/municipalities/munich.jsonld", asFlattened], ["/municipalities/munich", 'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"']]) {
    const { res } = await get(base + path, accept);
    assert.equal(res.headers.get("content-type"), "application/ld+json", `${path} ${accept}`);
  }
});
