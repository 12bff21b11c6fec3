// Shared client side of the KOK forms. The server checks everything again; these checks mirror its rules so people
// see mistakes before sending. Fields are named by the same JSON paths the API uses in its problem "errors".
// Messages are kept as functions that write the text in the current language, so switching the language re-writes
// every message on show, the server's too (its English field messages are read as the form's own keys).
(function () {
  "use strict";
  const I = () => window.KokI18n;

  I().add({
    de: {
      "err.required": "Bitte ausfüllen.",
      "err.amount": "Bitte einen Betrag von {min} bis {max} mit höchstens zwei Nachkommastellen angeben.",
      "err.name": "Bitte 1 bis 200 Zeichen angeben.",
      "err.length": "Bitte höchstens {max} Zeichen angeben.",
      "err.chars": "Bitte keine Steuerzeichen (z. B. Zeilenumbrüche) verwenden.",
      "err.email": "Bitte eine gültige E-Mail-Adresse angeben.",
      "err.country": "Bitte ein Land wählen.",
      "err.postalCode": "Bitte eine deutsche Postleitzahl mit fünf Ziffern angeben.",
      "err.choice": "Bitte eine der angebotenen Möglichkeiten wählen.",
      "err.invalid": "Bitte prüfen Sie diese Angabe.",
      "err.network": "Die Verbindung ist fehlgeschlagen. Bitte versuchen Sie es in einer Minute noch einmal.",
      "err.unavailable": "Unser Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal. Ihre Angaben bleiben hier stehen.",
      "err.rate": "Zu viele Versuche. Bitte warten Sie {wait} und versuchen Sie es dann erneut.",
      "err.server": "Das hat leider nicht geklappt (Fehler {status}). Bitte prüfen Sie Ihre Angaben und versuchen Sie es noch einmal.",
      "err.fix": "Bitte prüfen Sie die markierten Felder.",
      "wait.second": "1 Sekunde", "wait.seconds": "{n} Sekunden", "wait.minutes": "{n} Minuten",
      "sending": "Wird gesendet …",
    },
    en: {
      "err.required": "Please fill this in.",
      "err.amount": "Please enter an amount from {min} to {max} with at most two decimals.",
      "err.name": "Please enter 1 to 200 characters.",
      "err.length": "Please enter at most {max} characters.",
      "err.chars": "Please do not use control characters (such as line breaks).",
      "err.email": "Please enter a valid email address.",
      "err.country": "Please choose a country.",
      "err.postalCode": "Please enter a German postcode of five digits.",
      "err.choice": "Please choose one of the options offered.",
      "err.invalid": "Please check this entry.",
      "err.network": "The connection failed. Please try again in a minute.",
      "err.unavailable": "Our service is not available right now. Please try again in a minute. Your details stay here.",
      "err.rate": "Too many attempts. Please wait {wait} and try again.",
      "err.server": "Sorry, that did not work (error {status}). Please check your details and try again.",
      "err.fix": "Please check the marked fields.",
      "wait.second": "1 second", "wait.seconds": "{n} seconds", "wait.minutes": "{n} minutes",
      "sending": "Sending …",
    },
  });

  const controlChars = /[\u0000-\u001f\u007f-\u009f]/;
  const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

  // The server's field messages (Kok.Domain FieldRules and the form validators), read as the form's own messages.
  const serverMessages = [
    [/^Is required|must agree/i, () => message("err.required")],
    [/valid email/i, () => message("err.email")],
    [/German postal code/i, () => message("err.postalCode")],
    [/ISO 3166-1/i, () => message("err.country")],
    [/between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?)/i, m => message("err.amount", { min: euroOf(m[1]), max: euroOf(m[2]) })],
    [/decimal places/i, () => message("err.invalid")],
    [/at most (\d+) characters/i, m => message("err.length", { max: m[1] })],
    [/control characters/i, () => message("err.chars")],
    [/one of/i, () => message("err.choice")],
  ];

  // A message in the language shown when it is written; values may be functions (e.g. amounts in that language's format).
  function message(key, values) {
    return () => {
      const resolved = {};
      for (const [name, value] of Object.entries(values || {})) resolved[name] = typeof value === "function" ? value() : value;
      return I().t(key, resolved);
    };
  }

  function euroOf(text) {
    return () => KokForms.euro(Number(text));
  }

  function fromServer(messages) {
    const text = [].concat(messages).join(" ");
    for (const [pattern, make] of serverMessages) {
      const match = pattern.exec(text);
      if (match) return make(match);
    }

    return message("err.invalid");
  }

  // "30 Sekunden" / "2 Minuten" from a Retry-After value in seconds (60 when missing or unreadable).
  function waitText(retryAfter) {
    const seconds = Math.max(1, Number.parseInt(retryAfter, 10) || 60);
    if (seconds < 120) return message(seconds === 1 ? "wait.second" : "wait.seconds", { n: seconds });
    return message("wait.minutes", { n: Math.ceil(seconds / 60) });
  }

  // What each form shows now: field path → message, and the status line; re-written on a language switch.
  const shown = new WeakMap();
  const state = form => {
    if (!shown.has(form)) shown.set(form, { errors: {}, status: null, serverValues: {} });
    return shown.get(form);
  };

  function fieldValue(element) {
    if (!element) return undefined;
    if (element.matches("input[type=checkbox]")) return element.checked;
    const checked = element.querySelector && element.querySelector("input:checked");
    return checked ? checked.value : element.value;
  }

  // Writes only what changed, so the status line (an alert) is not announced again for every keystroke.
  function setText(element, text) {
    if (element && element.textContent !== text) element.textContent = text;
  }

  function render(form) {
    const current = state(form);
    form.querySelectorAll("[data-field]").forEach(input => {
      const write = current.errors[input.dataset.field];
      input.setAttribute("aria-invalid", write ? "true" : "false");
      setText(form.querySelector(`[data-error-for="${input.dataset.field}"]`), write ? write() : "");
    });
    setText(form.querySelector("#form-status"), current.status ? current.status() : "");
  }

  // The status line under marked fields; errors the form has no place for (e.g. of the request itself) get the
  // general advice instead of the server's words.
  function fixStatus(form) {
    const current = state(form);
    const keys = Object.keys(current.errors);
    const placed = keys.some(k => form.querySelector(`[data-error-for="${k}"]`));
    current.status = placed ? message("err.fix") : keys.length ? message("err.server", { status: 400 }) : null;
  }

  const KokForms = {
    message,
    apiBase() {
      const base = document.querySelector("meta[name=kok-api-base]")?.content || "";
      return base.replace(/\/$/, "");
    },
    // Parses "25,50" or "25.50" into a number with at most two decimals; returns null when it is not one.
    parseAmount(text) {
      const normalized = String(text || "").trim().replace(/\s/g, "").replace(",", ".");
      if (!/^\d{1,7}(\.\d{1,2})?$/.test(normalized)) return null;
      return Number(normalized);
    },
    checkAmount(text, min, max) {
      const value = this.parseAmount(text);
      return value !== null && value >= min && value <= max ? null : message("err.amount", { min: () => this.euro(min), max: () => this.euro(max) });
    },
    checkName(text, required = true) {
      const value = String(text || "").trim();
      if (!value) return required ? message("err.required") : null;
      return value.length > 200 || controlChars.test(value) ? message("err.name") : null;
    },
    checkEmail(text) {
      const value = String(text || "").trim();
      if (!value) return message("err.required");
      return value.length > 254 || !emailPattern.test(value) ? message("err.email") : null;
    },
    checkRequired(text, max = 200) {
      const value = String(text || "").trim();
      if (!value) return message("err.required");
      if (controlChars.test(value)) return message("err.chars");
      return value.length > max ? message("err.length", { max }) : null;
    },
    // German receipts go to German tax offices: a German address needs a five-digit postcode, as the server checks.
    checkPostalCode(text, country) {
      const required = this.checkRequired(text, 20);
      if (required) return required;
      return country === "DE" && !/^\d{5}$/.test(String(text).trim()) ? message("err.postalCode") : null;
    },
    checkCountry(text) {
      return /^[A-Z]{2}$/.test(String(text || "")) ? null : message("err.country");
    },
    euro(value) {
      return new Intl.NumberFormat(I().lang === "de" ? "de-DE" : "en-GB", { style: "currency", currency: "EUR" }).format(value);
    },
    newIdempotencyKey() {
      if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
      return Date.now().toString(36) + Math.random().toString(36).slice(2);
    },
    // Shows errors (field path → message function or null) on the elements with data-field="path", focuses the first
    // marked field; returns true when there were none.
    showErrors(form, errors, fromServerValues = null) {
      const current = state(form);
      current.errors = {};
      current.serverValues = {};
      for (const [path, write] of Object.entries(errors)) {
        if (!write) continue;
        current.errors[path] = write;
        if (fromServerValues) current.serverValues[path] = fieldValue(form.querySelector(`[data-field="${path}"]`));
      }
      fixStatus(form);
      render(form);
      const keys = Object.keys(current.errors);
      if (keys.length) {
        const first = form.querySelector(`[data-field="${keys.find(k => form.querySelector(`[data-field="${k}"]`))}"]`);
        (first || form.querySelector("#form-status")).focus();
      }
      return keys.length === 0;
    },
    // Keeps the messages on show current: a marked field is checked again as it is corrected (its error goes, or
    // changes), and every message is re-written when the language changes. validate() returns path → message or null.
    watch(form, validate) {
      const recheck = () => {
        const current = state(form);
        const paths = Object.keys(current.errors);
        if (!paths.length) return;
        const now = validate();
        for (const path of paths) {
          // The server's verdict on a field stands until its value changes.
          const element = form.querySelector(`[data-field="${path}"]`);
          if (path in current.serverValues && element && current.serverValues[path] === fieldValue(element)) continue;
          if (now[path]) current.errors[path] = now[path];
          else delete current.errors[path];
        }
        fixStatus(form);
        render(form);
      };
      form.addEventListener("input", recheck);
      form.addEventListener("change", recheck);
      document.addEventListener("kok:lang", () => render(form));
    },
    // Posts the body; follows the checkout URL on 201, shows what went wrong otherwise. options.describe(status, data)
    // may return a message function for a problem (e.g. a translated 409).
    async submit(form, path, body, idempotencyKey, options = {}) {
      const button = form.querySelector("button[type=submit]");
      const status = form.querySelector("#form-status");
      const current = state(form);
      const say = write => {
        current.status = write;
        render(form);
        status.focus();
      };
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      const label = button.dataset.i18n;
      button.dataset.i18n = "sending";
      button.textContent = I().t("sending");
      try {
        let response;
        try {
          response = await fetch(this.apiBase() + path, {
            method: "POST",
            headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
            body: JSON.stringify(body),
          });
        } catch {
          say(message("err.network"));
          return;
        }
        const data = await response.json().catch(() => ({}));
        if (response.status === 201 && data.checkoutUrl) {
          window.location.assign(data.checkoutUrl);
          return;
        }
        if (response.status === 201 && data.bankTransfer) {
          // No checkout: the success page shows where to transfer and the code to write (kept for this tab only).
          sessionStorage.setItem("kok-transfer", JSON.stringify(data.bankTransfer));
          window.location.assign(data.memberId ? "success.html?transfer=1&member=1" : "success.html?transfer=1");
          return;
        }
        const described = options.describe ? options.describe(response.status, data) : null;
        if (described) {
          say(described);
        } else if (response.status === 429) {
          say(message("err.rate", { wait: waitText(response.headers.get("Retry-After")) }));
        } else if (response.status >= 500) {
          say(message("err.unavailable"));
        } else if (data.errors && typeof data.errors === "object") {
          const errors = {};
          for (const [key, messages] of Object.entries(data.errors)) errors[key] = fromServer(messages);
          this.showErrors(form, errors, true);
        } else {
          say(message("err.server", { status: response.status }));
        }
      } finally {
        button.disabled = false;
        button.removeAttribute("aria-busy");
        button.dataset.i18n = label;
        button.textContent = I().t(label);
      }
    },
  };
  window.KokForms = KokForms;
})();
