#!/usr/bin/env python3
"""Build dataset/seed.json from the seed facts and our own prose.

Usage: scripts/build-seed.py [--facts DIR] [--prose FILE] [--out FILE]

Inputs:
  DIR/{featured-cities,member-cities,networks,approaches,categories}.json
      researched facts (default /work/shared/seed-facts)
  scripts/seed-prose.json
      hand-written texts: country names and boxes, network names and
      descriptions, category translations and definitions, featured-city
      summaries, local-name corrections.
  scripts/seed-translations.json
      this project's translations of the English texts into the other
      platform languages, each with the English text it translates.
Output: the JSON encoding of dataset.Dataset (dataset/types.go), records
sorted by id, deterministic; and dataset/platform.json, the platform's own
totals (dataset.PlatformTotals) that the coverage statement compares with. Python 3 standard library only.
"""

import argparse
import json
import os
import re
import sys
import unicodedata
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PLATFORM_LANGS = ["en", "de", "es", "fr", "el", "it", "pl"]
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID_LENGTH = 100  # dataset.MaxIDLength

# Source URLs that document a tie to each network, most specific first.
# A membership's source is the record's first source matching one of them.
NETWORK_URL_PATTERNS = {
    "iash": [r"iash-eu\.org"],
    "sichere-haefen": [r"seebruecke\.org", r"sicherehaefen\.de", r"nds-fluerat\.org/.*niedersachsen$",
                       r"br\.de/nachrichten", r"neues-deutschland\.de", r"potsdam\.de/kategorie/sicherer-hafen"],
    "staedte-sicherer-haefen": [r"staedte-sicherer-haefen\.de", r"kommunalwiki\.boell\.de", r"stadtvonmorgen\.de",
                                r"diasporanrw\.net", r"nds-fluerat\.org/.*niedersachsen/$", r"rheinpfalz\.de",
                                r"moving-cities\.eu/en/potsdam/"],
    "solidarity-cities": [r"solidaritycities\.eu", r"eurocities\.eu", r"respekt-fr-griechenland", r"expartibus\.it",
                          r"moving-cities\.eu/barcelona$"],
    "ciudades-refugio": [r"lavanguardia\.com", r"ebuenasnoticias\.com", r"diariodemallorca\.es", r"theguardian\.com"],
    "cities-with-refugees": [r"reliefweb\.int", r"metropolis\.org", r"unhcr\.org", r"moving-cities\.eu/en/warsaw$"],
    "anvita": [r"anvita\.fr", r"villeurbanne\.fr", r"marsactu\.fr", r"cglu\.org", r"courrierdesmaires\.fr"],
    "city-of-sanctuary": [r"cityofsanctuary\.org", r"wcia\.org\.uk"],
    "cni-greece": [r"accmr\.gr", r"docslib\.org", r"cnigreece\.gr"],
    "intercultural-cities": [r"coe\.int", r"focusonbelgium\.be"],
    "eccar": [r"mechelen\.be", r"srap-project\.eu"],
    "from-the-sea-to-the-city": [r"fromseatocity\.eu"],
    "communes-hospitalieres": [r"pointdappui\.be", r"brusselstimes\.com", r"f41\.be"],
    "alliance-migrations": [r"alliance-migrations\.fr"],
    "palermo-charter-platform": [r"tesserae\.eu"],
}

KINDS = {
    "municipality": "municipality",
    "municipality (Gemeinde)": "municipality",
    "municipality (Samtgemeinde)": "municipal-association",
    "district (Kreis)": "district",
    # Brussels: the facts cannot tell the city from the region, and say so.
    "city or region (ambiguous)": "uncertain",
}

TRANSLIT = {"ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
            "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ð": "d", "ı": "i"}

warnings = []


def warn(msg):
    warnings.append(msg)


def slugify(name):
    s = "".join(TRANSLIT.get(ch, ch) for ch in name)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def is_url(s):
    u = urlparse(s)
    return u.scheme in ("http", "https") and bool(u.netloc) and not re.search(r"[\s\"<>]", s)


def parse_source(s):
    """'https://x (note)' -> {'url': 'https://x', 'note': 'note'}; None if no URL."""
    s = s.strip()
    url, _, rest = s.partition(" ")
    if not is_url(url):
        return None
    src = {"url": url}
    rest = rest.strip()
    # "(a) (b)" -> "a; b"; anything else is kept as written.
    if re.fullmatch(r"(\([^()]*\)\s*)+", rest):
        rest = "; ".join(g.strip() for g in re.findall(r"\(([^()]*)\)", rest))
    if rest:
        src["note"] = rest
    return src


