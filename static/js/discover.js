/* Partner discovery: the city's network drawn with cytoscape (data from json_script). */
(function () {
  "use strict";
  var holder = document.getElementById("discover-graph");
  var source = document.getElementById("discover-graph-data");
  if (!holder || !source || typeof window.cytoscape !== "function") { return; }
  var data = JSON.parse(source.textContent);
  function hue(code) {
    var h = 0;
    for (var i = 0; i < code.length; i += 1) { h = (h * 31 + code.charCodeAt(i)) % 360; }
    return h;
  }
  function colour(code) {
    return code ? "hsl(" + hue(code) + ", 62%, 48%)" : "#8a94a6";
  }
  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ data: {
      id: n.id, label: n.label, level: n.level, colour: colour(n.country),
      size: n.level === 0 ? 34 : (n.level === 1 ? 22 : 12), title: n.countryName
    } });
  });
  data.edges.forEach(function (e, i) {
    elements.push({ data: { id: "e" + i, source: e.source, target: e.target, own: e.own ? 1 : 0 } });
  });
  var cy = window.cytoscape({
    container: holder,
    elements: elements,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-size": 9, "color": "#23303f",
        "text-valign": "bottom", "text-margin-y": 2
      } },
      { selector: "node[level = 2]", style: { "label": "", "opacity": 0.75 } },
      { selector: "node[level = 0]", style: { "border-width": 3, "border-color": "#0b4f5c", "font-size": 12, "font-weight": "bold" } },
      { selector: "edge", style: { "width": 1, "line-color": "#c5ccd6", "curve-style": "haystack" } },
      { selector: "edge[own = 1]", style: { "width": 4, "line-color": "#0b4f5c" } }
    ],
    layout: { name: "concentric", concentric: function (node) { return 3 - node.data("level"); },
              levelWidth: function () { return 1; }, minNodeSpacing: 6, animate: false }
  });
  cy.on("tap", "node", function (evt) {
    var id = evt.target.id();
    var url = new URL(window.location.href);
    url.searchParams.set("city", id);
    window.location.href = url.toString();
  });
  cy.on("mouseover", "node", function (evt) {
    holder.setAttribute("title", evt.target.data("label") + (evt.target.data("title") ? " — " + evt.target.data("title") : ""));
  });
}());
