import { Box, Chip, Stack, Typography } from '@mui/material';
import type { IntrospectionObjectType, IntrospectionTypeRef } from 'graphql';
import { useContext, useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { IntrospectionContext, useIntlLocale } from '../common';
import { findResource, namedType } from '../dataProvider/buildQuery';
import { resources } from '../resources';
import type { AuditChange, AuditEntry, AuditService } from './queries';

/** Where a resource's history is kept: accounts and partner tokens (the access area) live in membership. */
const serviceOfArea = (area: string): AuditService => (area === 'itcell' || area === 'training' ? area : 'membership');

export interface AuditedResource {
  /** The console's resource name (members). */
  resource: string;
  /** The GraphQL type its entries name (Member). */
  recordType: string;
  service: AuditService;
}

/** Every console resource with its record type and service, from the schema the console was built with. */
export function useAuditedResources(): AuditedResource[] {
  const introspection = useContext(IntrospectionContext);
  return useMemo(
    () =>
      introspection
        ? resources.flatMap(({ name, area }) => {
            try {
              return [{ resource: name, recordType: findResource(introspection, name).type.name, service: serviceOfArea(area) }];
            } catch {
              return [];
            }
          })
        : [],
    [introspection],
  );
}

/** Date and time as the reader's language writes them. */
export function useFormatDateTime() {
  const locale = useIntlLocale();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    return (value: string) => {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : format.format(date);
    };
  }, [locale]);
}

/** Who made a change, in words: the account's name, a system job, a calling service, or the id when there is no name. */
export function useDescribeActor() {
  const translate = useTranslate();
  return (entry: Pick<AuditEntry, 'actorKind' | 'actorId' | 'actorName' | 'job'>) => {
    switch (entry.actorKind) {
      case 'system': {
        const job = entry.job ?? '';
        return translate('sangathan.audit.actor.system', { job: translate(`sangathan.audit.jobs.${job}`, { _: job }) });
      }
      case 'service':
        return translate('sangathan.audit.actor.service', { name: entry.actorId ?? '' });
      case 'partner':
        return translate('sangathan.audit.actor.partner', { name: entry.actorName ?? entry.actorId ?? '' });
      default:
        return entry.actorName || entry.actorId || '—';
    }
  };
}

/** The record type in words (its resource's name when the console has one). */
export function useRecordTypeLabel() {
  const translate = useTranslate();
  const audited = useAuditedResources();
  return (recordType: string) => {
    const found = audited.find((candidate) => candidate.recordType === recordType);
    return found
      ? translate(`resources.${found.resource}.name`, { smart_count: 1, _: recordType })
      : translate(`sangathan.audit.types.${recordType}`, { _: recordType });
  };
}

/** A list's values arrive as JSON text ("[\"a\",\"b\"]"); anything else is one value. */
function listValues(text: string): unknown[] {
  if (!text.startsWith('[')) return [text];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [text];
  } catch {
    return [text];
  }
}

const isList = (ref: IntrospectionTypeRef): boolean =>
  ref.kind === 'LIST' || (ref.kind === 'NON_NULL' && isList((ref as { ofType: IntrospectionTypeRef }).ofType));

/**
 * A record type's changed fields in words: the field's label where the resource has one, else the API's
 * field name; values of enum and yes/no fields translated, times in the reader's format, empty as "—".
 */
function useChangeFormatter(recordType: string) {
  const translate = useTranslate();
  const introspection = useContext(IntrospectionContext);
  const audited = useAuditedResources();
  const formatDateTime = useFormatDateTime();
  const resource = audited.find((candidate) => candidate.recordType === recordType)?.resource;
  const type = introspection?.types.find((candidate) => candidate.name === recordType) as IntrospectionObjectType | undefined;

  const label = (field: string) =>
    translate(`resources.${resource}.fields.${field}`, { _: translate(`sangathan.audit.fields.${field}`, { _: field }) });

  const value = (field: string, text: string | null) => {
    if (text === null || text === '') return '—';
    const fieldType = type?.fields?.find((candidate) => candidate.name === field)?.type;
    const named = fieldType ? namedType(fieldType) : undefined;
    const one = (item: unknown) => {
      const itemText = typeof item === 'string' ? item : JSON.stringify(item);
      if (named?.kind === 'ENUM') return translate(`enums.${named.name}.${itemText}`, { _: itemText });
      if (named?.name === 'Boolean') return translate(itemText === 'true' ? 'ra.boolean.true' : 'ra.boolean.false');
      if (named?.name === 'DateTimeISO') return formatDateTime(itemText);
      return itemText;
    };
    if (!fieldType || !isList(fieldType)) return one(text);
    const values = listValues(text);
    return values.length ? values.map(one).join(', ') : '—';
  };
  return { label, value };
}

/** An entry's changed fields, one line each: "label: old → new". */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { label, value } = useChangeFormatter(entry.recordType);
  const translate = useTranslate();
  if (!entry.changes.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('sangathan.audit.noFields')}
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="audit-changes">
      {entry.changes.map((change: AuditChange) => (
        <Typography component="li" variant="body2" key={change.field} data-testid="audit-change" data-field={change.field}>
          <strong>{label(change.field)}</strong>: <span data-testid="audit-old">{value(change.field, change.oldValue)}</span> →{' '}
          <span data-testid="audit-new">{value(change.field, change.newValue)}</span>
        </Typography>
      ))}
    </Box>
  );
}

/** What was done: the translated action, a "bulk" mark, and the API operation that did it. */
export function AuditActionLabel({ entry }: { entry: AuditEntry }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2" component="span" sx={{ fontWeight: 500 }} data-testid="audit-action">
        {translate(`enums.AuditAction.${entry.action}`, { _: entry.action })}
      </Typography>
      {entry.bulk && <Chip size="small" label={translate('sangathan.audit.bulk')} title={translate('sangathan.audit.bulkHelp')} />}
      {entry.operation && (
        <Typography variant="caption" component="code" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {entry.operation}
        </Typography>
      )}
    </Stack>
  );
}
