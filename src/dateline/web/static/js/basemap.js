// Country outlines from Natural Earth (world-atlas 50m TopoJSON, vendored), drawn on a canvas.

const URL_ = "/static/vendor/world-atlas/countries-50m.json";

/** A Leaflet GeoJSON layer of the countries (null when the file or topojson-client is missing). */
export async function countryLayer() {
  const L = window.L;
  const topojson = window.topojson;
  if (!topojson) return null;
  const response = await fetch(URL_);
  if (!response.ok) throw new Error(`HTTP ${response.status} for the country outlines`);
  const topology = await response.json();
  const countries = topojson.feature(topology, topology.objects.countries);
  // Antarctica (ISO 010) only adds a band along the map's lower edge in Web Mercator
  countries.features = countries.features.filter((f) => f.id !== "010");
  return L.geoJSON(countries, {
    interactive: false,
    renderer: L.canvas({ padding: 0.2 }),
    style: () => ({ color: "#8a8a80", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 }),
  });
}
