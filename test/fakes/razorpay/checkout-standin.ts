/**
 * The stand-in for Razorpay Checkout, served by the wire fake at `GET /v1/checkout.js` for tests and offline use.
 * It defines `window.Razorpay` with the real Checkout's surface — `new Razorpay({ key, order_id | subscription_id,
 * customer_id, amount, currency, name, description, prefill, handler, modal: { ondismiss } })`, `open()`, `close()`,
 * `on('payment.failed', cb)` — and shows a small accessible dialog instead of the real form. Pay asks the fake
 * (`POST /v1/standin/pay`, CORS) to do what `checkoutPay` does and hands `handler` the same fields Checkout does;
 * Fail records a failed payment and calls the `payment.failed` callbacks with Razorpay's failure shape.
 */
/** The script's source; `origin` is the fake's, so the page that loads it may live anywhere. */
export function standinCheckoutSource(origin: string): string {
  return `(function () {
  'use strict';
  var ORIGIN = ${JSON.stringify(origin)};
  var STYLE_ID = 'standin-checkout-style';
  var CSS = [
    '.sc-backdrop{position:fixed;inset:0;background:rgba(15,23,42,.55);display:flex;align-items:center;justify-content:center;z-index:2147483000;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
    '.sc-dialog{background:#fff;color:#0f172a;width:min(360px,92vw);border-radius:12px;box-shadow:0 20px 50px rgba(0,0,0,.3);overflow:hidden}',
    '.sc-head{background:#0b5cff;color:#fff;padding:16px 20px}',
    '.sc-head h2{margin:0;font-size:16px;font-weight:600}',
    '.sc-head p{margin:4px 0 0;opacity:.9;font-size:13px}',
    '.sc-body{padding:18px 20px}',
    '.sc-amount{font-size:26px;font-weight:700;margin:0 0 4px}',
    '.sc-who{margin:0 0 14px;color:#475569;font-size:13px}',
    '.sc-note{margin:0 0 16px;color:#64748b;font-size:12px}',
    '.sc-actions{display:flex;gap:10px}',
    '.sc-actions button{flex:1;padding:10px 12px;border-radius:8px;border:1px solid transparent;font:inherit;font-weight:600;cursor:pointer}',
    '.sc-pay{background:#0b5cff;color:#fff}',
    '.sc-fail{background:#fff;color:#b91c1c;border-color:#fca5a5!important}',
    '.sc-close{position:absolute;top:10px;right:12px;background:none;border:0;color:#fff;font-size:20px;cursor:pointer;line-height:1}',
    '.sc-actions button:focus-visible,.sc-close:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}',
    '.sc-status{min-height:1.2em;margin:12px 0 0;font-size:13px;color:#b91c1c}',
    '.sc-actions button[disabled]{opacity:.6;cursor:progress}'
  ].join('');

  function money(amount, currency) {
    if (typeof amount !== 'number') return '';
    try {
      return new Intl.NumberFormat(currency === 'INR' ? 'en-IN' : 'en-US', { style: 'currency', currency: currency || 'INR' }).format(amount / 100);
    } catch (e) {
      return (currency || 'INR') + ' ' + (amount / 100).toFixed(2);
    }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function post(path, body) {
    return fetch(ORIGIN + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { return { ok: res.ok, json: json }; }); });
  }

  function Razorpay(options) {
    if (!(this instanceof Razorpay)) return new Razorpay(options);
    if (!options || !options.key) throw new Error('Razorpay: the key option is required');
    this.options = options;
    this._handlers = {};
    this._root = null;
  }

  Razorpay.prototype.on = function (event, cb) {
    (this._handlers[event] = this._handlers[event] || []).push(cb);
    return this;
  };

  Razorpay.prototype._target = function () {
    var o = this.options;
    return o.subscription_id ? { subscription_id: o.subscription_id } : { order_id: o.order_id };
  };

  Razorpay.prototype.close = function () {
    if (!this._root) return;
    document.removeEventListener('keydown', this._onKey, true);
    this._root.remove();
    this._root = null;
    if (this._opener && this._opener.focus) this._opener.focus();
  };

  Razorpay.prototype._dismiss = function () {
    this.close();
    var modal = this.options.modal || {};
    if (typeof modal.ondismiss === 'function') modal.ondismiss();
  };

  Razorpay.prototype.open = function () {
    var self = this;
    var o = this.options;
    if (this._root) return this;
    if (!document.getElementById(STYLE_ID)) {
      var style = el('style', { id: STYLE_ID });
      style.textContent = CSS;
      document.head.appendChild(style);
    }
    this._opener = document.activeElement;
    var root = el('div', { class: 'sc-backdrop', 'data-testid': 'standin-checkout' });
    var dialog = el('div', { class: 'sc-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'sc-title', 'aria-describedby': 'sc-amount' });
    dialog.style.position = 'relative';
    var head = el('div', { class: 'sc-head' });
    head.appendChild(el('h2', { id: 'sc-title' }, o.name || 'Checkout'));
    if (o.description) head.appendChild(el('p', {}, o.description));
    var close = el('button', { type: 'button', class: 'sc-close', 'aria-label': 'Close checkout', 'data-testid': 'standin-close' }, '\\u00d7');
    head.appendChild(close);
    var body = el('div', { class: 'sc-body' });
    var amount = el('p', { class: 'sc-amount', id: 'sc-amount', 'data-testid': 'standin-amount' }, money(o.amount, o.currency));
    body.appendChild(amount);
    var prefill = o.prefill || {};
    if (prefill.email || prefill.name) body.appendChild(el('p', { class: 'sc-who' }, [prefill.name, prefill.email].filter(Boolean).join(' \\u00b7 ')));
    body.appendChild(el('p', { class: 'sc-note' }, 'Test stand-in for Razorpay Checkout. No money moves.'));
    var actions = el('div', { class: 'sc-actions' });
    var pay = el('button', { type: 'button', class: 'sc-pay', 'data-testid': 'standin-pay' }, 'Pay');
    var fail = el('button', { type: 'button', class: 'sc-fail', 'data-testid': 'standin-fail' }, 'Fail payment');
    actions.appendChild(pay);
    actions.appendChild(fail);
    body.appendChild(actions);
    var status = el('p', { class: 'sc-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'standin-status' });
    body.appendChild(status);
    dialog.appendChild(head);
    dialog.appendChild(body);
    root.appendChild(dialog);
    document.body.appendChild(root);
    this._root = root;

    if (typeof o.amount !== 'number') {
      var target = this._target();
      var q = target.subscription_id ? 'subscription_id=' + encodeURIComponent(target.subscription_id) : 'order_id=' + encodeURIComponent(target.order_id);
      fetch(ORIGIN + '/v1/standin/quote?' + q).then(function (r) { return r.json(); }).then(function (quote) {
        if (typeof quote.amount === 'number') amount.textContent = money(quote.amount, quote.currency);
      }, function () {});
    }

    function busy(on) { pay.disabled = on; fail.disabled = on; }
    function attempt(failIt) {
      busy(true);
      status.textContent = 'Processing\\u2026';
      var request = self._target();
      request.key = o.key;
      if (o.customer_id) request.customer_id = o.customer_id;
      if (o.prefill) request.prefill = o.prefill;
      if (failIt) request.fail = true;
      post('/v1/standin/pay', request).then(function (answer) {
        var json = answer.json || {};
        if (json.error) {
          busy(false);
          status.textContent = json.error.description || 'Payment failed';
          (self._handlers['payment.failed'] || []).forEach(function (cb) { cb({ error: json.error }); });
          return;
        }
        self.close();
        if (typeof o.handler === 'function') o.handler(json);
      }, function () {
        busy(false);
        status.textContent = 'Could not reach the payment service.';
      });
    }
    pay.addEventListener('click', function () { attempt(false); });
    fail.addEventListener('click', function () { attempt(true); });
    close.addEventListener('click', function () { self._dismiss(); });
    this._onKey = function (event) {
      if (!self._root) return;
      if (event.key === 'Escape') { event.preventDefault(); self._dismiss(); }
      if (event.key === 'Tab') {
        var focusable = [close, pay, fail].filter(function (b) { return !b.disabled; });
        var i = focusable.indexOf(document.activeElement);
        event.preventDefault();
        var next = event.shiftKey ? (i <= 0 ? focusable.length - 1 : i - 1) : (i + 1) % focusable.length;
        focusable[next].focus();
      }
    };
    document.addEventListener('keydown', this._onKey, true);
    pay.focus();
    return this;
  };

  window.Razorpay = Razorpay;
})();
`;
}

/** The page a payment link's `short_url` opens: the amount and a Pay button (posts, then follows the callback). */
export function paymentLinkPage(link: { id: string } & Record<string, unknown>): string {
  const amount = Number(link.amount) / 100;
  const description = escapeHtml(String(link.description ?? ''));
  const paid = link.status !== 'created';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Payment link</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;background:#f1f5f9}
main{background:#fff;padding:24px 28px;border-radius:12px;box-shadow:0 10px 30px rgba(0,0,0,.12);min-width:280px}
h1{font-size:18px;margin:0 0 8px}button{padding:10px 16px;border-radius:8px;border:0;background:#0b5cff;color:#fff;font:inherit;font-weight:600;cursor:pointer}</style></head>
<body><main data-testid="standin-payment-link"><h1>${description || 'Payment'}</h1>
<p data-testid="standin-amount">${escapeHtml(String(link.currency))} ${amount.toFixed(2)}</p>
${paid ? `<p role="status">This link is ${escapeHtml(String(link.status))}.</p>` : `<form method="post" action="/v1/standin/payment_links/${encodeURIComponent(link.id)}/pay"><button type="submit" data-testid="standin-pay">Pay</button></form>`}
</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
