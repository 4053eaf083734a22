/* The dashboard's charts (Chart.js): activities per month, missions by status, pacts by
   health label. Data arrives through json_script (CSP: no inline scripts), its labels
   already in the page's language (Jalali months in fa). Right to left in fa: the axis and
   the legend on the right, Persian digits on the axes and in the tooltips. The partners'
   map is drawn by static/js/atlas.js. */
(function () {
  "use strict";

  var RTL = document.documentElement.dir === "rtl";
  var FA = document.documentElement.lang === "fa";
  var PRIMARY = "#0d5c63";

  function digits(value) {
    var text = String(value);
    return FA ? text.replace(/[0-9]/g, function (d) { return "۰۱۲۳۴۵۶۷۸۹"[+d]; }) : text;
  }

  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function font() {
    return { family: getComputedStyle(document.body).fontFamily };
  }

  function base(horizontal) {
    var count = {
      beginAtZero: true,
      position: horizontal ? "bottom" : (RTL ? "right" : "left"),
      reverse: horizontal && RTL,
      ticks: { precision: 0, font: font(), callback: function (v) { return digits(v); } }
    };
    var names = {
      position: horizontal ? (RTL ? "right" : "left") : "bottom",
      reverse: !horizontal && RTL,
      ticks: { font: font(), autoSkip: false, maxRotation: horizontal ? 0 : 60 }
    };
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: horizontal ? "y" : "x",
      // Room for the last month's slanted name: with the axis reversed (right to left)
      // Chart.js leaves it none on the left.
      layout: { padding: { left: RTL && !horizontal ? 24 : 4, right: 4 } },
      locale: FA ? "fa-IR" : "en",
      plugins: {
        legend: { display: false, rtl: RTL, position: RTL ? "right" : "left" },
        tooltip: {
          rtl: RTL,
          textDirection: RTL ? "rtl" : "ltr",
          bodyFont: font(),
          titleFont: font(),
          callbacks: {
            label: function (ctx) { return digits(horizontal ? ctx.parsed.x : ctx.parsed.y); }
          }
        }
      },
      scales: horizontal ? { x: count, y: names } : { x: names, y: count }
    };
  }

  function bar(id, data, horizontal) {
    var canvas = document.getElementById(id);
    if (!canvas || !data) { return; }
    var chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{
          label: data.title,
          data: data.values,
          backgroundColor: data.colour || PRIMARY,
          borderRadius: 3
        }]
      },
      options: base(horizontal)
    });
    canvas.setAttribute("data-chart-ready", String(chart.data.datasets[0].data.length));
  }

  function start() {
    var charts = readJSON("dashboard-charts");
    if (!charts || !window.Chart) { return; }
    bar("chart-activities", charts.activities, false);
    bar("chart-missions", charts.missions, true);
    bar("chart-pacts", charts.pacts, true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
