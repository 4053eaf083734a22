/* World atlas: a city and its sister cities on a Leaflet map with no tiles.
   Country shapes come from the vendored world-atlas TopoJSON (drawn as GeoJSON).
   Data arrives through json_script (CSP: no inline scripts). */
(function () {
  "use strict";

  var RTL = document.documentElement.dir === "rtl";
  var COLOURS = { city: "#0f5c63", confirmed: "#1f7a4d", unconfirmed: "#b26a00" };

  function label(name) {
    var span = document.createElement("span");
    span.textContent = name;
    span.setAttribute("dir", "auto");
    return span;
  }

  function popup(point) {
    var box = document.createElement("div");
    box.setAttribute("dir", RTL ? "rtl" : "ltr");
    if (point.url) {
      var link = document.createElement("a");
      link.href = point.url;
      link.appendChild(label(point.name));
      box.appendChild(link);
    } else {
      var strong = document.createElement("strong");
      strong.appendChild(label(point.name));
      box.appendChild(strong);
    }
    return box;
  }

  function hasPosition(point) {
    return point && typeof point.lat === "number" && typeof point.lon === "number";
  }

  // A ring that crosses the antimeridian (Fiji, Chukotka) would draw a line across the
  // whole map: keep such a ring on one side by moving its western points east.
  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) {
        return ring.map(function (p) { return p[0] < 0 ? [p[0] + 360, p[1]] : p; });
      }
    }
    return ring;
  }

  function unwrap(geometry) {
    if (geometry.type === "Polygon") {
      geometry.coordinates = geometry.coordinates.map(unwrapRing);
    } else if (geometry.type === "MultiPolygon") {
      geometry.coordinates = geometry.coordinates.map(function (polygon) {
        return polygon.map(unwrapRing);
      });
    }
  }

  function drawCountries(map, url) {
    if (!url || !window.fetch || !window.topojson) { return; }
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (topology) {
        var shapes = window.topojson.feature(topology, topology.objects.countries);
        shapes.features.forEach(function (feature) {
          if (feature.geometry) { unwrap(feature.geometry); }
        });
        // Same pane as the links (Leaflet sizes only that pane's SVG), drawn beneath them.
        window.L.geoJSON(shapes, {
          interactive: false,
          style: {
            color: "#9fb3b8", weight: 0.6, fillColor: "#f6f3ec", fillOpacity: 1,
            className: "atlas-country"
          }
        }).addTo(map).bringToBack();
      })
      .catch(function () { /* the map still shows the links without shapes */ });
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-atlas-map"));
    if (!source || !window.L) { return; }
    var data = JSON.parse(source.textContent);
    var L = window.L;
    var map = L.map(element, {
      zoomSnap: 0.25,
      minZoom: 1,
      maxZoom: 9,
      worldCopyJump: false,
      attributionControl: true
    });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth, GeoNames");

    var bounds = [];
    var city = data.city;
    // A pact's map (one partner, or a few) names every city; a city's whole network names
    // its partners on hover.
    var fewPartners = data.partners.length <= 3;
    data.partners.forEach(function (partner) {
      if (!hasPosition(partner)) { return; }
      bounds.push([partner.lat, partner.lon]);
      // A partner may bring its own colour (the dashboard: its pact's health label), and a
      // map may draw the partners without the lines to the city (`links: false`).
      var colour = partner.colour || (partner.confirmed ? COLOURS.confirmed : COLOURS.unconfirmed);
      if (hasPosition(city) && data.links !== false) {
        L.polyline([[city.lat, city.lon], [partner.lat, partner.lon]], {
          color: colour,
          weight: partner.confirmed ? 2 : 1.5,
          opacity: 0.8,
          dashArray: partner.confirmed ? null : "5 5",
          className: "atlas-link" + (partner.confirmed ? "" : " atlas-link--unconfirmed")
        }).addTo(map);
      }
      L.circleMarker([partner.lat, partner.lon], {
        radius: partner.colour ? 6 : 5,
        color: "#fff",
        weight: 1,
        fillColor: colour,
        fillOpacity: 0.95,
        className: "atlas-partner"
      })
        .bindTooltip(label(partner.name), {
          direction: "top", permanent: fewPartners, className: fewPartners ? "atlas-partner-label" : ""
        })
        .bindPopup(popup(partner))
        .addTo(map);
    });
    if (hasPosition(city)) {
      bounds.push([city.lat, city.lon]);
      L.circleMarker([city.lat, city.lon], {
        radius: 8,
        color: "#fff",
        weight: 2,
        fillColor: COLOURS.city,
        fillOpacity: 1,
        className: "atlas-city"
      })
        .bindTooltip(label(city.name), { permanent: true, direction: "top", className: "atlas-city-label" })
        .addTo(map);
    }
    if (bounds.length > 1) {
      map.fitBounds(bounds, { padding: fewPartners ? [48, 48] : [24, 24], maxZoom: 6 });  // room for the labels
    } else if (bounds.length === 1) {
      map.setView(bounds[0], 5);
    } else {
      map.setView([20, 0], 1);
    }
    drawCountries(map, data.countries);
    element.setAttribute("data-map-ready", "1");
  }

  function start() {
    var maps = document.querySelectorAll("[data-atlas-map]");
    for (var i = 0; i < maps.length; i++) { draw(maps[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
