// Runs the example shop: GESTPAY_SHOP_LOGIN (required), GESTPAY_API_KEY, GESTPAY_ENV
// (test | production | a base URL such as the emulator's, `gestpay sandbox`), PORT.
import { createApp } from './app.mjs';

const shopLogin = process.env.GESTPAY_SHOP_LOGIN;
if (!shopLogin) {
  console.error('set GESTPAY_SHOP_LOGIN (and GESTPAY_API_KEY, GESTPAY_ENV)');
  process.exit(1);
}
const app = createApp({ shopLogin, apiKey: process.env.GESTPAY_API_KEY, env: process.env.GESTPAY_ENV ?? 'test' });
const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => console.log(`shop on http://127.0.0.1:${port}/checkout?order=ORD-1&amount=49.90`));
