/* Peyvand: small page behaviours. Loaded with a CSP nonce-free src (same origin). */
(function () {
  "use strict";
  function startDatepicker() {
    if (window.jalaliDatepicker && document.documentElement.lang === "fa") {
      window.jalaliDatepicker.startWatch({
        persianDigits: true, autoShow: true, zIndex: 2000, initDate: "attr"
      });
    }
  }
  document.addEventListener("DOMContentLoaded", startDatepicker);
  // Dates show Persian digits in fa; the picker reads and writes Latin ones: every value it
  // writes goes back to Persian digits.
  var PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
  function toLatin(text) {
    return text.replace(/[۰-۹]/g, function (d) { return String(PERSIAN.indexOf(d)); });
  }
  function toPersian(text) {
    return text.replace(/[0-9]/g, function (d) { return PERSIAN[Number(d)]; });
  }
  function isDateInput(el) {
    return el && el.matches && el.matches("input[data-jdp]") && document.documentElement.lang === "fa";
  }
  // The field's value is never switched under the user's cursor: the picker learns the
  // date it opens at from an attribute (its initDate "attr" option), in Latin digits.
  function setDigits(el, convert) {
    var value = convert(el.value);
    if (value !== el.value) { el.value = value; }
  }
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (!isDateInput(el)) { return; }
    var latin = toLatin(el.value.trim());
    el.setAttribute("data-jdp-init-date", /^\d{4}\/\d{2}\/\d{2}$/.test(latin) ? latin : "today");
  }, true);
  document.addEventListener("jdp:change", function (event) {
    if (isDateInput(event.target)) { setDigits(event.target, toPersian); }
  });
  // Confirm destructive actions: any form or button with data-confirm asks first.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  }, true);
  // The phone's menu (a <details>) closes on Escape and on a click outside it.
  function closeMenus(except) {
    document.querySelectorAll("details[data-navmenu][open]").forEach(function (menu) {
      if (menu !== except) { menu.open = false; }
    });
  }
  document.addEventListener("click", function (event) {
    var menu = event.target.closest && event.target.closest("details[data-navmenu]");
    closeMenus(menu);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closeMenus(null); }
  });
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
