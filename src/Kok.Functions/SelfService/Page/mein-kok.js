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
        [T.since, day(d.createdAt)], [T.payments, payments(d.payments)]]));
    });
    list('memberships', me.memberships, function (m, li) {
      li.appendChild(node('h3', m.name));
      li.appendChild(facts([[T.fee, euro(m.annualAmountCents)], [T.status, word(m.status)], [T.method, word(m.paymentMethod)],
        [T.memberSince, m.memberSince ? day(m.memberSince) : null], [T.paidThrough, m.paidThrough ? day(m.paidThrough) : null],
        [T.nextDues, m.nextDuesDate ? day(m.nextDuesDate) : null], [T.endsOn, m.endsOn ? day(m.endsOn) : null], [T.payments, payments(m.dues)]]));
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
    list('mails', me.mails, function (m, li) { li.textContent = day(m.sentAt) + ': ' + m.subject; });
    signIn.hidden = true;
    overview.hidden = false;
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

  load();
}());
