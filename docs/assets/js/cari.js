/*
 * Search page: Pagefind for full text and filters, and a region finder that
 * answers first when the query names a region, however it is typed.
 *
 * - A query naming a region (official name, short name, typo; with or without
 *   "kab", "kota", "prov") leads with an answer card: name, province, how many
 *   events are recorded, the latest one. Regions that share a name (Kota and
 *   Kabupaten Bandung) get one card each, the one fitting the rest of the
 *   query first.
 * - The region list (cari/wilayah.json) is fetched only when Pagefind's top hit
 *   is not already the one region the query names: region pages carry their
 *   keys and card data as Pagefind metadata.
 * - Honest about weak matches: a name typed exactly (or with a small typo and
 *   nothing else left over) gets the answer card; a guess ("ujung pandang" is not
 *   "padang") is only offered, "Mungkin maksud Anda: …", up to three choices.
 * - Towns: when no region name matches, the town list (assets/kota.json: each
 *   regency's capital and every kecamatan) is fetched, and a town leads to its
 *   regency ("Labuan Bajo: ibu kota Kabupaten Manggarai Barat").
 * - A query naming a region and a topic ("pakta integritas kepri") lists that
 *   region's events first (its province as a Pagefind filter, its own events ahead).
 * - Search runs as you type (debounced); each query gets one history entry, so
 *   Back steps through earlier queries. Query, filters and sort live in the URL.
 * - Everything is served by this site; nothing is requested from elsewhere.
 *   Every value shown is inserted as text; excerpts keep only Pagefind's <mark>.
 */
