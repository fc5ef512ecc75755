import { Assignment } from './modules/assignment/assignment.entity';
import { FieldVisit } from './modules/field-visit/field-visit.entity';
import { Member } from './modules/member/member.entity';
import { OrgUnit } from './modules/org-unit/org-unit.entity';
import { Organization } from './modules/organization/organization.entity';
import { Position } from './modules/position/position.entity';
import { UnitChange } from './modules/unit-change/unit-change.entity';
import { InitialSchema1763800000000 } from './migrations/1763800000000-InitialSchema';
import { SearchAndListIndexes1763900000000 } from './migrations/1763900000000-SearchAndListIndexes';
import { UnitChangeFeed1764000000000 } from './migrations/1764000000000-UnitChangeFeed';

export const ENTITIES = [Organization, OrgUnit, Member, Position, Assignment, FieldVisit, UnitChange];
/** Listed explicitly (not globbed) so ts-jest, tsc output and the CLI load the same set. */
export const MIGRATIONS = [InitialSchema1763800000000, SearchAndListIndexes1763900000000, UnitChangeFeed1764000000000];
