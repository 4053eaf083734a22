/* The report request: choosing the other calendar puts that calendar's current year in the
   year field, unless the user typed a year of their own. */
(function () {
  "use strict";
  var PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
  function toLatin(text) {
    return text.replace(/[۰-۹]/g, function (d) { return String(PERSIAN.indexOf(d)); });
  }
  function shown(number) {
    var text = String(number);
    if (document.documentElement.lang !== "fa") { return text; }
    return text.replace(/[0-9]/g, function (d) { return PERSIAN[Number(d)]; });
  }
  document.addEventListener("change", function (event) {
    var radio = event.target;
    if (!radio.matches || !radio.matches("input[name=calendar]")) { return; }
    var year = document.querySelector("input[data-year-jalali]");
    if (!year) { return; }
    var typed = toLatin(year.value.trim());
    var known = [year.getAttribute("data-year-jalali"), year.getAttribute("data-year-gregorian")];
    if (typed === "" || known.indexOf(typed) !== -1) {
      year.value = shown(year.getAttribute("data-year-" + radio.value));
    }
  });
})();
