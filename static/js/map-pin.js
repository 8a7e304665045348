// One pin per [data-map-pin] element: Leaflet with OpenStreetMap tiles; the link stays as fallback.
document.querySelectorAll("[data-map-pin]").forEach((element) => {
  if (typeof L === "undefined") return;
  const lat = parseFloat(element.dataset.lat);
  const lon = parseFloat(element.dataset.lon);
  const map = L.map(element, { scrollWheelZoom: false }).setView([lat, lon], 12);
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
  }).addTo(map);
  L.marker([lat, lon], { title: element.dataset.label, alt: element.dataset.label }).addTo(map);
});
