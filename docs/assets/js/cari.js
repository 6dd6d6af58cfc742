/*
 * Search page: Pagefind for full text and filters, plus a small region finder
 * that tolerates typos and "Kab."/"Kabupaten"/"Kota" prefixes.
 *
 * - Query, filters and sort live in the URL (?q=...&provinsi=...), so a result
 *   list can be shared and a reload restores it.
 * - Everything is served by this site; nothing is requested from elsewhere.
 * - Every value shown is inserted as text (textContent); excerpts keep only
 *   Pagefind's <mark> highlighting and nothing else.
 */
(function () {
  "use strict";

  var form = document.getElementById("form-cari");
  if (!form) return;

  var input = document.getElementById("cari-q");
  var status = document.getElementById("cari-status");
  var list = document.getElementById("cari-hasil");
  var advice = document.getElementById("cari-saran");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var rootUrl = new URL(form.getAttribute("data-root") || "./", window.location.href);
  var PAGE = 20;
  var pagefindPromise = null;
  var regionsPromise = null;
  var current = 0;

  var LEVEL_WORDS = {
    kabupaten: "kab", kab: "kab", kabupatenn: "kab",
    kota: "kota", kotamadya: "kota", kodya: "kota", kotamadia: "kota",
    provinsi: "prov", prov: "prov", propinsi: "prov"
  };
  var NOISE = { adm: 1, administrasi: 1, "kota adm": 1 };

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

  /* Lower case, no accents, letters and digits only, single spaces. */
  function normalize(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* Split off level words ("kab", "kota", ...) so "Kab. Bengkayang" is "bengkayang" + kab. */
  function parse(text) {
    var level = null;
    var words = normalize(text).split(" ").filter(function (w) {
      if (LEVEL_WORDS[w]) { level = LEVEL_WORDS[w]; return false; }
      return w && !NOISE[w];
    });
    return { level: level, words: words, text: words.join(" ") };
  }

  function indexRegions(rows) {
    return rows.map(function (row) {
      var keys = {};
      [row[0]].concat(row.slice(2)).forEach(function (name) {
        var key = parse(name).text;
        if (key) keys[key] = true;
      });
      return { name: row[0], slug: row[1], level: row[1].split("-")[0], keys: Object.keys(keys) };
    });
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

  /* Regions named by the query: exact (after normalising) or within a small edit distance. */
  function findRegions(all, query) {
    var q = parse(query);
    if (!q.text || q.words.length > 4) return { exact: [], near: [] };
    var fits = function (r) { return !q.level || r.level === q.level; };
    var exact = all.filter(function (r) { return fits(r) && r.keys.indexOf(q.text) >= 0; });
    if (!exact.length) {
      exact = all.filter(function (r) {
        return fits(r) && r.keys.some(function (k) { return q.text.indexOf(k) >= 0 && k.length > 3 &&
          (" " + q.text + " ").indexOf(" " + k + " ") >= 0; });
      });
    }
    if (exact.length) return { exact: exact.slice(0, 5), near: [] };
    var max = q.text.length <= 4 ? 1 : 2;
    var scored = [];
    all.forEach(function (r) {
      if (!fits(r)) return;
      var d = Math.min.apply(null, r.keys.map(function (k) { return distance(q.text, k, max); }));
      if (d <= max) scored.push([d, r]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || (a[1].name < b[1].name ? -1 : 1); });
    return { exact: [], near: scored.slice(0, 3).map(function (s) { return s[1]; }) };
  }

  function regionUrl(region) { return new URL("wilayah/" + region.slug + "/", rootUrl).href; }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
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

  function item(url, title, metaParts, excerptHtml) {
    var li = el("li");
    var a = el("a", title);
    a.href = url;
    var h = el("h2", "", "cari-judul");
    h.appendChild(a);
    li.appendChild(h);
    var meta = metaParts.filter(Boolean).join(" · ");
    if (meta) li.appendChild(el("p", meta, "cari-meta"));
    if (excerptHtml) li.appendChild(excerpt(excerptHtml));
    return li;
  }

  function showAdvice(found) {
    advice.textContent = "";
    if (!found.near.length) return;
    var p = el("p", "Maksud Anda: ");
    found.near.forEach(function (r, i) {
      var a = el("a", r.name);
      a.href = regionUrl(r);
      if (i) p.appendChild(document.createTextNode(" atau "));
      p.appendChild(a);
    });
    p.appendChild(document.createTextNode("?"));
    advice.appendChild(p);
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
      if (s.value) anyFilter = true;
    });
    if (anyFilter) form.querySelector("details").open = true;
  }

  function options() {
    var filters = {}, sort;
    selects.forEach(function (s) {
      if (s.value && s.getAttribute("data-filter")) filters[s.getAttribute("data-filter")] = s.value;
      if (s.name === "urut" && s.value) sort = { tanggal: s.value === "baru" ? "desc" : "asc" };
    });
    return { filters: filters, sort: sort };
  }

  function run() {
    var run_id = ++current;
    var query = input.value.trim();
    var opts = options();
    list.textContent = "";
    advice.textContent = "";
    if (!query && !Object.keys(opts.filters).length) {
      status.textContent = "Ketik nama wilayah, pejabat atau kata dari bunyi ikrar.";
      return Promise.resolve();
    }
    status.textContent = "Mencari…";
    var filtered = Object.keys(opts.filters).length > 0;
    return pagefind().then(function (pf) {
      var search = opts.sort && !query ? { filters: opts.filters, sort: opts.sort } : opts;
      return pf.search(query || null, search);
    }).then(function (res) {
      if (run_id !== current) return;
      return regionHits(res.results, query).then(function (hits) {
        if (run_id !== current) return;
        return render(res.results, hits, query, filtered);
      });
    }).catch(function () {
      if (run_id === current) status.textContent = "Pencarian gagal dimuat. Coba muat ulang halaman.";
    });
  }

  /* Pagefind's data for a result, fetched once however often it is asked for. */
  function dataOf(result) {
    if (!result.cached) result.cached = result.data();
    return result.cached;
  }

  /* "Kab. Bengkayang" -> "kab bengkayang"; "bengkayang" -> "bengkayang". */
  function queryKey(query) {
    var q = parse(query);
    return (q.level ? q.level + " " : "") + q.text;
  }

  /* Regions to pin or suggest. The region list (wilayah.json) is fetched only when
   * Pagefind's top hit is not already the one region the query names: region pages
   * carry the keys that name them alone (meta "kunci"). */
  function regionHits(results, query) {
    var none = { exact: [], near: [] };
    if (!query) return Promise.resolve(none);
    var first = results.length ? dataOf(results[0]) : Promise.resolve(null);
    return first.then(function (d) {
      var keys = d && d.meta && d.meta.kunci ? d.meta.kunci.split("|") : [];
      if (keys.indexOf(queryKey(query)) >= 0) return none;
      return regions().then(function (all) { return findRegions(all, query); });
    });
  }

  function render(results, regionHits, query, filtered) {
    var pinned = filtered ? [] : regionHits.exact;
    var pinnedUrls = pinned.map(regionUrl);
    pinned.forEach(function (r) {
      list.appendChild(item(regionUrl(r), r.name, ["Halaman wilayah"], ""));
    });
    showAdvice(pinned.length || (results.length && regionHits.exact.length) ? { near: [] }
      : regionHits);
    return more(results, 0, pinnedUrls).then(function (overlap) {
      var total = pinned.length + results.length - overlap;
      var what = query ? " untuk “" + query + "”" : "";
      status.textContent = total ? total + " hasil" + what + "." : "Tidak ada hasil" + what + ".";
    });
  }

  /* Show the next PAGE results, skipping pinned region pages; resolve to how many were skipped. */
  function more(results, start, pinnedUrls) {
    var slice = results.slice(start, start + PAGE);
    return Promise.all(slice.map(dataOf)).then(function (pages) {
      var skipped = 0;
      pages.forEach(function (d) {
        var url = new URL(d.url, window.location.href).href;
        if (pinnedUrls.indexOf(url) >= 0) { skipped++; return; }
        var m = d.meta || {};
        var title = m.title || d.url;
        var metaParts = [m.tipe, m.wilayah && m.wilayah !== title ? m.wilayah : "", m.tanggal, m.pejabat];
        list.appendChild(item(url, title, metaParts, d.excerpt));
      });
      var old = document.getElementById("cari-lagi");
      if (old) old.remove();
      if (results.length > start + PAGE) {
        var button = el("button", "Tampilkan lebih banyak");
        button.type = "button";
        button.id = "cari-lagi";
        button.addEventListener("click", function () { more(results, start + PAGE, pinnedUrls); });
        list.parentNode.insertBefore(button, list.nextSibling);
      }
      return skipped;
    });
  }

  function submit(event) {
    if (event) event.preventDefault();
    var params = state().toString();
    var url = window.location.pathname + (params ? "?" + params : "");
    window.history.replaceState(null, "", url);
    run();
  }

  form.addEventListener("submit", submit);
  selects.forEach(function (s) { s.addEventListener("change", submit); });
  window.addEventListener("popstate", function () { restore(); run(); });
  restore();
  run();
})();