def sources_of(strings, owner):
    out, seen = [], set()
    for s in strings or []:
        src = parse_source(s)
        if src is None:
            warn(f"{owner}: source is not a URL, skipped: {s!r}")
            continue
        if src["url"] in seen:
            continue
        seen.add(src["url"])
        out.append(src)
    return out


def coord_source(s):
    """A Source for a coordinate provenance line, when it starts with a URL."""
    if not s:
        return None
    src = parse_source(s)
    if src is None:
        return None
    detail = src.get("note", "")
    note = "Source of the coordinates"
    # Some provenance lines were garbled by anonymisation; keep only clean detail.
    if detail and "public file" not in detail:
        note += ": " + detail
    src["note"] = note
    return src


def sorted_map(m):
    return {k: m[k] for k in sorted(m)}


def names_obj(m):
    m = {k: v.strip() for k, v in m.items() if v and v.strip()}
    if "en" not in m:
        raise SystemExit(f"names without en: {m}")
    return sorted_map(m)


def text_obj(m):
    m = {k: v.strip() for k, v in m.items() if v and v.strip()}
    for k in m:
        if k not in PLATFORM_LANGS:
            raise SystemExit(f"text language {k!r} is not a platform language")
    return sorted_map(m)


def join_en(items):
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def pick_source(network, srcs):
    """The record's first source (in the record's order) that matches one of
    the network's URL patterns, else the record's first source."""
    pats = NETWORK_URL_PATTERNS.get(network, [])
    for s in srcs:
        if any(re.search(p, s["url"]) for p in pats):
            return s["url"]
    return srcs[0]["url"] if srcs else None


def evidence_by_network(lines, networks):
    """'slug: text' lines (or '; '-joined note fragments) -> {slug: [text]}."""
    out = {}
    alt = "|".join(re.escape(n) for n in sorted(networks, key=len, reverse=True))
    pat = re.compile(rf"(?:^|;\s*|:\s*)({alt}): (.*?)(?=;\s*(?:{alt}): |$)")
    for line in lines:
        for m in pat.finditer(line):
            out.setdefault(m.group(1), []).append(m.group(2).strip().rstrip("."))
    return out


