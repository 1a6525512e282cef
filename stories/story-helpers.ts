/** What stories share: a transport stand-in so designers can see every state without a server. */
import { setTransport, fetchTransport, type SendResult, type Transport } from '../src/runtime/delivery/transport.js';

/** Makes the widgets' next posts answer like the endpoint would: accepted, refused or unreachable. */
export function answerWith(result: SendResult | 'real' | 'never'): void {
  const transport: Transport =
    result === 'real' ? fetchTransport : result === 'never' ? { send: () => new Promise<SendResult>(() => undefined) } : { send: async () => result };
  setTransport(transport);
}

export const accepted: SendResult = { ok: true, status: 201, body: { ok: true } };
export const offline: SendResult = { ok: false, status: 0, body: null };
