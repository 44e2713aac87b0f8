// The vocabulary and the JSON-LD context, judged by independent tools:
// n3 and Raptor's rapper for Turtle, rapper for RDF/XML, the jsonld
// processor for JSON-LD, rdf-isomorphic for "the same graph in every
// format".
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import jsonld from "jsonld";
import N3 from "n3";
import { isomorphic } from "rdf-isomorphic";

const base = process.env.E2E_BASE;
const MC = "https://data.moving-cities.eu/vocab#";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS = "http://www.w3.org/2000/01/rdf-schema#";
const OWL = "http://www.w3.org/2002/07/owl#";

const formats = [
  { accept: "text/turtle", type: "text/turtle", suffix: ".ttl" },
  { accept: "application/rdf+xml", type: "application/rdf+xml", suffix: ".rdf" },
  { accept: "application/ld+json", type: "application/ld+json", suffix: ".jsonld" },
  { accept: "application/n-triples", type: "application/n-triples", suffix: ".nt" },
  { accept: "text/html", type: "text/html", suffix: ".html" },
];

async function get(path, accept, headers = {}) {
  const res = await fetch(base + path, { headers: { ...(accept ? { Accept: accept } : {}), ...headers } });
  return { res, body: await res.text() };
}

// rapper parses text in syntax and returns its N-Triples; it must say
// nothing on stderr (no warnings) and succeed.
function rapper(text, syntax) {
  const r = spawnSync("rapper", ["-q", "-i", syntax, "-o", "ntriples", "-", base + "/vocab"], { input: text, encoding: "utf8", maxBuffer: 64 << 20 });
  assert.equal(r.error, undefined, `rapper could not run: ${r.error}`);
  assert.equal(r.status, 0, `rapper -i ${syntax} failed: ${r.stderr}`);
  assert.equal(r.stderr, "", `rapper -i ${syntax} warns: ${r.stderr}`);
  return r.stdout;
}

const parse = (text, format) => new N3.Parser({ format, baseIRI: base + "/vocab" }).parse(text);

// A document loader that never goes to the network.
const offline = (docs) => async (url) => {
  if (url in docs) return { contextUrl: null, documentUrl: url, document: docs[url] };
  throw new Error(`no network in tests: ${url}`);
};

async function jsonldToQuads(doc, docs = {}) {
  const nq = await jsonld.toRDF(doc, { format: "application/n-quads", safe: true, documentLoader: offline(docs) });
  return parse(nq, "application/n-quads");
}

async function vocabGraphs() {
  const graphs = {};
  for (const f of formats.filter((f) => f.suffix !== ".html")) {
    const { res, body } = await get("/vocab", f.accept);
    assert.equal(res.status, 200, f.accept);
    switch (f.suffix) {
      case ".ttl":
        graphs.ttl = parse(body, "text/turtle");
        graphs.ttlRapper = parse(rapper(body, "turtle"), "application/n-triples");
        break;
      case ".rdf":
        graphs.rdf = parse(rapper(body, "rdfxml"), "application/n-triples");
        break;
      case ".jsonld":
        graphs.jsonld = await jsonldToQuads(JSON.parse(body));
        break;
      case ".nt":
        graphs.nt = parse(body, "application/n-triples");
        graphs.ntRapper = parse(rapper(body, "ntriples"), "application/n-triples");
        break;
    }
  }
  return graphs;
}

