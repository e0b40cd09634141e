// The result viewer: parses a pasted gateway result with gestpay-wasm (in the page, no server
// round trip) and shows its outcome, the Amazon Pay shipping and billing addresses and the
// whole parsed value; a document that cannot be parsed shows the error's class, code, field and
// message. Everything from the document is written with textContent, never as HTML.

const $ = (id) => document.getElementById(id);
const form = $('form');
const operationSelect = $('operation');
const xmlInput = $('xml');
const status = $('status');
const SAMPLE = '../../../tests/fixtures/s2s/callReadTrxS2S/docs-amazonpay.response.xml';

let gestpay;
try {
  // A dynamic import, so that a module that cannot load is reported on the page.
  gestpay = (await import('gestpay-wasm/read')).default;
} catch (err) {
  status.textContent = `the WebAssembly module did not load: ${err && err.message}`;
  status.classList.add('failed');
  throw err;
}

operationSelect.replaceChildren(
  ...gestpay.operations.map((op) => new Option(`${op.name} (${op.service})`, op.name)),
);
operationSelect.value = 'callReadTrxS2S';
for (const id of ['operation', 'parse', 'sample']) $(id).disabled = false;
status.textContent = 'ready';
document.body.dataset.ready = 'true';

form.addEventListener('submit', (event) => {
  event.preventDefault();
  parse();
});
$('clear').addEventListener('click', () => {
  xmlInput.value = '';
  show(null, null);
});
$('sample').addEventListener('click', async () => {
  try {
    const res = await fetch(SAMPLE);
    if (!res.ok) throw new Error(`${SAMPLE}: HTTP ${res.status}`);
    xmlInput.value = await res.text();
    operationSelect.value = 'callReadTrxS2S';
    parse();
  } catch (err) {
    show(null, err);
  }
});

function parse() {
  const operation = operationSelect.value;
  const started = performance.now();
  try {
    const result = gestpay.parseResult(operation, xmlInput.value);
    show({ operation, result }, null);
    status.textContent = `parsed in ${(performance.now() - started).toFixed(1)} ms`;
  } catch (err) {
    show(null, err);
    status.textContent = 'not parsed';
  }
}

function show(parsed, error) {
  $('error').hidden = !error;
  $('result').hidden = !parsed;
  if (error) showError(error);
  if (parsed) showResult(parsed);
}

function showError(err) {
  const known = err instanceof gestpay.GestpayError;
  $('error').querySelector('[data-testid=error-title]').textContent = known
    ? `${err.name}: the document was not parsed`
    : `Unexpected error: ${err && err.name}`;
  $('error').querySelector('[data-testid=error-code]').textContent = known ? err.code : '—';
  $('error').querySelector('[data-testid=error-field]').textContent = (known && err.field) || '—';
  $('error').querySelector('[data-testid=error-message]').textContent = String(err && err.message);
}

/** The success check (assertOk passes only OK): the outcome's text and class. */
function outcomeOf(result) {
  try {
    gestpay.assertOk(result);
    return ['OK', 'ok'];
  } catch (err) {
    if (err instanceof gestpay.DeclinedError) {
      const text = err.knownDescription ?? err.description;
      return [`KO${err.errorCode === null ? '' : ` ${err.errorCode}`}${text ? ` — ${text}` : ''}`, 'ko'];
    }
    if (err instanceof gestpay.PendingError) return ['XX — pending: not paid yet, do not ship', 'pending'];
    if (err instanceof gestpay.GestpayError) return [`not OK: ${err.code}`, 'ko']; // no_result, unknown_result
    throw err;
  }
}

function showResult({ operation, result }) {
  const outcome = $('outcome');
  const [text, kind] = outcomeOf(result);
  outcome.className = 'outcome';
  outcome.textContent = text;
  outcome.classList.add(kind);

  const rows = [
    ['Operation', operation],
    ['Transaction type', result.transactionType],
    ['State', result.transactionState],
    ['Shop transaction', result.shopTransactionId],
    ['Bank transaction', result.bankTransactionId],
    ['Authorization code', result.authorizationCode],
    ['Amount', result.amount && `${result.amount} ${result.currency ?? ''}`.trim()],
    ['Payment method', result.company ?? result.paymentMethod],
    ['Error', result.errorCode !== undefined ? `${result.errorCode} ${result.errorDescription ?? ''}`.trim() : undefined],
  ].filter(([, value]) => value !== undefined && value !== null && value !== '');
  $('summary').replaceChildren(
    ...rows.map(([label, value]) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      const td = document.createElement('td');
      th.textContent = label;
      td.textContent = String(value);
      tr.append(th, td);
      return tr;
    }),
  );

  // Only WsS2S payloads carry Amazon Pay's OrderReferenceDetails.
  let addresses = null;
  if (operation !== 'Encrypt' && operation !== 'Decrypt') {
    try {
      addresses = gestpay.amazonAddresses(result);
    } catch {
      addresses = null; // a payload of another shape (the bank lists): no addresses to show
    }
  }
  $('addresses').hidden = !addresses;
  if (addresses) {
    setAddress('shipping', addressLines(addresses.shipping));
    setAddress('billing', addressLines(addresses.billing));
    setAddress('buyer', [addresses.buyerName, addresses.buyerEmail, addresses.buyerPhone]);
  }
  document.querySelector('[data-testid=json]').textContent = JSON.stringify(result, null, 2);
}

/** A normalised Address as the lines of a postal address. */
function addressLines(address) {
  if (!address) return [];
  const place = [address.postalCode, address.city, address.stateOrRegion && `(${address.stateOrRegion})`];
  return [
    address.name,
    address.addressLine1,
    address.addressLine2,
    address.addressLine3,
    address.district,
    place.filter(Boolean).join(' '),
    address.county,
    address.countryCode,
    address.phone && `☎ ${address.phone}`,
  ];
}

function setAddress(testid, lines) {
  const kept = lines.filter(Boolean);
  document.querySelector(`[data-testid=${testid}]`).textContent = kept.length > 0 ? kept.join('\n') : '—';
}
