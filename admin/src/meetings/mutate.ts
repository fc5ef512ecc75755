import { gatewayUrl } from '../dataProvider';
import { toHttpError } from '../dataProvider/errors';

/**
 * A mutation that is not one of the generic CRUD calls (addMeetingAttendees, setDriveTargets…), sent
 * straight to the gateway; GraphQL errors become the same HttpErrors the data provider throws.
 */
export async function mutate<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(gatewayUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw toHttpError({ graphQLErrors: body.errors });
  if (!response.ok || !body.data) throw new Error(response.statusText || 'Request failed');
  return body.data;
}
