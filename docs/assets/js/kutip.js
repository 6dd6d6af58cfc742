/* Citations on event pages: fills in the reader's access date (today, in the page's
 * language) and offers a copy button. Words and month names come from the page's
 * message catalogue, written by the theme into <script id="pesan-js">. The HTML stays byte-identical between builds: the date
 * exists only in the reader's browser. No inline script (CSP), no dependencies. */
(function () {
  "use strict";

  var WORDS = (function () {
    var el = document.getElementById("pesan-js");
    try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
  })();
  var MONTHS = WORDS.months || [];
  var KUTIP = WORDS.kutip || {};

  function today() {
    var d = new Date();
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }

  function iso() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  /* The downloads carry the reader's access date too: urldate (BibTeX), Y2 (RIS),
   * accessed (CSL-JSON), added to the data: link in the browser, never at build. */
  var ACCESSED = {
    "application/x-bibtex": function (text, day) {
      return text.replace(/\n\}\n$/, ",\n  urldate = {" + day + "}\n}\n");
    },
    "application/x-research-info-systems": function (text, day) {
      return text.replace(/ER {2}- \r\n$/, "Y2  - " + day.replace(/-/g, "/") + "\r\nER  - \r\n");
    },
    "application/vnd.citationstyles.csl+json": function (text, day) {
      var items = JSON.parse(text);
      (Array.isArray(items) ? items : [items]).forEach(function (item) {
        item.accessed = { "date-parts": [day.split("-").map(Number)] };
      });
      return JSON.stringify(items) + "\n";
    }
  };

  function utf8Decode(b64) {
    return decodeURIComponent(Array.prototype.map.call(atob(b64), function (c) {
      return "%" + ("0" + c.charCodeAt(0).toString(16)).slice(-2);
    }).join(""));
  }

  function utf8Encode(text) {
    return btoa(encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, function (_, h) {
      return String.fromCharCode(parseInt(h, 16));
    }));
  }

  function withAccessDate(link, day) {
    var m = /^data:([^;]+);charset=utf-8;base64,(.*)$/.exec(link.getAttribute("href") || "");
    var add = m && ACCESSED[m[1]];
    if (!add) return;
    try {
      link.setAttribute("href", "data:" + m[1] + ";charset=utf-8;base64," + utf8Encode(add(utf8Decode(m[2]), day)));
    } catch (e) { /* leave the link as built */ }
  }

  function copy(text, status) {
    function done() { status.textContent = KUTIP.copied; }
    function failed() { status.textContent = KUTIP.copy_failed; }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  function init() {
    document.querySelectorAll("[data-tanggal-akses]").forEach(function (el) {
      el.textContent = today();
    });
    var day = iso();
    document.querySelectorAll('.kutipan a[href^="data:"][download]').forEach(function (link) {
      withAccessDate(link, day);
    });
    document.querySelectorAll("button[data-salin]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-salin"));
      if (!source) return;
      var status = button.parentNode.querySelector(".salin-status");
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(source.textContent.replace(/\s+/g, " ").trim(), status);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
