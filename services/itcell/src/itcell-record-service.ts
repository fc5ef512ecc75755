import { RecordService, type BaseRecord, type MembershipLookups, type RecordFilter, type UnitCopyTable } from '@sangathan/common';
import type { EntityTarget } from 'typeorm';
import type { ItcellDeps, ItcellServices } from './context';

/** A record service of itcell: the request's other services at hand, and membership's batched lookups. */
export abstract class ItcellRecordService<T extends BaseRecord, F extends RecordFilter = RecordFilter> extends RecordService<T, F> {
  protected readonly services: ItcellServices;

  protected constructor(deps: ItcellDeps, entity: EntityTarget<T>, typeName: string) {
    super(deps, entity, typeName);
    this.services = deps.services;
  }

  /** Units and members live in membership: looked up in batches, once per request. */
  protected get membership(): MembershipLookups {
    return this.services.membership;
  }
}

/** The unit copies of a table of UnitRecords (unit_id, unit_path, unit_level), for a module's `unitCopyTables`. */
export function unitRecordTable(table: string): UnitCopyTable {
  return { table, unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' };
}
