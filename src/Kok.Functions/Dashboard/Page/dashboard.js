// KOK office dashboard: plain JS, no build step, no library. Everything shown comes from /api/dashboard/* with the
// browser's own sign-in (cookie: App Service Authentication in Azure, DevHost's sign-in locally); the page never
// sees a token. Every value from the API is set as text (textContent), never as HTML. Every text a person reads comes
// from dashboard.texts.json (German and English, inserted below when served): the API's codes (statuses, mail kinds,
// audit actions, queue names, error codes) are looked up there, never shown as they are.
(function () {
  "use strict";

  const API = "/api/dashboard";
  const LANG_KEY = "kok-lang";
  const SVG_NS = "http://www.w3.org/2000/svg";
  // dashboard.texts.json, put in here by the server when it serves this file (DashboardPageFunction).
  const TEXTS = /*{{texts}}*/ null;

  const state = {
    lang: "de",
    year: null,
    summary: null,
    summaryError: null,
    overdue: { items: [], token: null, error: null, loaded: false },
    attention: { items: [], token: null, error: null, loaded: false },
    search: { q: "", items: [], token: null, error: null, loaded: false },
    bank: { items: [], token: null, error: null, loaded: false },
    bankResult: null,
    // The address shown in the erasure plan; the plan (dry run) and the result of the confirmed erasure.
    privacy: { overdue: null, overdueError: null, email: "", plan: null, result: null, requests: null, requestsError: null },
    detail: null,
    donation: null,
    chartTableShown: false,
    chartWidth: 0,
    // The message at the top: a function, so a language switch words it again; sticky ones are action results.
    status: null,
    recompute: null,
    // Actions whose request runs ("remind:mem_…"): their buttons stay disabled, also across a re-render.
    pending: new Set(),
  };

  // ---------- texts and formatting ----------

  function texts() { return TEXTS[state.lang] || TEXTS.de; }

  function locale() { return state.lang === "de" ? "de-DE" : "en-GB"; }

  // A text with {name} placeholders; numbers are formatted for the language, and a text with plural forms
  // ({"one": …, "other": …}) is chosen by values.count.
  function format(text, values) {
    if (text && typeof text === "object" && !Array.isArray(text)) {
      const n = Number(values && values.count);
      text = text[new Intl.PluralRules(locale()).select(Number.isFinite(n) ? n : 0)] ?? text.other;
    }

    let result = String(text);
    for (const [name, value] of Object.entries(values || {})) {
      result = result.replaceAll("{" + name + "}", typeof value === "number" ? count(value) : String(value));
    }

    return result;
  }

  function t(key, values) {
    return format(texts()[key] ?? TEXTS.de[key] ?? key, values);
  }

  // "Overdue" and "DuesStaffReminder" (older records) are the codes "overdue" and "dues_staff_reminder".
  function codeOf(value) {
    return String(value).replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  }

  // The label of an API code in a group (memberStatuses, mailKinds, auditActions, …).
  function label(group, value, values) {
    if (value === null || value === undefined || value === "") return "–";
    const labels = texts()[group] || {};
    const text = labels[value] ?? labels[codeOf(value)] ?? (TEXTS.de[group] || {})[value];
    return text === undefined ? String(value) : format(text, values);
  }

  function hasLabel(group, value) {
    const labels = texts()[group] || {};
    return value !== null && value !== undefined && (value in labels || codeOf(value) in labels);
  }

  function euros(cents) {
    if (typeof cents !== "number") return "–";
    return new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR" }).format(cents / 100);
  }

  function count(n) {
    return typeof n === "number" ? new Intl.NumberFormat(locale()).format(n) : "–";
  }

  // "2026-11-20" is a calendar date: formatted as such, whatever the browser's time zone.
  function date(text) {
    if (!text) return "–";
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return dateTime(text);
    const value = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return new Intl.DateTimeFormat(locale(), { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(value);
  }

  function dateTime(text) {
    if (!text) return "–";
    const value = new Date(text);
    if (Number.isNaN(value.getTime())) return "–";
    return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }).format(value);
  }

  // An instant as Berlin date and time of day, for sentences ("am 12.03.2027 um 09:41 Uhr").
  function dayAndTime(text) {
    const value = new Date(text);
    return {
      date: new Intl.DateTimeFormat(locale(), { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" }).format(value),
      time: new Intl.DateTimeFormat(locale(), { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" }).format(value),
    };
  }

  // Today in Berlin as yyyy-MM-dd (the office's calendar, as the server checks it).
  function berlinToday() {
    return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(new Date());
  }

  // "60", "60,00", "1.234,56" (German) or "60.00" → cents; null when it is not an amount.
  function parseEuros(text) {
    let value = String(text || "").replace(/[\s€]/g, "");
    if (value.includes(",")) value = value.replace(/\./g, "").replace(",", ".");
    const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(value);
    if (!match) return null;
    const cents = Number(match[1]) * 100 + Number((match[2] || "0").padEnd(2, "0"));
    return cents > 0 ? cents : null;
  }

  // ---------- DOM helpers ----------

  const $ = id => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat(Infinity)) if (child) node.append(child);
    return node;
  }

  function notice(message, isError) {
    return el("p", { class: "notice" + (isError ? " error" : ""), text: message });
  }

  // A table that becomes one card per row on a phone (CSS): each cell carries its column's name for that view.
  function tableOf(columns, rows, rowFn, attrs) {
    if (!rows || rows.length === 0) return notice(t("none"));
    const names = columns.map(c => t(c.key));
    const body = rows.map(row => {
      const tr = rowFn(row);
      [...tr.children].forEach((cell, i) => { if (names[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", names[i]); });
      return tr;
    });
    return el("div", { class: "table-wrap" },
      el("table", Object.assign({ class: "list" }, attrs || {}),
        el("thead", {}, el("tr", {}, columns.map((c, i) => el("th", { scope: "col", class: c.num ? "num" : null, text: names[i] })))),
        el("tbody", {}, body)));
  }

  function td(value, num, attrs) { return el("td", Object.assign({ class: num ? "num" : null, text: value }, attrs)); }

  // ---------- the message at the top ----------

  // Shows a message; kind "ok" or "error". Results of actions stay (and stay in view while scrolling) until the next
  // action or the reader hides them; they are worded again when the language changes.
  function announce(render, kind, sticky) {
    state.status = { render: typeof render === "function" ? render : () => render, kind, sticky: !!sticky };
    renderStatus();
  }

  function renderStatus() {
    const bar = $("status-bar"), status = $("status");
    const s = state.status;
    bar.hidden = !s;
    status.className = "status" + (s && s.kind ? " " + s.kind : "");
    bar.classList.toggle("sticky", !!(s && s.sticky));
    status.textContent = s ? s.render() : "";
  }

  // ---------- API ----------

  class ApiError extends Error {
    constructor(status, problem) {
      super("HTTP " + status);
      this.status = status;
      this.problem = problem;
    }

    // A 404 without a problem body is a route that does not exist (yet); a 404 problem is e.g. an unknown member.
    get notAvailable() { return this.status === 404 && !this.problem; }
  }

  async function api(path, options) {
    const init = { credentials: "same-origin", headers: { Accept: "application/json" }, method: "GET" };
    if (options && options.method) init.method = options.method;
    if (options && options.form) {
      init.body = options.form; // multipart/form-data: the browser sets the type with its boundary
    } else if (init.method !== "GET") {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify((options && options.body) || {});
    }

    let response;
    try {
      response = await fetch(API + path, init);
    } catch {
      throw new ApiError(0, null);
    }

    const type = response.headers.get("Content-Type") || "";
    let body = null;
    if (type.includes("json")) {
      try { body = await response.json(); } catch { body = null; }
    }

    if (!response.ok) throw new ApiError(response.status, type.includes("problem+json") ? body : null);
    return body;
  }

  // What went wrong, in the page's language: from the problem's code when it has one, else from the status. The
  // server's own title and detail are for API clients and never shown. subject names the member acted on.
  function describe(error, subject) {
    if (!(error instanceof ApiError)) return t("serverError", { status: "–" });
    if (error.status === 0) return t("offline");
    if (error.notAvailable) return t("notAvailable");
    if (error.status === 401) return t("signedOut");
    if (error.status === 403) return t("forbidden");
    const code = error.problem && error.problem.code;
    if (hasLabel("problems", code)) return label("problems", code, { name: subject || "–" });
    switch (error.status) {
      case 400: case 422: return t("badRequest");
      case 404: return t("notFound");
      case 409: return t("conflict");
      case 429: return t("tooMany");
      case 503: return t("unavailable");
      default: return t("serverError", { status: String(error.status) });
    }
  }

  // The remind endpoint refuses a second reminder within minutes with a 409 naming when the last one went out.
  function lastReminderAt(problem) {
    if (!problem) return null;
    for (const name of ["lastReminderAt", "lastRemindedAt", "lastSentAt", "remindedAt", "sentAt"]) {
      if (typeof problem[name] === "string" && !Number.isNaN(Date.parse(problem[name]))) return problem[name];
    }

    const known = new Set(["type", "title", "status", "detail", "instance", "code", "traceId", "errors", "errorCodes"]);
    const found = Object.entries(problem).find(([name, value]) => !known.has(name) && typeof value === "string"
      && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value)));
    return found ? found[1] : null;
  }

  // ---------- running actions ----------

  // Runs one action at a time per key; its buttons (data-busy-key) are disabled while the request runs, so a
  // double click cannot send it twice. Focus goes back to the button when a re-render replaced it.
  async function runAction(key, work) {
    if (state.pending.has(key)) return;
    const hadFocus = document.activeElement && document.activeElement.dataset && document.activeElement.dataset.busyKey === key;
    state.pending.add(key);
    setBusy(key, true);
    try {
      await work();
    } finally {
      state.pending.delete(key);
      setBusy(key, false);
      const active = document.activeElement;
      if (hadFocus && (!active || active === document.body)) {
        const again = document.querySelector(`[data-busy-key="${CSS.escape(key)}"]`);
        if (again) again.focus();
      }
    }
  }

  function setBusy(key, busy) {
    document.querySelectorAll(`[data-busy-key="${CSS.escape(key)}"]`).forEach(button => {
      button.disabled = busy;
      if (busy) button.setAttribute("aria-busy", "true");
      else button.removeAttribute("aria-busy");
    });
  }

  function busyAttrs(key) {
    const busy = state.pending.has(key);
    return { "data-busy-key": key, disabled: busy, "aria-busy": busy ? "true" : null };
  }

  // ---------- language ----------

  function applyTexts() {
    document.documentElement.lang = state.lang;
    document.title = t("title");
    document.querySelectorAll("[data-i18n]").forEach(node => { node.textContent = t(node.dataset.i18n); });
    const switcher = $("lang-switch");
    switcher.textContent = t("switchTo");
    switcher.setAttribute("lang", state.lang === "de" ? "en" : "de");
    $("chart-table-toggle").textContent = state.chartTableShown ? t("hideTable") : t("showTable");
    renderAll();
  }

  function setLanguage(lang) {
    state.lang = lang === "en" ? "en" : "de";
    try { localStorage.setItem(LANG_KEY, state.lang); } catch { /* storage off: the choice lasts for this page */ }
    applyTexts();
  }

  // ---------- summary ----------

  // announceLoaded: the reader asked for it (page load, year, refresh); after an action the action's result stays.
  async function loadSummary(announceLoaded) {
    const query = state.year ? "?year=" + encodeURIComponent(state.year) : "";
    try {
      state.summary = await api("/summary" + query);
      state.summaryError = null;
      if (!state.year) state.year = state.summary.year;
      fillYears(state.summary.year);
      if (announceLoaded) {
        const year = state.summary.year;
        announce(() => t("summaryLoaded", { year: String(year) }), "ok");
      }
    } catch (error) {
      state.summary = null;
      state.summaryError = error;
      if (announceLoaded) announce(() => describe(error), "error");
    }

    renderSummary();
    renderChart();
    renderExports();
  }

  function fillYears(selected) {
    const select = $("year");
    const newest = Math.max(selected, new Date().getFullYear()) + 1;
    const wanted = [];
    for (let y = newest; y >= Math.min(selected, newest - 7); y--) wanted.push(String(y));
    if (select.options.length !== wanted.length || select.options[0].value !== wanted[0]) {
      select.replaceChildren(...wanted.map(y => el("option", { value: y, text: y })));
    }

    select.value = String(selected);
  }

  function card(id, title, rows, ...extra) {
    return el("article", { class: "card", "data-testid": id, "aria-labelledby": id + "-title" },
      el("h3", { id: id + "-title", text: title }),
      el("dl", {}, rows.map(([term, value, testid, big]) => [
        el("dt", { text: term }),
        el("dd", { "data-testid": testid, class: big ? "big" : null, text: value }),
      ])),
      extra);
  }

  function renderSummary() {
    document.querySelectorAll(".year-label").forEach(node => { node.textContent = state.year ? String(state.year) : ""; });
    const cards = $("cards");
    const s = state.summary;
    if (!s) {
      cards.replaceChildren(state.summaryError ? notice(describe(state.summaryError), true) : notice(t("loading")));
      $("generated").textContent = "";
      return;
    }

    $("generated").textContent = t("generated", { time: dateTime(s.generatedAt) });
    renderAttentionCount();
    // Receipts blocked (exemption notice too old, settings missing): the API words it in both languages.
    const blocked = $("receipts-blocked");
    blocked.hidden = !s.receiptsBlocked;
    blocked.textContent = s.receiptsBlocked ? (state.lang === "de" ? s.receiptsBlocked.german : s.receiptsBlocked.english) : "";
    const m = s.members || {};
    const statuses = ["active", "overdue", "lapsed", "cancelling", "pending", "processing", "ended"];
    const poison = Object.entries(s.poison || {});
    const donations = s.donations || {};
    const inFlight = donations.inFlight || { count: 0, sumCents: 0 };
    cards.replaceChildren(
      card("card-members", t("cardMembers"),
        statuses.map(st => [label("memberStatuses", st), count(m[st]), "members-" + st])),
      card("card-dues", t("cardDues", { year: String(s.year) }), [
        [t("expected"), euros(s.dues.expectedCents), "dues-expected", true],
        [t("collected"), euros(s.dues.collectedCents), "dues-collected", true],
        [t("duesInFlight"), euros(s.dues.inFlightCents || 0), "dues-in-flight"],
        [t("outstanding"), euros(s.dues.outstandingCents), "dues-outstanding", true],
      ], el("p", { class: "hint", text: t("inFlightHint") })),
      card("card-donations", t("cardDonations", { year: String(s.year) }), [
        [t("oneTime", { count: donations.oneTime.count }), euros(donations.oneTime.sumCents), "donations-once"],
        [t("monthly", { count: donations.monthly.count }), euros(donations.monthly.sumCents), "donations-monthly"],
        [t("donationsTotal", { count: donations.count }), euros(donations.sumCents), "donations-total", true],
        [t("donationsInFlight", { count: inFlight.count }), euros(inFlight.sumCents), "donations-in-flight"],
      ]),
      card("card-year", t("cardYear", { year: String(s.year) }), [
        [t("newMembers"), count(s.newMembers), "new-members"],
        [t("endings"), count(s.endings), "endings"],
        [t("receipts"), count(s.receiptsIssued), "receipts"],
      ]),
      card("card-mail", t("cardMail"), [[t("mailsFailed"), count(s.mailsFailed), "mails-failed"]],
        el("p", { class: "sub", text: t("stuckHeading") }),
        poison.map(([queue, n]) => el("div", { class: "queue" },
          el("span", { class: "queue-name", text: label("queues", queue) }),
          el("span", { class: "queue-count", "data-testid": "poison-" + queue, text: count(n) }),
          n > 0 ? namedButton(t("requeue"), label("queues", queue), Object.assign({
            class: "secondary small", "data-testid": "requeue-" + queue, onclick: () => requeue(queue),
          }, busyAttrs("requeue:" + queue))) : null))));
  }

  function requeue(queue) {
    return runAction("requeue:" + queue, async () => {
      try {
        const result = await api("/mail/poison/" + encodeURIComponent(queue) + "/requeue", { method: "POST" });
        const n = result && typeof result.requeued === "number" ? result.requeued : 0;
        announce(() => t("requeued", { queue: label("queues", queue), count: n }), "ok", true);
        await loadSummary(false);
      } catch (error) {
        announce(() => describe(error), "error", true);
      }
    });
  }

  // ---------- privacy (DSGVO) ----------

  // One address, then: the copy of its data (Art. 15), an objection to mail (Art. 21), or the erasure (Art. 17):
  // first the plan (the request without confirm changes nothing), then reason and membership end, then the erasure
  // only after the explicit confirm button.
  const privacyFields = { email: "privacy-email", reason: "privacy-reason", membershipEnd: "privacy-membershipEnd" };

  async function loadPrivacyOverdue() {
    try {
      const result = await api("/privacy/overdue");
      state.privacy.overdue = result && typeof result.overdue === "number" ? result.overdue : null;
      state.privacy.overdueError = null;
    } catch (error) {
      state.privacy.overdue = null;
      state.privacy.overdueError = error;
    }

    renderPrivacy();
  }

  // The supporters' own requests from Mein KOK, oldest first; the confirmed erasure of an address closes its request.
  async function loadPrivacyRequests() {
    try {
      const result = await api("/privacy/requests");
      state.privacy.requests = result && Array.isArray(result.items) ? result.items : [];
      state.privacy.requestsError = null;
    } catch (error) {
      state.privacy.requests = null;
      state.privacy.requestsError = error;
    }

    renderPrivacy();
  }

  // A request's button puts its address into the form and shows the plan; staff then give the reason and confirm.
  function privacyUseRequest(email) {
    $("privacy-email").value = email;
    privacyPlan();
  }

  function privacyRequestItems() {
    const p = state.privacy;
    if (p.requestsError) return [notice(describe(p.requestsError))];
    if (p.requests === null) return [el("p", { text: t("loading") })];
    if (p.requests.length === 0) return [el("p", { "data-testid": "privacy-requests-none", text: t("privacyRequestsNone") })];
    return [el("ul", { class: "privacy-requests" }, p.requests.map(r => el("li", { "data-request-id": r.requestId },
      el("span", { text: t("privacyRequestLine", { email: r.email, date: dateTime(r.requestedAt) }) }),
      r.message ? el("q", { text: r.message }) : null,
      " ",
      el("button", {
        type: "button", class: "secondary", "data-busy-key": "privacy", "data-testid": "privacy-request-use",
        "aria-label": t("privacyRequestUseLabel", { email: r.email }), text: t("privacyRequestUse"),
        onclick: () => privacyUseRequest(r.email),
      }))))];
  }

  function clearPrivacyErrors() {
    $("privacy-error").textContent = "";
    for (const id of Object.values(privacyFields)) {
      const field = id === "privacy-membershipEnd" ? $("privacy-end") : $(id);
      field.removeAttribute("aria-invalid");
      $(id + "-error").textContent = "";
    }
  }

  // The fields a problem names get their message next to them; true when one was named.
  function showPrivacyErrors(error) {
    const problem = error instanceof ApiError && error.status === 400 ? error.problem : null;
    const named = Object.keys(Object.assign({}, problem && problem.errors, problem && problem.errorCodes))
      .filter(field => privacyFields[field] && !(field !== "email" && $("privacy-erase").hidden));
    for (const field of named) {
      const id = privacyFields[field];
      (id === "privacy-membershipEnd" ? $("privacy-end") : $(id)).setAttribute("aria-invalid", "true");
      $(id + "-error").textContent = label("privacyFieldErrors", field);
    }

    $("privacy-error").textContent = named.length ? t("checkFields") : describe(error);
    const first = document.querySelector("#privacy-form [aria-invalid=true]");
    if (first) first.focus();
    return named.length > 0;
  }

  // The address as typed, or null (with its message) when it cannot be one.
  function privacyEmail() {
    clearPrivacyErrors();
    const email = $("privacy-email").value.trim();
    if (/^[^\s@]+@[^\s@]+$/.test(email)) return email;
    $("privacy-email").setAttribute("aria-invalid", "true");
    $("privacy-email-error").textContent = label("privacyFieldErrors", "email");
    $("privacy-email").focus();
    return null;
  }

  function privacyExport() {
    const email = privacyEmail();
    if (!email) return;
    runAction("privacy", async () => {
      try {
        const response = await fetch(API + "/privacy/export?format=html&lang=" + state.lang, {
          method: "POST", credentials: "same-origin",
          headers: { Accept: "text/html", "Content-Type": "application/json" }, body: JSON.stringify({ email }),
        }).catch(() => { throw new ApiError(0, null); });
        if (!response.ok) {
          const type = response.headers.get("Content-Type") || "";
          throw new ApiError(response.status, type.includes("problem+json") ? await response.json().catch(() => null) : null);
        }

        const url = URL.createObjectURL(await response.blob());
        const link = el("a", { href: url, download: t("privacyExportFile") });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        announce(() => t("privacyExported"), "ok", true);
      } catch (error) {
        showPrivacyErrors(error);
      }
    });
  }

  function privacyObject() {
    const email = privacyEmail();
    if (!email) return;
    runAction("privacy", async () => {
      try {
        const result = await api("/privacy/objections", { method: "POST", body: { email } });
        const known = result && result.outcome === "already_recorded";
        announce(() => t(known ? "privacyObjectionKnown" : "privacyObjectionRecorded"), "ok", true);
      } catch (error) {
        showPrivacyErrors(error);
      }
    });
  }

  function privacyEnd() {
    const chosen = document.querySelector("input[name=privacy-end]:checked");
    return chosen ? chosen.value : "period_end";
  }

  // The plan: the same request without confirm. It changes nothing and is not recorded, so it carries no reason;
  // staff give theirs below the plan, before confirming.
  function privacyPlan() {
    const email = privacyEmail();
    if (!email) return;
    state.privacy.result = null;
    runAction("privacy", async () => {
      try {
        state.privacy.plan = await api("/privacy/erase", { method: "POST", body: { email, membershipEnd: privacyEnd() } });
        state.privacy.email = email;
        renderPrivacy();
        $("privacy-plan-heading").focus();
      } catch (error) {
        showPrivacyErrors(error);
      }
    });
  }

  function privacyConfirm() {
    const plan = state.privacy.plan;
    if (!plan) return;
    clearPrivacyErrors();
    const reason = $("privacy-reason").value.trim();
    if (!reason) {
      $("privacy-reason").setAttribute("aria-invalid", "true");
      $("privacy-reason-error").textContent = label("privacyFieldErrors", "reason");
      $("privacy-reason").focus();
      return;
    }

    const email = state.privacy.email;
    runAction("privacy", async () => {
      try {
        state.privacy.result = await api("/privacy/erase", {
          method: "POST", body: { email, reason, confirm: true, membershipEnd: privacyEnd() },
        });
        state.privacy.plan = null;
        $("privacy-reason").value = "";
        renderPrivacy();
        announce(() => t("privacyErased"), "ok", true);
        await Promise.all([refreshAfterAction(), loadPrivacyOverdue(), loadPrivacyRequests()]);
      } catch (error) {
        showPrivacyErrors(error);
      }
    });
  }

  function privacyAbort() {
    state.privacy.plan = null;
    clearPrivacyErrors();
    renderPrivacy();
    $("privacy-plan").focus();
  }

  // Per store one sentence: what happens (or happened) to how many records, and until when retained ones are kept.
  function privacyStores(result, done) {
    const stores = (result.stores || []).filter(s => s.count > 0);
    const counts = el("p", { text: t(done ? "privacyDoneCounts" : "privacyPlanCounts", { donations: result.donations, members: result.members }) });
    if (stores.length === 0) return [counts, notice(t("privacyNothing"))];
    return [counts, el("ul", { class: "privacy-plan", "data-testid": done ? "privacy-done-stores" : "privacy-plan-stores" },
      stores.map(s => el("li", { "data-store": s.store, "data-action": s.action, text: label(done ? "privacyDone" : "privacyActions", s.action, {
        store: hasLabel("privacyStores", s.store) ? label("privacyStores", s.store) : t("privacyStoreOther", { store: s.store }), count: s.count, date: date(s.retainedUntil),
      }) })))];
  }

  function renderPrivacy() {
    const p = state.privacy;
    const overdue = $("privacy-overdue");
    overdue.className = p.overdueError || p.overdue > 0 ? "notice error" : "";
    overdue.textContent = p.overdueError ? describe(p.overdueError)
      : p.overdue === null ? t("loading") : t("privacyOverdue", { count: p.overdue });
    $("privacy-requests").replaceChildren(...privacyRequestItems());
    $("privacy-erase").hidden = !p.plan;
    $("privacy-plan-body").replaceChildren(...(p.plan ? [el("p", { text: t("privacyPlanFor", { email: p.email }) }), ...privacyStores(p.plan, false)] : []));
    $("privacy-result").replaceChildren(...(p.result ? [el("h3", { text: t("privacyDoneHeading") }), ...privacyStores(p.result, true)] : []));
  }

  // ---------- recompute ----------

  function recompute() {
    return runAction("recompute", async () => {
      try {
        state.recompute = await api("/totals/recompute", { method: "POST" });
        const result = state.recompute;
        const drift = Array.isArray(result.drift) ? result.drift.length : 0;
        announce(() => t("recomputed", { count: result.entitiesScanned || 0 }) + " "
          + (drift ? t("recomputedDrift", { count: drift }).replace(/:$/, ".") : t("recomputedClean")), "ok", true);
        renderRecompute();
        await loadSummary(false);
      } catch (error) {
        announce(() => describe(error), "error", true);
      }
    });
  }

  function scopeName(scope) {
    if (scope === "current") return t("scopeCurrent");
    let match = /^(\d{4})$/.exec(scope);
    if (match) return t("scopeYear", { year: match[1] });
    match = /^(\d{4})-(\d{2})$/.exec(scope);
    if (match) return t("scopeMonth", { year: match[1], month: texts().monthNames[Number(match[2]) - 1] });
    return scope;
  }

  function counterValue(counter, value) {
    return /Cents$/.test(counter) ? euros(value) : count(value);
  }

  // What the recompute found, one line per counter that was off, in plain words.
  function renderRecompute() {
    const r = state.recompute;
    const container = $("recompute-result");
    if (!r) return container.replaceChildren();
    const drift = Array.isArray(r.drift) ? r.drift : [];
    const found = drift.length === 0
      ? [el("p", { "data-testid": "recompute-clean", text: t("recomputedClean") })]
      : [el("p", { text: t("recomputedDrift", { count: drift.length }) }),
        el("ul", { class: "drift", "data-testid": "recompute-drift" }, drift.map(d => el("li", {
          text: t("driftLine", {
            counter: label("counters", d.counter), scope: scopeName(d.scope),
            stored: counterValue(d.counter, d.stored), recomputed: counterValue(d.counter, d.recomputed),
          }),
        })))];
    container.replaceChildren(el("p", { text: t("recomputed", { count: r.entitiesScanned || 0 }) + " (" + dateTime(r.recomputedAt) + ")" }), ...found);
  }

  // ---------- chart ----------

  function monthRows() {
    const months = state.summary && Array.isArray(state.summary.months) ? state.summary.months : [];
    const rows = [];
    for (let i = 1; i <= 12; i++) {
      const m = months.find(x => x && x.month === i) || {};
      rows.push({ month: i, dues: m.duesCollectedCents || 0, donations: m.donationCents || 0, inFlight: m.inFlightCents || 0 });
    }

    return { rows, present: months.length > 0 };
  }

  // A round step for the value axis (1, 2 or 5 times a power of ten, in euros).
  function niceStep(maxEuros) {
    const rough = Math.max(maxEuros, 100) / 4;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    return [1, 2, 5, 10].map(f => f * power).find(step => step >= rough);
  }

  // Drawn for the width it has (so texts keep their size on a phone) and again when that width changes.
  function renderChart() {
    const { rows, present } = monthRows();
    const available = Math.round($("chart").clientWidth) || 760;
    const width = Math.max(300, Math.min(760, available)), height = width < 500 ? 240 : 300;
    state.chartWidth = available;
    const left = width < 500 ? 56 : 70, right = 6, top = 14, bottom = 34;
    const plotW = width - left - right, plotH = height - top - bottom;
    const maxEuros = Math.max(...rows.map(r => Math.max(r.dues, r.donations, r.inFlight))) / 100;
    const step = niceStep(maxEuros);
    const axisMax = Math.max(step * 4, Math.ceil(maxEuros / step) * step);
    const y = euro => top + plotH - (euro / axisMax) * plotH;
    const slot = plotW / 12, barW = Math.max(2, Math.min(16, slot / 3 - 2));
    const year = state.year || "";
    const short = slot < 30;

    const chart = svg("svg", {
      viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "chart-title", "data-testid": "chart-svg",
    },
    svg("title", { id: "chart-title", text: t("chartLabel", { year: String(year) }) }),
    svg("defs", {}, svg("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("rect", { width: 6, height: 6, class: "hatch-bg" }),
      svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line" }))));

    for (let i = 0; i <= Math.round(axisMax / step); i++) {
      const value = i * step, py = y(value);
      chart.append(
        svg("line", { x1: left, x2: width - right, y1: py, y2: py, class: i === 0 ? "axis" : "grid" }),
        svg("text", { x: left - 6, y: py + 4, "text-anchor": "end", class: "tick",
          text: new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR", maximumFractionDigits: 0, notation: width < 500 ? "compact" : "standard" }).format(value) }));
    }

    rows.forEach((r, i) => {
      const x = left + i * slot + slot / 2;
      const monthName = texts().monthNames[i];
      const bar = (value, cls, dx, fill, what) => {
        const h = (value / 100 / axisMax) * plotH;
        return svg("rect", { x: x + dx, y: y(value / 100), width: barW, height: Math.max(h, 0), class: cls, fill },
          svg("title", { text: `${monthName}: ${what} ${euros(value)}` }));
      };
      chart.append(
        bar(r.dues, "bar-dues", -1.5 * barW - 1, "currentColor", t("duesCollected")),
        bar(r.donations, "bar-donations", -0.5 * barW, "url(#hatch)", t("donationsPaid")),
        bar(r.inFlight, "bar-in-flight", 0.5 * barW + 1, "none", t("inFlight")),
        svg("text", { x, y: height - bottom + 18, "text-anchor": "middle", class: "month-label", text: short ? monthName[0] : texts().months[i] }));
    });

    if (!present) {
      chart.append(svg("text", { x: left + plotW / 2, y: top + plotH / 2, "text-anchor": "middle", class: "empty-note", "data-testid": "chart-empty", text: t("chartEmpty") }));
    }

    $("chart").replaceChildren(chart);
    $("chart-table").querySelector("tbody").replaceChildren(...rows.map((r, i) => el("tr", {},
      el("th", { scope: "row", text: texts().monthNames[i] }),
      td(present ? euros(r.dues) : "–", true),
      td(present ? euros(r.donations) : "–", true),
      td(present ? euros(r.inFlight) : "–", true))));
    markScrollable();
  }

  function toggleChartTable() {
    state.chartTableShown = !state.chartTableShown;
    // The wrapper hides the table (for screen readers it is always there): a table itself cannot shrink to 1 px.
    $("chart-table-wrap").classList.toggle("visually-hidden", !state.chartTableShown);
    const toggle = $("chart-table-toggle");
    toggle.setAttribute("aria-expanded", String(state.chartTableShown));
    toggle.textContent = state.chartTableShown ? t("hideTable") : t("showTable");
    markScrollable();
  }

  // Should the table not fit a narrow screen, it scrolls in its own region, which the keyboard can reach and which
  // is named after its caption; the page itself never scrolls sideways.
  function markScrollable() {
    const wrap = $("chart-table-wrap");
    const scrolls = state.chartTableShown && wrap.scrollWidth > wrap.clientWidth;
    if (scrolls) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", t("chartHeading"));
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }

  // ---------- member lists (overdue, search) ----------

  function memberName(m) { return m.name || m.id; }

  async function loadList(list, query, append, path) {
    const params = new URLSearchParams(query);
    if (append && list.token) params.set("continuationToken", list.token);
    try {
      const page = await api((path || "/members") + "?" + params.toString());
      const items = Array.isArray(page && page.items) ? page.items : [];
      list.items = append ? list.items.concat(items) : items;
      list.token = page && page.continuationToken ? page.continuationToken : null;
      list.error = null;
    } catch (error) {
      if (!append) list.items = [];
      list.token = null;
      list.error = error;
    }

    list.loaded = true;
  }

  async function loadOverdue(append) {
    await loadList(state.overdue, { status: "overdue" }, append);
    renderOverdue();
  }

  async function runSearch(append, announceResult) {
    if (!append) state.search.q = $("search-q").value.trim();
    await loadList(state.search, state.search.q ? { q: state.search.q } : {}, append);
    renderSearch();
    if (announceResult && !state.search.error) {
      const n = state.search.items.length;
      announce(() => n ? t("searchCount", { count: n }) : t("searchEmpty"), "ok");
    }
  }

  // Visible text first, then who it is for (read by screen readers only), so the accessible name contains the label.
  function namedButton(text, forWhom, attrs) {
    return el("button", Object.assign({ type: "button" }, attrs), text, el("span", { class: "visually-hidden", text: " – " + forWhom }));
  }

  // Only the actions the API would accept for the member's status, so a search hit never offers a dead button.
  function actionButtons(m) {
    const name = memberName(m);
    const unpaid = m.status === "overdue" || m.status === "lapsed";
    const cancellable = unpaid || m.status === "active";
    const button = (action, text, cls, handler) => namedButton(text, name, Object.assign(
      { class: cls, "data-action": action, "data-member": m.id, onclick: handler }, busyAttrs(action + ":" + m.id)));
    return el("div", { class: "row-actions" },
      unpaid ? button("remind", t("remind"), "small", () => remind(m)) : null,
      unpaid ? button("payment", t("recordTransfer"), "small secondary", e => openPayment(m, e.currentTarget)) : null,
      cancellable ? button("cancel", t("cancel"), "small secondary", e => confirmCancel(m, e.currentTarget)) : null);
  }

  // Name, contact person and member number one under the other, on one left edge.
  function memberCell(m) {
    return el("td", { class: "member" },
      el("button", { type: "button", class: "link name", "data-action": "details", "data-member": m.id,
        text: memberName(m), onclick: e => openMember(m.id, e.currentTarget) }),
      m.contactPerson ? el("span", { class: "contact", text: m.contactPerson }) : null,
      el("span", { class: "member-no", text: t("memberNo") + " " + m.id }));
  }

  // The overdue list shows where members live (all share one status); search results show each one's status.
  function renderMemberList(container, list, emptyKey, overdueList, testid) {
    if (!list.loaded) return container.replaceChildren(notice(t("loading")));
    if (list.error) return container.replaceChildren(notice(describe(list.error), !list.error.notAvailable));
    if (list.items.length === 0) return container.replaceChildren(notice(t(emptyKey)));
    const columns = [
      { key: "member" }, { key: overdueList ? "dueDate" : "nextDue" },
      { key: "outstanding", num: true }, { key: "paymentMethod" }, { key: overdueList ? "city" : "status" }, { key: "actions" },
    ];
    container.replaceChildren(tableOf(columns, list.items, m => el("tr", { "data-member": m.id },
      memberCell(m),
      td(date(m.dueDate)),
      td(euros(m.outstandingCents), true),
      td(label("methods", m.paymentMethod)),
      overdueList ? td(m.city || "–") : td(label("memberStatuses", m.status), false, { "data-testid": "status-" + m.id }),
      el("td", { class: "actions" }, actionButtons(m))), { "data-testid": testid, class: "list members" }));
  }

  function renderOverdue() {
    renderMemberList($("overdue"), state.overdue, "overdueEmpty", true, "overdue-table");
    $("overdue-more").hidden = !state.overdue.token;
  }

  function renderSearch() {
    const container = $("search-results");
    if (!state.search.loaded) { container.replaceChildren(); $("search-more").hidden = true; return; }
    renderMemberList(container, state.search, "searchEmpty", false, "search-table");
    $("search-more").hidden = !state.search.token;
  }

  async function refreshAfterAction() {
    await Promise.all([loadSummary(false), loadOverdue(false)]);
    if (state.search.loaded) await runSearch(false, false);
  }

  // ---------- actions ----------

  function remind(m) {
    const name = memberName(m);
    return runAction("remind:" + m.id, async () => {
      try {
        await api("/members/" + encodeURIComponent(m.id) + "/remind", { method: "POST" });
        announce(() => t("reminded", { name }), "ok", true);
      } catch (error) {
        const at = error instanceof ApiError && error.status === 409 ? lastReminderAt(error.problem) : null;
        announce(() => at ? t("remindedRecently", Object.assign({ name }, dayAndTime(at))) : describe(error, name), "error", true);
      }
    });
  }

  let paymentMember = null;
  let returnFocus = null;

  function openDialog(dialog, opener) {
    returnFocus = opener || document.activeElement;
    dialog.showModal();
  }

  function closeDialog(dialog) {
    if (dialog.open) dialog.close();
  }

  function restoreFocus() {
    const target = returnFocus;
    returnFocus = null;
    if (target && target.isConnected) target.focus();
    else $("main").focus();
  }

  function openPayment(m, opener) {
    paymentMember = m;
    const form = $("payment-form");
    form.reset();
    clearPaymentErrors();
    $("payment-member").textContent = t("paymentFor", { name: memberName(m), id: m.id, amount: euros(m.outstandingCents) });
    if (typeof m.outstandingCents === "number" && m.outstandingCents > 0) {
      $("payment-amount").value = (m.outstandingCents / 100).toFixed(2).replace(".", state.lang === "de" ? "," : ".");
    }

    $("payment-date").value = berlinToday();
    $("payment-date").max = berlinToday();
    $("payment-submit").setAttribute("data-busy-key", "payment:" + m.id);
    $("payment-submit").disabled = state.pending.has("payment:" + m.id);
    openDialog($("payment-dialog"), opener);
    $("payment-amount").focus();
  }

  const paymentFields = { amountCents: "payment-amount", paidOn: "payment-date", reference: "payment-reference" };

  function clearPaymentErrors() {
    $("payment-error").textContent = "";
    for (const id of Object.values(paymentFields)) {
      $(id).removeAttribute("aria-invalid");
      $(id + "-error").textContent = "";
    }
  }

  function fieldError(id, message) {
    $(id).setAttribute("aria-invalid", "true");
    $(id + "-error").textContent = message;
  }

  // A field error the server named by code, in the page's language.
  function fieldMessage(code) {
    const values = Object.assign({}, code);
    if (typeof code.minimumCents === "number") values.minimum = euros(code.minimumCents);
    return hasLabel("fieldErrors", code.code) ? label("fieldErrors", code.code, values) : t("fieldUnknown");
  }

  function showServerFieldErrors(problem) {
    const codes = problem && problem.errorCodes ? problem.errorCodes : {};
    const named = Object.keys(Object.assign({}, problem && problem.errors, codes));
    for (const field of named) {
      const id = paymentFields[field];
      if (!id) continue;
      const messages = [].concat(codes[field] || []).map(fieldMessage);
      fieldError(id, messages.length ? messages.join(" ") : t("fieldUnknown"));
    }

    return named.some(field => paymentFields[field]);
  }

  function submitPayment(event) {
    event.preventDefault();
    clearPaymentErrors();
    const amountCents = parseEuros($("payment-amount").value);
    const paidOn = $("payment-date").value;
    const reference = $("payment-reference").value.trim();
    if (amountCents === null) fieldError("payment-amount", t("amountInvalid"));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) fieldError("payment-date", t("dateInvalid"));
    else if (paidOn > berlinToday()) fieldError("payment-date", t("dateFuture"));
    if (!reference) fieldError("payment-reference", t("referenceMissing"));
    else if (reference.length > 140) fieldError("payment-reference", t("referenceInvalid"));
    const invalid = document.querySelector("#payment-form [aria-invalid=true]");
    if (invalid) {
      $("payment-error").textContent = t("checkFields");
      invalid.focus();
      return;
    }

    const m = paymentMember;
    const name = memberName(m);
    runAction("payment:" + m.id, async () => {
      try {
        const result = await api("/members/" + encodeURIComponent(m.id) + "/payments", {
          method: "POST", body: { amountCents, paidOn, reference },
        });
        closeDialog($("payment-dialog"));
        const status = result && result.status;
        announce(() => t("recorded", { name, status: label("memberStatuses", status) }), "ok", true);
        await refreshAfterAction();
      } catch (error) {
        const onFields = error instanceof ApiError && error.status === 400 && showServerFieldErrors(error.problem);
        $("payment-error").textContent = onFields ? t("checkFields") : describe(error, name);
        const first = document.querySelector("#payment-form [aria-invalid=true]");
        if (first) first.focus();
      }
    });
  }

  let confirmAction = null;

  function confirmCancel(m, opener) {
    const name = memberName(m);
    $("confirm-title").textContent = t("cancelTitle");
    $("confirm-text").textContent = t("cancelText", { name });
    $("confirm-yes").textContent = t("cancelConfirm");
    confirmAction = () => runAction("cancel:" + m.id, async () => {
      try {
        const result = await api("/members/" + encodeURIComponent(m.id) + "/cancel", { method: "POST" });
        // memberUntil: the last day of membership, the date the member's page and mails name (endsOn is the day after).
        const endsOn = result && result.memberUntil;
        const status = result && result.status;
        announce(() => t("cancelled", {
          name, status: label("memberStatuses", status), endsOn: endsOn ? t("endsOnSuffix", { date: date(endsOn) }) : "",
        }), "ok", true);
        await refreshAfterAction();
      } catch (error) {
        announce(() => describe(error, name), "error", true);
      }
    });
    openDialog($("confirm-dialog"), opener);
    // The safe choice has the focus, so Enter alone never cancels a membership.
    $("confirm-no").focus();
  }

  // ---------- needs attention ----------

  // What staff must act on (disputes, returns, failed monthly payments, …), newest first, 50 a page; the open count
  // comes with the summary.
  async function loadAttention(append) {
    await loadList(state.attention, {}, append, "/attention");
    renderAttention();
  }

  function renderAttentionCount() {
    const open = state.summary && typeof state.summary.attentionOpen === "number" ? state.summary.attentionOpen : null;
    $("attention-count").textContent = open === null ? "" : t("attentionOpen", { count: open });
  }

  // The supporter as a link: a member's details, or the donation's (the API's own link, so it also opens in a new tab).
  function supporterCell(item) {
    const member = item.subjectKind === "member";
    return el("td", { class: "member" },
      el("a", { href: item.link, class: "name", "data-action": "supporter", text: item.supporterName || item.subjectId,
        onclick: e => { e.preventDefault(); openSubject(item.subjectKind, item.subjectId, item.supporterName, e.currentTarget); } }),
      el("span", { class: "member-no", text: member ? t("memberNo") + " " + item.subjectId : t("donationNo", { id: item.subjectId }) }));
  }

  function renderAttention() {
    renderAttentionCount();
    const list = state.attention, container = $("attention");
    $("attention-more").hidden = !list.token;
    if (!list.loaded) return container.replaceChildren(notice(t("loading")));
    if (list.error) return container.replaceChildren(notice(describe(list.error), !list.error.notAvailable));
    if (list.items.length === 0) return container.replaceChildren(notice(t("attentionEmpty")));
    const columns = [{ key: "what" }, { key: "supporter" }, { key: "reason" }, { key: "amount", num: true }, { key: "since" }, { key: "actions" }];
    container.replaceChildren(tableOf(columns, list.items, item => el("tr", { "data-key": item.key, "data-subject": item.subjectId },
      td(label("attentionKinds", item.kind)),
      supporterCell(item),
      td((state.lang === "de" ? item.reasonGerman : item.reasonEnglish) || "–"),
      td(euros(item.amountCents), true),
      td(dateTime(item.at)),
      el("td", { class: "actions" }, namedButton(t("markDone"), label("attentionKinds", item.kind) + ", " + (item.supporterName || item.subjectId),
        Object.assign({ class: "small secondary", "data-action": "done", onclick: () => markDone(item) }, busyAttrs("done:" + item.key))))),
    { "data-testid": "attention-table", class: "list attention" }));
  }

  function markDone(item) {
    const name = item.supporterName || item.subjectId;
    return runAction("done:" + item.key, async () => {
      try {
        await api("/attention/" + encodeURIComponent(item.key) + "/done", { method: "POST" });
        announce(() => t("attentionDone", { what: label("attentionKinds", item.kind), name }), "ok", true);
      } catch (error) {
        announce(() => describe(error, name), "error", true);
      }

      // Done, or done meanwhile by someone else (404): either way the list and the count are read again.
      await Promise.all([loadSummary(false), loadAttention(false)]);
      // The row and its button are gone: the section's heading keeps the keyboard's place.
      if (!document.activeElement || document.activeElement === document.body) $("attention-heading").focus();
    });
  }

  function openSubject(kind, id, name, opener) {
    if (kind === "member") openMember(id, opener);
    else openDonation(id, name, opener);
  }

  // "#member/mem_…" or "#donation/don_…" (the list's links, e.g. opened in a new tab) open that detail.
  function openFromHash() {
    const match = /^#(member|donation)\/([A-Za-z0-9_-]{1,80})$/.exec(location.hash);
    if (match) openSubject(match[1], match[2], null, null);
  }

  // ---------- donation detail ----------

  async function openDonation(id, name, opener) {
    state.donation = { id, name, data: null, error: null };
    renderDonation();
    openDialog($("donation-dialog"), opener);
    $("donation-dialog").querySelector("[data-close]").focus();
    try {
      state.donation.data = await api("/donations/" + encodeURIComponent(id));
    } catch (error) {
      state.donation.error = error;
    }

    if (state.donation && state.donation.id === id) renderDonation();
  }

  function renderDonation() {
    const d = state.donation;
    if (!d) return;
    $("donation-title").textContent = d.name ? t("donationOf", { name: d.name }) : t("donationNo", { id: d.id });
    const body = $("donation-body");
    if (!d.data) {
      body.replaceChildren(d.error ? notice(describe(d.error), !d.error.notAvailable) : notice(t("donationLoading")));
      return;
    }

    const v = d.data;
    body.replaceChildren(
      el("section", {}, el("h3", { text: t("facts") }), facts([
        [t("donationNumber"), v.donationId],
        [t("status"), label("donationStatuses", v.status)],
        [t("amount"), euros(v.amountCents)],
        [t("interval"), label("intervals", v.interval)],
        [t("paymentMethod"), label("methods", v.paymentMethod)],
        [t("wantsReceipt"), v.wantsReceipt ? t("yes") : t("no")],
        [t("createdAt"), v.createdAt ? dateTime(v.createdAt) : null],
        [t("endedAt"), v.endedAt ? dateTime(v.endedAt) : null],
      ])),
      el("section", {}, el("h3", { text: t("payments") }), tableOf([{ key: "date" }, { key: "amount", num: true }, { key: "status" }], v.payments,
        p => el("tr", {}, td(dateTime(p.paidAt || p.failedAt || p.createdAt)), td(euros(p.amountCents), true), td(label("paymentStatuses", p.status))),
        { "data-testid": "donation-payments" })));
  }

  // ---------- member detail ----------

  async function openMember(id, opener) {
    state.detail = { id, data: null, error: null };
    renderDetail();
    openDialog($("member-dialog"), opener);
    $("member-dialog").querySelector("[data-close]").focus();
    try {
      state.detail.data = await api("/members/" + encodeURIComponent(id));
    } catch (error) {
      state.detail.error = error;
    }

    if (state.detail && state.detail.id === id) renderDetail();
  }

  function facts(pairs) {
    return el("dl", { class: "facts" }, pairs.filter(([, value]) => value !== null && value !== undefined && value !== "")
      .map(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })]));
  }

  const FACT_VALUES = {
    period: date, endsOn: date, paidOn: date,
    status: value => label("memberStatuses", value),
    mail: value => label("mailKinds", value),
    outcome: value => label("outcomes", value),
    amountCents: value => euros(Number(value)),
    queue: value => label("queues", value),
  };

  // An audit entry's facts in words ("Zeitraum ab 01.03.2027 · Status: Überfällig"); ids and unknown keys are left
  // out, and so is a cancellation's endsOn (the first day no longer a member): the one end date people are told is
  // the member's memberUntil, shown with the member's facts.
  function auditText(entry) {
    const parts = [];
    for (const [key, value] of Object.entries(entry.facts || {})) {
      if (key === "paymentId" || key === "endsOn" || !hasLabel("auditFacts", key)) continue;
      const n = Number(value);
      parts.push(label("auditFacts", key, { value: FACT_VALUES[key] ? FACT_VALUES[key](value) : value, count: Number.isFinite(n) ? n : 0 }));
    }

    return parts.length ? parts.join(" · ") : "–";
  }

  function duesRows(d) {
    const rows = [];
    const first = d.firstYearDues;
    if (first) {
      rows.push(el("tr", { "data-first-year": "true" },
        el("td", {}, date(first.periodStart) + " – " + date(first.periodEnd), el("span", { class: "contact", text: t("firstYear") })),
        td(euros(first.amountCents), true),
        td(label("paymentStatuses", first.status) + (first.refundedCents > 0 ? " (" + t("refundedPart", { amount: euros(first.refundedCents) }) + ")" : ""))));
    }

    for (const p of d.duesHistory || []) {
      rows.push(el("tr", {}, td(date(p.periodStart) + " – " + date(p.periodEnd)), td(euros(p.amountCents), true), td(label("paymentStatuses", p.status))));
    }

    return rows;
  }

  function renderDetail() {
    const body = $("member-body");
    const d = state.detail;
    if (!d) return;
    if (!d.data) {
      $("member-title").textContent = t("memberHeading") + " " + d.id;
      body.replaceChildren(d.error ? notice(describe(d.error), !d.error.notAvailable) : notice(t("memberLoading")));
      return;
    }

    const m = d.data.member || {};
    const a = m.address || {};
    $("member-title").textContent = memberName(m);
    const section = (key, content) => el("section", {}, el("h3", { text: t(key) }), content);
    const dues = duesRows(d.data);
    body.replaceChildren(
      section("facts", facts([
        [t("memberNo"), m.id],
        [t("kind"), label("kinds", m.kind)],
        [t("contactPerson"), m.contactPerson],
        [t("email"), m.email],
        [t("address"), [a.street, [a.postalCode, a.city].filter(Boolean).join(" "), a.country].filter(Boolean).join(", ")],
        [t("locale"), label("locales", m.locale)],
        [t("status"), label("memberStatuses", m.status)],
        [t("annualAmount"), euros(m.annualAmountCents)],
        [t("outstanding"), euros(m.outstandingCents)],
        [t("paymentMethod"), label("methods", m.paymentMethod)],
        [t("savedPaymentMethod"), m.savedPaymentMethod ? label("methods", m.savedPaymentMethod.kind) + (m.savedPaymentMethod.last4 ? " ···· " + m.savedPaymentMethod.last4 : "") : null],
        [t("memberSince"), m.memberSince ? date(m.memberSince) : null],
        [t("nextDue"), m.dueDate ? date(m.dueDate) : null],
        [t("paidThrough"), m.paidThrough ? date(m.paidThrough) : null],
        [t("cancelledAt"), m.cancelledAt ? dateTime(m.cancelledAt) : null],
        [t("endsOn"), m.memberUntil ? date(m.memberUntil) : null],
        [t("createdAt"), m.createdAt ? dateTime(m.createdAt) : null],
      ])),
      section("duesHistory", tableOf([{ key: "period" }, { key: "amount", num: true }, { key: "status" }], dues, row => row,
        { "data-testid": "member-dues" })),
      section("payments", tableOf([{ key: "date" }, { key: "amount", num: true }, { key: "paymentMethod" }, { key: "status" }, { key: "reference" }], d.data.payments,
        p => el("tr", {}, td(dateTime(p.paidAt || p.createdAt)), td(euros(p.amountCents), true), td(label("methods", p.method)), td(label("paymentStatuses", p.status)), td(p.reference || "–")),
        { "data-testid": "member-payments" })),
      section("mails", tableOf([{ key: "mailKind" }, { key: "status" }, { key: "date" }], d.data.mails,
        p => el("tr", {}, td(label("mailKinds", p.kind)), td(label("mailStates", p.status)), td(dateTime(p.at))),
        { "data-testid": "member-mails" })),
      section("receiptsHeading", tableOf([{ key: "receiptNumber" }, { key: "issuedOn" }, { key: "amount", num: true }], d.data.receipts,
        p => el("tr", {}, td(p.number + (p.withdrawnOn ? " (" + t("withdrawnOn", { date: date(p.withdrawnOn) }) + ")" : "")), td(date(p.issuedOn)), td(euros(p.amountCents), true)),
        { "data-testid": "member-receipts" })),
      section("audit", tableOf([{ key: "date" }, { key: "staff" }, { key: "action" }, { key: "details" }], d.data.audit,
        p => el("tr", {}, td(dateTime(p.at)), td(p.staffName || "–"), td(label("auditActions", p.action)), td(auditText(p))),
        { "data-testid": "member-audit" })));
  }

  // ---------- bank statements ----------

  // An upload answers what was matched, already known and left unmatched; the unmatched entries wait in the list
  // below, where staff decide about each once: assign it to a donation, or "not a donation".
  async function uploadStatement(event) {
    event.preventDefault();
    const file = $("bank-file").files[0];
    if (!file) {
      announce(() => t("bankNoFile"), "error", true);
      return;
    }

    await runAction("bank-upload", async () => {
      const form = new FormData();
      form.append("file", file);
      try {
        state.bankResult = await api("/bank/statements", { method: "POST", form });
        const r = state.bankResult;
        announce(() => t("bankImported", { matched: count(r.matched.length), known: count(r.alreadyKnown.length), unmatched: count(r.unmatched.length) }), "ok", true);
        renderBankResult();
        await loadBank(false);
      } catch (error) {
        announce(() => describe(error), "error", true);
      }
    });
  }

  function bankLine(line) {
    return [date(line.bookingDate), euros(line.amountCents), line.payerName || "–", line.payerIbanMasked || ""]
      .filter(Boolean).join(" · ");
  }

  function renderBankResult() {
    const r = state.bankResult, container = $("bank-result");
    if (!r) return container.replaceChildren();
    const group = (key, lines, id) => [
      el("h3", { text: t(key, { count: lines.length }) }),
      lines.length === 0 ? null : el("ul", { class: "bank-lines", "data-testid": id }, lines.map(line => el("li", {},
        el("span", { text: bankLine(line) }), " – ",
        el("span", { text: state.lang === "de" ? line.explanationDe : line.explanationEn })))),
    ];
    container.replaceChildren(...group("bankMatched", r.matched, "bank-matched"), ...group("bankKnown", r.alreadyKnown, "bank-known"),
      ...group("bankLeft", r.unmatched, "bank-left"));
  }

  async function loadBank(append) {
    await loadList(state.bank, {}, append, "/bank/unmatched");
    renderBank();
  }

  async function decideBank(item, body) {
    await runAction("bank:" + item.identity, async () => {
      try {
        await api("/bank/unmatched/" + encodeURIComponent(item.identity) + "/decision", { method: "POST", body });
        const done = { assign: "bankAssigned", assign_dues: "bankAssignedDues", new_donation: "bankNewDonationDone" }[body.decision] || "bankExcluded";
        announce(() => t(done, { amount: euros(item.amountCents) }), "ok", true);
        await loadBank(false);
      } catch (error) {
        announce(() => describe(error), "error", true);
      }
    });
  }

  function renderBank() {
    const list = state.bank, container = $("bank-unmatched");
    $("bank-more").hidden = !list.token;
    if (!list.loaded) return container.replaceChildren();
    if (list.error) return container.replaceChildren(notice(describe(list.error), !list.error.notAvailable));
    if (list.items.length === 0) return container.replaceChildren(notice(t("bankNoneUnmatched")));
    container.replaceChildren(el("ul", { class: "bank-lines" }, list.items.map((item, i) => {
      const busy = state.pending.has("bank:" + item.identity);
      const input = el("input", { type: "text", id: "bank-donation-" + i, autocomplete: "off", spellcheck: "false",
        value: item.suggestedDonationId || item.donationId || "", "data-testid": "bank-donation-id" });
      const member = el("input", { type: "text", id: "bank-member-" + i, autocomplete: "off", spellcheck: "false",
        value: item.memberId || "", "data-testid": "bank-member-id" });
      return el("li", { "data-identity": item.identity, "data-testid": "bank-entry" },
        el("p", { class: "bank-entry" }, el("strong", { text: bankLine(item) })),
        el("p", { text: item.remittance || "–" }),
        el("p", { class: "hint", text: state.lang === "de" ? item.explanationDe : item.explanationEn }),
        el("form", { class: "bank-assign", novalidate: true },
          el("label", { for: input.id, text: t("bankDonationId") }),
          el("div", { class: "inline" }, input,
            el("button", { type: "submit", disabled: busy, "data-busy-key": "bank:" + item.identity, "data-testid": "bank-assign", text: t("bankAssign") }),
            el("button", { type: "button", class: "secondary", disabled: busy, "data-testid": "bank-exclude", text: t("bankExclude"),
              onclick: () => decideBank(item, { decision: "not_a_donation" }) })),
        ),
        el("form", { class: "bank-dues", novalidate: true },
          el("label", { for: member.id, text: t("bankMemberId") }),
          el("div", { class: "inline" }, member,
            el("button", { type: "submit", disabled: busy, "data-testid": "bank-assign-dues", text: t("bankAssignDues") }),
            el("button", { type: "button", class: "secondary", disabled: busy, "data-testid": "bank-new-donation", text: t("bankNewDonation"),
              onclick: () => decideBank(item, { decision: "new_donation" }) })),
        ));
    })));
    container.querySelectorAll("form.bank-assign").forEach((form, i) => form.addEventListener("submit", event => {
      event.preventDefault();
      decideBank(list.items[i], { decision: "assign", donationId: form.querySelector("input").value.trim() });
    }));
    container.querySelectorAll("form.bank-dues").forEach((form, i) => form.addEventListener("submit", event => {
      event.preventDefault();
      decideBank(list.items[i], { decision: "assign_dues", memberId: form.querySelector("input").value.trim() });
    }));
  }

  // ---------- exports ----------

  function renderExports() {
    const year = state.year || new Date().getFullYear();
    const members = $("export-members"), donations = $("export-donations");
    members.href = API + "/export/members.csv?year=" + encodeURIComponent(year);
    members.textContent = t("exportMembers", { year: String(year) });
    donations.href = API + "/export/donations.csv?year=" + encodeURIComponent(year);
    donations.textContent = t("exportDonations", { year: String(year) });
  }

  // ---------- wiring ----------

  function renderAll() {
    renderStatus();
    renderSummary();
    renderChart();
    renderExports();
    renderAttention();
    renderOverdue();
    renderSearch();
    renderRecompute();
    renderBankResult();
    renderBank();
    renderPrivacy();
    $("recompute").setAttribute("data-busy-key", "recompute");
    $("recompute").disabled = state.pending.has("recompute");
    if (state.detail && $("member-dialog").open) renderDetail();
    if (state.donation && $("donation-dialog").open) renderDonation();
  }

  function init() {
    let stored = null;
    try { stored = localStorage.getItem(LANG_KEY); } catch { /* storage off */ }
    state.lang = stored === "en" ? "en" : "de";
    const fromUrl = Number(new URLSearchParams(location.search).get("year"));
    if (Number.isInteger(fromUrl) && fromUrl >= 2000 && fromUrl <= 2999) state.year = fromUrl;

    $("lang-switch").addEventListener("click", () => setLanguage(state.lang === "de" ? "en" : "de"));
    $("year").addEventListener("change", event => {
      state.year = Number(event.target.value);
      const url = new URL(location.href);
      url.searchParams.set("year", String(state.year));
      history.replaceState(null, "", url);
      loadSummary(true);
    });
    $("reload").addEventListener("click", async () => {
      await Promise.all([loadSummary(true), loadAttention(false), loadOverdue(false)]);
      if (state.search.loaded) await runSearch(false, false);
    });
    $("status-dismiss").addEventListener("click", () => { state.status = null; renderStatus(); $("main").focus(); });
    $("chart-table-toggle").addEventListener("click", toggleChartTable);
    $("overdue-more").addEventListener("click", () => loadOverdue(true));
    $("attention-more").addEventListener("click", () => loadAttention(true));
    window.addEventListener("hashchange", openFromHash);
    $("search-form").addEventListener("submit", event => { event.preventDefault(); runSearch(false, true); });
    $("search-more").addEventListener("click", () => runSearch(true, false));
    $("payment-form").addEventListener("submit", submitPayment);
    $("recompute").addEventListener("click", recompute);
    $("privacy-form").addEventListener("submit", event => event.preventDefault());
    $("privacy-export").addEventListener("click", privacyExport);
    $("privacy-object").addEventListener("click", privacyObject);
    $("privacy-plan").addEventListener("click", privacyPlan);
    $("privacy-confirm").addEventListener("click", privacyConfirm);
    $("privacy-abort").addEventListener("click", privacyAbort);
    $("bank-form").addEventListener("submit", uploadStatement);
    $("bank-more").addEventListener("click", () => loadBank(true));
    $("confirm-no").addEventListener("click", () => closeDialog($("confirm-dialog")));
    $("confirm-yes").addEventListener("click", async () => {
      const action = confirmAction;
      confirmAction = null;
      closeDialog($("confirm-dialog"));
      if (action) await action();
    });
    for (const dialog of document.querySelectorAll("dialog")) {
      dialog.addEventListener("close", restoreFocus);
      dialog.querySelectorAll("[data-close]").forEach(button => button.addEventListener("click", () => closeDialog(dialog)));
    }

    // The chart is drawn for its width: again when the window (or the phone's orientation) changes it.
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(() => {
        if (Math.abs(Math.round($("chart").clientWidth) - state.chartWidth) > 8) renderChart();
      }).observe($("chart"));
    }

    applyTexts();
    loadSummary(true);
    loadAttention(false);
    loadOverdue(false);
    loadBank(false);
    loadPrivacyOverdue();
    loadPrivacyRequests();
    openFromHash();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