test("/vocab negotiates every format, with Vary: Accept", async () => {
  for (const f of formats) {
    const { res, body } = await get("/vocab", f.accept);
    assert.equal(res.status, 200, f.accept);
    assert.equal(res.headers.get("content-type").split(";")[0], f.type);
    assert.match(res.headers.get("vary") ?? "", /Accept/);
    assert.ok(res.headers.get("etag"), "strong ETag");
    // The suffix URL serves the same bytes.
    const bySuffix = await get("/vocab" + f.suffix);
    assert.equal(bySuffix.res.status, 200, f.suffix);
    assert.equal(bySuffix.body, body, `/vocab${f.suffix} differs from negotiated ${f.type}`);
  }
  // A browser gets HTML, a client that takes anything gets Turtle.
  const browser = await get("/vocab", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
  assert.equal(browser.res.headers.get("content-type").split(";")[0], "text/html");
  const any = await get("/vocab", "*/*");
  assert.equal(any.res.headers.get("content-type").split(";")[0], "text/turtle");
  const weighted = await get("/vocab", "text/turtle;q=0.5, application/rdf+xml;q=0.9");
  assert.equal(weighted.res.headers.get("content-type").split(";")[0], "application/rdf+xml");
});

test("no acceptable type is a 406 problem listing the available types", async () => {
  const { res, body } = await get("/vocab", "image/png");
  assert.equal(res.status, 406);
  assert.equal(res.headers.get("content-type"), "application/problem+json");
  const p = JSON.parse(body);
  assert.equal(p.status, 406);
  for (const f of formats) assert.ok(p.available.includes(f.type), `406 lists ${f.type}`);
});

test("Turtle parses without warnings in n3 and rapper; every format is the same graph", async () => {
  const g = await vocabGraphs();
  assert.ok(g.ttl.length > 500, `vocabulary has ${g.ttl.length} triples`);
  for (const [name, other] of Object.entries(g)) {
    assert.equal(other.length, g.ttl.length, `${name}: ${other.length} triples, Turtle ${g.ttl.length}`);
    assert.ok(isomorphic(g.ttl, other), `${name} is not isomorphic to the Turtle`);
  }
});

test("the vocabulary meets the LOV requirements and the HTML lists every term", async () => {
  const g = parse((await get("/vocab.ttl")).body, "text/turtle");
  const store = new N3.Store(g);
  const onto = "https://data.moving-cities.eu/vocab";
  const objects = (s, p) => store.getObjects(s, p, null);
  assert.ok(objects(onto, RDF_TYPE).some((o) => o.value === OWL + "Ontology"));
  for (const p of ["http://purl.org/dc/terms/title", "http://purl.org/dc/terms/description"]) {
    assert.ok(objects(onto, p).some((o) => o.language === "en"), `English ${p}`);
  }
  for (const p of ["creator", "publisher", "license", "issued", "modified"]) {
    assert.equal(objects(onto, "http://purl.org/dc/terms/" + p).length, 1, `dcterms:${p}`);
  }
  assert.equal(objects(onto, "http://purl.org/dc/terms/license")[0].value, "https://creativecommons.org/licenses/by/4.0/");
  assert.match(objects(onto, OWL + "versionInfo")[0].value, /^\d+\.\d+\.\d+$/);
  const versionIRI = objects(onto, OWL + "versionIRI")[0].value;
  assert.ok(versionIRI.startsWith(onto + "/"));
  assert.equal(objects(onto, "http://purl.org/vocab/vann/preferredNamespacePrefix")[0].value, "mc");
  assert.equal(objects(onto, "http://purl.org/vocab/vann/preferredNamespaceUri")[0].value, MC);

  // The fixed version answers at /vocab/{version}.
  const version = versionIRI.slice(onto.length + 1);
  const fixed = await get("/vocab/" + version, "text/turtle");
  assert.equal(fixed.res.status, 200);
  assert.ok(isomorphic(parse(fixed.body, "text/turtle"), g));
  assert.equal((await get("/vocab/0.0.1")).res.status, 404);

  // Every term of ours is labelled, commented and defined by the vocabulary,
  // and has its section in the HTML, whose id is its fragment.
  const html = (await get("/vocab", "text/html")).body;
  const terms = store.getSubjects(RDFS + "isDefinedBy", onto, null).map((t) => t.value).filter((s) => s.startsWith(MC));
  assert.ok(terms.length >= 30, `${terms.length} terms`);
  for (const term of terms) {
    const isConcept = objects(term, RDF_TYPE).some((o) => o.value.endsWith("core#Concept") || o.value.endsWith("core#ConceptScheme"));
    if (!isConcept) {
      assert.ok(objects(term, RDFS + "label").some((o) => o.language === "en"), `${term}: English label`);
      assert.ok(objects(term, RDFS + "comment").some((o) => o.language === "en"), `${term}: English comment`);
    }
    assert.ok(html.includes(`id="${term.slice(MC.length)}"`), `the HTML has no section for ${term}`);
  }
  // Nothing in the page is fetched from elsewhere: no scripts, images or
  // frames, and the only stylesheet is the pages' own (pages.test.mjs
  // checks the page in a browser).
  assert.doesNotMatch(html, /<script|<img|<iframe/);
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]*)"/g)) assert.match(m[1], /^\/assets\//);
});

test("conditional requests answer 304", async () => {
  const first = await get("/vocab", "text/turtle");
  const etag = first.res.headers.get("etag");
  const again = await get("/vocab", "text/turtle", { "If-None-Match": etag });
  assert.equal(again.res.status, 304);
  assert.equal(again.body, "");
  const ctx = await get("/context.jsonld");
  assert.equal((await get("/context.jsonld", "", { "If-None-Match": ctx.res.headers.get("etag") })).res.status, 304);
});

// JSON shaped as the API serves it: the record with "iri" and "type".
function wire(type, plural, rec) {
  return { "@context": base + "/context.jsonld", type, iri: `${base}/id/${plural}/${encodeURIComponent(rec.id)}`, ...rec };
}

