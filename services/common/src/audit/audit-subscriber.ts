import type { ApolloServerPlugin } from '@apollo/server';
import { EventSubscriber, type EntitySubscriberInterface, type TransactionStartEvent } from 'typeorm';
import { rootFields } from '../auth/access';
import { currentActor, setRequestActor } from '../request-context';

/**
 * Gives every transaction its writer: at the start of each one (savepoints included) the actor, request
 * id and operation of the work in progress become transaction-local settings, which the audit triggers
 * read. One statement per transaction, and none outside a request or system job (reads need none).
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const current = currentActor();
    if (!current) return;
    const { actor, operation, requestId } = current;
    await event.queryRunner.query(
      `SELECT set_config('sangathan.actor_kind', $1, true), set_config('sangathan.actor_id', $2, true),
        set_config('sangathan.actor_name', $3, true), set_config('sangathan.job', $4, true),
        set_config('sangathan.request_id', $5, true), set_config('sangathan.operation', $6, true)`,
      [actor.kind, actor.id ?? '', actor.name ?? '', actor.job ?? '', requestId ?? '', operation ?? ''],
    );
  }
}

/**
 * Marks the changes of the rest of the transaction as a MERGE or a MOVE (instead of UPDATE), for
 * operations whose nature the changed columns do not show.
 */
export async function setAuditAction(
  query: (sql: string, parameters: unknown[]) => Promise<unknown>,
  action: 'MERGE' | 'MOVE',
): Promise<void> {
  await query(`SELECT set_config('sangathan.action', $1, true)`, [action]);
}

/** Records a mutation's root fields as the operation its audit entries name (e.g. "deleteMembers"). */
export function auditOperationPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation === 'mutation') setRequestActor(null, rootFields(document, operation).join(','));
        },
      };
    },
  };
}
