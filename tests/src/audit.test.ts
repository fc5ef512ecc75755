import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_ENTRY_FIELDS, type AuditEntryView } from '@sangathan/common';
import { accountToken, createPartyFixture } from '@sangathan/membership/test-support';
import { Kind, parse, type NamedTypeNode, type TypeNode } from 'graphql';
import { startTestSystem, type TestSystem } from './support';

// The audit log through the gateway: a client's request id reaches every service's entries, one
// query reads all three logs, and no operation of the composed API changes or removes an entry.

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('audit_fed');
});
afterAll(() => system.stop());

const ALL_LOGS = `query ($filter: AuditEntryFilter) {
  membership: membershipAuditEntries(filter: $filter) { items { ${AUDIT_ENTRY_FIELDS} } }
  itcell: itcellAuditEntries(filter: $filter) { items { ${AUDIT_ENTRY_FIELDS} } }
  training: trainingAuditEntries(filter: $filter) { items { ${AUDIT_ENTRY_FIELDS} } }
}`;
type Logs = Record<'membership' | 'itcell' | 'training', { items: AuditEntryView[] }>;

const namedType = (type: TypeNode): NamedTypeNode => (type.kind === Kind.NAMED_TYPE ? type : namedType(type.type));

describe('the audit log through the gateway', () => {
  it('no mutation of the composed API changes or removes audit entries', async () => {
    // The committed supergraph (a gateway test checks it is what the services compose to).
    const document = parse(fs.readFileSync(path.join(__dirname, '../../gateway/supergraph.graphql'), 'utf8'));
    const mutations = document.definitions.flatMap((definition) =>
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      definition.name.value === 'Mutation'
        ? (definition.fields ?? [])
        : [],
    );
    expect(mutations.length).toBeGreaterThan(50);
    const touchingAudit = mutations.filter(
      (field) =>
        /audit/i.test(field.name.value) ||
        /^Audit/.test(namedType(field.type).name.value) ||
        (field.arguments ?? []).some((argument) => /^Audit/.test(namedType(argument.type).name.value)),
    );
    expect(touchingAudit.map((field) => field.name.value)).toEqual([]);
    // The only input about entries is the read filter.
    const auditInputs = document.definitions.flatMap((definition) =>
      definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && /audit/i.test(definition.name.value) ? [definition.name.value] : [],
    );
    expect(auditInputs).toEqual(['AuditEntryFilter']);
  });

  it('a client’s request id and the account’s display name reach the entries of every service the mutation wrote in', async () => {
    const tree = await createPartyFixture(system.membership, 'GW');
    const editor = await accountToken(system.membership, 'EDITOR', tree.districts[0]);
    const result = await system.request<{ createMember: { id: string }; createMeeting: { id: string } }>(
      `mutation ($member: MemberInput!, $meeting: MeetingInput!) {
        createMember(input: $member) { id }
        createMeeting(input: $meeting) { id }
      }`,
      {
        member: { organizationId: tree.organizationId, fullName: 'मीना कुमारी', unitId: tree.mandals[0], phone: '9123456789' },
        meeting: { kind: 'WORKSHOP', title: 'मंडल आईटी कार्यशाला', unitId: tree.mandals[0], startsAt: '2026-05-01T04:30:00.000Z' },
      },
      { token: editor.token, headers: { 'x-request-id': 'client-audit-7' } },
    );
    expect(result.errors).toBeUndefined();
    const { createMember: member, createMeeting: meeting } = result.data!;

    const logs = await system.data<Logs>(ALL_LOGS, { filter: { requestId: 'client-audit-7' } });
    const common = {
      id: expect.any(String),
      at: expect.any(String),
      unitId: tree.mandals[0],
      actorKind: 'account',
      actorId: editor.id,
      actorName: `EDITOR ${editor.email}`,
      job: null,
      requestId: 'client-audit-7',
      action: 'CREATE',
      bulk: false,
      changes: expect.anything(), // (arrays from fetch are of another realm: not expect.any(Array))
    };
    // Each service names the part of the mutation it ran.
    expect(logs).toEqual({
      membership: { items: [{ ...common, service: 'membership', operation: 'createMember', recordType: 'Member', recordId: member.id }] },
      itcell: { items: [{ ...common, service: 'itcell', operation: 'createMeeting', recordType: 'Meeting', recordId: meeting.id }] },
      training: { items: [] },
    });
    expect(logs.membership.items[0].changes).toContainEqual({ field: 'phone', oldValue: null, newValue: '+91••••••••89' });

    // The editor itself may not read them, nor may a partner token; an admin of the district may.
    const { createPartnerToken: partner } = await system.data<{ createPartnerToken: { secret: string } }>(
      `mutation ($input: PartnerTokenInput!) { createPartnerToken(input: $input) { secret } }`,
      { input: { name: 'Gateway reader', scopeUnitId: tree.state, scopes: ['members:read', 'itcell:read', 'training:read'] } },
    );
    for (const token of [editor.token, partner.secret]) {
      const refused = await system.request(ALL_LOGS, { filter: { requestId: 'client-audit-7' } }, { token });
      // Each service refuses its own field (the subgraph's access check, passed on by the gateway).
      expect(refused.errors?.map((error) => [error.extensions?.serviceName, error.extensions?.code]).sort()).toEqual([
        ['itcell', 'FORBIDDEN'],
        ['membership', 'FORBIDDEN'],
        ['training', 'FORBIDDEN'],
      ]);
      expect(refused.data ?? null).toBeNull();
    }
    const admin = await accountToken(system.membership, 'ADMIN', tree.districts[0]);
    const asAdmin = await system.data<Logs>(ALL_LOGS, { filter: { requestId: 'client-audit-7' } }, { token: admin.token });
    expect(asAdmin).toEqual(logs);
    const otherAdmin = await accountToken(system.membership, 'ADMIN', tree.districts[1]);
    expect(await system.data<Logs>(ALL_LOGS, { filter: { requestId: 'client-audit-7' } }, { token: otherAdmin.token })).toEqual({
      membership: { items: [] },
      itcell: { items: [] },
      training: { items: [] },
    });
  });
});
