// Type declarations of `gestpay/testing` (CommonJS entry; testing.d.mts is the ES module's),
// written by hand: the local gateway (`gestpay sandbox`) for a shop's own test suite, and a
// buyer that plays its payment page and Amazon Pay screens over HTTP. docs/node.md, "Testing
// your shop", has a whole example; docs/emulator.md describes the gateway and its scenarios.

declare global {
  // As in TypeScript's lib.esnext.disposable and @types/node (the same declaration merges).
  interface SymbolConstructor {
    readonly asyncDispose: unique symbol;
  }
}

/**
 * How to start the local gateway: the flags of `gestpay sandbox` (`--port=0` and
 * `--stop-on-stdin-eof` always), each value passed as `--flag=value` (a value starting with
 * `-` is never taken for a flag).
 */
export interface LocalGatewayOptions {
  /** The `gestpay` binary (a path, or a name looked up on the PATH). Default: {@link findGatewayBinary}'s search. */
  binary?: string;
  /**
   * Every call must carry this `apiKey` (error 1169 otherwise). Passed in the child's
   * environment (`GESTPAY_SANDBOX_API_KEY`), not on its command line; never shown in an error,
   * in the forwarded stderr or by `util.inspect`. Not empty, no NUL nor line break
   * (`invalid_value`). Default: none required (an inherited `GESTPAY_SANDBOX_API_KEY` is not
   * passed on).
   */
  apiKey?: string;
  /** The shop logins the gateway knows (error 1131 for any other). Default: any shop. */
  shopLogins?: string | readonly string[];
  /** Where the buyer goes back with `a` and `b` after the payment page, for both outcomes unless `successUrl` / `failureUrl` say otherwise. Default: the gateway's own `/merchant/response` page. */
  merchantUrl?: string;
  /** The positive response URL (after OK, and after a pending XX). */
  successUrl?: string;
  /** The negative response URL (after KO: declined, abandoned). */
  failureUrl?: string;
  /** The server-to-server URL: a `GET URL?a=…&b=…` once the payment page has an outcome, and when a pending payment is resolved. */
  notifyUrl?: string;
  /** Payments stay authorised (`AUT`) until callSettleS2S. Default: settled at once. */
  separateSettlement?: boolean;
  /** `OrderReferenceStatus/State` reported by callReadTrxS2S for Amazon Pay. Default: `Open`. */
  amazonOrderState?: string;
  /** How long a `SLOW-…` request waits before its answer, in seconds. Default: 5. */
  slowSeconds?: number;
  /** The address to listen on. Default: `127.0.0.1`. */
  host?: string;
  /** More arguments for `gestpay sandbox` (e.g. `['--allowed-ip', '127.0.0.1']`). */
  extraArgs?: readonly string[];
  /** How long to wait for the gateway's URL before `gateway_not_started`, in milliseconds (at most 2 147 483 647). Default: 10 000. */
  startTimeoutMs?: number;
  /** The buyer's HTTP timeout per page (`payWithAmazon`, `payWithCard`, `cancel`, `resolvePending`), in milliseconds (at most 2 147 483 647): a `TransportError` `timeout` after it. Default: 10 000. */
  timeoutMs?: number;
}

/** A URL, `http:` or `https:`: a string, or a `URL` (anything with a string `href`; no DOM or Node types needed). */
export type UrlLike = string | { readonly href: string };

/** The buyer's choices on the Amazon Pay screens. */
export interface AmazonPayOptions {
  /** The e-mail typed on the sign-in screen. Default: the one the screen proposes (the emulated account's). */
  email?: string;
  /** The index of the shipping address chosen (0: the first; the emulated account has 2). Default: 0. */
  address?: number;
  /** The index of the wallet's card chosen (0: the first; the emulated account has 2). Default: 0. */
  card?: number;
}

/** The buyer's card on the card form. */
export interface CardPaymentOptions {
  /** The card number typed. Default: the form's test card (authorised); `4000000000000002` is declined. Never shown in an error. */
  cardNumber?: string;
}

/** The outcome given to a pending payment. */
export interface ResolvePendingOptions {
  /** Default: `'OK'`. */
  result?: 'OK' | 'KO';
  /** With `result: 'KO'`: the documented error code (74 "Authorization denied" by default). */
  errorCode?: number;
}

/** What the gateway answers once a pending payment is resolved. */
export interface ResolvedPayment {
  bankTransactionId: string;
  transactionResult: 'OK' | 'KO';
  /** A new encrypted string, as sent to the notification URL: Decrypt reads the outcome from it. */
  b: string;
}