test("/context.jsonld turns every seed record into JSON-LD, with vocabulary terms only", async () => {
  const { res, body } = await get("/context.jsonld");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/ld+json");
  const docs = { [base + "/context.jsonld"]: JSON.parse(body) };
  const vocab = new N3.Store(parse((await get("/vocab.ttl")).body, "text/turtle"));
  const defined = (iri) => vocab.getObjects(iri, RDFS + "isDefinedBy", null).length > 0 &&
    vocab.getObjects(iri, null, null).some((o) => o.language === "en");

  const seed = JSON.parse(readFileSync(new URL("../dataset/seed.json", import.meta.url), "utf8"));
  const types = {
    countries: ["Country", "country"], categories: ["Category", "category"], networks: ["Network", "network"],
    municipalities: ["Municipality", "municipality"], memberships: ["Membership", "membership"], approaches: ["Approach", "approach"],
  };
  let quads = [];
  for (const [key, [type, singular]] of Object.entries(types)) {
    for (const rec of seed[key]) {
      // safe mode: a key the context does not define is an error, not a loss.
      quads = quads.concat(await jsonldToQuads(wire(type, singular, rec), docs));
    }
  }
  assert.ok(quads.length > 4000, `${quads.length} triples from the seed`);
  const used = new Set();
  for (const q of quads) {
    used.add(q.predicate.value);
    if (q.predicate.value === RDF_TYPE) used.add(q.object.value);
    if (q.object.termType === "NamedNode" && q.object.value.startsWith(MC)) used.add(q.object.value);
  }
  for (const iri of used) {
    if (iri.startsWith(MC)) assert.ok(defined(iri), `${iri} comes from the context but is not defined in /vocab`);
  }

  // Spot checks of what the context means.
  const store = new N3.Store(quads);
  const has = (s, p, o) => store.getQuads(s, p, o, null).length > 0;
  const m = seed.municipalities.find((x) => x.wikidata && x.coordinates);
  const mIRI = `${base}/id/municipality/${m.id}`;
  assert.ok(has(mIRI, RDF_TYPE, MC + "Municipality"));
  assert.ok(has(mIRI, OWL + "sameAs", "http://www.wikidata.org/entity/" + m.wikidata));
  assert.ok(has(mIRI, "http://schema.org/containedInPlace", `${base}/id/country/${m.country}`));
  assert.ok(has(mIRI, MC + "status", MC + "status-" + m.status));
  assert.ok(has(mIRI, MC + "kind", MC + "kind-" + m.kind), "the kind 'municipality' is a concept, not the key 'municipality'");
  const lat = store.getObjects(mIRI, "http://www.w3.org/2003/01/geo/wgs84_pos#lat", null)[0];
  assert.equal(lat.datatype.value, "http://www.w3.org/2001/XMLSchema#double");
  assert.equal(Number(lat.value), m.coordinates.lat);
  const [lang, name] = Object.entries(m.names)[0];
  assert.ok(store.getObjects(mIRI, "http://www.w3.org/2004/02/skos/core#prefLabel", null).some((o) => o.value === name && o.language === lang.toLowerCase()));

  const ms = seed.memberships.find((x) => x.since) ?? seed.memberships[0];
  const msIRI = `${base}/id/membership/${ms.id}`;
  assert.ok(has(msIRI, "http://www.w3.org/ns/org#member", `${base}/id/municipality/${ms.municipality}`));
  assert.ok(has(msIRI, "http://www.w3.org/ns/org#organization", `${base}/id/network/${ms.network}`));
  if (ms.since) {
    const since = store.getObjects(msIRI, MC + "since", null)[0];
    assert.equal(since.value, ms.since);
    assert.equal(since.datatype.value, "http://id.loc.gov/datatypes/edtf/EDTF");
  }
  const a = seed.approaches[0];
  const aIRI = `${base}/id/approach/${a.id}`;
  assert.ok(has(aIRI, "http://www.w3.org/ns/prov#wasAssociatedWith", `${base}/id/municipality/${a.municipality}`));
  for (const c of a.categories) assert.ok(has(aIRI, "http://purl.org/dc/terms/subject", `${base}/id/category/${c}`));
});

test("the API's own JSON is valid JSON-LD with the context", async (t) => {
  const list = await get("/municipalities?limit=3", "application/json");
  if (list.res.status !== 200) {
    t.skip(`/municipalities answers ${list.res.status}: the REST API is not there yet`);
    return;
  }
  const ctx = JSON.parse((await get("/context.jsonld")).body);
  const doc = JSON.parse(list.body);
  if (!doc["@context"]) doc["@context"] = base + "/context.jsonld"; // linked by a Link header
  const quads = await jsonldToQuads(doc, { [base + "/context.jsonld"]: ctx });
  assert.ok(quads.some((q) => q.predicate.value === RDF_TYPE && q.object.value === MC + "Municipality"));
});
