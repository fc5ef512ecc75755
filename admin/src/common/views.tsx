import { useMediaQuery, type Theme } from '@mui/material';
import type { ComponentType, ReactElement, ReactNode } from 'react';
import {
  Create,
  CreateButton,
  Datagrid,
  ReferenceManyField,
  type DatagridProps,
  type ReferenceManyFieldProps,
  type RaRecord,
  DatagridConfigurable,
  Edit,
  FilterButton,
  List,
  SearchInput,
  SelectColumnsButton,
  Show,
  ShowButton,
  SimpleList,
  TopToolbar,
  useNotify,
  useRefresh,
  useRecordContext,
  SaveButton,
  SimpleForm,
  Toolbar,
  type SimpleFormProps,
  useTranslate,
  type CreateProps,
  type EditProps,
  type ListProps,
  type ShowProps,
  type TransformData,
  EditButton,
  useCanAccess,
  useResourceContext,
} from 'react-admin';
import { useLocation } from 'react-router-dom';
import { ExportAllButton } from './ExportAllButton';
import { UndoableBulkDeleteButton, UndoableDeleteButton } from './undoableDelete';

/** The list search box: the API's `q`, which matches names in their own script and in Latin. */
function QuickSearch(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('sangathan.filters.search')} />;
}

export const searchFilter = <QuickSearch key="q" source="q" alwaysOn />;

function ListActions({ canCreate = true }: { canCreate?: boolean }) {
  return (
    <TopToolbar>
      <SelectColumnsButton />
      <FilterButton />
      {canCreate && <CreateButton />}
      <ExportAllButton />
    </TopToolbar>
  );
}

export interface ResourceListProps extends Omit<ListProps, 'children'> {
  children: ReactNode;
  /** What a phone shows per row instead of the table. */
  primaryText: (record: any) => ReactNode;
  secondaryText?: (record: any) => ReactNode;
  canCreate?: boolean;
  canDelete?: boolean;
  rowClick?: 'show' | 'edit' | false;
}

/**
 * Every list: server-side search, filters, sort and pagination (the data provider passes them to
 * xs(filter, sort, page)), bulk delete with undo, export of everything matching; a simple list on phones.
 * What a role may not do is not offered: no create button, no row selection for bulk delete (the auth
 * provider's canAccess decides); a row opens the record's page, never its form.
 */
export function ResourceList({
  children,
  primaryText,
  secondaryText,
  canCreate = true,
  canDelete = true,
  rowClick = 'show',
  ...props
}: ResourceListProps) {
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const resource = useResourceContext(props);
  const { canAccess: mayDelete } = useCanAccess({ resource, action: 'delete' });
  return (
    <List actions={<ListActions canCreate={canCreate} />} perPage={25} {...props}>
      {isSmall ? (
        <SimpleList primaryText={primaryText} secondaryText={secondaryText} linkType={rowClick} />
      ) : (
        <DatagridConfigurable rowClick={rowClick} bulkActionButtons={canDelete && mayDelete ? <UndoableBulkDeleteButton /> : false}>
          {children}
        </DatagridConfigurable>
      )}
    </List>
  );
}

/**
 * Edits wait for the server (pessimistic) so its field errors land on the fields; a CONFLICT (someone
 * saved in between) reloads the record and says so instead of overwriting their change.
 */
export function ResourceEdit({ children, ...props }: EditProps & { children: ReactElement }) {
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      actions={
        <TopToolbar>
          <ShowButton />
        </TopToolbar>
      }
      mutationOptions={{
        onError: (error: any) => {
          if (error?.status === 409) {
            notify('sangathan.errors.conflict', { type: 'warning', autoHideDuration: 15000 });
            refresh();
          } else if (error?.status !== 400) {
            notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
          }
        },
      }}
      {...props}
    >
      {children}
    </Edit>
  );
}

/** Save, and on an existing record the delete that can be undone (not react-admin's plain delete). */
function FormToolbar() {
  const record = useRecordContext();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record?.id !== undefined && <UndoableDeleteButton />}
    </Toolbar>
  );
}