(function () {
  "use strict";

  /* Words come from the page's message catalogue (generator/messages/*.yml, `js`
   * section), written by the theme into <script id="pesan-js">: no extra request. */
  var WORDS = (function () {
    var el = document.getElementById("pesan-js");
    try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
  })();

  function word(key, values) {
    var text = (WORDS.cari || {})[key] || key;
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return values && name in values ? String(values[name]) : m;
    });
  }

  var form = document.getElementById("form-cari");
  if (!form) return;

  var input = document.getElementById("cari-q");
  var status = document.getElementById("cari-status");
  var list = document.getElementById("cari-hasil");
  var answer = document.getElementById("cari-jawab");
  var advice = document.getElementById("cari-saran");
  var notice = document.getElementById("cari-saringan");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var rootUrl = new URL(form.getAttribute("data-root") || "./", window.location.href);
  var PAGE = 20;
  var DEBOUNCE = 300;
  var SETTLE = 1000;
  var pagefindPromise = null;
  var regionsPromise = null;
  var townsPromise = null;
  var CHOICES = 3;
  var current = 0;

  var LEVEL_WORDS = {
    kabupaten: "kab", kab: "kab", kabupatenn: "kab", kbupaten: "kab", kabupatn: "kab",
    kota: "kota", kot: "kota", kotamadya: "kota", kodya: "kota", kotamadia: "kota",
    provinsi: "prov", prov: "prov", propinsi: "prov", provinsii: "prov"
  };
  var LEVEL_NAMES = { kab: "kabupaten", kota: "kota", prov: "provinsi" };
  var NOISE = { adm: 1, administrasi: 1 };
  /* Words that never name a region: a typo match must not turn them into one. */
  var STOP = {};
  /* None of them is a word of a region's name or alias (tests/test_render.py checks). */
  ("pilkada pemilu pilpres pileg pilgub pilbup pilwalkot serentak ikrar netralitas netral " +
   "asn pns apel deklarasi pakta integritas bupati wakil wali walikota gubernur sekda " +
   "sekretaris penjabat pj plt plh pjs tahun konflik kepentingan untuk yang " +
   "dari pada ke peristiwa catatan").split(" ").forEach(function (w) { STOP[w] = 1; });

  /* Words a result's summary already answers (its election, its year). */
  var FACT_WORDS = {};
  "pilkada pemilu pilpres pileg pilgub pilbup pilwalkot serentak".split(" ")
    .forEach(function (w) { FACT_WORDS[w] = 1; });

  function pagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(new URL("pagefind/pagefind.js", rootUrl).href).then(function (pf) {
        return pf.options({ baseUrl: rootUrl.pathname, excerptLength: 24 }).then(function () {
          return pf;
        });
      });
    }
    return pagefindPromise;
  }

  function regions() {
    if (!regionsPromise) {
      regionsPromise = fetch(new URL("cari/wilayah.json", rootUrl).href)
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(indexRegions)
        .catch(function () { return []; });
    }
    return regionsPromise;
  }

  /* The town list, fetched only when the query names no region: key -> [{town, region,
   * capital}]. Keyed by region slug, so it does not depend on the region list's order. */
  function towns() {
    if (!townsPromise) {
      townsPromise = Promise.all([
        regions(),
        fetch(new URL("assets/kota.json", rootUrl).href)
          .then(function (r) { return r.ok ? r.json() : {}; })
          .catch(function () { return {}; })
      ]).then(function (both) { return indexTowns(both[0], both[1]); });
    }
    return townsPromise;
  }

  function indexTowns(all, data) {
    var bySlug = {};
    all.forEach(function (r) { bySlug[r.slug] = r; });
    var index = {};
    Object.keys(data).forEach(function (slug) {
      var r = bySlug[slug];
      if (!r || !Array.isArray(data[slug])) return;
      [0, 1].forEach(function (kind) {
        String(data[slug][kind] || "").split("|").forEach(function (town) {
          var key = squash(parse(town).text);
          if (!key) return;
          var list = index[key] = index[key] || [];
          if (!list.some(function (t) { return t.region === r; })) {
            list.push({ town: town, region: r, capital: kind === 0 });
          }
        });
      });
    });
    return index;
  }

  /* Lower case, no accents, letters and digits only, single spaces. */
  function normalize(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* Split off level words ("kab", "kota", ...): "Kab. Bengkayang" is "bengkayang" + kab. */
  function parse(text) {
    var level = null;
    var words = normalize(text).split(" ").filter(function (w) {
      if (LEVEL_WORDS[w]) { level = LEVEL_WORDS[w]; return false; }
      return w && !NOISE[w];
    });
    return { level: level, words: words, text: words.join(" ") };
  }

  /* What typing cannot be trusted with: spaces (labuhan batu / labuhanbatu) and
   * doubled letters (pessisir / pesisir). */
  function squash(text) {
    return text.replace(/ /g, "").replace(/(.)\1+/g, "$1");
  }

  function indexRegions(rows) {
    var all = rows.map(function (row) {
      var keys = {};
      [row[0]].concat(row.slice(5)).forEach(function (name) {
        var key = squash(parse(name).text);
        if (key) keys[key] = true;
      });
      return {
        name: row[0], slug: row[1], level: row[1].split("-")[0], province: row[2],
        count: row[3], latest: row[4], keys: Object.keys(keys)
      };
    });
    all.forEach(function (r) { r.provinceName = all[r.province].name; });
    /* A word of six letters or more that only one region's name has ("singingi") names
     * that region alone. */
    var owners = {};
    all.forEach(function (r, i) {
      parse(bareName(r.name)).words.forEach(function (w) {
        if (w.length < 6) return;
        w = squash(w);
        (owners[w] = owners[w] || {})[i] = 1;
      });
    });
    Object.keys(owners).forEach(function (w) {
      var who = Object.keys(owners[w]);
      if (who.length === 1 && all[who[0]].keys.indexOf(w) < 0) all[who[0]].keys.push(w);
    });
    return all;
  }

  /* Optimal string alignment distance, stopping early once it exceeds max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  /* Runs of up to four query words that could name a region, longest first. */
  function spans(words) {
    var out = [];
    for (var len = Math.min(4, words.length); len > 0; len--) {
      for (var i = 0; i + len <= words.length; i++) {
        var part = words.slice(i, i + len);
        if (part.some(function (w) { return STOP[w] || /^[0-9]+$/.test(w); })) continue;
        out.push({ start: i, len: len, key: squash(part.join(" ")) });
      }
    }
    return out;
  }

  /* The regions a query names, and the words left over ("pilkada 2024").
   * Exact matches (after squashing) win; otherwise the closest name within one
   * edit (two for names of eight letters or more), on short queries only. */
  function findRegions(all, q) {
    var found = null;
    var candidates = spans(q.words);
    candidates.some(function (s) {
      var hits = all.filter(function (r) { return r.keys.indexOf(s.key) >= 0; });
      if (hits.length) found = { span: s, regions: hits, typo: false };
      return !!found;
    });
    var content = q.words.filter(function (w) { return !STOP[w] && !/^[0-9]+$/.test(w); });
    var exactLen = found ? found.span.len : 0;
    /* A typo in a longer name beats an exact shorter one: "gorontalo utra". */
    if (content.length <= 3 && (!found || content.length > exactLen)) {
      var best = 3;
      var exact = found;
      var near = [];
      found = null;
      candidates.forEach(function (s) {
        if (s.key.length < 5 || s.len <= exactLen) return;
        var max = s.key.length >= 8 ? 2 : 1;
        all.forEach(function (r) {
          var d = Math.min.apply(null, r.keys.map(function (k) { return distance(s.key, k, max); }));
          if (d > max) return;
          near.push({ region: r, rel: d / s.key.length, len: s.len });
          if (d > best) return;
          if (!found || d < best || (d === best && s.len > found.span.len)) {
            best = d;
            found = { span: s, regions: [r], typo: true };
          } else if (s === found.span && found.regions.indexOf(r) < 0) {
            found.regions.push(r);
          }
        });
      });
      if (found) found.near = nearest(near);
      if (!found) found = exact;
    }
    if (!found) return null;
    if (q.level) {
      var fitting = found.regions.filter(function (r) { return r.level === q.level; });
      if (fitting.length) found.regions = fitting;
    }
    found.rest = q.words.filter(function (w, i) {
      return i < found.span.start || i >= found.span.start + found.span.len;
    });
    found.strong = strong(found);
    return found;
  }

  /* Every region a typo could mean, closest first (edits per letter, then the longer
   * run of words): what a weak match offers ("ujung padng": Makassar, Padang). */
  function nearest(near) {
    var seen = [];
    near.sort(function (a, b) { return a.rel - b.rel || b.len - a.len; }).forEach(function (n) {
      if (seen.indexOf(n.region) < 0) seen.push(n.region);
    });
    return seen;
  }

  /* Words of the query that name nothing we know: not a stop word, not a number. */
  function leftover(words) {
    return words.filter(function (w) { return !STOP[w] && !/^[0-9]+$/.test(w); });
  }

  /* A match we may announce: the name as typed, or a small typo with nothing else
   * typed beside it and one name meant ("bandng": the two Bandungs). "ujung pandang"
   * is not Padang: a word is left over, so Padang is only offered. */
  function strong(found) {
    if (!found.typo) return true;
    if (leftover(found.rest).length) return false;
    var names = {};
    found.regions.forEach(function (r) { names[squash(parse(bareName(r.name)).text)] = 1; });
    return Object.keys(names).length === 1;
  }

  /* The towns a query names exactly (its longest run of words that is a town). */
  function findTowns(index, q) {
    var hit = null;
    spans(q.words).some(function (s) {
      if (index[s.key]) hit = { span: s, towns: index[s.key] };
      return !!hit;
    });
    if (!hit) return null;
    var capitals = hit.towns.filter(function (t) { return t.capital; });
    var towns_ = capitals.length === 1 ? capitals : hit.towns;
    if (q.level) {
      var fitting = towns_.filter(function (t) { return t.region.level === q.level; });
      if (fitting.length) towns_ = fitting;
    }
    var found = {
      span: hit.span, towns: towns_, regions: towns_.map(function (t) { return t.region; }),
      rest: q.words.filter(function (w, i) {
        return i < hit.span.start || i >= hit.span.start + hit.span.len;
      }),
      typo: false, town: towns_.length === 1 ? towns_[0] : null
    };
    found.strong = towns_.length === 1 && !leftover(found.rest).length;
    return found;
  }

  function regionUrl(slug) { return new URL("wilayah/" + slug + "/", rootUrl).href; }
  function eventUrl(id) { return new URL("peristiwa/" + id + "/", rootUrl).href; }

  /* "Kabupaten Bandung" -> "Bandung": what Pagefind is asked for once the region is known. */
  function bareName(name) {
    return name.replace(/^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota) /, "");
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function link(href, text) {
    var a = el("a", text);
    a.href = href;
    return a;
  }

  /* Rebuild Pagefind's excerpt from text and <mark> only: nothing else can render. */
  function excerpt(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    var p = el("p", "", "cuplikan");
    Array.prototype.forEach.call(tpl.content.childNodes, function (node) {
      if (node.nodeName === "MARK") p.appendChild(el("mark", node.textContent));
      else p.appendChild(document.createTextNode(node.textContent));
    });
    return p;
  }

  function countText(n) {
    return n ? word("events_recorded", { n: n }) : word("no_records");
  }

  /* One answer card: name, province, how many events, the latest, links. */
  function card(r, town) {
    var box = el("section", "", "jawab");
    box.setAttribute("aria-label", r.name);
    var h = el("h2", "", "jawab-judul");
    h.appendChild(link(regionUrl(r.slug), r.name));
    box.appendChild(h);
    if (town) box.appendChild(el("p", townLine(town), "jawab-kota"));
    var where = r.level === "prov" ? word("province") :
      word(r.level === "kota" ? "city_in" : "regency_in", { province: r.provinceName });
    box.appendChild(el("p", where, "jawab-letak"));
    var line = el("p", "", "jawab-status");
    line.appendChild(el("strong", countText(r.count)));
    if (r.count && r.latest) {
      var parts = r.latest.split("|");
      var id = parts[0].charAt(0) === "~" ? r.slug + "-" + parts[0].slice(1) : parts[0];
      line.appendChild(document.createTextNode(word("latest")));
      line.appendChild(link(eventUrl(id), parts.slice(1).join("|")));
      line.appendChild(document.createTextNode("."));
    } else if (!r.count) {
      line.appendChild(document.createTextNode(word("none_here")));
      line.appendChild(link(new URL("tentang/#menambah-catatan", rootUrl).href,
        word("how_to_add")));
      line.appendChild(document.createTextNode("."));
    }
    box.appendChild(line);
    if (r.count) {
      var more = el("p", "", "jawab-tautan");
      more.appendChild(link(regionUrl(r.slug) + "#peristiwa", word("all_events_in", { name: r.name })));
      box.appendChild(more);
    }
    return box;
  }

  function townLine(t) {
    return word(t.capital ? "capital_of" : "district_in", { town: t.town, name: t.region.name });
  }

  /* "Mungkin maksud Anda: A, B atau C": choices, never announced as the result. */
  function choices(found) {
    var p = el("p", word("maybe"), "cari-mungkin");
    var list = found.towns || (found.near || found.regions).map(function (r) {
      return { region: r };
    });
    list = list.slice(0, CHOICES);
    list.forEach(function (t, i) {
      if (i) p.appendChild(document.createTextNode(i === list.length - 1 ? word("or") : ", "));
      p.appendChild(link(regionUrl(t.region.slug), t.town ? townLine(t) : t.region.name));
    });
    p.appendChild(document.createTextNode("?"));
    advice.appendChild(p);
  }

  /* A region as the card needs it, from its page's Pagefind metadata. */
  function regionFromPage(d) {
    var m = d.meta || {};
    var slug = new URL(d.url, window.location.href).pathname.replace(/\/$/, "").split("/").pop();
    return {
      name: m.title, slug: slug, level: slug.split("-")[0], count: parseInt(m.jumlah || "0", 10),
      latest: m.terbaru || "", provinceName: m.provinsi || m.title
    };
  }

  function item(url, title, metaText, snippet, excerptHtml) {
    var li = el("li");
    var h = el("h2", "", "cari-judul");
    h.appendChild(link(url, title));
    li.appendChild(h);
    if (metaText) li.appendChild(el("p", metaText, "cari-meta"));
    if (snippet) li.appendChild(el("p", snippet, "cuplikan"));
    if (excerptHtml) li.appendChild(excerpt(excerptHtml));
    return li;
  }

  function state() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
    return params;
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    var anyFilter = false;
    selects.forEach(function (s) {
      var v = params.get(s.name) || "";
      var ok = Array.prototype.some.call(s.options, function (o) { return o.value === v; });
      s.value = ok ? v : "";
      if (s.value && s.getAttribute("data-filter")) anyFilter = true;
    });
    if (anyFilter) form.querySelector("details").open = true;
  }

  /* Filters only: no date sort in the index. Pagefind's sort table costs every first
   * search about 13 KB at 5,000 events (bench/RESULTS.md); the events table sorts by date. */
  function options() {
    var filters = {};
    selects.forEach(function (s) {
      if (s.value && s.getAttribute("data-filter")) filters[s.getAttribute("data-filter")] = s.value;
    });
    return { filters: filters };
  }

  /* Pagefind's data for a result, fetched once however often it is asked for. */
  function dataOf(result) {
    if (!result.cached) result.cached = result.data();
    return result.cached;
  }

  function clear() {
    list.textContent = "";
    answer.textContent = "";
    advice.textContent = "";
    notice.textContent = "";
    var old = document.getElementById("cari-lagi");
    if (old) old.remove();
  }

  function run() {
    var runId = ++current;
    var query = input.value.trim();
    var q = parse(query);
    var opts = options();
    var filtered = Object.keys(opts.filters).length > 0;
    clear();
    if (!query && !filtered) {
      status.textContent = word("prompt");
      return Promise.resolve();
    }
    if (query && !q.words.length) {
      status.textContent = word("need_region", { level: LEVEL_NAMES[q.level] || "kota" });
      return Promise.resolve();
    }
    status.textContent = word("searching");
    var search = function (text) {
      return pagefind().then(function (pf) {
        return pf.search(text || null, opts);
      });
    };
    var run0 = { query: query, q: q, filtered: filtered };
    return search(query).then(function (res) {
      if (runId !== current) return null;
      run0.results = res.results;
      return named(res.results, q).then(function (found) {
        if (found && found.strong) return found;
        return towns().then(function (index) {
          var town = findTowns(index, q);
          return town && town.strong ? town : found || town;
        });
      }).then(function (found) {
        run0.found = found;
        if (!found || !found.strong) return run0;
        var better = [bareName(found.regions[0].name)].concat(found.rest).join(" ");
        /* The region's own name, not the alias typed: "solo" would also find Solok. */
        var again = normalize(better) === q.text ? Promise.resolve(res) : search(better);
        return Promise.all([again, local(found, opts)]).then(function (both) {
          run0.results = merge(both[1], both[0].results);
          return run0;
        });
      });
    }).then(function (st) {
      if (!st || runId !== current) return null;
      return Promise.all(st.results.slice(0, PAGE).map(dataOf)).then(function (pages) {
        if (runId !== current) return null;
        if (st.found && st.found.strong) ownFirst(st, pages);
        return show(st, pages);
      });
    }).catch(function () {
      if (runId === current) status.textContent = word("failed");
    });
  }

  /* A region and a topic ("pakta integritas kepri"): the topic searched within the
   * region's province (a Pagefind filter), so its events lead. Null otherwise. */
  function local(found, opts) {
    var rest = found.rest.join(" ");
    var provinces = {};
    found.regions.forEach(function (r) { provinces[r.provinceName] = 1; });
    var names = Object.keys(provinces);
    if (!rest || names.length !== 1) return Promise.resolve(null);
    var filters = {};
    Object.keys(opts.filters).forEach(function (k) { filters[k] = opts.filters[k]; });
    filters.provinsi = names[0];
    return pagefind().then(function (pf) { return pf.search(rest, { filters: filters }); })
      .catch(function () { return null; });
  }

  function merge(first, rest) {
    if (!first || !first.results.length) return rest;
    var seen = {};
    first.results.forEach(function (r) { seen[r.id] = 1; });
    return first.results.concat(rest.filter(function (r) { return !seen[r.id]; }));
  }

  /* Among the results already fetched, the named region's own events first (a
   * regency's, ahead of its province's others); otherwise Pagefind's order. */
  function ownFirst(st, pages) {
    var names = st.found.regions.map(function (r) { return r.name; });
    var n = pages.length;
    var order = pages.map(function (d, i) {
      var m = d.meta || {};
      return [names.indexOf(m.wilayah) >= 0 ? 0 : 1, i];
    }).sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var results = st.results.slice(0, n);
    var sorted = order.map(function (x) { return pages[x[1]]; });
    order.forEach(function (x, i) { st.results[i] = results[x[1]]; });
    for (var i = 0; i < n; i++) pages[i] = sorted[i];
  }

  /* The regions the query names. Region pages carry the keys that name them alone
   * (meta "kunci"), so when Pagefind's top hit is that region, the region list
   * is not fetched at all. */
  function named(results, q) {
    if (!q.words.length) return Promise.resolve(null);
    var first = results.length ? dataOf(results[0]) : Promise.resolve(null);
    return first.then(function (d) {
      var keys = d && d.meta && d.meta.kunci ? d.meta.kunci.split("|") : [];
      var key = (q.level ? q.level + " " : "") + q.text;
      if (keys.indexOf(key) >= 0 || keys.indexOf(q.text) >= 0) {
        return { regions: [regionFromPage(d)], rest: [], typo: false, fromPage: true, strong: true };
      }
      return regions().then(function (all) { return findRegions(all, q); });
    });
  }

  /* Shared names: the region whose events rank first for the whole query leads
   * ("bandung pilkada 2024": the one with such events), then the one whose page
   * ranks first, then the one with more events. */
  function order(found, pages) {
    var rank = function (r) {
      var i, m;
      for (i = 0; i < pages.length; i++) {
        m = pages[i].meta || {};
        if (m.wilayah === r.name) return i;
      }
      for (i = 0; i < pages.length; i++) {
        m = pages[i].meta || {};
        if (m.title === r.name) return pages.length + i;
      }
      return 2 * pages.length;
    };
    return found.regions.map(function (r, i) { return [rank(r), -r.count, i, r]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; })
      .map(function (x) { return x[3]; });
  }

  function show(st, pages) {
    var found = st.found;
    var shown = [];
    if (found && found.strong) {
      shown = order(found, pages).slice(0, 3);
      shown.forEach(function (r) { answer.appendChild(card(r, found.town)); });
      if (found.typo) {
        var names = shown.map(function (r) { return r.name; }).join(word("and"));
        advice.appendChild(el("p", word("results_for", { names: names, query: st.query })));
      } else if (found.town) {
        advice.appendChild(el("p", word("town_note", { query: st.query })));
      }
    } else if (found) {
      choices(found);
      found = null;
    }
    var skip = shown.map(function (r) { return regionUrl(r.slug); });
    var rest = found ? found.rest : st.q.words;
    var level = found && st.q.level;
    /* Pagefind's excerpt only when the query asks for wording (a clause phrase, an
     * official): for a region, an election or a year the summary says it all. */
    var wording = rest.some(function (w) { return !FACT_WORDS[w] && !/^[0-9]+$/.test(w); });
    var count = render(st.results, pages, skip, level, wording);
    var total = st.filtered ? count : shown.length + count;
    var what = st.query ? word("for_query", { query: st.query }) : "";
    status.textContent = total ? word("results", { n: total, what: what }) :
      word("no_results", { what: what });
    if (st.filtered && !count) filterNotice(st);
  }

  /* Show results (the first PAGE already fetched), skipping the answered regions' pages
   * and, when the query named a level, region pages of other levels. Returns how many
   * results there are in all after skipping. */
  function render(results, pages, skip, level, withExcerpt) {
    var skipped = 0;
    var visible = function (d) {
      var url = new URL(d.url, window.location.href).href;
      if (skip.indexOf(url) >= 0) return false;
      var m = d.meta || {};
      if (level && m.tipe === "Halaman wilayah" && url.indexOf("/wilayah/" + level + "-") < 0) {
        return false;
      }
      return true;
    };
    pages.forEach(function (d) {
      if (!visible(d)) { skipped++; return; }
      list.appendChild(resultItem(d, withExcerpt));
    });
    moreButton(results, PAGE, visible, withExcerpt);
    return results.length - skipped;
  }

  function resultItem(d, withExcerpt) {
    var m = d.meta || {};
    var url = new URL(d.url, window.location.href).href;
    if (m.tipe === "Halaman wilayah") {
      var r = regionFromPage(d);
      var where = r.level === "prov" ? word("province_lower") :
        word("in_province", { province: r.provinceName });
      return item(url, m.title, word("region_page", { where: where }), countText(r.count) + ".", "");
    }
    var marked = withExcerpt && /<mark>/.test(d.excerpt || "");
    return item(url, m.title || d.url, "", m.ringkas || "", marked ? d.excerpt : "");
  }

  function moreButton(results, start, visible, withExcerpt) {
    var old = document.getElementById("cari-lagi");
    if (old) old.remove();
    if (results.length <= start) return;
    var button = el("button", word("more"));
    button.type = "button";
    button.id = "cari-lagi";
    button.addEventListener("click", function () {
      var slice = results.slice(start, start + PAGE);
      Promise.all(slice.map(dataOf)).then(function (pages) {
        pages.forEach(function (d) { if (visible(d)) list.appendChild(resultItem(d, withExcerpt)); });
        moreButton(results, start + PAGE, visible, withExcerpt);
      });
    });
    list.parentNode.insertBefore(button, list.nextSibling);
  }

  /* A filter hides every result: say so, with how many there are without it, and
   * offer to clear the filters in one click. */
  function filterNotice(st) {
    var names = selects.filter(function (s) { return s.value && s.getAttribute("data-filter"); })
      .map(function (s) { return s.parentNode.firstChild.textContent.trim() + ": " + s.value; });
    var p = el("p", word("filters_hide", { names: names.join(", ") }));
    var button = el("button", word("clear_filters"));
    button.type = "button";
    button.addEventListener("click", function () {
      selects.forEach(function (s) { if (s.getAttribute("data-filter")) s.value = ""; });
      navigate(true);
      run();
      input.focus();
    });
    notice.appendChild(p);
    notice.appendChild(button);
    if (!st.query) return;
    pagefind().then(function (pf) { return pf.search(st.query); }).then(function (res) {
      if (res.results.length) {
        p.textContent = p.textContent + word("without_filters", { n: res.results.length });
      } else {
        p.textContent = p.textContent + ".";
      }
    });
  }

  /* History: a new entry per query, not per keystroke. Typing replaces the entry it
   * created until the results have stood for a moment; Enter, a filter or a pause
   * settles it, and the next query gets its own entry. */
  var settled = true;
  var settleTimer = null;
  function navigate(commit) {
    var params = state().toString();
    var url = window.location.pathname + (params ? "?" + params : "");
    if (url === window.location.pathname + window.location.search) return;
    if (settled || commit) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
    settled = !!commit;
  }

  var typingTimer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(typingTimer);
    window.clearTimeout(settleTimer);
    typingTimer = window.setTimeout(function () {
      navigate(false);
      run().then(function () {
        window.clearTimeout(settleTimer);
        settleTimer = window.setTimeout(function () { settled = true; }, SETTLE);
      });
    }, DEBOUNCE);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    navigate(true);
    settled = true;
    run();
  });
  selects.forEach(function (s) {
    s.addEventListener("change", function () { navigate(true); settled = true; run(); });
  });
  window.addEventListener("popstate", function () {
    window.clearTimeout(typingTimer);
    settled = true;
    restore();
    run();
  });
  restore();
  /* The header's search button on a phone (its box is hidden there) sends an empty
   * query: put the cursor in this page's box. */
  if (new URLSearchParams(window.location.search).has("q") && !input.value) input.focus();
  run();
})();
