import { defineModule, loadReference } from '@sangathan/common';
import { unitRecordTable } from '../../itcell-record-service';
import { DriveTarget } from './drive-target.entity';
import { DriveTargetService } from './drive-target.service';
import { OutreachDrive } from './outreach-drive.entity';
import { DriveTargetResolver, OutreachDriveResolver } from './outreach-drive.resolver';
import { OutreachDriveService } from './outreach-drive.service';

/** Drives and their per-unit targets (set as a whole through the drive: targets have no CRUD API of their own). */
export const outreachDriveModule = defineModule({
  name: 'outreach-drive',
  entities: [OutreachDrive, DriveTarget],
  resolvers: [OutreachDriveResolver, DriveTargetResolver],
  references: { OutreachDrive: loadReference('outreachDrives') },
  services: { outreachDrives: OutreachDriveService, driveTargets: DriveTargetService },
  unitCopyTables: [unitRecordTable('outreach_drive'), unitRecordTable('drive_target')],
});
