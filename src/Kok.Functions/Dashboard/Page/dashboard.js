// KOK office dashboard: plain JS, no build step, no library. Everything shown comes from /api/dashboard/* with the
// browser's own sign-in (cookie: App Service Authentication in Azure, DevHost's sign-in locally); the page never
// sees a token. Every value from the API is set as text (textContent), never as HTML.
(function () {
  "use strict";

  const API = "/api/dashboard";
  const LANG_KEY = "kok-lang";
  const SVG_NS = "http://www.w3.org/2000/svg";

  const TEXTS = {
    de: {
      title: "Beitragsübersicht – KOK Geschäftsstelle",
      skip: "Zum Inhalt springen",
      heading: "Beitragsübersicht",
      year: "Jahr",
      reload: "Aktualisieren",
      switchTo: "English",
      summary: "Überblick",
      loading: "Wird geladen …",
      generated: "Stand: {time}",
      chartHeading: "Beiträge und Spenden pro Monat",
      chartLabel: "Balkendiagramm: eingegangene Beiträge und Spenden je Monat {year}. Die Werte stehen auch in der Tabelle.",
      chartEmpty: "Für dieses Jahr liegen noch keine Monatswerte vor.",
      duesCollected: "Beiträge eingegangen",
      donationsPaid: "Spenden",
      month: "Monat",
      showTable: "Als Tabelle anzeigen",
      hideTable: "Tabelle ausblenden",
      overdueHeading: "Überfällige Beiträge",
      overdueEmpty: "Keine überfälligen Beiträge.",
      searchHeading: "Mitglieder suchen",
      searchLabel: "Name, Ansprechperson, E-Mail oder Mitgliedsnummer",
      search: "Suchen",
      searchEmpty: "Keine Mitglieder gefunden.",
      searchCount: "{count} Mitglieder angezeigt.",
      more: "Weitere laden",
      exportHeading: "CSV-Export",
      exportMembers: "Mitglieder {year} (CSV)",
      exportDonations: "Spenden {year} (CSV)",
      exportHint: "Semikolon-getrennt, UTF-8, Beträge in Euro – öffnet sich in Excel und LibreOffice.",
      cardMembers: "Mitglieder",
      cardDues: "Beiträge {year}",
      cardDonations: "Spenden {year}",
      cardYear: "Im Jahr {year}",
      cardMail: "Mails und Warteschlangen",
      expected: "Erwartet",
      collected: "Eingegangen",
      outstanding: "Offen",
      oneTime: "Einmalig ({count})",
      monthly: "Monatlich ({count})",
      donationsTotal: "Zusammen ({count})",
      newMembers: "Neue Mitglieder",
      endings: "Beendete Mitgliedschaften",
      receipts: "Zuwendungsbestätigungen",
      mailsFailed: "Fehlgeschlagene Mails",
      poisonQueue: "Abgelegt in {queue}",
      requeue: "Erneut einreihen",
      requeued: "{count} Nachrichten aus {queue} erneut eingereiht.",
      member: "Mitglied",
      memberNo: "Nr.",
      dueDate: "Fällig seit",
      nextDue: "Fällig",
      status: "Status",
      paymentMethod: "Zahlart",
      city: "Ort",
      actions: "Aktionen",
      details: "Details",
      remind: "Erinnern",
      reminded: "Erinnerung an {name} wird verschickt.",
      recordTransfer: "Überweisung erfassen",
      cancel: "Kündigen",
      cancelTitle: "Mitgliedschaft kündigen?",
      cancelText: "Die Mitgliedschaft von {name} wird gekündigt. Das lässt sich hier nicht rückgängig machen.",
      cancelConfirm: "Ja, kündigen",
      cancelled: "Mitgliedschaft von {name} gekündigt: {status}{endsOn}.",
      endsOnSuffix: ", endet mit Ablauf des {date}",
      abort: "Abbrechen",
      close: "Schließen",
      paymentHeading: "Überweisung erfassen",
      paymentFor: "Für {name} ({id}), offen: {amount}",
      amountEuros: "Betrag in Euro",
      paidOn: "Eingangsdatum",
      reference: "Verwendungszweck / Referenz",
      record: "Zahlung erfassen",
      recorded: "Überweisung für {name} erfasst; Status: {status}.",
      amountInvalid: "Bitte einen Betrag in Euro angeben, z. B. 60 oder 60,00.",
      dateInvalid: "Bitte das Eingangsdatum angeben.",
      referenceInvalid: "Bitte höchstens 140 Zeichen.",
      checkFields: "Bitte die markierten Felder prüfen.",
      memberHeading: "Mitglied",
      memberLoading: "Mitglied wird geladen …",
      facts: "Angaben",
      kind: "Art",
      name: "Name",
      contactPerson: "Ansprechperson",
      email: "E-Mail",
      address: "Anschrift",
      locale: "Sprache",
      memberSince: "Mitglied seit",
      createdAt: "Angelegt am",
      annualAmount: "Jahresbeitrag",
      paidThrough: "Bezahlt bis",
      endsOn: "Endet mit Ablauf des",
      cancelledAt: "Gekündigt am",
      savedPaymentMethod: "Hinterlegte Zahlart",
      duesHistory: "Beitragsverlauf",
      period: "Zeitraum",
      amount: "Betrag",
      payments: "Zahlungen",
      date: "Datum",
      mails: "Mails",
      mailKind: "Art",
      receiptsHeading: "Zuwendungsbestätigungen",
      receiptNumber: "Nummer",
      issuedOn: "Ausgestellt am",
      audit: "Protokoll",
      staff: "Wer",
      action: "Aktion",
      none: "Keine Einträge.",
      notAvailable: "Noch nicht verfügbar: Dieser Teil der Schnittstelle antwortet nicht (404).",
      errorPrefix: "Fehler",
      offline: "Keine Verbindung zum Server.",
      signedOut: "Nicht angemeldet oder Anmeldung abgelaufen. Bitte die Seite neu laden und anmelden.",
      forbidden: "Keine Berechtigung für diese Aktion.",
      serverError: "Der Server konnte die Anfrage nicht bearbeiten (Status {status}).",
      summaryLoaded: "Überblick {year} geladen.",
      kinds: { person: "Person", organisation: "Organisation", group: "Gruppe" },
      statuses: {
        pending: "Ausstehend", processing: "In Bearbeitung", active: "Aktiv", overdue: "Überfällig",
        lapsed: "Erloschen", cancelling: "Gekündigt (läuft aus)", ended: "Beendet",
        paid: "Bezahlt", failed: "Fehlgeschlagen", sent: "Versendet", queued: "In Warteschlange",
        refunded: "Erstattet", open: "Offen", succeeded: "Erfolgreich", canceled: "Abgebrochen",
      },
      methods: { card: "Karte", sepa_debit: "SEPA-Lastschrift", bank_transfer: "Überweisung" },
      months: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
      monthNames: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    },
    en: {
      title: "Dues overview – KOK office",
      skip: "Skip to content",
      heading: "Dues overview",
      year: "Year",
      reload: "Refresh",
      switchTo: "Deutsch",
      summary: "Overview",
      loading: "Loading …",
      generated: "As of {time}",
      chartHeading: "Dues and donations per month",
      chartLabel: "Bar chart: dues collected and donations per month in {year}. The values are also in the table.",
      chartEmpty: "No monthly figures for this year yet.",
      duesCollected: "Dues collected",
      donationsPaid: "Donations",
      month: "Month",
      showTable: "Show as table",
      hideTable: "Hide table",
      overdueHeading: "Overdue dues",
      overdueEmpty: "No overdue dues.",
      searchHeading: "Find members",
      searchLabel: "Name, contact person, e-mail or member number",
      search: "Search",
      searchEmpty: "No members found.",
      searchCount: "{count} members shown.",
      more: "Load more",
      exportHeading: "CSV export",
      exportMembers: "Members {year} (CSV)",
      exportDonations: "Donations {year} (CSV)",
      exportHint: "Semicolon-separated, UTF-8, amounts in euros – opens in Excel and LibreOffice.",
      cardMembers: "Members",
      cardDues: "Dues {year}",
      cardDonations: "Donations {year}",
      cardYear: "In {year}",
      cardMail: "Mail and queues",
      expected: "Expected",
      collected: "Collected",
      outstanding: "Outstanding",
      oneTime: "One-time ({count})",
      monthly: "Monthly ({count})",
      donationsTotal: "Together ({count})",
      newMembers: "New members",
      endings: "Memberships ended",
      receipts: "Donation receipts",
      mailsFailed: "Failed mails",
      poisonQueue: "Parked in {queue}",
      requeue: "Requeue",
      requeued: "{count} messages of {queue} requeued.",
      member: "Member",
      memberNo: "No.",
      dueDate: "Due since",
      nextDue: "Due",
      status: "Status",
      paymentMethod: "Payment method",
      city: "City",
      actions: "Actions",
      details: "Details",
      remind: "Remind",
      reminded: "A reminder to {name} is being sent.",
      recordTransfer: "Record bank transfer",
      cancel: "Cancel",
      cancelTitle: "Cancel membership?",
      cancelText: "The membership of {name} will be cancelled. This cannot be undone here.",
      cancelConfirm: "Yes, cancel",
      cancelled: "Membership of {name} cancelled: {status}{endsOn}.",
      endsOnSuffix: ", ends at the end of {date}",
      abort: "Back",
      close: "Close",
      paymentHeading: "Record bank transfer",
      paymentFor: "For {name} ({id}), outstanding: {amount}",
      amountEuros: "Amount in euros",
      paidOn: "Date received",
      reference: "Payment reference",
      record: "Record payment",
      recorded: "Bank transfer from {name} recorded; status: {status}.",
      amountInvalid: "Please enter an amount in euros, e.g. 60 or 60.00.",
      dateInvalid: "Please enter the date received.",
      referenceInvalid: "Please use at most 140 characters.",
      checkFields: "Please check the marked fields.",
      memberHeading: "Member",
      memberLoading: "Loading member …",
      facts: "Details",
      kind: "Kind",
      name: "Name",
      contactPerson: "Contact person",
      email: "E-mail",
      address: "Address",
      locale: "Language",
      memberSince: "Member since",
      createdAt: "Created",
      annualAmount: "Annual dues",
      paidThrough: "Paid through",
      endsOn: "Ends at the end of",
      cancelledAt: "Cancelled",
      savedPaymentMethod: "Saved payment method",
      duesHistory: "Dues history",
      period: "Period",
      amount: "Amount",
      payments: "Payments",
      date: "Date",
      mails: "Mails",
      mailKind: "Kind",
      receiptsHeading: "Donation receipts",
      receiptNumber: "Number",
      issuedOn: "Issued",
      audit: "Audit trail",
      staff: "Who",
      action: "Action",
      none: "No entries.",
      notAvailable: "Not available yet: this part of the API does not answer (404).",
      errorPrefix: "Error",
      offline: "No connection to the server.",
      signedOut: "Not signed in or the sign-in has expired. Please reload the page and sign in.",
      forbidden: "You are not allowed to do this.",
      serverError: "The server could not handle the request (status {status}).",
      summaryLoaded: "Overview {year} loaded.",
      kinds: { person: "Person", organisation: "Organisation", group: "Group" },
      statuses: {
        pending: "Pending", processing: "Processing", active: "Active", overdue: "Overdue",
        lapsed: "Lapsed", cancelling: "Cancelled (running out)", ended: "Ended",
        paid: "Paid", failed: "Failed", sent: "Sent", queued: "Queued",
        refunded: "Refunded", open: "Open", succeeded: "Succeeded", canceled: "Cancelled",
      },
      methods: { card: "Card", sepa_debit: "SEPA direct debit", bank_transfer: "Bank transfer" },
      months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
      monthNames: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    },
  };

  const state = {
    lang: "de",
    year: null,
    summary: null,
    summaryError: null,
    overdue: { items: [], token: null, error: null, loaded: false },
    search: { q: "", items: [], token: null, error: null, loaded: false },
    detail: null,
    chartTableShown: false,
  };

  // ---------- texts and formatting ----------

  function t(key, values) {
    let text = TEXTS[state.lang][key] ?? TEXTS.de[key] ?? key;
    for (const [name, value] of Object.entries(values || {})) text = text.replaceAll("{" + name + "}", String(value));
    return text;
  }

  function label(group, value) {
    if (value === null || value === undefined || value === "") return "–";
    return (TEXTS[state.lang][group] || {})[value] ?? String(value);
  }

  function locale() { return state.lang === "de" ? "de-DE" : "en-GB"; }

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
    if (Number.isNaN(value.getTime())) return String(text);
    return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }).format(value);
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

  function announce(message, kind) {
    const status = $("status");
    status.className = "status" + (kind ? " " + kind : "");
    status.textContent = message;
  }

  function notice(message, isError) {
    return el("p", { class: "notice" + (isError ? " error" : ""), text: message });
  }

  function tableOf(columns, rows, rowFn, attrs) {
    if (!rows || rows.length === 0) return notice(t("none"));
    return el("div", { class: "table-wrap" },
      el("table", Object.assign({ class: "list" }, attrs || {}),
        el("thead", {}, el("tr", {}, columns.map(c => el("th", { scope: "col", class: c.num ? "num" : null, text: t(c.key) })))),
        el("tbody", {}, rows.map(rowFn))));
  }

  function td(value, num, attrs) { return el("td", Object.assign({ class: num ? "num" : null, text: value }, attrs)); }

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
    if (init.method !== "GET") {
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

  function describe(error) {
    if (!(error instanceof ApiError)) return t("errorPrefix") + ": " + String(error && error.message || error);
    if (error.status === 0) return t("offline");
    if (error.notAvailable) return t("notAvailable");
    if (error.status === 401) return t("signedOut");
    const problem = error.problem;
    const parts = [];
    if (problem) {
      if (problem.title) parts.push(problem.title);
      if (problem.detail) parts.push(problem.detail);
      for (const [field, messages] of Object.entries(problem.errors || {})) {
        parts.push(field + ": " + [].concat(messages).join(" "));
      }
    }

    if (parts.length === 0) parts.push(error.status === 403 ? t("forbidden") : t("serverError", { status: error.status }));
    return t("errorPrefix") + " " + error.status + ": " + parts.join(" – ");
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

  async function loadSummary() {
    const query = state.year ? "?year=" + encodeURIComponent(state.year) : "";
    try {
      state.summary = await api("/summary" + query);
      state.summaryError = null;
      if (!state.year) state.year = state.summary.year;
      fillYears(state.summary.year);
      announce(t("summaryLoaded", { year: state.summary.year }), "ok");
    } catch (error) {
      state.summary = null;
      state.summaryError = error;
      announce(describe(error), "error");
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

  function card(id, title, rows, extra) {
    return el("article", { class: "card", "data-testid": id, "aria-labelledby": id + "-title" },
      el("h3", { id: id + "-title", text: title }),
      el("dl", {}, rows.map(([term, value, testid, big]) => [
        el("dt", { text: term }),
        el("dd", { "data-testid": testid, class: big ? "big" : null, text: value }),
      ])),
      extra || null);
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
    const m = s.members || {};
    const statuses = ["active", "overdue", "lapsed", "cancelling", "pending", "processing", "ended"];
    const poison = Object.entries(s.poison || {});
    cards.replaceChildren(
      card("card-members", t("cardMembers"),
        statuses.map(st => [label("statuses", st), count(m[st]), "members-" + st])),
      card("card-dues", t("cardDues", { year: s.year }), [
        [t("expected"), euros(s.dues.expectedCents), "dues-expected", true],
        [t("collected"), euros(s.dues.collectedCents), "dues-collected", true],
        [t("outstanding"), euros(s.dues.outstandingCents), "dues-outstanding", true],
      ]),
      card("card-donations", t("cardDonations", { year: s.year }), [
        [t("oneTime", { count: count(s.donations.oneTime.count) }), euros(s.donations.oneTime.sumCents), "donations-once"],
        [t("monthly", { count: count(s.donations.monthly.count) }), euros(s.donations.monthly.sumCents), "donations-monthly"],
        [t("donationsTotal", { count: count(s.donations.count) }), euros(s.donations.sumCents), "donations-total", true],
      ]),
      card("card-year", t("cardYear", { year: s.year }), [
        [t("newMembers"), count(s.newMembers), "new-members"],
        [t("endings"), count(s.endings), "endings"],
        [t("receipts"), count(s.receiptsIssued), "receipts"],
      ]),
      card("card-mail", t("cardMail"), [[t("mailsFailed"), count(s.mailsFailed), "mails-failed"]],
        el("div", {}, poison.map(([queue, n]) => el("div", { class: "queue" },
          el("span", { text: t("poisonQueue", { queue }) }),
          el("span", { "data-testid": "poison-" + queue, text: count(n) }),
          n > 0 ? namedButton(t("requeue"), queue, {
            class: "secondary small", "data-testid": "requeue-" + queue, onclick: event => requeue(queue, event.currentTarget),
          }) : null)))));
  }

  async function requeue(queue, button) {
    button.disabled = true;
    try {
      const result = await api("/mail/poison/" + encodeURIComponent(queue) + "/requeue", { method: "POST" });
      announce(t("requeued", { queue, count: result && typeof result.requeued === "number" ? result.requeued : "?" }), "ok");
      await loadSummary();
    } catch (error) {
      announce(describe(error), "error");
      button.disabled = false;
    }
  }

  // ---------- chart ----------

  function monthRows() {
    const months = state.summary && Array.isArray(state.summary.months) ? state.summary.months : [];
    const rows = [];
    for (let i = 1; i <= 12; i++) {
      const m = months.find(x => x && x.month === i) || {};
      rows.push({ month: i, dues: m.duesCollectedCents || 0, donations: m.donationCents || 0 });
    }

    return { rows, present: months.length > 0 };
  }

  // A round step for the value axis (1, 2 or 5 times a power of ten, in euros).
  function niceStep(maxEuros) {
    const rough = Math.max(maxEuros, 100) / 4;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    return [1, 2, 5, 10].map(f => f * power).find(step => step >= rough);
  }

  function renderChart() {
    const { rows, present } = monthRows();
    const width = 760, height = 300, left = 70, right = 10, top = 14, bottom = 34;
    const plotW = width - left - right, plotH = height - top - bottom;
    const maxEuros = Math.max(...rows.map(r => Math.max(r.dues, r.donations))) / 100;
    const step = niceStep(maxEuros);
    const axisMax = Math.max(step * 4, Math.ceil(maxEuros / step) * step);
    const y = euro => top + plotH - (euro / axisMax) * plotH;
    const slot = plotW / 12, barW = Math.min(22, slot / 2 - 4);
    const year = state.year || "";

    const chart = svg("svg", {
      viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "chart-title", "data-testid": "chart-svg",
    },
    svg("title", { id: "chart-title", text: t("chartLabel", { year }) }),
    svg("defs", {}, svg("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("rect", { width: 6, height: 6, class: "hatch-bg" }),
      svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line" }))));

    for (let i = 0; i <= Math.round(axisMax / step); i++) {
      const value = i * step, py = y(value);
      chart.append(
        svg("line", { x1: left, x2: width - right, y1: py, y2: py, class: i === 0 ? "axis" : "grid" }),
        svg("text", { x: left - 6, y: py + 4, "text-anchor": "end", class: "tick",
          text: new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(value) }));
    }

    rows.forEach((r, i) => {
      const x = left + i * slot + slot / 2;
      const monthName = TEXTS[state.lang].monthNames[i];
      const bar = (value, cls, dx, fill, what) => {
        const h = (value / 100 / axisMax) * plotH;
        return svg("rect", { x: x + dx, y: y(value / 100), width: barW, height: Math.max(h, 0), class: cls, fill },
          svg("title", { text: `${monthName}: ${what} ${euros(value)}` }));
      };
      chart.append(
        bar(r.dues, "bar-dues", -barW - 1, "currentColor", t("duesCollected")),
        bar(r.donations, "bar-donations", 1, "url(#hatch)", t("donationsPaid")),
        svg("text", { x, y: height - bottom + 18, "text-anchor": "middle", class: "month-label", text: TEXTS[state.lang].months[i] }));
    });

    if (!present) {
      chart.append(svg("text", { x: left + plotW / 2, y: top + plotH / 2, "text-anchor": "middle", class: "empty-note", "data-testid": "chart-empty", text: t("chartEmpty") }));
    }

    $("chart").replaceChildren(chart);
    $("chart-table").querySelector("tbody").replaceChildren(...rows.map((r, i) => el("tr", {},
      el("th", { scope: "row", text: TEXTS[state.lang].monthNames[i] }),
      td(present ? euros(r.dues) : "–", true),
      td(present ? euros(r.donations) : "–", true))));
  }

  function toggleChartTable() {
    state.chartTableShown = !state.chartTableShown;
    $("chart-table").classList.toggle("visually-hidden", !state.chartTableShown);
    const toggle = $("chart-table-toggle");
    toggle.setAttribute("aria-expanded", String(state.chartTableShown));
    toggle.textContent = state.chartTableShown ? t("hideTable") : t("showTable");
  }

  // ---------- member lists (overdue, search) ----------

  function memberName(m) { return m.name || m.id; }

  async function loadList(list, query, append) {
    const params = new URLSearchParams(query);
    if (append && list.token) params.set("continuationToken", list.token);
    try {
      const page = await api("/members?" + params.toString());
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

  async function runSearch(append) {
    if (!append) state.search.q = $("search-q").value.trim();
    await loadList(state.search, state.search.q ? { q: state.search.q } : {}, append);
    renderSearch();
    if (!state.search.error) announce(state.search.items.length ? t("searchCount", { count: state.search.items.length }) : t("searchEmpty"), "ok");
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
    return [
      unpaid ? namedButton(t("remind"), name, { class: "small", "data-action": "remind", "data-member": m.id, onclick: e => remind(m, e.currentTarget) }) : null,
      unpaid ? namedButton(t("recordTransfer"), name, { class: "small secondary", "data-action": "payment", "data-member": m.id, onclick: e => openPayment(m, e.currentTarget) }) : null,
      cancellable ? namedButton(t("cancel"), name, { class: "small secondary", "data-action": "cancel", "data-member": m.id, onclick: e => confirmCancel(m, e.currentTarget) }) : null,
    ];
  }

  function detailsButton(m) {
    return el("button", { type: "button", class: "link", "data-action": "details", "data-member": m.id,
      text: memberName(m), onclick: e => openMember(m.id, e.currentTarget) });
  }

  // The overdue list shows where members live (all share one status); search results show each one's status.
  function renderMemberList(container, list, emptyKey, overdueList, testid) {
    if (!list.loaded) return container.replaceChildren(notice(t("loading")));
    if (list.error) return container.replaceChildren(notice(describe(list.error), !list.error.notAvailable));
    if (list.items.length === 0) return container.replaceChildren(notice(t(emptyKey)));
    const columns = [
      { key: "member" }, { key: "memberNo" }, { key: overdueList ? "dueDate" : "nextDue" },
      { key: "outstanding", num: true }, { key: "paymentMethod" }, { key: overdueList ? "city" : "status" }, { key: "actions" },
    ];
    container.replaceChildren(tableOf(columns, list.items, m => el("tr", { "data-member": m.id },
      el("td", {}, detailsButton(m), m.contactPerson ? el("div", { class: "hint", text: m.contactPerson }) : null),
      td(m.id),
      td(date(m.dueDate)),
      td(euros(m.outstandingCents), true),
      td(label("methods", m.paymentMethod)),
      overdueList ? td(m.city || "–") : td(label("statuses", m.status), false, { "data-testid": "status-" + m.id }),
      el("td", { class: "actions" }, actionButtons(m))), { "data-testid": testid }));
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
    await Promise.all([loadSummary(), loadOverdue(false)]);
    if (state.search.loaded) await runSearch(false);
  }

  // ---------- actions ----------

  async function remind(m, button) {
    button.disabled = true;
    try {
      await api("/members/" + encodeURIComponent(m.id) + "/remind", { method: "POST" });
      announce(t("reminded", { name: memberName(m) }), "ok");
    } catch (error) {
      announce(describe(error), "error");
    } finally {
      button.disabled = false;
    }
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

    $("payment-date").value = new Date().toLocaleDateString("sv-SE");
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

  async function submitPayment(event) {
    event.preventDefault();
    clearPaymentErrors();
    const amountCents = parseEuros($("payment-amount").value);
    const paidOn = $("payment-date").value;
    const reference = $("payment-reference").value.trim();
    if (amountCents === null) fieldError("payment-amount", t("amountInvalid"));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) fieldError("payment-date", t("dateInvalid"));
    if (reference.length > 140) fieldError("payment-reference", t("referenceInvalid"));
    const invalid = document.querySelector("#payment-form [aria-invalid=true]");
    if (invalid) {
      $("payment-error").textContent = t("checkFields");
      invalid.focus();
      return;
    }

    const m = paymentMember;
    const submit = $("payment-submit");
    submit.disabled = true;
    try {
      const result = await api("/members/" + encodeURIComponent(m.id) + "/payments", {
        method: "POST", body: { amountCents, paidOn, reference: reference || null },
      });
      closeDialog($("payment-dialog"));
      announce(t("recorded", { name: memberName(m), status: label("statuses", result && result.status) }), "ok");
      await refreshAfterAction();
    } catch (error) {
      const errors = error instanceof ApiError && error.problem && error.problem.errors ? error.problem.errors : {};
      for (const [field, messages] of Object.entries(errors)) {
        const id = paymentFields[field] || paymentFields[Object.keys(paymentFields).find(k => k.toLowerCase() === field.toLowerCase())];
        if (id) fieldError(id, [].concat(messages).join(" "));
      }

      $("payment-error").textContent = describe(error);
      const first = document.querySelector("#payment-form [aria-invalid=true]");
      if (first) first.focus();
    } finally {
      submit.disabled = false;
    }
  }

  let confirmAction = null;

  function confirmCancel(m, opener) {
    const name = memberName(m);
    $("confirm-title").textContent = t("cancelTitle");
    $("confirm-text").textContent = t("cancelText", { name });
    $("confirm-yes").textContent = t("cancelConfirm");
    confirmAction = async () => {
      try {
        const result = await api("/members/" + encodeURIComponent(m.id) + "/cancel", { method: "POST" });
        // memberUntil: the last day of membership, the date the member's page and mails name (endsOn is the day after).
        const endsOn = result && result.memberUntil ? t("endsOnSuffix", { date: date(result.memberUntil) }) : "";
        announce(t("cancelled", { name, status: label("statuses", result && result.status), endsOn }), "ok");
        await refreshAfterAction();
      } catch (error) {
        announce(describe(error), "error");
      }
    };
    openDialog($("confirm-dialog"), opener);
    // The safe choice has the focus, so Enter alone never cancels a membership.
    $("confirm-no").focus();
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
    body.replaceChildren(
      section("facts", facts([
        [t("memberNo"), m.id],
        [t("kind"), label("kinds", m.kind)],
        [t("contactPerson"), m.contactPerson],
        [t("email"), m.email],
        [t("address"), [a.street, [a.postalCode, a.city].filter(Boolean).join(" "), a.country].filter(Boolean).join(", ")],
        [t("locale"), m.locale],
        [t("status"), label("statuses", m.status)],
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
      section("duesHistory", tableOf([{ key: "period" }, { key: "amount", num: true }, { key: "status" }], d.data.duesHistory,
        p => el("tr", {}, td(date(p.periodStart) + " – " + date(p.periodEnd)), td(euros(p.amountCents), true), td(label("statuses", p.status))),
        { "data-testid": "member-dues" })),
      section("payments", tableOf([{ key: "date" }, { key: "amount", num: true }, { key: "paymentMethod" }, { key: "status" }, { key: "reference" }], d.data.payments,
        p => el("tr", {}, td(dateTime(p.createdAt)), td(euros(p.amountCents), true), td(label("methods", p.method)), td(label("statuses", p.status)), td(p.reference || "–")),
        { "data-testid": "member-payments" })),
      section("mails", tableOf([{ key: "mailKind" }, { key: "status" }, { key: "date" }], d.data.mails,
        p => el("tr", {}, td(p.kind), td(label("statuses", p.status)), td(dateTime(p.at))),
        { "data-testid": "member-mails" })),
      section("receiptsHeading", tableOf([{ key: "receiptNumber" }, { key: "issuedOn" }, { key: "amount", num: true }], d.data.receipts,
        p => el("tr", {}, td(p.number), td(date(p.issuedOn)), td(euros(p.amountCents), true)),
        { "data-testid": "member-receipts" })),
      section("audit", tableOf([{ key: "date" }, { key: "staff" }, { key: "action" }, { key: "details" }], d.data.audit,
        p => el("tr", {}, td(dateTime(p.at)), td(p.staffName || "–"), td(p.action), td(p.details || "–")),
        { "data-testid": "member-audit" })));
  }

  // ---------- exports ----------

  function renderExports() {
    const year = state.year || new Date().getFullYear();
    const members = $("export-members"), donations = $("export-donations");
    members.href = API + "/export/members.csv?year=" + encodeURIComponent(year);
    members.textContent = t("exportMembers", { year });
    donations.href = API + "/export/donations.csv?year=" + encodeURIComponent(year);
    donations.textContent = t("exportDonations", { year });
  }

  // ---------- wiring ----------

  function renderAll() {
    renderSummary();
    renderChart();
    renderExports();
    renderOverdue();
    renderSearch();
    if (state.detail && $("member-dialog").open) renderDetail();
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
      loadSummary();
    });
    $("reload").addEventListener("click", () => refreshAfterAction());
    $("chart-table-toggle").addEventListener("click", toggleChartTable);
    $("overdue-more").addEventListener("click", () => loadOverdue(true));
    $("search-form").addEventListener("submit", event => { event.preventDefault(); runSearch(false); });
    $("search-more").addEventListener("click", () => runSearch(true));
    $("payment-form").addEventListener("submit", submitPayment);
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

    applyTexts();
    loadSummary();
    loadOverdue(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