MONTHS = {"jan": 1, "january": 1, "feb": 2, "february": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
          "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "aug": 8, "august": 8, "sept": 9, "sep": 9,
          "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}
MONTH_RE = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
# A date as evidence notes write it: "26 Sept 2018", "Nov 2018", "2015".
DATE_RE = rf"(?:(?P<d>\d{{1,2}}) )?(?:(?P<m>{MONTH_RE}) )?(?P<y>(?:19|20)\d\d)"

# Phrases of a membership's evidence note that date the start of the tie
# itself: a founding, a signature, a council decision, a stated "since".
# Every other date in a note only shows that the municipality was a member
# by then (it was listed, reported or named then); it becomes "attested".
SINCE_PATTERNS = [
    rf"adopted the ANVITA charter on {DATE_RE}",
    rf"at the {DATE_RE} (?:launch )?meeting",
    rf"first Catalan municipalities joining \({DATE_RE}\)",
    rf"reported joining the network \({DATE_RE}\)",
    rf"one of 25 cities behind the {DATE_RE} \"Declaración",
    rf"co-founder \(MoU [^,()]*, {DATE_RE}\)",
    rf"launched there {DATE_RE}",
    rf"signed the statement \(Metropolis, {DATE_RE}\)",
    rf"founding member \({DATE_RE}\)",
    rf"council resolution of support \({DATE_RE}\)",
    rf"passed a City of Sanctuary motion \({DATE_RE}\)",
    rf"City of Sanctuary since {DATE_RE}",
    rf"borough council resolution \({DATE_RE}\)",
    rf"signed a motion to become a City of Sanctuary \({DATE_RE}\)",
    rf"listed with a {DATE_RE} council motion",
    rf"first UK City of Sanctuary \({DATE_RE}\)",
    rf"^member since {DATE_RE}",
    rf"since \d{{4}} \(candidacy approved {DATE_RE}\)",
    rf"declared itself a safe haven end of {DATE_RE}",
    rf"council resolution {DATE_RE} reported",
]
# "named signatory on World Refugee Day 2018": the day is 20 June.
WORLD_REFUGEE_DAY_RE = r"signatory on World Refugee Day ((?:19|20)\d\d)"


def date_of(m):
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' at the precision of the match."""
    y = int(m.group("y"))
    if not m.group("m"):
        return f"{y:04d}"
    mon = MONTHS[m.group("m").lower()]
    if not m.group("d"):
        return f"{y:04d}-{mon:02d}"
    return f"{y:04d}-{mon:02d}-{int(m.group('d')):02d}"


def membership_dates(notes):
    """(since, attested) from a membership's evidence notes: since is the
    earliest date a note gives for the start of the tie; attested, only
    when there is no such date, is the earliest date at which a source
    shows the tie. Either is None when the notes hold no such date."""
    since, attested = [], []
    for note in notes:
        for pat in SINCE_PATTERNS:
            for m in re.finditer(pat, note, re.I):
                since.append(date_of(m))
        for m in re.finditer(WORLD_REFUGEE_DAY_RE, note):
            since.append(f"{m.group(1)}-06-20")
        for m in re.finditer(DATE_RE, note, re.I):
            attested.append(date_of(m))
    if since:
        return min(since), None
    if attested:
        return None, min(attested)
    return None, None


# A municipality whose every tie is only attested, and attested no later
# than this year, is known only from an old programme or list: nothing
# shows that it still takes part, so it is not published as active.
STALE_BEFORE = 2015


def mark_stale(munis, memberships, prose_nets):
    """Marks stale municipalities; returns {id: (year of the latest source, networks)}."""
    stale = {}
    by_muni = {}
    for ms in memberships:
        by_muni.setdefault(ms["municipality"], []).append(ms)
    for rec in munis:
        ms = by_muni.get(rec["id"], [])
        if rec["featured"] or not ms or any("since" in x or "attested" not in x for x in ms):
            continue
        latest = max(x["attested"] for x in ms)
        if int(latest[:4]) >= STALE_BEFORE:
            continue
        rec["status"] = "unknown"
        stale[rec["id"]] = (latest[:4], [x["network"] for x in ms])
        nets = join_en([prose_nets[x["network"]]["phrase"][1] for x in ms])
        rec["summary"] = text_obj({"en": f"Named in {nets} in a source of {latest[:4]}; "
                                         "no later source shows whether it still takes part."})
    return stale


def summary_for_member(nets, prose_nets):
    groups = {}
    order = []
    for n in nets:
        kind, phrase = prose_nets[n]["phrase"]
        if kind not in groups:
            groups[kind] = []
            order.append(kind)
        groups[kind].append(phrase)
    lead = {
        "member": "as a member of ",
        "associated": "for its ties to ",
        "signatory": "as a signatory of ",
        "participant": "as a participant in ",
        "hospitable": "as part of ",
    }
    parts = [lead[k] + join_en(groups[k]) for k in order]
    if len(parts) == 1:
        return f"Listed {parts[0]}."
    return "Listed " + ", ".join(parts[:-1]) + ", and " + parts[-1] + "."


def set_text(rec, field, origin_field, en_origin, langs):
    """Adds langs ({lang: text}, this project's translations of the English
    text) to rec[field] and records each language's origin."""
    text = rec.get(field) or {}
    if not text.get("en"):
        raise SystemExit(f"{rec['id']}: {field} has no English text to translate")
    origins = dict(rec.get(origin_field) or {})
    origins.setdefault("en", en_origin)
    for lang, t in langs.items():
        if lang == "en" or lang.startswith("_"):
            continue
        if lang not in PLATFORM_LANGS:
            raise SystemExit(f"{rec['id']}: {field}: {lang!r} is not a platform language")
        if text.get(lang) and text[lang] != t.strip():
            raise SystemExit(f"{rec['id']}: {field}.{lang} is given twice, differently")
        text[lang] = t.strip()
        origins.setdefault(lang, "translation")
    rec[field] = text_obj(text)
    rec[origin_field] = sorted_map(origins)


def translated(entry, field, rec):
    """The translations of rec's field in entry, checked against the English
    text they translate: a translation of an older English text is refused."""
    t = entry.get(field) or {}
    if t and t.get("en") != rec[field]["en"]:
        raise SystemExit(f"{rec['id']}: the {field} translations are of {t.get('en')!r}, "
                         f"but the English text is now {rec[field]['en']!r}")
    return t


def join_with(items, word):
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def member_summary(lang, nets, tr, stale_year=None, uncertain=False):
    """A member municipality's summary in lang, from the same facts as the
    English one (summary_for_member and mark_stale)."""
    ms = tr["member_summaries"]
    if stale_year:
        phrases = [ms["stale_networks"][n][lang] for n in nets]
        s = ms["stale"][lang].format(nets=join_with(phrases, ms["and"][lang]), year=stale_year)
    else:
        phrases = [ms["networks"][n][lang] for n in nets]
        s = ms["listed"][lang].format(nets=join_with(phrases, ms["and"][lang]))
    if uncertain:
        s += " " + ms["uncertain"][lang]
    return s


def translate(tr, categories, networks, munis, approaches, prose_nets, mem_nets):
    """Gives every text its origin and adds this project's translations
    (scripts/seed-translations.json). English texts are this project's own
    words; a category's English and German labels follow the platform's
    published criteria but are not known to be its exact wording, so they
    are marked as this project's too."""
    for c in categories:
        e = tr["categories"].get(c["id"], {})
        set_text(c, "labels", "labels_origin", "own",
                 {k: v for k, v in c["labels"].items() if k not in ("en", "de")})
        c["labels_origin"]["de"] = "own"
        c["labels_origin"] = sorted_map(c["labels_origin"])
        if c.get("definitions"):
            set_text(c, "definitions", "definitions_origin", "own",
                     {**{k: v for k, v in c["definitions"].items() if k != "en"}, **translated(e, "definitions", c)})
    for n in networks:
        e = tr["networks"].get(n["id"], {})
        set_text(n, "description", "description_origin", "own", translated(e, "description", n))
    for a in approaches:
        e = tr["approaches"].get(a["id"], {})
        set_text(a, "title", "title_origin", "own", translated(e, "title", a))
        set_text(a, "summary", "summary_origin", "own", translated(e, "summary", a))
    for m in munis:
        if m["featured"]:
            e = tr["featured_summaries"].get(m["id"], {})
            langs = translated({"summary": e}, "summary", m) if e else {}
        else:
            nets, stale = mem_nets[m["id"]]
            langs = {lang: member_summary(lang, nets, tr, stale, m["kind"] == "uncertain")
                     for lang in PLATFORM_LANGS if lang != "en"}
        set_text(m, "summary", "summary_origin", "own", langs)


def build(facts_dir, prose, translations):
    featured = load(os.path.join(facts_dir, "featured-cities.json"))
    members = load(os.path.join(facts_dir, "member-cities.json"))
    networks = load(os.path.join(facts_dir, "networks.json"))
    approaches = load(os.path.join(facts_dir, "approaches.json"))
    categories = load(os.path.join(facts_dir, "categories.json"))

    # --- categories
    out_categories = []
    for c in categories:
        extra = prose["categories"].get(c["slug"], {})
        labels = {"en": c["label_en"], "de": c["label_de"]}
        labels.update(extra.get("labels", {}))
        rec = {"id": c["slug"], "labels": text_obj(labels)}
        if extra.get("definitions"):
            rec["definitions"] = text_obj(extra["definitions"])
        if c.get("aliases"):
            rec["aliases"] = sorted(c["aliases"])
        srcs = sources_of(c.get("sources"), f"category {c['slug']}")
        if srcs:
            rec["sources"] = srcs
        out_categories.append(rec)
    category_ids = {c["id"] for c in out_categories}

    # --- networks
    out_networks = []
    network_ids = set()
    for n in networks:
        p = prose["networks"].get(n["slug"])
        if p is None:
            raise SystemExit(f"no prose for network {n['slug']}")
        rec = {"id": n["slug"], "names": names_obj(p["names"])}
        if p.get("aliases"):
            rec["aliases"] = p["aliases"]
        rec["scope"] = n["scope"]
        if n.get("countries"):
            rec["countries"] = sorted(n["countries"])
        if n.get("website"):
            rec["website"] = n["website"]
        if n.get("wikidata"):
            rec["wikidata"] = n["wikidata"]
        if n.get("founded"):
            rec["founded"] = int(n["founded"])
        rec["description"] = text_obj({"en": p["description"]})
        srcs = sources_of(n.get("sources"), f"network {n['slug']}")
        if srcs:
            rec["sources"] = srcs
        # The facts' README: "Network slugs are my own."
        rec["id_coined"] = True
        out_networks.append(rec)
        network_ids.add(n["slug"])

    # --- municipalities and memberships
    out_munis, out_memberships = [], []
    mem_nets = {}  # member municipality -> (networks its summary names, year of a stale source)
    muni_ids = {}
    skipped_links = []

    def add_membership(mid, net, srcs, notes):
        if net not in network_ids:
            skipped_links.append(f"{mid} -> {net}")
            return
        src = {}
        url = pick_source(net, srcs)
        if url:
            src["url"] = url
        if notes:
            src["note"] = "; ".join(notes)
        rec = {"id": f"{mid}-{net}", "municipality": mid, "network": net}
        since, attested = membership_dates(notes or [])
        if since:
            rec["since"] = since
        if attested:
            rec["attested"] = attested
        if src.get("url"):
            rec["source"] = src
        out_memberships.append(rec)

    for f in featured:
        mid = f["slug"]
        names = {"en": f["name"]}
        names.update(f.get("names_local") or {})
        rec = {"id": mid, "kind": "municipality", "names": names_obj(names), "country": f["country_iso2"]}
        if f.get("lat") is not None and f.get("lon") is not None:
            rec["coordinates"] = {"lat": f["lat"], "lon": f["lon"]}
        if f.get("wikidata"):
            rec["wikidata"] = f["wikidata"]
        if f.get("wikidata_unverified"):
            rec["wikidata_candidates"] = [f["wikidata_unverified"]]
        rec["featured"] = True
        summary = prose["featured_summaries"].get(mid)
        if not summary:
            raise SystemExit(f"no summary for featured city {mid}")
        rec["summary"] = text_obj({"en": summary})
        # The tagline under the city's name on the platform, in our own
        # paraphrase (the facts say so): our wording, until a CMS sync brings
        # the platform's.
        if f.get("tagline_en"):
            rec["subtitle"] = text_obj({"en": f["tagline_en"]})
            rec["content_origin"] = {"en": "own"}
        srcs = sources_of(f.get("sources"), f"municipality {mid}")
        cs = coord_source(f.get("coord_source"))
        if cs and cs["url"] not in {s["url"] for s in srcs}:
            srcs.append(cs)
        if srcs:
            rec["sources"] = srcs
        # A featured city's slug is the platform's, unless the facts say it
        # was assumed because the platform's was not seen (Rottenburg).
        if "assumed" in (f.get("note") or ""):
            rec["id_coined"] = True
        rec["status"] = "active"
        if mid in muni_ids:
            raise SystemExit(f"duplicate municipality id {mid}")
        muni_ids[mid] = rec
        out_munis.append(rec)

        # Membership notes: 'slug: text' fragments of the note, or the whole
        # note when it speaks about a single network of the record by name.
        note = f.get("note") or ""
        ev = evidence_by_network([note], network_ids) if note else {}
        note_overrides = prose.get("featured_membership_notes", {})
        for net in f.get("networks") or []:
            notes = ev.get(net)
            if f"{mid}/{net}" in note_overrides:
                notes = [note_overrides[f"{mid}/{net}"]]
            if not notes and note and len(f["networks"]) == 1 and re.search(
                    r"\b" + re.escape(net.split("-")[0]) + r"\b", note, re.I):
                notes = [note]
            add_membership(mid, net, srcs, notes)

    lang_of = prose["local_name_lang"]
    overrides = prose["member_overrides"]
    used_overrides = set()
    for m in members:
        ov = overrides.get(m["name"], {})
        if ov:
            used_overrides.add(m["name"])
        en = ov.get("en", m["name"])
        cc = m["country_iso2"]
        mid = slugify(en)
        if mid in muni_ids:
            mid = f"{mid}-{cc.lower()}"
            warn(f"id collision for {en!r}: using {mid}")
        if not SLUG_RE.match(mid) or mid in muni_ids:
            raise SystemExit(f"bad or duplicate municipality id {mid!r} for {en!r}")
        names = {"en": en}
        if "names" in ov:
            names.update(ov["names"])
        elif m.get("name_local"):
            lang = lang_of.get(cc)
            if not lang:
                raise SystemExit(f"no language for local name of {en!r} ({cc})")
            names[lang] = m["name_local"]
        elif lang_of.get(cc) and lang_of[cc] not in ("el", "ru", "uk"):
            # Latin-script country: the facts' name is the local form.
            names[lang_of[cc]] = m["name"]
        elif lang_of.get(cc):
            warn(f"{en!r}: no local name in {lang_of[cc]}")
        kind = KINDS.get(m["kind"])
        if kind is None:
            raise SystemExit(f"unknown kind {m['kind']!r} for {en!r}")
        rec = {"id": mid, "kind": kind, "names": names_obj(names)}
        if ov.get("aliases"):
            rec["aliases"] = ov["aliases"]
        rec["country"] = cc
        if m.get("lat") is not None and m.get("lon") is not None:
            rec["coordinates"] = {"lat": m["lat"], "lon": m["lon"]}
        if m.get("wikidata"):
            rec["wikidata"] = m["wikidata"]
        cands = []
        if m.get("wikidata_unverified"):
            cands.append(m["wikidata_unverified"])
        cands += [q for q in ov.get("extra_wikidata_candidates", []) if q not in cands]
        if cands:
            rec["wikidata_candidates"] = cands
        rec["featured"] = False
        listed = [n for n in m["networks"] if n in network_ids]
        mem_nets[mid] = (listed, None)
        summary = summary_for_member(listed, prose["networks"])
        if kind == "uncertain":
            summary += " The sources do not make clear whether the city itself or its region is meant."
        rec["summary"] = text_obj({"en": summary})
        srcs = sources_of(m.get("sources"), f"municipality {mid}")
        cs = coord_source(m.get("coord_source"))
        if cs and cs["url"] not in {s["url"] for s in srcs}:
            srcs.append(cs)
        if srcs:
            rec["sources"] = srcs
        rec["id_coined"] = True  # made from the name by slugify
        rec["status"] = "active"
        muni_ids[mid] = rec
        out_munis.append(rec)
        ev = evidence_by_network(m.get("evidence") or [], network_ids | set(m["networks"]))
        for net in m["networks"]:
            add_membership(mid, net, srcs, ev.get(net))
    for mid, (year, nets) in mark_stale(out_munis, out_memberships, prose["networks"]).items():
        mem_nets[mid] = (nets, year)
    for name in overrides:
        if name not in used_overrides:
            warn(f"override for unknown member city {name!r}")

    # --- approaches
    out_approaches = []
    status = prose["approaches"]["status"]
    related = {}
    # status and related in the prose file use the final (possibly shortened) ids
    for a, b in prose["approaches"]["related"]:
        related.setdefault(a, set()).add(b)
        related.setdefault(b, set()).add(a)
    id_overrides = prose["approaches"].get("id_overrides", {})
    for a in approaches:
        aid = id_overrides.get(a["slug"], a["slug"])
        if len(aid) > MAX_ID_LENGTH or not SLUG_RE.match(aid):
            raise SystemExit(f"approach id {aid!r} is not a slug of at most {MAX_ID_LENGTH} characters; "
                             "add an id_overrides entry to the prose file")
        if a["city_slug"] not in muni_ids:
            raise SystemExit(f"approach {aid}: unknown municipality {a['city_slug']}")
        for c in a["categories"]:
            if c not in category_ids:
                raise SystemExit(f"approach {aid}: unknown category {c}")
        rec = {"id": aid, "title": text_obj({"en": a["title"]}), "municipality": a["city_slug"],
               "categories": list(a["categories"]), "summary": text_obj({"en": a["summary"]})}
        if a.get("year_started"):
            rec["year_started"] = int(a["year_started"])
        rec["status"] = status.get(aid, "active")
        if aid in related:
            rec["related"] = sorted(related[aid])
        srcs = sources_of(a.get("sources"), f"approach {aid}")
        if srcs:
            rec["sources"] = srcs
        if aid != a["slug"]:
            rec["id_coined"] = True
        if "assigned by the researcher" in (a.get("categories_basis") or ""):
            rec["own_categories"] = True
        out_approaches.append(rec)

    # --- countries: every one referenced
    referenced = {m["country"] for m in out_munis}
    for n in out_networks:
        referenced.update(n.get("countries", []))
    out_countries = []
    for cc in sorted(referenced):
        p = prose["countries"].get(cc)
        if p is None:
            raise SystemExit(f"no prose for country {cc}")
        w, s, e, n = p["bbox"]
        out_countries.append({"id": cc, "names": names_obj(p["names"]), "wikidata": p["wikidata"],
                              "bbox": {"west": w, "south": s, "east": e, "north": n}})
    for cc in sorted(set(prose["countries"]) - referenced):
        warn(f"country {cc} in prose but not referenced; left out")

    for msg in skipped_links:
        warn(f"membership skipped, network not in networks.json: {msg}")

    translate(translations, out_categories, out_networks, out_munis, out_approaches, prose["networks"], mem_nets)
    date_records(prose, facts_dir, [out_countries, out_categories, out_networks, out_munis, out_memberships, out_approaches])

    by_id = lambda r: r["id"]
    return {
        "countries": sorted(out_countries, key=by_id),
        "categories": sorted(out_categories, key=by_id),
        "networks": sorted(out_networks, key=by_id),
        "municipalities": sorted(out_munis, key=by_id),
        "memberships": sorted(out_memberships, key=by_id),
        "approaches": sorted(out_approaches, key=by_id),
    }


def facts_text(facts_dir):
    """Every seed-facts file as text, to check that a stated fact is in them."""
    out = []
    for name in sorted(os.listdir(facts_dir)):
        if name.endswith((".json", ".md")):
            with open(os.path.join(facts_dir, name), encoding="utf-8") as f:
                out.append(f.read())
    return "\n".join(out)


def date_records(prose, facts_dir, tables):
    """Dates every record by when its facts were gathered (created and
    modified, at midnight UTC of that day), gives each source without an
    accessed date that day (read on or before it), and each source whose
    document the facts name its title."""
    day = prose["facts_gathered"]["date"]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        raise SystemExit(f"facts_gathered.date {day!r} is not YYYY-MM-DD")
    stamp = day + "T00:00:00Z"
    titles = {u: t for u, t in prose["source_titles"].items() if not u.startswith("_")}
    known = facts_text(facts_dir)
    for url, title in titles.items():
        if title not in known:
            raise SystemExit(f"source title {title!r} of {url} is not named in the seed facts")
    used = set()

    def source(src):
        if not src.get("accessed"):
            src["accessed"] = day
        if src["url"] in titles and not src.get("title"):
            src["title"] = titles[src["url"]]
            used.add(src["url"])
        # Keep the key order of dataset.Source: url, title, accessed, note.
        ordered = {k: src[k] for k in ("url", "title", "accessed", "note") if k in src}
        src.clear()
        src.update(ordered)

    for recs in tables:
        for rec in recs:
            for src in rec.get("sources", []):
                source(src)
            if rec.get("source"):
                source(rec["source"])
            rec["created"] = stamp
            rec["modified"] = stamp
    for url in titles:
        if url not in used:
            warn(f"source title for {url} not used: no record cites it")


def platform_totals(facts_dir, prose):
    """The platform's own totals (dataset/platform.json), each checked
    against the sentence of the seed facts' README that states it."""
    with open(os.path.join(facts_dir, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    out = {}
    for what, t in prose["platform_totals"].items():
        if what.startswith("_"):
            continue
        if t["evidence"] not in readme or str(t["count"]) not in t["evidence"]:
            raise SystemExit(f"platform total {what}: {t['count']} is not stated in the seed facts' README")
        rec = {"count": t["count"]}
        if t.get("approximate"):
            rec["approximate"] = True
        rec["source"] = {"url": t["source"], "note": t["note"]}
        out[what] = rec
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", default="/work/shared/seed-facts")
    ap.add_argument("--prose", default=os.path.join(HERE, "seed-prose.json"))
    ap.add_argument("--translations", default=os.path.join(HERE, "seed-translations.json"))
    ap.add_argument("--out", default=os.path.join(ROOT, "dataset", "seed.json"))
    ap.add_argument("--platform-out", default=os.path.join(ROOT, "dataset", "platform.json"))
    args = ap.parse_args()
    prose = load(args.prose)
    data = build(args.facts, prose, load(args.translations))
    with open(args.platform_out, "w", encoding="utf-8") as f:
        f.write(json.dumps(platform_totals(args.facts, prose), ensure_ascii=False, indent=1) + "\n")
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    counts = ", ".join(f"{k} {len(v)}" for k, v in data.items())
    print(f"wrote {args.out}: {counts}", file=sys.stderr)
    for w in warnings:
        print("warning:", w, file=sys.stderr)


if __name__ == "__main__":
    main()
