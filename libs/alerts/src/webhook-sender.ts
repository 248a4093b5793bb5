import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import {
  addressRefused,
  createGuardedLookup,
  publicAddressesOnly,
  type AddressPolicy,
} from '@hop-luu/oai-pmh';
import { WebhookDeliveryError } from './alert.errors';
import { SIGNATURE_HEADER, signBody } from './webhook-signature';

export interface WebhookPost {
  readonly url: string;
  readonly secret: string;
  readonly payload: Record<string, unknown>;
}

/** Which addresses a webhook may reach: the rule of OAI base URLs (HARVEST_ALLOW_PRIVATE_ADDRESSES). */
export function webhookAddressPolicy(allowPrivateAddresses: boolean): AddressPolicy {
  return allowPrivateAddresses ? () => true : publicAddressesOnly;
}

/**
 * POSTs one signed JSON body. The address guard runs at connection time (a name that resolves
 * to a private address after registration is still refused); redirects are not followed.
 * Throws WebhookDeliveryError unless the receiver answers 2xx within `timeoutMs`.
 */
export function postWebhook(
  post: WebhookPost,
  policy: AddressPolicy,
  timeoutMs: number,
): Promise<number> {
  const body = JSON.stringify(post.payload);
  const url = new URL(post.url);
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<number>((resolve, reject) => {
    const fail = (reason: string): void =>
      reject(new WebhookDeliveryError(`Webhook ${url.origin}${url.pathname}: ${reason}`));
    // Node skips `lookup` for an IP literal, so the guard must judge one itself.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) && !policy(literal)) return fail(addressRefused(url.host, literal).message);
    const req = request(
      url,
      {
        method: 'POST',
        lookup: createGuardedLookup(policy),
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'HopLuu-Alerts/1.0',
          [SIGNATURE_HEADER]: signBody(body, post.secret),
        },
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(status);
        else fail(`answered HTTP ${status}`);
      },
    );
    req.on('error', (error) =>
      fail(error.name === 'AbortError' ? `no answer within ${timeoutMs} ms` : error.message),
    );
    req.end(body);
  });
}
