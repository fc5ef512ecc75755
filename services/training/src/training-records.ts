import { type BaseRecord, RecordService, type RecordFilter } from '@sangathan/common';
import type { EntityManager, EntityTarget } from 'typeorm';
import type { TrainingDeps, TrainingServices } from './context';

/** What training's record services share: the request's other services, and delete blockers from counts of live dependants. */
export abstract class TrainingRecordService<T extends BaseRecord, F extends RecordFilter = RecordFilter> extends RecordService<T, F> {
  /** The request's services; read them when a method runs, not in the constructor (they are filled after it). */
  protected readonly services: TrainingServices;

  protected constructor(deps: TrainingDeps, entity: EntityTarget<T>, typeName: string) {
    super(deps, entity, typeName);
    this.services = deps.services;
  }

  /**
   * Delete blockers from live dependants: `countSql` yields (id, count) for the record ids in $1 (more
   * parameters follow in `parameters`); a record with a count gets `message(record, count)`.
   */
  protected async blockersByCount(
    records: T[],
    manager: EntityManager,
    countSql: string,
    message: (record: T, count: number) => string,
    parameters: unknown[] = [],
  ): Promise<Map<string, string>> {
    const rows: { id: string; count: number }[] = await manager.query(countSql, [records.map((record) => record.id), ...parameters]);
    const counts = new Map(rows.map((row) => [row.id, row.count]));
    const blockers = new Map<string, string>();
    for (const record of records) {
      const count = counts.get(record.id);
      if (count) blockers.set(record.id, message(record, count));
    }
    return blockers;
  }
}
