/* Sortable, filterable registry tables. Progressive enhancement: without this
 * script every table is complete and readable; with it, column headers become
 * sort buttons, a filter box narrows rows as you type, and "Unduh tampilan ini"
 * saves the rows as shown (filtered, sorted) as CSV, made here in the browser: for a
 * table of events, their rows of events.csv (the same columns, as data); for other
 * tables, the cells as shown.
 * Cells may carry data-sort (ISO dates, counts) so sorting is by value, not text;
 * an empty data-sort (undated event, unknown count) sorts last in both directions.
 * Sort and filter live in the URL (?urut=tanggal-naik&saring=...; the second
 * table on a page uses urut2/saring2), so a view can be shared and reloaded.
 * A table with data-saring-petahana also gets a checkbox that keeps only rows
 * marked data-petahana (an incumbent candidate took part; claims.py decides),
 * remembered as ?petahana=1.
 * No dependencies. */
(function () {
  "use strict";

  /* Words come from the page's message catalogue (generator/messages/*.yml, `js`
   * section), written by the theme into <script id="pesan-js"> in the page's own
   * language: no extra request, and English pages get English controls. */
  var WORDS = (function () {
    var el = document.getElementById("pesan-js");
    try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
  })();
  var LANG = document.documentElement.lang || "id";

  function word(key, values) {
    var text = (WORDS.tabel || {})[key] || key;
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return values && name in values ? String(values[name]) : m;
    });
  }

  function key(cell) {
    if (!cell) return "";
    var raw = cell.getAttribute("data-sort");
    return raw !== null ? raw : cell.textContent.trim().toLocaleLowerCase("id");
  }

  function compare(a, b) {
    var na = Number(a), nb = Number(b);
    if (a !== "" && b !== "" && !isNaN(na) && !isNaN(nb)) return na - nb;
    return a.localeCompare(b, "id", { numeric: true });
  }

  var ORDER = { ascending: "naik", descending: "turun" };

  function slug(text) {
    return text.trim().toLocaleLowerCase("id").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  function param(n, name) {
    return n ? name + (n + 1) : name;
  }

  function wanted(n, name) {
    return new URL(window.location.href).searchParams.get(param(n, name)) || "";
  }

  function remember(n, name, value) {
    var url = new URL(window.location.href);
    if (value) url.searchParams.set(param(n, name), value);
    else url.searchParams.delete(param(n, name));
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }

  function sortBy(table, index, th, forced) {
    var body = table.tBodies[0];
    var dir = forced || (th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
      c.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir);
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var a = key(r1.cells[index]), b = key(r2.cells[index]);
      if (a === "" || b === "") return (a === "") - (b === "");
      var d = compare(a, b);
      return dir === "ascending" ? d : -d;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    var n = Number(table.dataset.nomor || 0);
    remember(n, "urut", th.getAttribute("data-kolom") + "-" + ORDER[dir]);
  }

  /* On a phone a .kartu table shows its rows as cards and hides the header row,
   * so the sort buttons go with it: a select above the cards sorts them instead
   * (CSS shows it only in card layout). */
  function makeCardSort(table, n) {
    var box = document.createElement("p");
    box.className = "urut-kartu";
    var id = "urut-kartu-" + n;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = word("sort_cards");
    var select = document.createElement("select");
    select.id = id;
    select.appendChild(new Option(word("choose_order"), ""));
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var name = th.textContent.trim();
      select.appendChild(new Option(word("ascending", { name: name }), index + ":ascending"));
      select.appendChild(new Option(word("descending", { name: name }), index + ":descending"));
    });
    select.addEventListener("change", function () {
      if (!select.value) return;
      var parts = select.value.split(":");
      sortBy(table, Number(parts[0]), heads[Number(parts[0])], parts[1]);
    });
    box.appendChild(label);
    box.appendChild(select);
    var holder = table.closest(".tabel-gulir") || table;
    holder.parentNode.insertBefore(box, holder);
  }

  function makeSortable(table, n) {
    if (!table.tHead || !table.tBodies.length) return;
    if (table.classList.contains("kartu")) makeCardSort(table, n);
    var order = /^(.*)-(naik|turun)$/.exec(wanted(n, "urut"));
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.setAttribute("data-kolom", slug(th.textContent));
      var button = document.createElement("button");
      button.type = "button";
      button.className = "urut";
      button.textContent = th.textContent;
      button.title = word("sort_by", { name: th.textContent.toLocaleLowerCase(LANG) });
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
      if (order && order[1] === th.getAttribute("data-kolom")) {
        sortBy(table, index, th, order[2] === "naik" ? "ascending" : "descending");
      }
    });
  }

  /* Filtering matches whole words: "pj" finds "Pj" but not "Pjs"; a word of three
   * letters or more also finds longer words it begins ("beng" -> "Bengkayang"). */
  function words(text) {
    return text.toLocaleLowerCase("id").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /* Text of an element with its text nodes kept apart: textContent would run a
   * cell or a line break into the next word ("BudimanPjs"). */
  function textOf(el) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var parts = [];
    while (walker.nextNode()) parts.push(walker.currentNode.nodeValue);
    return parts.join(" ");
  }

  function matches(query, have) {
    return query.every(function (q) {
      return have.some(function (w) { return w === q || (q.length >= 3 && w.indexOf(q) === 0); });
    });
  }

  /* A row may hold a list of the places inside it (.anak: a province's regencies
   * and cities): the row then shows when the list matches, with only the matching
   * places visible and the list opened. */
  function rowIndex(row) {
    var own = row.cloneNode(true);
    own.querySelectorAll(".anak").forEach(function (el) { el.remove(); });
    var details = row.querySelector("details.anak");
    return {
      row: row, own: words(textOf(own)), details: details,
      kids: Array.prototype.map.call(row.querySelectorAll(".anak li"), function (li) {
        return { li: li, words: words(textOf(li)) };
      })
    };
  }

  function applyFilter(index, query, flagged) {
    var shown = 0;
    index.forEach(function (it) {
      if (flagged && !it.row.hasAttribute("data-petahana")) {
        it.row.hidden = true;
        return;
      }
      var own = !query.length || matches(query, it.own);
      var kidHits = 0;
      it.kids.forEach(function (k) {
        var hit = own || matches(query, k.words);
        k.li.hidden = !hit;
        if (hit && !own) kidHits += 1;
      });
      if (it.details) it.details.open = kidHits > 0;
      it.row.hidden = !(own || kidHits);
      if (!it.row.hidden) shown += 1;
    });
    return shown;
  }

  function makeFilterable(table, n) {
    var rows = table.tBodies.length ? table.tBodies[0].rows : [];
    if (rows.length < 6) return;
    var box = document.createElement("div");
    box.className = "saring-tabel";
    var id = "saring-tabel-" + n;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = word("filter_label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.placeholder = word("filter_placeholder");
    input.setAttribute("aria-describedby", id + "-hitung");
    var count = document.createElement("p");
    count.id = id + "-hitung";
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
    count.className = "saring-hitung";
    box.appendChild(label);
    box.appendChild(input);
    var flag = table.hasAttribute("data-saring-petahana") ? flagBox(box, id) : null;
    box.appendChild(count);
    var holder = table.closest(".tabel-gulir") || table;
    holder.parentNode.insertBefore(box, holder);
    var index = null;  // built on first use: a long table costs nothing until filtered
    function filter() {
      if (!index) index = Array.prototype.map.call(rows, rowIndex);
      var raw = input.value.trim();
      var flagged = Boolean(flag && flag.checked);
      var shown = applyFilter(index, words(raw), flagged);
      if (!raw && !flagged) count.textContent = "";
      else if (!shown && raw) count.textContent = word("no_match", { query: raw });
      else count.textContent = word("matches", { shown: shown, total: rows.length });
      return raw;
    }
    input.addEventListener("input", function () { remember(n, "saring", filter()); });
    input.value = wanted(n, "saring");
    if (flag) {
      flag.checked = wanted(n, "petahana") === "1";
      flag.addEventListener("change", function () {
        filter();
        remember(n, "petahana", flag.checked ? "1" : "");
      });
    }
    if (input.value || (flag && flag.checked)) filter();
  }

  /* The checkbox of a table with data-saring-petahana, inside its filter box. */
  function flagBox(box, id) {
    var label = document.createElement("label");
    label.className = "saring-tanda";
    var flag = document.createElement("input");
    flag.type = "checkbox";
    flag.id = id + "-petahana";
    flag.setAttribute("aria-describedby", id + "-hitung");
    label.appendChild(flag);
    label.appendChild(document.createTextNode(word("incumbent_filter")));
    box.appendChild(label);
    return flag;
  }

  /* RFC 4180 cell; text a spreadsheet would run as a formula gets an apostrophe,
   * as in the site's own CSV downloads. */
  function csvCell(text) {
    var value = text.replace(/\s+/g, " ").trim();
    if (/^[=+\-@]/.test(value)) value = "'" + value;
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function viewCsv(table) {
    var head = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return csvCell(th.textContent);
    });
    var lines = [head.join(",")];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (row.hidden) return;
      lines.push(Array.prototype.map.call(row.cells, function (c) {
        return csvCell(textOf(c));
      }).join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  /* RFC 4180 records of a CSV text (quoted fields may hold commas, quotes, newlines). */
  function parseCsv(text) {
    var rows = [], row = [], field = "", quoted = false, i = 0;
    text = text.replace(/^\ufeff/, "");
    for (; i < text.length; i++) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
        else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") { row.push(field); field = ""; }
      else if (ch === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
      else field += ch;
    }
    if (field || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  function quoteCell(value) {
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  /* An events table saves data, not its text: the rows of the site's events.csv
   * (ISO dates, numbers as numbers, one field per column) for the events shown, in
   * the order shown. Cells come from the CSV as published, guards included. */
  function dataCsv(table, text) {
    var rows = parseCsv(text);
    var head = rows.shift() || [];
    var byId = {};
    rows.forEach(function (r) { byId[r[0]] = r; });
    var lines = [head.map(quoteCell).join(",")];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var r = !row.hidden && byId[row.dataset.id];
      if (r) lines.push(r.map(quoteCell).join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  function save(text, name) {
    var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function makeDownload(table, n) {
    var box = document.createElement("p");
    box.className = "unduh-tabel";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "unduh-tampilan tombol";
    button.textContent = word("download_view");
    button.addEventListener("click", function () {
      var page = slug(window.location.pathname.split("/").filter(Boolean).pop() || "registri");
      var name = page + (n ? "-" + (n + 1) : "") + ".csv";
      if (!table.dataset.csv) return save(viewCsv(table), name);
      button.disabled = true;
      fetch(table.dataset.csv)
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
        .then(function (text) { save(dataCsv(table, text), name); })
        .catch(function () { save(viewCsv(table), name); })
        .then(function () { button.disabled = false; });
    });
    box.appendChild(button);
    var holder = table.closest(".tabel-gulir") || table;
    holder.parentNode.insertBefore(box, holder);
  }

  /* The comparison page's action bar says how many events are picked. */
  function countPicks() {
    document.querySelectorAll("form.pilih-peristiwa").forEach(function (form) {
      var out = form.querySelector(".pilih-jumlah");
      if (!out) return;
      // form.id would name the form's inputs called "id": read the attribute.
      var id = form.getAttribute("id");
      function update() {
        var boxes = document.querySelectorAll('input[form="' + id + '"]:checked');
        out.textContent = word("picked", { n: boxes.length });
      }
      document.addEventListener("change", function (event) {
        if (event.target.form === form) update();
      });
      update();
    });
  }

  function init() {
    countPicks();
    var n = 0;
    document.querySelectorAll("table.registri").forEach(function (table) {
      if (table.dataset.siap) return;
      table.dataset.siap = "1";
      var k = n++;
      table.dataset.nomor = String(k);
      if (table.hasAttribute("data-filter")) makeFilterable(table, k);
      if (table.hasAttribute("data-sortable")) makeSortable(table, k);
      var rows = table.tBodies.length ? table.tBodies[0].rows.length : 0;
      var tool = table.hasAttribute("data-sortable") || table.hasAttribute("data-filter");
      if (tool && rows) makeDownload(table, k);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
