/* Partner discovery: the city's network drawn with cytoscape (data from json_script).
   The server picks the colours (one per country, as in the legend) and which nodes carry
   a name; the others show theirs on hover. */
(function () {
  "use strict";
  var holder = document.getElementById("discover-graph");
  var source = document.getElementById("discover-graph-data");
  if (!holder || !source || typeof window.cytoscape !== "function") { return; }
  var data = JSON.parse(source.textContent);
  var font = window.getComputedStyle(document.body).fontFamily;
  var narrow = holder.clientWidth < 600;

  // Rings: the city in the middle, its partners around it, then their partners in rings
  // of growing size (most linked nearest), so no ring is crowded.
  var second = data.nodes.filter(function (n) { return n.level === 2; });
  second.sort(function (x, y) { return y.degree - x.degree; });
  var ringOf = {};
  var ring = 0, room = narrow ? 14 : 20, used = 0;
  second.forEach(function (n) {
    if (used >= room) { ring += 1; used = 0; room = Math.round(room * 1.5); }
    ringOf[n.id] = ring;
    used += 1;
  });

  var elements = [];
  data.nodes.forEach(function (n) {
    var rank = n.level === 0 ? 1000 : (n.level === 1 ? 500 : 100 - ringOf[n.id]);
    elements.push({ data: {
      id: n.id, name: n.label, label: n.main ? n.label : "", level: n.level,
      colour: n.colour, rank: rank, home: n.home ? 1 : 0,
      size: n.level === 0 ? 38 : (n.level === 1 ? 20 : 10), title: n.countryName
    } });
  });
  data.edges.forEach(function (e, i) {
    elements.push({ data: { id: "e" + i, source: e.source, target: e.target, own: e.own ? 1 : 0 } });
  });
  var cy = window.cytoscape({
    container: holder,
    elements: elements,
    minZoom: 0.3,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-size": narrow ? 10 : 12, "font-family": font,
        "color": "#1d2330", "text-valign": "bottom", "text-margin-y": 3,
        "text-background-color": "#ffffff", "text-background-opacity": 0.85,
        "text-background-padding": 2, "text-background-shape": "roundrectangle",
        "min-zoomed-font-size": 6
      } },
      { selector: "node[level = 2]", style: { "opacity": 0.8 } },
      { selector: "node[home = 1]", style: { "border-width": 3, "border-color": "#b5651d" } },
      { selector: "node[level = 0]", style: {
        "border-width": 4, "border-color": "#0b4f5c", "font-size": narrow ? 12 : 15,
        "font-weight": "bold", "z-index": 10
      } },
      { selector: "node.hover", style: { "label": "data(name)", "z-index": 20 } },
      { selector: "edge", style: { "width": 1, "line-color": "#c5ccd6", "opacity": 0.7, "curve-style": "haystack" } },
      { selector: "edge[own = 1]", style: { "width": 4, "line-color": "#0b4f5c", "opacity": 1 } }
    ],
    layout: {
      name: "concentric", concentric: function (node) { return node.data("rank"); },
      levelWidth: function () { return 1; }, minNodeSpacing: narrow ? 8 : 14,
      spacingFactor: 1, padding: 12, animate: false
    }
  });
  cy.on("tap", "node", function (evt) {
    var url = new URL(window.location.href);
    url.searchParams.set("city", evt.target.id());
    window.location.href = url.toString();
  });
  cy.on("mouseover", "node", function (evt) {
    evt.target.addClass("hover");
    holder.setAttribute("title", evt.target.data("name") + (evt.target.data("title") ? " — " + evt.target.data("title") : ""));
  });
  cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); });
  holder.setAttribute("data-graph-ready", String(cy.nodes().length));
}());
/* Peers: a city ticked among the search results joins the chosen peers, so the next
   search does not wash it away. */
(function () {
  "use strict";
  var form = document.querySelector("[data-peers-form]");
  if (!form) { return; }
  form.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("[data-peer-options] input[name=peer]") || !box.checked) { return; }
    var label = box.closest("label");
    var chosen = form.querySelector("[data-chosen-peers] .row");
    if (!label || !chosen) { return; }
    var empty = chosen.querySelector(".muted");
    if (empty && !empty.closest("label")) { empty.remove(); }
    label.removeAttribute("data-peer-option");
    label.setAttribute("data-chosen-peer", box.value);
    var english = label.querySelector("[lang=en]");
    if (english) { english.remove(); }
    chosen.appendChild(label);
  });
  // The box only finds cities; once they are ticked, its text need not travel.
  form.addEventListener("submit", function () {
    var box = form.querySelector("[data-peer-search]");
    if (box) { box.value = ""; box.disabled = true; }
  });
}());
