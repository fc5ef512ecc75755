import { HttpError } from 'react-admin';

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; fields?: Record<string, string>; [key: string]: unknown };
}

/**
 * The first GraphQL error inside what Apollo (through ra-data-graphql) threw, if any; a request the gateway
 * refused as a whole (HTTP 400, e.g. a variable of the wrong type) has its errors in the network error's body.
 */
function firstGraphQLError(error: any): GraphQLErrorLike | undefined {
  return (
    error?.body?.graphQLErrors?.[0] ?? error?.graphQLErrors?.[0] ?? error?.body?.errors?.[0] ?? error?.networkError?.result?.errors?.[0]
  );
}

/**
 * Turns API errors into what react-admin understands:
 * - BAD_USER_INPUT with `extensions.fields` → 400 with `body.errors`, which the form shows on each field;
 * - CONFLICT → 409, which edit views answer by reloading the record and saying why;
 * - NOT_FOUND → 404;
 * - UNAUTHENTICATED → 401 (the session has ended: the auth provider signs out), FORBIDDEN → 403 (shown as a
 *   notification, and on the fields it names), TOO_MANY_REQUESTS → 429;
 * anything else keeps the server's message.
 */
export function toHttpError(error: unknown): unknown {
  const graphQLError = firstGraphQLError(error);
  if (!graphQLError) return error;
  const code = graphQLError.extensions?.code;
  if (code === 'BAD_USER_INPUT') {
    const fields = graphQLError.extensions?.fields ?? {};
    // react-admin shows body.errors on the fields and the root message in the notification.
    return new HttpError('sangathan.errors.invalid', 400, { errors: { ...fields, root: { serverError: graphQLError.message } }, code });
  }
  if (code === 'CONFLICT') return new HttpError('sangathan.errors.conflict', 409, { code, ...graphQLError.extensions });
  if (code === 'NOT_FOUND') return new HttpError('ra.notification.item_doesnt_exist', 404, { code });
  if (code === 'UNAUTHENTICATED') return new HttpError(graphQLError.message, 401, { code });
  if (code === 'FORBIDDEN') {
    const fields = graphQLError.extensions?.fields;
    return new HttpError(graphQLError.message, 403, {
      code,
      ...(fields ? { errors: { ...fields, root: { serverError: graphQLError.message } } } : {}),
    });
  }
  if (code === 'TOO_MANY_REQUESTS') return new HttpError(graphQLError.message, 429, { code, ...graphQLError.extensions });
  if (code === 'SERVICE_UNAVAILABLE') return new HttpError(graphQLError.message, 503, { code });
  return new HttpError(graphQLError.message, 500, { code });
}
