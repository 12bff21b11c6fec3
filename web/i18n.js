// Tiny German/English switch for the KOK forms: elements carry data-i18n="key" (text) or data-i18n-attr="attr:key".
// The chosen language is remembered and sent to the API as "locale".
(function () {
  "use strict";
  const KokI18n = {
    texts: { de: {}, en: {} },
    lang: "de",
    add(texts) {
      for (const lang of Object.keys(texts)) Object.assign(this.texts[lang] ??= {}, texts[lang]);
    },
    t(key, values) {
      let text = (this.texts[this.lang] && this.texts[this.lang][key]) ?? this.texts.de[key] ?? key;
      for (const [name, value] of Object.entries(values || {})) text = text.replaceAll("{" + name + "}", String(value));
      return text;
    },
    apply() {
      document.documentElement.lang = this.lang;
      document.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = this.t(el.dataset.i18n); });
      document.querySelectorAll("[data-i18n-attr]").forEach(el => {
        for (const pair of el.dataset.i18nAttr.split(";")) {
          const [attr, key] = pair.split(":");
          el.setAttribute(attr.trim(), this.t(key.trim()));
        }
      });
      const switcher = document.getElementById("lang-switch");
      if (switcher) {
        switcher.textContent = this.lang === "de" ? "English" : "Deutsch";
        switcher.setAttribute("lang", this.lang === "de" ? "en" : "de");
      }
      document.dispatchEvent(new CustomEvent("kok:lang"));
    },
    init() {
      const fromUrl = new URLSearchParams(location.search).get("lang");
      let stored = null;
      try { stored = localStorage.getItem("kok-lang"); } catch { /* private mode */ }
      this.lang = [fromUrl, stored, (navigator.language || "de").slice(0, 2)].find(l => l === "de" || l === "en") || "de";
      const switcher = document.getElementById("lang-switch");
      if (switcher) switcher.addEventListener("click", () => {
        this.lang = this.lang === "de" ? "en" : "de";
        try { localStorage.setItem("kok-lang", this.lang); } catch { /* ignore */ }
        this.apply();
      });
      this.apply();
    },
  };
  window.KokI18n = KokI18n;
})();
