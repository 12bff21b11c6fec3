// The donation form: builds the POST /api/donations body and mirrors the server's rules.
(function () {
  "use strict";
  const I = window.KokI18n;
  const F = window.KokForms;
  // The privacy notice below is version "donation-privacy-2026-12"; the server records that version with each
  // donation (DonationPrivacyNotice.CurrentVersion): change both together.
  I.add({
    de: {
      title: "Spenden gegen Menschenhandel",
      lead: "Ihre Spende stärkt die Fachberatungsstellen im KOK-Netzwerk und die Rechte von Betroffenen.",
      toMembership: "Lieber Fördermitglied werden?",
      amountLegend: "Betrag", presets: "Vorschläge", amountLabel: "Betrag in Euro", amountHint: "1 bis 10.000 Euro",
      intervalLegend: "Wie oft?", once: "einmalig", monthly: "monatlich",
      methodLegend: "Zahlungsart", sepa: "SEPA-Lastschrift", card: "Kreditkarte", transfer: "Überweisung (nur einmalig)",
      donorLegend: "Über Sie", name: "Name", email: "E-Mail",
      wantsReceipt: "Ich möchte eine Zuwendungsbestätigung (Spendenquittung für das Finanzamt).",
      street: "Straße und Hausnummer", postalCode: "PLZ", city: "Ort", country: "Land",
      submit: "Weiter zur Zahlung", secure: "Sie zahlen auf der sicheren Seite unseres Zahlungsdienstleisters Stripe.",
      privacyNotice: "Datenschutz: Wir speichern Ihre Angaben, um Ihre Spende abzuwickeln, Ihnen zu danken und die Zuwendungsbestätigung auszustellen (Art. 6 Abs. 1 b und c DSGVO); Kopien von Zuwendungsbestätigungen bewahren wir 8 Jahre auf, wie das Steuerrecht es verlangt. Sie können Auskunft, Berichtigung und Löschung verlangen und Erinnerungs-E-Mails jederzeit abbestellen.",
    },
    en: {
      title: "Donate against human trafficking",
      lead: "Your donation strengthens the specialist counselling centres in the KOK network and the rights of those affected.",
      toMembership: "Would you rather become a supporting member?",
      amountLegend: "Amount", presets: "Suggestions", amountLabel: "Amount in euros", amountHint: "1 to 10,000 euros",
      intervalLegend: "How often?", once: "once", monthly: "monthly",
      methodLegend: "Payment method", sepa: "SEPA direct debit", card: "Credit card", transfer: "Bank transfer (one-time only)",
      donorLegend: "About you", name: "Name", email: "Email",
      wantsReceipt: "I would like a donation receipt for the tax office (Zuwendungsbestätigung).",
      street: "Street and number", postalCode: "Postcode", city: "City", country: "Country",
      submit: "Continue to payment", secure: "You pay on the secure page of our payment provider Stripe.",
      privacyNotice: "Privacy: we store your details to process your donation, thank you and issue the donation receipt (Art. 6(1)(b) and (c) GDPR); copies of receipts are kept for 8 years, as tax law requires. You may ask for a copy of your data, its correction and its erasure, and unsubscribe from reminder mails at any time.",
    },
  });

  const form = document.getElementById("donation-form");
  const amount = document.getElementById("amount");
  const wantsReceipt = document.getElementById("wantsReceipt");
  const address = document.getElementById("address");
  const country = document.getElementById("country");
  // One key per filled-in form: a double click or a retry after a lost answer creates one donation, not two.
  let idempotencyKey = F.newIdempotencyKey();
  let lastBody = null;

  form.querySelectorAll("input[name=preset]").forEach(r => r.addEventListener("change", () => { amount.value = r.value; }));
  amount.addEventListener("input", () => form.querySelectorAll("input[name=preset]").forEach(r => { r.checked = r.value === amount.value.trim(); }));
  const toggleAddress = () => { address.hidden = !wantsReceipt.checked; };
  wantsReceipt.addEventListener("change", toggleAddress);
  document.addEventListener("kok:lang", () => KokFillCountries(country));

  const value = id => document.getElementById(id).value;
  const checked = name => form.querySelector(`input[name=${name}]:checked`)?.value;

  function body() {
    const result = {
      amount: F.parseAmount(amount.value),
      currency: "EUR",
      interval: checked("interval"),
      paymentMethod: checked("paymentMethod"),
      donor: { name: value("name").trim(), email: value("email").trim() },
      wantsReceipt: wantsReceipt.checked,
      locale: I.lang,
      website: value("website"),
    };
    if (wantsReceipt.checked) {
      result.donor.address = { street: value("street").trim(), postalCode: value("postalCode").trim(), city: value("city").trim(), country: value("country") };
    }
    return result;
  }

  function validate() {
    const errors = {
      amount: F.checkAmount(amount.value, 1, 10000),
      "donor.name": F.checkName(value("name")),
      "donor.email": F.checkEmail(value("email")),
    };
    if (wantsReceipt.checked) {
      errors["donor.address.street"] = F.checkRequired(value("street"));
      errors["donor.address.postalCode"] = F.checkPostalCode(value("postalCode"), value("country"));
      errors["donor.address.city"] = F.checkRequired(value("city"), 100);
      errors["donor.address.country"] = F.checkCountry(value("country"));
    }
    return errors;
  }

  form.addEventListener("submit", event => {
    event.preventDefault();
    if (!F.showErrors(form, validate())) return;
    const next = body();
    const serialized = JSON.stringify(next);
    if (lastBody !== null && lastBody !== serialized) idempotencyKey = F.newIdempotencyKey();
    lastBody = serialized;
    F.submit(form, "/api/donations", next, idempotencyKey);
  });

  I.init();
  KokFillCountries(country);
  toggleAddress();
  F.watch(form, validate);
})();
