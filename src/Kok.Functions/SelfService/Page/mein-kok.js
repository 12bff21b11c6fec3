// "Mein KOK": reads /api/me and shows it; without a session, the form that asks for a sign-in link.
// Plain script, no build step; every text is set with textContent, never as markup.
(function () {
  'use strict';
  var en = document.documentElement.lang === 'en';
  var T = en ? {
    loading: 'Loading …', error: 'Something went wrong. Please try again later.',
    sent: 'If we know this address, we have sent a sign-in link to it. Please check your mailbox (the link works for 30 minutes).',
    invalid: 'Please enter a valid e-mail address.', tooMany: 'Too many attempts. Please try again in a few minutes.',
    signedOut: 'You are signed out.', none: 'Nothing yet.',
    once: 'One-time donation', monthly: 'Monthly donation', amount: 'Amount', status: 'Status', since: 'Since', payments: 'Payments',
    method: 'Payment method', fee: 'Annual fee', memberSince: 'Member since', paidThrough: 'Paid until', nextDues: 'Next fee due', endsOn: 'Ends on',
    cancel: 'Cancel membership', confirmCancel: 'Cancel your membership? It ends when the paid period is over.', cancelled: 'Your membership is cancelled. We have sent you a confirmation by mail.',
    pausedUntil: 'Paused until', endsAt: 'Ends after', newAmount: 'New monthly amount in euros', changeAmount: 'Change amount',
    amountHint: 'From the next payment on; 1 to 10,000 euros.', pauseFor: 'Pause for', pause: 'Pause donation', month: 'month', months: 'months',
    endMonthly: 'End monthly donation', confirmEnd: 'End your monthly donation? It ends after the current month, which is paid already.',
    changeTitle: 'Change this monthly donation', changeHint: 'Each change is confirmed by mail.',
    amountChanged: 'Your monthly donation has been changed. We have sent you a confirmation by mail.',
    paused: 'Your monthly donation is paused. We have sent you a confirmation by mail.',
    ended: 'Your monthly donation will end after the current month. We have sent you a confirmation by mail.',
    badAmount: 'Please enter an amount from 1 to 10,000 euros (at most two decimal places).', badMonths: 'Please choose 1 to 6 months.',
    notChangeable: 'This can no longer be changed.',
    newFee: 'New annual fee in euros', changeFee: 'Change annual fee', feeHint: 'From the next fee on; at least ', feeTitle: 'Change the annual fee',
    feeChanged: 'Your annual fee has been changed. We have sent you a confirmation by mail.', badFee: 'Please enter an annual fee of at least ',
    methodTitle: 'Change the payment method', changeMethod: 'Set up another card or bank account',
    methodHint: 'You enter the new card or SEPA direct debit on our payment provider\'s page; nothing is charged for it. It applies once the provider has confirmed it, and we confirm it by mail.',
    methodPending: 'Thank you. Your new payment method applies as soon as our payment provider has confirmed it; we will then send you a mail. Until then the payment method shown here stays in use.',
    methodCanceled: 'You left the payment provider\'s page: your payment method is unchanged.', ending: 'ending in',
    street: 'Street and number', postalCode: 'Postcode', city: 'City', country: 'Country (two letters, e.g. DE)',
    wantsReceipt: 'I would like an annual donation receipt for my monthly donation', saveAddress: 'Save address',
    addressHint: 'Applies to the receipts we issue from now on. Receipts already issued stay as they are; for a correction, please reply to our mail.',
    addressChanged: 'Your address has been changed. We have sent you a confirmation by mail.', badAddress: 'Please check the marked fields: ',
    erasureMessage: 'Message to our office (optional)', erasureRequest: 'Ask for my data to be erased',
    confirmErasure: 'Ask for your data to be erased? Our office will erase it; running donations and memberships end. This cannot be undone.',
    erasureReceived: 'Your request was received on ', erasureSent: 'Your request has been received. We have sent you a confirmation by mail.',
    badMessage: 'Please shorten your message to at most 500 characters.',
    download: 'Download PDF', withdrawn: 'withdrawn', issued: 'issued', single: 'Donation receipt', annual: 'Annual donation receipt',
    st: { pending: 'open', processing: 'in progress', paid: 'paid', failed: 'failed', refunded: 'refunded', cancelled: 'cancelled', disputed: 'disputed',
      returned: 'returned', active: 'active', cancelling: 'cancelled, still running', ended: 'ended', lapsed: 'lapsed', partially_refunded: 'partly refunded', card: 'card', sepa_debit: 'SEPA direct debit' }
  } : {
    loading: 'Wird geladen …', error: 'Etwas ist schiefgegangen. Bitte versuchen Sie es später noch einmal.',
    sent: 'Wenn wir diese Adresse kennen, haben wir einen Anmeldelink dorthin geschickt. Bitte sehen Sie in Ihr Postfach (der Link gilt 30 Minuten).',
    invalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.', tooMany: 'Zu viele Versuche. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
    signedOut: 'Sie sind abgemeldet.', none: 'Noch nichts.',
    once: 'Einmalige Spende', monthly: 'Monatliche Spende', amount: 'Betrag', status: 'Stand', since: 'Seit', payments: 'Zahlungen',
    method: 'Zahlungsart', fee: 'Jahresbeitrag', memberSince: 'Mitglied seit', paidThrough: 'Bezahlt bis', nextDues: 'Nächster Beitrag fällig', endsOn: 'Endet am',
    cancel: 'Mitgliedschaft kündigen', confirmCancel: 'Mitgliedschaft kündigen? Sie endet mit Ablauf des bezahlten Zeitraums.', cancelled: 'Ihre Mitgliedschaft ist gekündigt. Wir haben Ihnen eine Bestätigung gemailt.',
    pausedUntil: 'Pausiert bis', endsAt: 'Endet nach dem', newAmount: 'Neuer Monatsbetrag in Euro', changeAmount: 'Betrag ändern',
    amountHint: 'Ab der nächsten Zahlung; 1 bis 10.000 Euro.', pauseFor: 'Pausieren für', pause: 'Spende pausieren', month: 'Monat', months: 'Monate',
    endMonthly: 'Monatliche Spende beenden', confirmEnd: 'Monatliche Spende beenden? Sie endet nach dem laufenden Monat, der schon bezahlt ist.',
    changeTitle: 'Diese monatliche Spende ändern', changeHint: 'Jede Änderung bestätigen wir Ihnen per Mail.',
    amountChanged: 'Ihre monatliche Spende ist geändert. Wir haben Ihnen eine Bestätigung gemailt.',
    paused: 'Ihre monatliche Spende ruht. Wir haben Ihnen eine Bestätigung gemailt.',
    ended: 'Ihre monatliche Spende endet nach dem laufenden Monat. Wir haben Ihnen eine Bestätigung gemailt.',
    badAmount: 'Bitte geben Sie einen Betrag von 1 bis 10.000 Euro ein (höchstens zwei Nachkommastellen).', badMonths: 'Bitte wählen Sie 1 bis 6 Monate.',
    notChangeable: 'Das lässt sich nicht mehr ändern.',
    newFee: 'Neuer Jahresbeitrag in Euro', changeFee: 'Jahresbeitrag ändern', feeHint: 'Ab dem nächsten Beitrag; mindestens ', feeTitle: 'Jahresbeitrag ändern',
    feeChanged: 'Ihr Jahresbeitrag ist geändert. Wir haben Ihnen eine Bestätigung gemailt.', badFee: 'Bitte geben Sie einen Jahresbeitrag von mindestens ',
    methodTitle: 'Zahlungsart ändern', changeMethod: 'Andere Karte oder anderes Konto einrichten',
    methodHint: 'Die neue Karte oder SEPA-Lastschrift geben Sie auf der Seite unseres Zahlungsdienstleisters ein; dabei wird nichts abgebucht. Sie gilt, sobald der Zahlungsdienstleister sie bestätigt hat, und wir bestätigen sie Ihnen per Mail.',
    methodPending: 'Danke. Ihre neue Zahlungsart gilt, sobald unser Zahlungsdienstleister sie bestätigt hat; dann schicken wir Ihnen eine Mail. Bis dahin bleibt die hier gezeigte Zahlungsart in Gebrauch.',
    methodCanceled: 'Sie haben die Seite des Zahlungsdienstleisters verlassen: Ihre Zahlungsart ist unverändert.', ending: 'Endung',
    street: 'Straße und Hausnummer', postalCode: 'Postleitzahl', city: 'Ort', country: 'Land (zwei Buchstaben, z. B. DE)',
    wantsReceipt: 'Ich möchte für meine monatliche Spende eine Sammelbestätigung', saveAddress: 'Anschrift speichern',
    addressHint: 'Gilt für die Zuwendungsbestätigungen, die wir von nun an ausstellen. Bereits ausgestellte bleiben, wie sie sind; für eine Berichtigung antworten Sie bitte auf unsere Mail.',
    addressChanged: 'Ihre Anschrift ist geändert. Wir haben Ihnen eine Bestätigung gemailt.', badAddress: 'Bitte prüfen Sie die markierten Felder: ',
    erasureMessage: 'Nachricht an unsere Geschäftsstelle (freiwillig)', erasureRequest: 'Löschung meiner Daten beantragen',
    confirmErasure: 'Löschung Ihrer Daten beantragen? Unsere Geschäftsstelle löscht sie; laufende Spenden und Mitgliedschaften enden. Das lässt sich nicht rückgängig machen.',
    erasureReceived: 'Ihr Antrag ist eingegangen am ', erasureSent: 'Ihr Antrag ist eingegangen. Wir haben Ihnen eine Bestätigung gemailt.',
    badMessage: 'Bitte kürzen Sie Ihre Nachricht auf höchstens 500 Zeichen.',
    download: 'PDF herunterladen', withdrawn: 'storniert', issued: 'ausgestellt', single: 'Zuwendungsbestätigung', annual: 'Sammelbestätigung',
    st: { pending: 'offen', processing: 'in Bearbeitung', paid: 'bezahlt', failed: 'fehlgeschlagen', refunded: 'erstattet', cancelled: 'beendet', disputed: 'angefochten',
      returned: 'zurückgebucht', active: 'aktiv', cancelling: 'gekündigt, läuft noch', ended: 'beendet', lapsed: 'erloschen', partially_refunded: 'teilweise erstattet', card: 'Karte', sepa_debit: 'SEPA-Lastschrift' }
  };
  var locale = en ? 'en-GB' : 'de-DE';
  var status = document.getElementById('status');
  var signIn = document.getElementById('sign-in');
  var overview = document.getElementById('overview');

  function say(text) { status.textContent = text; }
  function word(value) { return T.st[value] || value; }
  function euro(cents) { return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100); }
  function day(iso) { return iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(iso)) : '–'; }
  function node(tag, text) { var n = document.createElement(tag); if (text !== undefined) { n.textContent = text; } return n; }
  function facts(pairs) {
    var dl = node('dl'); dl.className = 'facts';
    pairs.forEach(function (p) { if (p[1] !== null && p[1] !== undefined) { dl.appendChild(node('dt', p[0])); dl.appendChild(node('dd', p[1])); } });
    return dl;
  }
  function list(id, items, render) {
    var target = document.getElementById(id);
    target.textContent = '';
    if (items.length === 0) { target.appendChild(node('p', T.none)); return; }
    var ul = node('ul');
    items.forEach(function (item) { var li = node('li'); render(item, li); ul.appendChild(li); });
    target.appendChild(ul);
  }
  function payments(items) {
    return items.map(function (p) { return day(p.paidAt || p.createdAt) + ': ' + euro(p.amountCents) + ' (' + word(p.status) + ')'; }).join('; ') || T.none;
  }

  function render(me) {
    list('donations', me.donations, function (d, li) {
      li.appendChild(node('h3', d.interval === 'monthly' ? T.monthly : T.once));
      li.appendChild(facts([[T.amount, euro(d.amountCents)], [T.status, word(d.status)], [T.method, word(d.paymentMethod)],
        [T.since, day(d.createdAt)], [T.pausedUntil, d.pausedUntil ? day(d.pausedUntil) : null], [T.endsAt, d.endsAt ? day(d.endsAt) : null],
        [T.payments, payments(d.payments)]]));
      if (d.changeable) { li.appendChild(donationActions(d)); }
      if (d.paymentMethodChangeable) { li.appendChild(methodForm('/api/me/donations/' + encodeURIComponent(d.donationId) + '/payment-method', 'method-' + d.donationId)); }
    });
    list('memberships', me.memberships, function (m, li) {
      li.appendChild(node('h3', m.name));
      li.appendChild(facts([[T.fee, euro(m.annualAmountCents)], [T.status, word(m.status)], [T.method, word(m.paymentMethod) + (m.paymentMethodLast4 ? ' (' + T.ending + ' ' + m.paymentMethodLast4 + ')' : '')],
        [T.memberSince, m.memberSince ? day(m.memberSince) : null], [T.paidThrough, m.paidThrough ? day(m.paidThrough) : null],
        [T.nextDues, m.nextDuesDate ? day(m.nextDuesDate) : null], [T.endsOn, m.endsOn ? day(m.endsOn) : null], [T.payments, payments(m.dues)]]));
      if (m.amountChangeable) { li.appendChild(feeForm(m)); }
      if (m.paymentMethodChangeable) { li.appendChild(methodForm('/api/me/memberships/' + encodeURIComponent(m.memberId) + '/payment-method', 'method-' + m.memberId)); }
      if (m.status === 'active') {
        var button = node('button', T.cancel);
        button.type = 'button';
        button.className = 'secondary';
        button.addEventListener('click', function () { cancelMembership(m.memberId); });
        li.appendChild(button);
      }
    });
    list('receipts', me.receipts, function (r, li) {
      var a = node('a', T.download);
      a.href = r.downloadPath;
      a.setAttribute('aria-label', T.download + ': ' + r.number);
      li.appendChild(node('span', (r.form === 'sammelbestaetigung' ? T.annual : T.single) + ' ' + r.number + ', ' + euro(r.amountCents) + ', ' + T.issued + ' ' + day(r.issueDate)
        + (r.withdrawnOn ? ' (' + T.withdrawn + ')' : '') + ' – '));
      li.appendChild(a);
    });
    addressForm(me);
    list('mails', me.mails, function (m, li) { li.textContent = day(m.sentAt) + ': ' + m.subject; });
    loadErasure();
    signIn.hidden = true;
    overview.hidden = false;
  }

  // The forms of a running monthly donation: amount, pause, end. Plain forms, so Enter and the keyboard work as usual.
  function donationActions(d) {
    var box = node('fieldset');
    box.appendChild(node('legend', T.changeTitle));
    box.appendChild(node('p', T.changeHint));
    var id = d.donationId;

    var amountForm = node('form');
    amountForm.noValidate = true;
    var amountLabel = node('label', T.newAmount);
    amountLabel.htmlFor = 'amount-' + id;
    var amount = node('input');
    amount.id = 'amount-' + id; amount.type = 'number'; amount.min = '1'; amount.max = '10000'; amount.step = '0.01'; amount.inputMode = 'decimal';
    amount.value = (d.amountCents / 100).toFixed(2);
    amount.setAttribute('aria-describedby', 'amount-hint-' + id);
    var hint = node('p', T.amountHint);
    hint.id = 'amount-hint-' + id;
    amountForm.appendChild(amountLabel); amountForm.appendChild(amount); amountForm.appendChild(hint);
    amountForm.appendChild(submit(T.changeAmount));
    amountForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var value = Number(amount.value);
      if (amount.value === '' || !isFinite(value)) { amount.setAttribute('aria-invalid', 'true'); say(T.badAmount); amount.focus(); return; }
      change(id, 'amount', { amount: value }, T.amountChanged, amount, T.badAmount);
    });

    var pauseForm = node('form');
    var pauseLabel = node('label', T.pauseFor);
    pauseLabel.htmlFor = 'months-' + id;
    var months = node('select');
    months.id = 'months-' + id;
    for (var n = 1; n <= 6; n++) { var o = node('option', n + ' ' + (n === 1 ? T.month : T.months)); o.value = String(n); months.appendChild(o); }
    pauseForm.appendChild(pauseLabel); pauseForm.appendChild(months); pauseForm.appendChild(submit(T.pause));
    pauseForm.addEventListener('submit', function (e) {
      e.preventDefault();
      change(id, 'pause', { months: Number(months.value) }, T.paused, months, T.badMonths);
    });

    var end = node('button', T.endMonthly);
    end.type = 'button';
    end.className = 'secondary';
    end.addEventListener('click', function () { if (window.confirm(T.confirmEnd)) { change(id, 'cancel', null, T.ended, end, T.error); } });

    box.appendChild(amountForm); box.appendChild(pauseForm); box.appendChild(end);
    return box;
  }

  function feeForm(m) {
    var box = node('fieldset');
    box.appendChild(node('legend', T.feeTitle));
    var form = node('form');
    form.noValidate = true;
    var id = m.memberId;
    var label = node('label', T.newFee);
    label.htmlFor = 'fee-' + id;
    var fee = node('input');
    fee.id = 'fee-' + id; fee.type = 'number'; fee.min = String(m.minimumAnnualAmountCents / 100); fee.max = '10000'; fee.step = '0.01'; fee.inputMode = 'decimal';
    fee.value = (m.annualAmountCents / 100).toFixed(2);
    fee.setAttribute('aria-describedby', 'fee-hint-' + id);
    var hint = node('p', T.feeHint + euro(m.minimumAnnualAmountCents) + '.');
    hint.id = 'fee-hint-' + id;
    var bad = T.badFee + euro(m.minimumAnnualAmountCents) + (en ? ' (at most 10,000 euros).' : ' ein (höchstens 10.000 Euro).');
    form.appendChild(label); form.appendChild(fee); form.appendChild(hint); form.appendChild(submit(T.changeFee));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var value = Number(fee.value);
      if (fee.value === '' || !isFinite(value)) { fee.setAttribute('aria-invalid', 'true'); say(bad); fee.focus(); return; }
      post('/api/me/memberships/' + encodeURIComponent(id) + '/amount', { annualAmount: value }, T.feeChanged, fee, bad);
    });
    box.appendChild(form);
    return box;
  }

  // Another card or SEPA mandate is entered on the payment provider's page; the page comes back here with
  // ?payment-method=pending, and shows the new method only once the provider confirmed it (read from /api/me).
  function methodForm(path, id) {
    var box = node('fieldset');
    box.appendChild(node('legend', T.methodTitle));
    var hint = node('p', T.methodHint);
    hint.id = id + '-hint';
    var form = node('form');
    var button = submit(T.changeMethod);
    button.setAttribute('aria-describedby', hint.id);
    form.appendChild(button);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      button.disabled = true;
      fetch(path, { method: 'POST', credentials: 'same-origin' }).then(function (r) {
        if (r.status === 401) { showSignIn(''); return null; }
        if (r.status === 409 || r.status === 404) { load(T.notChangeable); return null; }
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      }).then(function (answer) {
        if (answer && answer.url) { window.location.assign(answer.url); } else { button.disabled = false; }
      }).catch(function () { button.disabled = false; say(T.error); });
    });
    box.appendChild(hint); box.appendChild(form);
    return box;
  }

  // One address for all receipts still to come; prefilled from the membership, else a donation that has one.
  function addressForm(me) {
    var target = document.getElementById('address');
    target.textContent = '';
    var known = me.memberships.map(function (m) { return m.address; }).concat(me.donations.map(function (d) { return d.address; }))
      .filter(function (a) { return a; })[0] || { street: '', postalCode: '', city: '', country: 'DE' };
    var monthly = me.donations.filter(function (d) { return d.changeable; })[0];
    var form = node('form');
    form.noValidate = true;
    var hint = node('p', T.addressHint);
    hint.id = 'address-hint';
    form.appendChild(hint);
    var fields = {};
    [['street', T.street, 'street-address'], ['postalCode', T.postalCode, 'postal-code'], ['city', T.city, 'address-level2'], ['country', T.country, 'country']]
      .forEach(function (f) {
        var label = node('label', f[1]);
        label.htmlFor = 'address-' + f[0];
        var input = node('input');
        input.id = 'address-' + f[0]; input.name = f[0]; input.type = 'text'; input.autocomplete = f[2]; input.value = known[f[0]] || '';
        fields[f[0]] = input;
        form.appendChild(label); form.appendChild(input);
      });
    var receipt = null;
    if (monthly) {
      receipt = node('input');
      receipt.id = 'address-receipt'; receipt.type = 'checkbox'; receipt.checked = monthly.wantsReceipt;
      var receiptLabel = node('label', T.wantsReceipt);
      receiptLabel.htmlFor = receipt.id;
      var row = node('p'); row.className = 'check';
      row.appendChild(receipt); row.appendChild(receiptLabel);
      form.appendChild(row);
    }
    form.appendChild(submit(T.saveAddress));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = { address: { street: fields.street.value, postalCode: fields.postalCode.value, city: fields.city.value, country: fields.country.value.toUpperCase() } };
      if (receipt) { body.wantsReceipt = receipt.checked; }
      Object.keys(fields).forEach(function (k) { fields[k].removeAttribute('aria-invalid'); });
      fetch('/api/me/address', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) {
        if (r.status === 401) { showSignIn(''); return null; }
        if (r.status === 400) {
          return r.json().then(function (problem) {
            var wrong = Object.keys(problem.errors || {}).map(function (k) { return k.replace('address.', ''); }).filter(function (k) { return fields[k]; });
            wrong.forEach(function (k) { fields[k].setAttribute('aria-invalid', 'true'); });
            say(T.badAddress + wrong.map(function (k) { return fields[k].labels[0].textContent; }).join(', '));
            if (wrong.length) { fields[wrong[0]].focus(); }
            return null;
          });
        }
        if (!r.ok) { throw new Error(String(r.status)); }
        load(T.addressChanged);
        return null;
      }).catch(function () { say(T.error); });
    });
    target.appendChild(form);
  }

  // The request to erase one's data: the form, or once asked, when the request arrived (staff carry it out).
  function loadErasure() {
    fetch('/api/me/erasure-request', { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (r.status === 401) { showSignIn(''); return null; }
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (answer) { if (answer) { erasure(answer); } }).catch(function () { say(T.error); });
  }

  function erasure(answer) {
    var target = document.getElementById('erasure');
    target.textContent = '';
    if (answer.status === 'requested') {
      target.appendChild(node('p', T.erasureReceived + day(answer.requestedAt) + '.'));
      return;
    }
    var form = node('form');
    form.noValidate = true;
    var label = node('label', T.erasureMessage);
    label.htmlFor = 'erasure-message';
    var message = node('textarea');
    message.id = 'erasure-message'; message.rows = 3; message.maxLength = 500;
    var button = submit(T.erasureRequest);
    button.setAttribute('aria-describedby', 'erasure-explained');
    form.appendChild(label); form.appendChild(message); form.appendChild(button);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!window.confirm(T.confirmErasure)) { return; }
      message.removeAttribute('aria-invalid');
      button.disabled = true;
      var body = message.value.trim() ? { message: message.value } : {};
      fetch('/api/me/erasure-request', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) {
        button.disabled = false;
        if (r.status === 401) { showSignIn(''); return null; }
        if (r.status === 400) { message.setAttribute('aria-invalid', 'true'); say(T.badMessage); message.focus(); return null; }
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      }).then(function (answer) {
        if (answer) { erasure(answer); say(T.erasureSent); }
      }).catch(function () { button.disabled = false; say(T.error); });
    });
    target.appendChild(form);
  }

  function submit(text) { var b = node('button', text); b.type = 'submit'; return b; }

  function change(id, what, body, done, field, bad) {
    post('/api/me/donations/' + encodeURIComponent(id) + '/' + what, body, done, field, bad);
  }

  // Posts a change; a refused field is marked and named in the status line, else the overview is read again.
  function post(path, body, done, field, bad) {
    var init = { method: 'POST', credentials: 'same-origin' };
    if (body) { init.headers = { 'Content-Type': 'application/json' }; init.body = JSON.stringify(body); }
    fetch(path, init).then(function (r) {
      if (r.status === 401) { showSignIn(''); return; }
      if (r.status === 400) { field.setAttribute('aria-invalid', 'true'); say(bad); field.focus(); return; }
      if (r.status === 409 || r.status === 404) { load(T.notChangeable); return; }
      if (!r.ok) { throw new Error(String(r.status)); }
      load(done);
    }).catch(function () { say(T.error); });
  }

  function cancelMembership(id) {
    if (!window.confirm(T.confirmCancel)) { return; }
    fetch('/api/me/memberships/' + encodeURIComponent(id) + '/cancel', { method: 'POST', credentials: 'same-origin' }).then(function (r) {
      if (r.status === 401) { showSignIn(''); return; }
      if (!r.ok) { throw new Error(String(r.status)); }
      load(T.cancelled);
    }).catch(function () { say(T.error); });
  }

  function showSignIn(message) {
    overview.hidden = true;
    signIn.hidden = false;
    say(message || '');
  }

  function load(done) {
    say(T.loading);
    fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (r.status === 401) { showSignIn(''); return null; }
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (me) { if (me) { render(me); say(done || ''); } }).catch(function () { say(T.error); });
  }

  document.getElementById('link-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var body = { email: document.getElementById('email').value, website: document.getElementById('website').value };
    fetch('/api/me/link', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) {
      say(r.status === 202 ? T.sent : r.status === 400 ? T.invalid : r.status === 429 ? T.tooMany : T.error);
    }).catch(function () { say(T.error); });
  });

  document.getElementById('sign-out').addEventListener('click', function () {
    fetch('/api/me/signout', { method: 'POST', credentials: 'same-origin' }).then(function () { showSignIn(T.signedOut); })
      .catch(function () { say(T.error); });
  });

  // Back from the payment provider's page: say what happens next, and read the state again a little later, when the
  // provider's confirmation has usually arrived. The note is taken out of the address so a reload does not repeat it.
  var back = new URLSearchParams(window.location.search).get('payment-method');
  if (back === 'pending' || back === 'canceled') {
    var url = new URL(window.location.href);
    url.searchParams.delete('payment-method');
    window.history.replaceState(null, '', url.toString());
    load(back === 'pending' ? T.methodPending : T.methodCanceled);
    if (back === 'pending') { window.setTimeout(function () { load(T.methodPending); }, 5000); }
  } else {
    load();
  }
}());
