// KOK office: donation receipts page. Plain JS, no build step; everything from /api/dashboard/receipts/* with the
// browser's own sign-in. API values are set as text, never as HTML; every text comes from receipts.texts.json
// (German and English, put in below when served).
(function () {
  "use strict";

  const API = "/api/dashboard/receipts";
  const LANG_KEY = "kok-lang";
  const TEXTS = /*{{texts}}*/ null;
  const state = { lang: "de", preview: null, progress: null, results: null, status: null, correcting: null };

  function texts() { return TEXTS[state.lang] || TEXTS.de; }
  function locale() { return state.lang === "de" ? "de-DE" : "en-GB"; }

  function t(key, values) {
    let text = String(texts()[key] ?? TEXTS.de[key] ?? key);
    for (const [name, value] of Object.entries(values || {})) text = text.replaceAll("{" + name + "}", String(value));
    return text;
  }

  function label(group, code) { return (texts()[group] || {})[code] ?? code; }
  function euros(cents) { return new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR" }).format(cents / 100); }
  function date(iso) { return iso ? new Intl.DateTimeFormat(locale(), { dateStyle: "medium" }).format(new Date(iso + "T12:00:00Z")) : "–"; }
  function count(n) { return new Intl.NumberFormat(locale()).format(n); }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  async function api(path, options) {
    const response = await fetch(API + path, Object.assign({ credentials: "same-origin", headers: { Accept: "application/json" } }, options));
    const body = (response.headers.get("Content-Type") || "").includes("json") ? await response.json() : null;
    if (!response.ok) {
      const code = body && body.code;
      const message = code ? label("problems", code) : t("failedRequest");
      throw Object.assign(new Error(message), { status: response.status, body });
    }
    return body;
  }

  function setStatus(text, kind) {
    state.status = text ? { text, kind } : null;
    const node = document.getElementById("status");
    node.textContent = text || "";
    node.className = "status" + (kind ? " " + kind : "");
  }

  function showBlocker(blocker) {
    const node = document.getElementById("blocker");
    node.hidden = !blocker;
    node.textContent = blocker ? (state.lang === "de" ? blocker.german : blocker.english) : "";
  }

  function years(select, newest, count) {
    const chosen = select.value;
    select.replaceChildren(...Array.from({ length: count }, (_, i) => el("option", { value: String(newest - i), text: String(newest - i) })));
    if (chosen) select.value = chosen;
  }

  // ---------- annual run ----------

  function annualYear() { return Number(document.getElementById("annual-year").value); }

  async function loadPreview() {
    const year = annualYear();
    document.getElementById("preview").replaceChildren(el("p", { class: "hint", text: t("loading") }));
    try {
      state.preview = await api(`/annual/${year}/preview`);
      state.progress = await api(`/annual/${year}/progress`);
      showBlocker(state.preview.blocker);
    } catch (error) {
      state.preview = null;
      setStatus(error.message, "error");
    }
    renderAnnual();
  }

  function renderAnnual() {
    const preview = state.preview;
    const target = document.getElementById("preview");
    if (!preview) { target.replaceChildren(); document.getElementById("progress").replaceChildren(); return; }
    const facts = el("dl", {},
      el("dt", { text: t("donors") }), el("dd", { text: count(preview.donors) }),
      el("dt", { text: t("payments") }), el("dd", { text: count(preview.payments) }),
      el("dt", { text: t("total") }), el("dd", { text: euros(preview.totalCents) }),
      el("dt", { text: t("alreadyIssued") }), el("dd", { text: count(preview.alreadyIssued) }));
    const card = el("div", { class: "card", "data-testid": "preview-card" }, facts,
      preview.payments > 0 ? el("p", { class: "hint" }, el("a", { href: preview.sample, target: "_blank", rel: "noopener", text: t("sample") })) : null);
    const leftOut = preview.leftOut.length === 0
      ? el("p", { class: "hint", text: t("leftOutNone") })
      : el("div", { class: "table-wrap" }, el("table", { class: "list", "data-testid": "left-out" },
          el("caption", { class: "visually-hidden", text: t("leftOutHeading") }),
          el("thead", {}, el("tr", {}, ...["name", "email", "reasonColumn", "payments", "total"].map(k => el("th", { scope: "col", text: t(k) })))),
          el("tbody", {}, ...preview.leftOut.map(d => el("tr", {},
            el("td", { text: d.name }), el("td", { text: d.email }), el("td", { text: label("reasons", d.reason) }),
            el("td", { class: "num", text: count(d.payments) }), el("td", { class: "num", text: euros(d.totalCents) }))))));
    const start = el("button", { type: "button", "data-testid": "start", text: t("start"), onclick: startRun });
    start.disabled = preview.donors === 0 || preview.donors === preview.alreadyIssued || !!preview.blocker;
    target.replaceChildren(el("div", { class: "cards" }, card), el("h3", { text: t("leftOutHeading") }), leftOut, el("p", {}, start));
    renderProgress();
  }

  function renderProgress() {
    const progress = state.progress;
    const target = document.getElementById("progress");
    if (!progress) { target.replaceChildren(); return; }
    const refresh = el("button", { type: "button", class: "secondary", "data-testid": "refresh", text: t("refresh"), onclick: loadPreview });
    target.replaceChildren(
      el("h3", { text: t("progressHeading") }),
      progress.started
        ? el("p", { "data-testid": "progress-counts", text: `${count(progress.done)} ${t("done")} · ${count(progress.toDo)} ${t("toDo")} · ${count(progress.failed)} ${t("failed")}` })
        : el("p", { class: "hint", text: t("notStarted") }),
      refresh);
  }

  async function startRun(event) {
    event.target.disabled = true;
    try {
      await api(`/annual/${annualYear()}/run`, { method: "POST" });
      setStatus(t("started"), "ok");
      await loadPreview();
    } catch (error) {
      setStatus(error.message, "error");
      event.target.disabled = false;
    }
  }

  // ---------- search, PDF, copy, correction ----------

  async function search() {
    const year = document.getElementById("search-year").value;
    const q = document.getElementById("search-q").value.trim();
    try {
      state.results = await api(`?year=${encodeURIComponent(year)}&q=${encodeURIComponent(q)}`);
    } catch (error) {
      state.results = null;
      setStatus(error.message, "error");
    }
    renderResults();
  }

  function renderResults() {
    const target = document.getElementById("results");
    const results = state.results;
    if (!results) { target.replaceChildren(); return; }
    if (results.receipts.length === 0) { target.replaceChildren(el("p", { class: "hint", text: t("none") })); return; }
    const rows = results.receipts.map(r => {
      const status = r.withdrawnOn
        ? [t("withdrawn", { date: date(r.withdrawnOn) }), r.replacedBy ? t("replacedBy", { number: r.replacedBy }) : ""].filter(Boolean).join(", ")
        : [t("valid"), r.replaces ? t("replaces", { number: r.replaces }) : ""].filter(Boolean).join(", ");
      const actions = el("div", { class: "row-actions" },
        el("a", { href: r.pdf, "data-testid": "pdf", text: t("pdf", { number: r.number }) }),
        el("a", { href: r.copy, "data-testid": "copy", text: t("copy", { number: r.number }) }),
        r.withdrawnOn ? null : el("button", { type: "button", class: "small secondary", "data-testid": "correct", text: t("correct"), onclick: () => openCorrection(r.number) }));
      return el("tr", {},
        el("td", { text: r.number }), el("td", { text: label("forms", r.form) }), el("td", { text: r.donorName }),
        el("td", { class: "num", text: euros(r.amountCents) }), el("td", { text: date(r.issueDate) }), el("td", { text: status }),
        el("td", {}, actions));
    });
    target.replaceChildren(el("div", { class: "table-wrap" }, el("table", { class: "list", "data-testid": "receipts" },
      el("caption", { class: "visually-hidden", text: t("searchHeading") }),
      el("thead", {}, el("tr", {}, ...["number", "form", "name", "amount", "issued", "state", "actions"].map(k => el("th", { scope: "col", text: t(k) })))),
      el("tbody", {}, ...rows))));
  }

  function openCorrection(number) {
    state.correcting = number;
    document.getElementById("correct-title").textContent = t("correctTitle", { number });
    document.getElementById("correct-reason").value = "";
    document.getElementById("correct-reason").removeAttribute("aria-invalid");
    document.getElementById("correct-error").textContent = "";
    document.getElementById("correct-dialog").showModal();
  }

  async function submitCorrection(event) {
    event.preventDefault();
    const input = document.getElementById("correct-reason");
    const reason = input.value.trim();
    if (!reason) {
      input.setAttribute("aria-invalid", "true");
      document.getElementById("correct-error").textContent = t("reasonMissing");
      input.focus();
      return;
    }
    const number = state.correcting;
    try {
      const result = await api(`/${encodeURIComponent(number)}/correct`, {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ reason }),
      });
      document.getElementById("correct-dialog").close();
      setStatus(result.replacement ? t("corrected", { number, replacement: result.replacement }) : t("withdrawnOnly", { number }), "ok");
      await search();
    } catch (error) {
      document.getElementById("correct-error").textContent = error.message;
    }
  }

  // ---------- language and start ----------

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    document.title = t("title");
    const toggle = document.getElementById("lang-switch");
    toggle.textContent = t("switchTo");
    toggle.lang = state.lang === "de" ? "en" : "de";
    renderAnnual();
    renderResults();
    if (state.preview) showBlocker(state.preview.blocker);
  }

  document.addEventListener("DOMContentLoaded", () => {
    try { state.lang = localStorage.getItem(LANG_KEY) === "en" ? "en" : "de"; } catch { state.lang = "de"; }
    // The server's year (Berlin), not the browser's clock.
    const thisYear = Number(document.getElementById("main").dataset.year) || new Date().getFullYear();
    years(document.getElementById("annual-year"), thisYear - 1, 6);
    years(document.getElementById("search-year"), thisYear, 6);
    document.getElementById("annual-form").addEventListener("submit", e => { e.preventDefault(); loadPreview(); });
    document.getElementById("search-form").addEventListener("submit", e => { e.preventDefault(); search(); });
    document.getElementById("correct-form").addEventListener("submit", submitCorrection);
    document.getElementById("correct-abort").addEventListener("click", () => document.getElementById("correct-dialog").close());
    document.getElementById("lang-switch").addEventListener("click", () => {
      state.lang = state.lang === "de" ? "en" : "de";
      try { localStorage.setItem(LANG_KEY, state.lang); } catch { /* private mode */ }
      applyLanguage();
    });
    applyLanguage();
  });
})();
