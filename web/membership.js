// The supporting-membership form: builds the POST /api/memberships body and mirrors the server's rules.
(function () {
  "use strict";
  const I = window.KokI18n;
  const F = window.KokForms;
  // The privacy text below is version "membership-privacy-2026-01"; the server records that version
  // (PrivacyNotice.CurrentVersion) with each consent: change both together.
  const minimum = Number(document.querySelector("meta[name=kok-membership-minimum]")?.content || "50");
  I.add({
    de: {
      title: "Fördermitglied werden",
      lead: "Als Fördermitglied unterstützen Sie die Arbeit des KOK gegen Menschenhandel und Ausbeutung jedes Jahr mit einem festen Beitrag.",
      explain: "Fördermitglieder können Personen, Gruppen oder Organisationen sein. Sie dürfen an den Mitgliederversammlungen teilnehmen, haben dort aber kein Stimmrecht. Der Mindestbeitrag beträgt laut Mitgliederbeschluss {minimum} im Jahr. Sie können jederzeit zum Ende des bezahlten Jahres kündigen, über den Link in unseren E-Mails.",
      toDonation: "Lieber einmalig oder monatlich spenden?",
      kindLegend: "Wer wird Mitglied?", person: "eine Person", organisation: "eine Organisation", group: "eine Gruppe",
      namePerson: "Ihr Name", nameOrganisation: "Name der Organisation", nameGroup: "Name der Gruppe",
      contactPerson: "Ansprechperson", email: "E-Mail",
      street: "Straße und Hausnummer", postalCode: "PLZ", city: "Ort", country: "Land",
      addressHint: "Die Anschrift brauchen wir für die Beitragsbestätigung für das Finanzamt.",
      amountLegend: "Jahresbeitrag", presets: "Vorschläge", amountLabel: "Beitrag pro Jahr in Euro", amountHint: "mindestens {minimum}, höchstens 10.000 €",
      methodLegend: "Zahlungsart", sepa: "SEPA-Lastschrift", card: "Kreditkarte", transfer: "Überweisung",
      methodHint: "Wir ziehen den ersten Jahresbeitrag jetzt ein und die folgenden jeweils zum Jahrestag mit derselben Zahlungsart. Bei Überweisung nennen wir Ihnen Konto und Verwendungszweck, jedes Jahr wieder.",
      consentLegend: "Einwilligung",
      privacy: "Ich bin einverstanden, dass der KOK e.V. meine Angaben zur Verwaltung der Fördermitgliedschaft, zum Einzug der Beiträge und für Beitragsbestätigungen speichert und verarbeitet. Die Einwilligung kann ich jederzeit widerrufen.",
      listPublicly: "Der KOK darf mich öffentlich als Fördermitglied nennen (z. B. auf der Website). Freiwillig.",
      "err.privacy": "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.",
      "dup.active": "Mit diesem Namen und dieser E-Mail-Adresse besteht bereits eine Fördermitgliedschaft. Eine neue Anmeldung ist nicht nötig; für Änderungen schreiben Sie bitte unserer Geschäftsstelle.",
      "dup.processing": "Sie sind bereits angemeldet, Ihre SEPA-Lastschrift wird gerade bearbeitet. Sobald sie durch ist, erhalten Sie eine E-Mail.",
      "dup.pending": "Sie haben sich vor weniger als einem Tag angemeldet und die Zahlung ist noch offen. Bitte schließen Sie sie auf der Zahlungsseite ab oder versuchen Sie es nach 24 Stunden erneut.",
      "dup.cancelling": "Ihre Fördermitgliedschaft ist gekündigt und läuft bis zum Ende des bezahlten Zeitraums. Wenn Sie bleiben möchten, schreiben Sie bitte unserer Geschäftsstelle.",
      submit: "Weiter zur Zahlung", secure: "Sie zahlen auf der sicheren Seite unseres Zahlungsdienstleisters Stripe.",
    },
    en: {
      title: "Become a supporting member",
      lead: "As a supporting member you back KOK's work against human trafficking and exploitation with a fixed amount every year.",
      explain: "Supporting members can be persons, groups or organisations. They may attend the member assemblies but have no vote there. By the members' resolution the minimum is {minimum} a year. You can cancel at any time, effective at the end of the paid year, with the link in our emails.",
      toDonation: "Would you rather donate once or monthly?",
      kindLegend: "Who is joining?", person: "a person", organisation: "an organisation", group: "a group",
      namePerson: "Your name", nameOrganisation: "Name of the organisation", nameGroup: "Name of the group",
      contactPerson: "Contact person", email: "Email",
      street: "Street and number", postalCode: "Postcode", city: "City", country: "Country",
      addressHint: "We need the address for the dues receipt for the German tax office.",
      amountLegend: "Annual amount", presets: "Suggestions", amountLabel: "Amount per year in euros", amountHint: "at least {minimum}, at most €10,000",
      methodLegend: "Payment method", sepa: "SEPA direct debit", card: "Credit card", transfer: "Bank transfer",
      methodHint: "We collect the first year's dues now and the following ones on each anniversary with the same payment method. For a bank transfer we tell you the account and your payment reference, every year.",
      consentLegend: "Consent",
      privacy: "I agree that KOK e.V. stores and processes my details to manage the supporting membership, collect the dues and issue receipts. I can withdraw this consent at any time.",
      listPublicly: "KOK may name me publicly as a supporting member (e.g. on its website). Optional.",
      "err.privacy": "Please agree to the processing of your details.",
      "dup.active": "There already is a supporting membership with this name and email address. You do not need to sign up again; for changes please write to our office.",
      "dup.processing": "You are already signed up and your SEPA direct debit is being processed. You will get an email once it has gone through.",
      "dup.pending": "You signed up less than a day ago and the payment is still open. Please complete it on the payment page, or try again after 24 hours.",
      "dup.cancelling": "Your supporting membership has been cancelled and runs until the end of the paid period. If you would like to stay, please write to our office.",
      submit: "Continue to payment", secure: "You pay on the secure page of our payment provider Stripe.",
    },
  });

  const form = document.getElementById("membership-form");
  const amount = document.getElementById("annualAmount");
  const contact = document.getElementById("contact");
  const country = document.getElementById("country");
  const nameLabel = document.getElementById("name-label");
  let idempotencyKey = F.newIdempotencyKey();
  let lastBody = null;

  const value = id => document.getElementById(id).value;
  const checked = name => form.querySelector(`input[name=${name}]:checked`)?.value;
  const kind = () => checked("kind");

  function refresh() {
    const k = kind();
    contact.hidden = k === "person";
    nameLabel.dataset.i18n = k === "organisation" ? "nameOrganisation" : k === "group" ? "nameGroup" : "namePerson";
    nameLabel.textContent = I.t(nameLabel.dataset.i18n);
    nameLabel.parentElement.querySelector("#name").autocomplete = k === "person" ? "name" : "organization";
    const euro = F.euro(minimum);
    document.getElementById("explain").textContent = I.t("explain", { minimum: euro });
    document.getElementById("amount-hint").textContent = I.t("amountHint", { minimum: euro });
  }

  form.querySelectorAll("input[name=kind]").forEach(r => r.addEventListener("change", refresh));
  form.querySelectorAll("input[name=preset]").forEach(r => r.addEventListener("change", () => { amount.value = r.value; }));
  amount.addEventListener("input", () => form.querySelectorAll("input[name=preset]").forEach(r => { r.checked = r.value === amount.value.trim(); }));
  document.addEventListener("kok:lang", () => { KokFillCountries(country); refresh(); });

  function body() {
    const result = {
      kind: kind(),
      name: value("name").trim(),
      email: value("email").trim(),
      address: { street: value("street").trim(), postalCode: value("postalCode").trim(), city: value("city").trim(), country: value("country") },
      annualAmount: F.parseAmount(amount.value),
      paymentMethod: checked("paymentMethod"),
      locale: I.lang,
      consents: { privacy: document.getElementById("privacy").checked, listPublicly: document.getElementById("listPublicly").checked },
      website: value("website"),
    };
    if (kind() !== "person") result.contactPerson = value("contactPerson").trim();
    return result;
  }

  function validate() {
    const errors = {
      name: F.checkName(value("name")),
      email: F.checkEmail(value("email")),
      "address.street": F.checkRequired(value("street")),
      "address.postalCode": F.checkPostalCode(value("postalCode"), value("country")),
      "address.city": F.checkRequired(value("city"), 100),
      "address.country": F.checkCountry(value("country")),
      annualAmount: F.checkAmount(amount.value, minimum, 10000),
      "consents.privacy": document.getElementById("privacy").checked ? null : F.message("err.privacy"),
    };
    if (kind() !== "person") errors.contactPerson = F.checkName(value("contactPerson"));
    return errors;
  }

  // A 409 names the existing membership's status; show our own words for it.
  const duplicates = ["active", "processing", "pending", "cancelling"];
  const describe = (status, data) => status === 409 && duplicates.includes(data.existingStatus) ? F.message("dup." + data.existingStatus) : null;

  form.addEventListener("submit", event => {
    event.preventDefault();
    if (!F.showErrors(form, validate())) return;
    const next = body();
    const serialized = JSON.stringify(next);
    if (lastBody !== null && lastBody !== serialized) idempotencyKey = F.newIdempotencyKey();
    lastBody = serialized;
    F.submit(form, "/api/memberships", next, idempotencyKey, { describe });
  });

  I.init();
  KokFillCountries(country);
  refresh();
  F.watch(form, validate);
})();
