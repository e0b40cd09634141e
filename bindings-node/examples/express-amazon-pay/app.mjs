// An Express shop that takes Amazon Pay through the Axerve (Gestpay) payment page.
//
//   GET /checkout?order=ORD-42&amount=49.90   Encrypt, then redirect the buyer to the payment page
//   GET /gestpay/ok?a=…&b=…                   the gateway sends the buyer back: Decrypt the result,
//   GET /gestpay/ko?a=…&b=…                   then read where to ship and whom to bill
//                                             (callReadTrxS2S → Amazon addresses)
//
// Configure the response URLs (/gestpay/ok, /gestpay/ko) in the gateway's Back Office.
//
// `assertOk` is the success check: it passes only TransactionResult OK. A KO (DeclinedError) is
// answered 402, the buyer may try again; a XX (PendingError) 202, the buyer must not pay again
// (the server-to-server notification tells the outcome later); anything else (no result, an
// unknown one) is an error. Nothing is shipped but on OK.
import express from 'express';
import { DeclinedError, GestpayClient, GestpayError, PendingError, amazonAddresses, assertOk } from 'gestpay';

/**
 * @param {{ shopLogin: string, apiKey?: string, env?: import('gestpay').Environment, timeoutMs?: number }} config
 */
export function createApp(config) {
  const gateway = new GestpayClient({ env: config.env ?? 'test', timeoutMs: config.timeoutMs ?? 15_000 });
  const auth = config.apiKey ? { apiKey: config.apiKey } : {};
  const app = express();

  app.get('/checkout', async (req, res, next) => {
    try {
      const order = String(req.query.order ?? '');
      const amount = String(req.query.amount ?? '');
      const encrypted = assertOk(
        await gateway.encrypt({
          shopLogin: config.shopLogin,
          uicCode: 'EUR',
          amount,
          shopTransactionId: order,
          paymentTypes: ['AMAZONPAY'],
          ...auth,
        }),
      );
      res.redirect(302, gateway.paymentPageUrl(config.shopLogin, encrypted.cryptDecryptString ?? ''));
    } catch (err) {
      next(err);
    }
  });

  const callback = async (req, res, next) => {
    try {
      // `req.query` holds `a` and `b`; the URL, URLSearchParams or a query string work too.
      const result = await gateway.decryptCallback(req.query, auth);
      try {
        assertOk(result);
      } catch (err) {
        if (err instanceof PendingError) {
          res.status(202).json({ order: result.shopTransactionId, status: 'pending' });
          return;
        }
        if (err instanceof DeclinedError) {
          res.status(402).json({ order: result.shopTransactionId, status: 'declined', code: err.errorCode, reason: err.knownDescription ?? err.description });
          return;
        }
        throw err; // no result, an unknown result: never shipped
      }
      // Step 4 of the Amazon Pay flow: the addresses the buyer chose in Amazon's widgets.
      const read = await gateway.callReadTrxS2S({ shopLogin: config.shopLogin, bankTransactionId: result.bankTransactionId, ...auth });
      const amazon = amazonAddresses(read);
      res.json({
        order: result.shopTransactionId,
        status: 'paid',
        amount: result.amount,
        currency: result.currency,
        bankTransactionId: result.bankTransactionId,
        buyer: { name: amazon?.buyerName ?? null, email: amazon?.buyerEmail ?? null },
        shipTo: amazon?.shipping ?? null,
        billTo: amazon?.billing ?? null,
      });
    } catch (err) {
      next(err);
    }
  };
  app.get('/gestpay/ok', callback);
  app.get('/gestpay/ko', callback);

  // Library errors carry a stable code and the field: log those, never the request. A KO of
  // Encrypt (assertOk at checkout) is the gateway refusing the order: 502 too.
  app.use((err, req, res, next) => {
    if (!(err instanceof GestpayError)) return next(err);
    const status = err.party === 'caller' ? 400 : 502;
    res.status(status).json({ error: err.code, field: err.field, message: err.message });
  });

  return app;
}
