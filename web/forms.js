// Shared client side of the KOK forms. The server checks everything again; these checks mirror its rules so people
// see mistakes before sending. Fields are named by the same JSON paths the API uses in its problem "errors".
(function () {
  "use strict";
  const I = () => window.KokI18n;

  I().add({
    de: {
      "err.required": "Bitte ausfüllen.",
      "err.amount": "Bitte einen Betrag von {min} bis {max} Euro mit höchstens zwei Nachkommastellen angeben.",
      "err.name": "Bitte 1 bis 200 Zeichen angeben.",
      "err.email": "Bitte eine gültige E-Mail-Adresse angeben.",
      "err.country": "Bitte ein Land wählen.",
      "err.network": "Die Verbindung ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.",
      "err.rate": "Zu viele Versuche. Bitte warten Sie {seconds} Sekunden und versuchen Sie es dann erneut.",
      "err.server": "Das hat leider nicht geklappt ({status}). Bitte versuchen Sie es später noch einmal.",
      "err.fix": "Bitte prüfen Sie die markierten Felder.",
      "sending": "Wird gesendet …",
    },
    en: {
      "err.required": "Please fill this in.",
      "err.amount": "Please enter an amount from {min} to {max} euros with at most two decimals.",
      "err.name": "Please enter 1 to 200 characters.",
      "err.email": "Please enter a valid email address.",
      "err.country": "Please choose a country.",
      "err.network": "The connection failed. Please try again.",
      "err.rate": "Too many attempts. Please wait {seconds} seconds and try again.",
      "err.server": "Sorry, that did not work ({status}). Please try again later.",
      "err.fix": "Please check the marked fields.",
      "sending": "Sending …",
    },
  });

  const controlChars = /[\u0000-\u001f\u007f-\u009f]/;
  const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

  const KokForms = {
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
      return value !== null && value >= min && value <= max ? null : I().t("err.amount", { min: this.euro(min), max: this.euro(max) });
    },
    checkName(text, required = true) {
      const value = String(text || "").trim();
      if (!value) return required ? I().t("err.required") : null;
      return value.length > 200 || controlChars.test(value) ? I().t("err.name") : null;
    },
    checkEmail(text) {
      const value = String(text || "").trim();
      if (!value) return I().t("err.required");
      return value.length > 254 || !emailPattern.test(value) ? I().t("err.email") : null;
    },
    checkRequired(text, max = 200) {
      const value = String(text || "").trim();
      if (!value) return I().t("err.required");
      return value.length > max || controlChars.test(value) ? I().t("err.name") : null;
    },
    checkCountry(text) {
      return /^[A-Z]{2}$/.test(String(text || "")) ? null : I().t("err.country");
    },
    euro(value) {
      return new Intl.NumberFormat(I().lang === "de" ? "de-DE" : "en-GB", { style: "currency", currency: "EUR" }).format(value);
    },
    newIdempotencyKey() {
      if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
      return Date.now().toString(36) + Math.random().toString(36).slice(2);
    },
    // Shows errors keyed by JSON path on the elements with data-field="path"; returns true when there were none.
    showErrors(form, errors) {
      form.querySelectorAll("[data-field]").forEach(input => {
        const path = input.dataset.field;
        const message = errors[path];
        const slot = form.querySelector(`[data-error-for="${path}"]`);
        input.setAttribute("aria-invalid", message ? "true" : "false");
        if (slot) slot.textContent = message || "";
      });
      const status = form.querySelector("#form-status");
      const keys = Object.keys(errors).filter(k => errors[k]);
      const unplaced = keys.filter(k => !form.querySelector(`[data-error-for="${k}"]`)).map(k => errors[k]);
      status.textContent = keys.length ? [I().t("err.fix"), ...unplaced].join(" ") : "";
      if (keys.length) {
        const first = form.querySelector(`[data-field="${keys.find(k => form.querySelector(`[data-field="${k}"]`))}"]`);
        (first || status).focus();
      }
      return keys.length === 0;
    },
    // Posts the body; follows the checkout URL on 201, shows problem details otherwise. options.describe(status, data)
    // may return the text to show for a problem (e.g. a translated 409).
    async submit(form, path, body, idempotencyKey, options = {}) {
      const button = form.querySelector("button[type=submit]");
      const status = form.querySelector("#form-status");
      button.disabled = true;
      const label = button.textContent;
      button.textContent = I().t("sending");
      try {
        const response = await fetch(this.apiBase() + path, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
          body: JSON.stringify(body),
        });
        const data = await response.json().catch(() => ({}));
        if (response.status === 201 && data.checkoutUrl) {
          window.location.assign(data.checkoutUrl);
          return;
        }
        const described = options.describe ? options.describe(response.status, data) : null;
        if (described) {
          status.textContent = described;
        } else if (response.status === 429) {
          status.textContent = I().t("err.rate", { seconds: response.headers.get("Retry-After") || "60" });
        } else if (data.errors) {
          const errors = {};
          for (const [key, messages] of Object.entries(data.errors)) errors[key] = [].concat(messages).join(" ");
          this.showErrors(form, errors);
        } else {
          status.textContent = data.detail || data.title || I().t("err.server", { status: response.status });
        }
        status.focus();
      } catch {
        status.textContent = I().t("err.network");
        status.focus();
      } finally {
        button.disabled = false;
        button.textContent = label;
      }
    },
  };
  window.KokForms = KokForms;
})();
