// Countries offered in the address forms (ISO 3166-1 alpha-2, names in German and English); Germany first.
window.KokCountries = [
  ["DE", "Deutschland", "Germany"], ["AT", "Österreich", "Austria"], ["CH", "Schweiz", "Switzerland"],
  ["BE", "Belgien", "Belgium"], ["BG", "Bulgarien", "Bulgaria"], ["CZ", "Tschechien", "Czechia"], ["DK", "Dänemark", "Denmark"],
  ["EE", "Estland", "Estonia"], ["ES", "Spanien", "Spain"], ["FI", "Finnland", "Finland"], ["FR", "Frankreich", "France"],
  ["GB", "Vereinigtes Königreich", "United Kingdom"], ["GR", "Griechenland", "Greece"], ["HR", "Kroatien", "Croatia"],
  ["HU", "Ungarn", "Hungary"], ["IE", "Irland", "Ireland"], ["IT", "Italien", "Italy"], ["LI", "Liechtenstein", "Liechtenstein"],
  ["LT", "Litauen", "Lithuania"], ["LU", "Luxemburg", "Luxembourg"], ["LV", "Lettland", "Latvia"], ["MT", "Malta", "Malta"],
  ["NL", "Niederlande", "Netherlands"], ["NO", "Norwegen", "Norway"], ["PL", "Polen", "Poland"], ["PT", "Portugal", "Portugal"],
  ["RO", "Rumänien", "Romania"], ["SE", "Schweden", "Sweden"], ["SI", "Slowenien", "Slovenia"], ["SK", "Slowakei", "Slovakia"],
  ["TR", "Türkei", "Türkiye"], ["UA", "Ukraine", "Ukraine"], ["US", "Vereinigte Staaten", "United States"],
];
window.KokFillCountries = function (select) {
  const lang = window.KokI18n.lang;
  const current = select.value || "DE";
  select.replaceChildren(...window.KokCountries.map(([code, de, en]) => {
    const option = document.createElement("option");
    option.value = code;
    option.textContent = lang === "de" ? de : en;
    return option;
  }));
  select.value = current;
};
