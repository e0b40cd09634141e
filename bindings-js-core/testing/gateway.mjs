// A loopback gateway for end-to-end tests: a node:http server on 127.0.0.1 that parses each
// SOAP request with the binding and answers with envelopes built by the binding's own
// builders (buildResponse, buildFault) — the same symmetry the emulator uses.
import { createServer } from 'node:http';

/**
 * @param gestpay the module under test
 * @param handlers { [operation]: (request, info) => result | { fault } | { raw: {status, contentType, body} } | Promise<…> }
 * @param options { delayMs?: number }
 */
export async function startGateway(gestpay, handlers, options = {}) {
  const calls = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    try {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const info = gestpay.identifyRequest(body);
      const soap = info.soap;
      const handler = handlers[info.operation];
      let answer;
      if (!handler) {
        answer = gestpay.buildFault(
          { code: soap === '1.1' ? 'soap:Client' : 'soap:Sender', reason: `Unknown operation ${info.operation}` },
          { soap },
        );
      } else {
        const request = gestpay.parseRequest(info.operation, body);
        calls.push({ operation: info.operation, request, headers: req.headers, url: req.url });
        const out = await handler(request, info);
        if (out && out.raw) {
          res.writeHead(out.raw.status, out.raw.contentType ? { 'content-type': out.raw.contentType } : {});
          res.end(out.raw.body);
          return;
        }
        answer = out && out.fault
          ? gestpay.buildFault(out.fault, { soap })
          : gestpay.buildResponse(info.operation, out, { soap });
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch (err) {
      const fault = gestpay.buildFault({ code: 'soap:Server', reason: String(err && err.message) });
      res.writeHead(fault.status, fault.headers);
      res.end(fault.body);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