/**
 * A running local gateway (`gestpay sandbox`), started by {@link startLocalGateway}. Its
 * process does not keep the test process alive, and is killed when the test process exits
 * without {@link LocalGateway.close}; its stdin is a pipe held by the test process, so it also
 * exits when that process is killed (even by SIGKILL). What it writes on stderr is forwarded,
 * line by line and with the api key masked, to the test process's stderr.
 *
 * Errors of the buyer's methods: a screen other than the expected one is a `GestpayError`
 * with `code: 'unexpected_page'`, `step` (`'payment page'`, `'sign-in'`, `'shipping address'`,
 * `'payment method'`, `'card form'`, `'cancel'`, `'resolve'`) and the HTTP `status`; a gateway
 * closed or whose process has exited a `GestpayError` `gateway_stopped` (nothing is sent: its
 * port may be another process's); no answer a `TransportError` (`network`, `timeout`); bad
 * arguments an `InvalidRequestError` (`unknown_field`, `invalid_type`, `invalid_value`: a page
 * URL that is not an absolute http(s) URL, an address or card index the page does not offer).
 */
export interface LocalGateway {
  /** The base URL (`http://127.0.0.1:PORT`, no trailing slash): what the shop passes as `env` (an `Environment`). */
  readonly url: `http://${string}`;
  /** The gateway process's id; undefined once closed. */
  readonly pid: number | undefined;
  /** Stops the gateway (ends its stdin, then SIGTERM; SIGKILL after 5 s) and waits for its process to exit. Calling it again is harmless; the buyer's methods are `gateway_stopped` afterwards. */
  close(): Promise<void>;
  /** The same as {@link LocalGateway.close}: `await using gateway = await startLocalGateway()`. */
  [Symbol.asyncDispose](): Promise<void>;
  /**
   * Plays the buyer on the Amazon Pay screens of a payment page (the URL of an Encrypt with
   * `paymentTypes: ['AMAZONPAY']`: `paymentPageUrl(shopLogin, cryptDecryptString)`): signs
   * in, chooses the shipping address and the card, pays.
   * @returns the URL the gateway sends the buyer back to: the shop's response URL with `a` and
   *          `b` (give it to `parseCallback` / `decryptCallback`, or GET it on the shop).
   */
  payWithAmazon(paymentPageUrl: UrlLike, options?: AmazonPayOptions): Promise<string>;
  /**
   * Pays on the card form of a payment page (an Encrypt without AMAZONPAY).
   * @returns the URL the buyer is sent back to, with `a` and `b`.
   */
  payWithCard(paymentPageUrl: UrlLike, options?: CardPaymentOptions): Promise<string>;
  /**
   * The buyer cancels on the payment page (Amazon Pay or card): Decrypt then gives KO 1143
   * "Transaction abandoned by buyer".
   * @returns the URL the buyer is sent back to (the failure URL), with `a` and `b`.
   */
  cancel(paymentPageUrl: UrlLike): Promise<string>;
  /**
   * Gives a pending payment (shopTransactionId `XX-…`) its outcome, as the bank eventually
   * does: from then on Decrypt (of the old `b` too) and callReadTrxS2S report it, and the
   * notification URL is called with the new `b`. An unknown transaction (404), one that is not
   * pending (409) is `unexpected_page` (step `'resolve'`).
   */
  resolvePending(bankTransactionId: string | number, options?: ResolvePendingOptions): Promise<ResolvedPayment>;
}

/**
 * The `gestpay` binary that runs the local gateway: `binary` if given (a path, or a name on
 * the PATH), else the environment variable `GESTPAY_BIN`, else the npm package `gestpay-cli`
 * (`npm install --save-dev gestpay-cli`) resolved from the working directory or from this
 * package, else `gestpay` on the PATH.
 * @throws GestpayError with `code: 'gateway_not_found'` when none is there (or `binary` /
 *         `GESTPAY_BIN` names no executable file).
 */
export declare function findGatewayBinary(binary?: string): string;

/**
 * Starts the local gateway, `gestpay sandbox --port=0 --stop-on-stdin-eof` with the options as
 * flags, and resolves once it has printed its base URL.
 * @throws InvalidRequestError `unknown_field` (`field: 'options.<key>'`) for an option it
 *         does not know, `invalid_type` for a value of the wrong type, `invalid_value` for an
 *         empty `apiKey` or one with a NUL or a line break; GestpayError
 *         `gateway_not_found` (see {@link findGatewayBinary}); GestpayError
 *         `gateway_not_started` when the process exits, cannot be run or prints no URL in
 *         time (its `stderr` on the error and in the message, the api key masked).
 */
export declare function startLocalGateway(options?: LocalGatewayOptions): Promise<LocalGateway>;
