import { parseCookie, stringifySetCookie, type SerializeOptions } from 'cookie';
import type { Request, Response } from 'express';
import { CLIENT_ADDRESS_HEADER } from './authenticator';

/** What a service may know of the HTTP request behind an operation: for login throttling and the refresh cookie. */
export interface RequestInfo {
  /** The client's address: the gateway's word for it when the gateway sent the request. */
  clientAddress: string;
  cookie(name: string): string | undefined;
  setCookie(name: string, value: string, options: SerializeOptions): void;
}

/** Outside a request (seeding, scripts). */
export const NO_REQUEST: RequestInfo = {
  clientAddress: 'local',
  cookie: () => undefined,
  setCookie: () => undefined,
};

/** `fromGateway`: the request came through the gateway, so its client-address header can be believed. */
export function requestInfo(req: Request, res: Response, fromGateway: boolean): RequestInfo {
  const forwarded = fromGateway ? req.headers[CLIENT_ADDRESS_HEADER] : undefined;
  const cookies = parseCookie(req.headers.cookie ?? '');
  return {
    clientAddress: (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? req.socket.remoteAddress ?? 'unknown',
    cookie: (name) => cookies[name],
    setCookie: (name, value, options) => {
      res.append('set-cookie', stringifySetCookie(name, value, options));
    },
  };
}