/** SimpleForm with the console's toolbar; every create and edit form uses it. */
export function ResourceForm(props: SimpleFormProps) {
  return <SimpleForm toolbar={<FormToolbar />} {...props} />;
}

/** A parent record a create can be opened from, with the parent's id prefilled in `field`. */
export interface ParentLink {
  field: string;
  /** Where to go back to after saving, e.g. (id) => `socialTeams/${id}/show`. */
  path: (id: string) => string;
}

export interface ResourceCreateProps extends CreateProps {
  children: ReactElement;
  /** Opened from the parent's page (its id in the location state's record), go back there after saving. */
  returnTo?: ParentLink;
}

export function ResourceCreate({ children, returnTo, ...props }: ResourceCreateProps) {
  const location = useLocation();
  const fromParent = returnTo && (location.state as { record?: Record<string, string> } | null)?.record?.[returnTo.field];
  const redirect: CreateProps['redirect'] =
    returnTo && fromParent ? (_resource, _id, data) => returnTo.path(data?.[returnTo.field] ?? fromParent) : 'show';
  return (
    <Create redirect={redirect} {...props}>
      {children}
    </Create>
  );
}

export interface FormViewsOptions {
  /** Applied to the record before both create and update. */
  transform?: TransformData;
  create?: Omit<ResourceCreateProps, 'children'>;
  edit?: Omit<EditProps, 'children'>;
}

/**
 * A resource's create and edit views around its one form (told `creating` on create), to spread into
 * its definition: `...formViews(MemberForm, { edit: { transform } })`.
 */
export function formViews(Form: ComponentType<{ creating?: boolean }>, { transform, create, edit }: FormViewsOptions = {}) {
  return {
    create: () => (
      <ResourceCreate transform={transform} {...create}>
        <Form creating />
      </ResourceCreate>
    ),
    edit: () => (
      <ResourceEdit transform={transform} {...edit}>
        <Form />
      </ResourceEdit>
    ),
  };
}

/**
 * For an edit's transform: a record renamed with its Latin form left as it was gets a fresh one from
 * the server, which derives it when omitted (`fullName` → `fullNameLatin`).
 */
export const rederiveLatin =
  (name: string): TransformData =>
  (data, options) => {
    const latin = `${name}Latin`;
    const before = options?.previousData;
    return before && data[name] !== before[name] && data[latin] === before[latin] ? { ...data, [latin]: undefined } : data;
  };

export interface ResourceShowProps extends ShowProps {
  children: ReactElement;
  canEdit?: boolean;
  /** Buttons of the resource's own before edit and delete (reset a password, revoke a token). */
  extraActions?: ReactNode;
}

/** A record's page; edit and delete appear only for a role that may use them (canAccess). */
export function ResourceShow({ children, canEdit = true, extraActions, ...props }: ResourceShowProps) {
  return (
    <Show
      actions={
        <TopToolbar>
          {extraActions}
          {canEdit && <EditButton />}
          <UndoableDeleteButton />
        </TopToolbar>
      }
      {...props}
    >
      {children}
    </Show>
  );
}

export interface RelatedListProps extends Omit<ReferenceManyFieldProps<RaRecord, RaRecord>, 'children'> {
  children: ReactNode;
  /** Shown when there are none; a dash by default. */
  empty?: ReactElement;
  rowClick?: DatagridProps['rowClick'];
  bulkActionButtons?: DatagridProps['bulkActionButtons'];
  'data-testid'?: string;
}

/** A record page's list of related records (a tab or a section): each row opens its record, no bulk actions by default. */
export function RelatedList({
  children,
  empty = <p>—</p>,
  rowClick = 'show',
  bulkActionButtons = false,
  'data-testid': testId,
  ...props
}: RelatedListProps) {
  return (
    <ReferenceManyField {...props}>
      <Datagrid rowClick={rowClick} bulkActionButtons={bulkActionButtons} empty={empty} data-testid={testId}>
        {children}
      </Datagrid>
    </ReferenceManyField>
  );
}
