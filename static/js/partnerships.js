/* Partnerships: the health trend chart and the dormancy review's letters.
   Data arrives through json_script (CSP: no inline scripts). The partner map is drawn by
   static/js/atlas.js. */
(function () {
  "use strict";

  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function drawTrend() {
    var canvas = document.getElementById("health-trend");
    var data = readJSON("health-trend-data");
    if (!canvas || !data || !window.Chart) { return; }
    var rtl = document.documentElement.dir === "rtl";
    var fa = document.documentElement.lang === "fa";
    var digits = function (value) {
      var text = String(value);
      return fa ? text.replace(/[0-9]/g, function (d) { return "۰۱۲۳۴۵۶۷۸۹"[+d]; }) : text;
    };
    var chart = new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [{
          label: data.title,
          data: data.scores,
          borderColor: "#0d5c63",
          backgroundColor: "rgba(13,92,99,.12)",
          fill: true,
          tension: 0.25,
          pointRadius: 2
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false, rtl: rtl },
          tooltip: { rtl: rtl, callbacks: { label: function (ctx) { return digits(ctx.parsed.y); } } }
        },
        scales: {
          x: { reverse: rtl, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 } },
          y: {
            min: 0, max: 100, position: rtl ? "right" : "left",
            ticks: { stepSize: 20, callback: function (v) { return digits(v); } }
          }
        }
      }
    });
    canvas.setAttribute("data-chart-ready", String(chart.data.datasets[0].data.length));
  }

  function reviewLetters() {
    var form = document.querySelector("[data-review-form]");
    var letters = readJSON("review-letters");
    if (!form || !letters) { return; }
    var fa = form.querySelector("[name=letter_fa]");
    var en = form.querySelector("[name=letter_en]");
    function sync() {
      var chosen = form.querySelector("[name=decision]:checked");
      var decision = chosen ? chosen.value : "";
      var revive = form.querySelector("[data-revive-only]");
      var retire = form.querySelector("[data-retire-only]");
      if (revive) { revive.hidden = decision === "retire"; }
      if (retire) { retire.hidden = decision === "revive"; }
      if (!decision) { return; }
      var known = [letters.revive_fa, letters.retire_fa, letters.revive_en, letters.retire_en];
      // Swap the template only while the user has not edited the letter.
      if (fa && (fa.value === "" || known.indexOf(fa.value) >= 0)) { fa.value = letters[decision + "_fa"]; }
      if (en && (en.value === "" || known.indexOf(en.value) >= 0)) { en.value = letters[decision + "_en"]; }
    }
    form.addEventListener("change", function (event) {
      if (event.target && event.target.name === "decision") { sync(); }
    });
    sync();
  }

  function start() {
    drawTrend();
    reviewLetters();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
