// The whole Amazon Pay flow of amazon-pay.ts against the local gateway (`gestpay sandbox`,
// started by `gestpay/testing`): checkout, the buyer on the Amazon Pay screens (the second
// shipping address, the first card), the callback, Decrypt and the addresses, printed.
//
//   npx tsc -p tsconfig.build.json && node dist/local-gateway.js
//
// The gateway binary: GESTPAY_BIN, else the gestpay-cli package (npm install --save-dev
// gestpay-cli), else `gestpay` on the PATH.
import { startLocalGateway, type LocalGateway } from 'gestpay/testing';
import type { Address } from 'gestpay';

import { createShop, explain } from './amazon-pay.js';

const SHOP_LOGIN = 'GESPAY65987';
const API_KEY = 'typescript-example-key';

function line(address: Address | undefined): string {
  if (!address) return '(none)';
  return [address.name, address.addressLine1, address.addressLine2, `${address.postalCode ?? ''} ${address.city ?? ''}`, address.countryCode]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(', ');
}

async function run(): Promise<void> {
  // The buyer comes back to the gateway's own stand-in merchant page: this script reads the
  // URL it is sent to instead of serving it.
  const gateway: LocalGateway = await startLocalGateway({ apiKey: API_KEY, shopLogins: [SHOP_LOGIN] });
  try {
    const shop = createShop({ env: gateway.url, shopLogin: SHOP_LOGIN, apiKey: API_KEY });
    const page = await shop.checkout('ORD-TS-1', '49.90');
    const back = await gateway.payWithAmazon(page, { address: 1, card: 0 });
    const shipment = await shop.onCallback(back);
    console.log(`order:   ${shipment.order ?? ''}`);
    console.log(`ship to: ${line(shipment.shipTo)}`);
    console.log(`bill to: ${line(shipment.billTo)}`);
    console.log(`token:   ${shipment.token ? 'a billing agreement for the next charges' : '(none)'}`);
    if (shipment.shipTo?.city !== 'Milano' || !shipment.billTo?.city) throw new Error('not the addresses the buyer chose');

    // A declined order (the gateway's KO- scenario) goes through the same typed errors.
    const declined = await gateway.payWithAmazon(await shop.checkout('KO-ORD-TS-2', '49.90'));
    try {
      await shop.onCallback(declined);
      throw new Error('a KO- order was paid');
    } catch (err) {
      console.log(`KO-ORD-TS-2: ${explain(err)}`);
    }
  } finally {
    await gateway.close();
  }
}

run().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
