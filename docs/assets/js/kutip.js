/* Citations on event pages: fills in the reader's access date (today, in Indonesian)
 * and offers a copy button. The HTML stays byte-identical between builds: the date
 * exists only in the reader's browser. No inline script (CSP), no dependencies. */
(function () {
  "use strict";

  var MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
    "Agustus", "September", "Oktober", "November", "Desember"];

  function today() {
    var d = new Date();
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }

  function copy(text, status) {
    function done() { status.textContent = "Kutipan disalin."; }
    function failed() { status.textContent = "Tidak bisa menyalin; pilih teksnya lalu salin."; }
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
