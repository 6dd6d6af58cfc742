/* Side-by-side comparison of 2-4 events (bandingkan/berdampingan/). The choice lives
 * in the address, ?id=a,b,c (or ?id=a&id=b as the selection form sends it), so the
 * link can be shared. Reads each record's own JSON download (data/peristiwa/<id>.json)
 * from this site; builds the table with DOM calls only (record values are text, never
 * markup). Rows align facts, then clauses by the template clause they follow. */
(function () {
  "use strict";

  /* Words come from the page's message catalogue (generator/messages/*.yml, `js`
   * section), written by the theme into <script id="pesan-js">: no extra request. */
  var WORDS = (function () {
    var el = document.getElementById("pesan-js");
    try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
  })();

  function word(key, values) {
    var text = (WORDS.berdampingan || {})[key] || key;
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return values && name in values ? String(values[name]) : m;
    });
  }

  var MAX = 4;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  var MONTHS = WORDS.months || [];
  var KINDS = WORDS.event_types || {};
  var STATUS = WORDS.status || {};
  var LOCALE = document.documentElement.lang === "en" ? "en-GB" : "id-ID";

  var box = document.getElementById("berdampingan");
  if (!box) return;
  var root = box.getAttribute("data-root") || "";
  var status = document.getElementById("berdampingan-status");

  function chosen() {
    var ids = [];
    new URLSearchParams(window.location.search).getAll("id").forEach(function (value) {
      value.split(",").forEach(function (raw) {
        var id = raw.trim();
        if (ID.test(id) && ids.indexOf(id) === -1) ids.push(id);
      });
    });
    return ids;
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function day(value) {
    if (!value) return "";
    var p = value.split("-");
    if (p.length === 1) return p[0];
    var month = MONTHS[Number(p[1]) - 1];
    return p.length === 3 ? Number(p[2]) + " " + month + " " + p[0] : month + " " + p[0];
  }

  function when(date) {
    if (!date || date.precision === "unknown" || !date.value) return word("unknown_date");
    var text = day(date.value);
    var phrase = { reported: 1, approximate: 1, month: 1, year: 1 }[date.precision];
    return phrase ? word(date.precision, { day: text }) : text;
  }

  function official(o) {
    if (!o) return null;
    var label = o.status !== "definitif" && STATUS[o.status] ? STATUS[o.status][0] + " " : "";
    return [o.name, label + (o.office || "")].filter(Boolean).join(", ");
  }

  function listed(items) {
    return items && items.length ? items.join("; ") : null;
  }

  var FACTS = [
    [word("province"), function (r) { return r.province && r.province.name; }],
    [word("date"), function (r) { return when(r.date); }],
    [word("elections"), function (r) { return listed((r.elections || []).map(function (x) { return x.name; })); }],
    [word("kinds"), function (r) { return listed((r.event_types || []).map(function (k) { return KINDS[k] || k; })); }],
    [word("official"), function (r) { return official(r.presiding) || word("no_presiding"); }],
    [word("participants"), function (r) {
      var n = r.participants && r.participants.count;
      return typeof n === "number" ? word("people", { n: n.toLocaleString(LOCALE) }) : null;
    }],
    [word("legal_basis"), function (r) { return listed((r.legal_basis || []).map(function (x) { return x.name; })); }],
    [word("changes"), changes]
  ];

  function changes(r) {
    var compared = (r.clauses || []).filter(function (c) { return c.segments; });
    if (!compared.length) {
      var para = (r.clauses || []).some(function (c) { return c.comparison === "paraphrase"; });
      return para ? word("paraphrase") : null;
    }
    var n = compared.reduce(function (sum, c) { return sum + (c.changes || 0); }, 0);
    return n ? word("changes_n", { n: n }) : word("follows");
  }

  function segments(cell, clause) {
    var p = el("p");
    clause.segments.forEach(function (s, i) {
      if (i) p.appendChild(document.createTextNode(" "));
      var kind = s[0], text = s[1], was = s[2];
      if (kind === "replaced" || kind === "removed") {
        var del = el("del", "", "hapus");
        del.appendChild(el("span", word(kind === "replaced" ? "template" : "removed"), "sr-only"));
        del.appendChild(document.createTextNode(was));
        del.appendChild(el("span", "]", "sr-only"));
        p.appendChild(del);
        if (kind === "removed") return;
        p.appendChild(document.createTextNode(" "));
      }
      if (kind === "replaced" || kind === "added") {
        var ins = el("ins", "", "tambah");
        ins.appendChild(el("span", word(kind === "replaced" ? "replaced_by" : "added"), "sr-only"));
        ins.appendChild(document.createTextNode(text));
        ins.appendChild(el("span", "]", "sr-only"));
        p.appendChild(ins);
      } else if (kind === "slot") {
        p.appendChild(el("span", text, "isian"));
      } else if (kind !== "removed") {
        p.appendChild(document.createTextNode(text));
      }
    });
    cell.appendChild(p);
    var note = clause.changes ? clause.changes + " perubahan" :
      word(clause.spelling_differences ? "same_spelling" : "same");
    cell.appendChild(el("p", note, "catatan"));
  }

  function clauseCell(cell, found) {
    if (!found.length) {
      cell.appendChild(el("span", word("not_recorded"), "kosong"));
      return;
    }
    found.forEach(function (clause) {
      if (clause.segments) {
        segments(cell, clause);
      } else {
        cell.appendChild(el("p", clause.text));
        cell.appendChild(el("p", word(clause.comparison === "paraphrase" ?
          "paraphrased" : "no_template"), "catatan"));
      }
    });
  }

  function clauseRows(records) {
    var keys = [];
    records.forEach(function (r) {
      (r.clauses || []).forEach(function (c) {
        var key = c.template || "";
        if (keys.indexOf(key) === -1) keys.push(key);
      });
    });
    var order = function (key) {
      for (var i = 0; i < records.length; i += 1) {
        var hit = (records[i].clauses || []).filter(function (c) { return (c.template || "") === key; })[0];
        if (hit) return key ? hit.template_position : 1e6;
      }
      return 1e6;
    };
    keys.sort(function (a, b) { return order(a) - order(b) || a.localeCompare(b); });
    return keys.map(function (key) {
      var label = key ? word("item", { n: order(key) }) : word("no_template_clause");
      return [label, function (r, cell) {
        clauseCell(cell, (r.clauses || []).filter(function (c) { return (c.template || "") === key; }));
      }];
    });
  }

  function without(ids, id) {
    var rest = ids.filter(function (x) { return x !== id; });
    return "?id=" + rest.join(",");
  }

  function table(records, ids) {
    var wrap = el("div", "", "tabel-gulir");
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", word("table_label"));
    var t = el("table", "", "registri berdampingan");
    t.appendChild(el("caption", word("caption", { n: records.length })));
    var head = t.createTHead().insertRow();
    var corner = el("th", word("corner"));
    corner.scope = "col";
    head.appendChild(corner);
    records.forEach(function (r) {
      var th = el("th");
      th.scope = "col";
      var a = el("a", r.region.name);
      a.href = root + "peristiwa/" + r.id + "/";
      th.appendChild(a);
      th.appendChild(el("br"));
      th.appendChild(el("span", when(r.date), "catatan"));
      th.appendChild(el("br"));
      var drop = el("a", word("drop"), "catatan");
      drop.href = without(ids, r.id);
      drop.setAttribute("aria-label", word("drop_label", { name: r.region.name }));
      th.appendChild(drop);
      head.appendChild(th);
    });
    /* On a phone each value is labelled with its event: the region alone, with the
     * date only where two picked events share a region (the full heading is above). */
    var names = records.map(function (r) { return r.region.name; });
    var labels = records.map(function (r, i) {
      var shared = names.filter(function (n) { return n === names[i]; }).length > 1;
      return shared ? names[i] + ", " + when(r.date) : names[i];
    });
    var body = t.createTBody();
    FACTS.concat(clauseRows(records)).forEach(function (row) {
      var tr = body.insertRow();
      var th = el("th", row[0]);
      th.scope = "row";
      tr.appendChild(th);
      records.forEach(function (r, i) {
        var cell = tr.insertCell();
        cell.setAttribute("data-label", labels[i]);
        if (row[1].length === 2) {
          row[1](r, cell);
          return;
        }
        var value = row[1](r);
        if (value) cell.textContent = value;
        else cell.appendChild(el("span", word("not_named"), "kosong"));
      });
    });
    wrap.appendChild(t);
    return wrap;
  }

  function share(ids) {
    var p = el("p", "", "bagikan");
    var label = el("label", word("link"));
    label.htmlFor = "tautan-berdampingan";
    var input = el("input");
    input.id = "tautan-berdampingan";
    input.type = "text";
    input.readOnly = true;
    input.value = window.location.href;
    input.addEventListener("focus", function () { input.select(); });
    p.appendChild(label);
    p.appendChild(input);
    return p;
  }

  function load(id) {
    return fetch(root + "data/peristiwa/" + id + ".json")
      .then(function (res) { return res.ok ? res.json() : null; })
      .catch(function () { return null; });
  }

  function show() {
    var all = chosen();
    var ids = all.slice(0, MAX);
    if (ids.length) {
      window.history.replaceState(null, "", window.location.pathname + "?id=" + ids.join(","));
    }
    if (ids.length < 2) {
      status.textContent = word(ids.length ? "one_more" : "none");
      return;
    }
    status.textContent = word("loading", { n: ids.length });
    Promise.all(ids.map(load)).then(function (found) {
      var records = found.filter(Boolean);
      var missing = ids.filter(function (id, i) { return !found[i]; });
      var notes = [];
      if (all.length > MAX) notes.push(word("only_first", { n: MAX }));
      if (missing.length) notes.push(word("not_found", { ids: missing.join(", ") }));
      status.className = notes.length ? "catatan" : "sr-only";
      status.textContent = (word("loaded", { n: records.length }) + " " + notes.join(" ")).trim();
      if (!records.length) return;
      box.appendChild(share(ids));
      box.appendChild(table(records, records.map(function (r) { return r.id; })));
    });
  }

  show();
})();
