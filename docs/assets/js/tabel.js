/* Sortable, filterable registry tables. Progressive enhancement: without this
 * script every table is complete and readable; with it, column headers become
 * sort buttons and a filter box narrows rows as you type. No dependencies.
 * Cells may carry data-sort (ISO dates, counts) so sorting is by value, not text. */
(function () {
  "use strict";

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

  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
      c.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir);
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var d = compare(key(r1.cells[index]), key(r2.cells[index]));
      return dir === "ascending" ? d : -d;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "urut";
      button.textContent = th.textContent;
      button.title = "Urutkan menurut " + th.textContent.toLocaleLowerCase("id");
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
  }

  function makeFilterable(table, n) {
    var rows = table.tBodies.length ? table.tBodies[0].rows : [];
    if (rows.length < 6) return;
    var box = document.createElement("p");
    box.className = "saring-tabel";
    var id = "saring-tabel-" + n;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Saring baris: ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.placeholder = "ketik nama, tahun…";
    var count = document.createElement("span");
    count.setAttribute("role", "status");
    count.className = "sr-only";
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(count);
    var holder = table.closest(".tabel-gulir") || table;
    holder.parentNode.insertBefore(box, holder);
    input.addEventListener("input", function () {
      var q = input.value.trim().toLocaleLowerCase("id");
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var hit = !q || row.textContent.toLocaleLowerCase("id").indexOf(q) !== -1;
        row.hidden = !hit;
        if (hit) shown += 1;
      });
      count.textContent = shown + " dari " + rows.length + " baris";
    });
  }

  function init() {
    var n = 0;
    document.querySelectorAll("table.registri").forEach(function (table) {
      if (table.dataset.siap) return;
      table.dataset.siap = "1";
      if (table.hasAttribute("data-sortable")) makeSortable(table);
      if (table.hasAttribute("data-filter")) makeFilterable(table, n++);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
