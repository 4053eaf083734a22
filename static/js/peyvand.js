/* Peyvand: small page behaviours. Loaded with a CSP nonce-free src (same origin). */
(function () {
  "use strict";
  function startDatepicker() {
    if (window.jalaliDatepicker && document.documentElement.lang === "fa") {
      window.jalaliDatepicker.startWatch({ persianDigits: true, autoShow: true, zIndex: 2000 });
    }
  }
  document.addEventListener("DOMContentLoaded", startDatepicker);
  // Confirm destructive actions: any form or button with data-confirm asks first.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  }, true);
  // Auto-submit filter forms when a select changes.
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("form[data-autosubmit] select")) { el.form.requestSubmit(); }
  });
})();
document.addEventListener("change", function (event) {
  var el = event.target;
  if (el.matches && el.matches("select[data-office-menu]")) { window.location.href = el.value; }
});
