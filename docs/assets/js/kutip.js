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
