import {
  Alert,
  Box,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useCreatePath } from 'react-admin';
import { useFormatNumber } from './locale';

/** A table row about one unit: sortable by the unit's name or by any of its numeric columns. */
interface UnitRowLike {
  /** Null when membership does not answer. */
  unit: { name: string } | null;
}

type NumericKey<Row> = { [Key in keyof Row]: Row[Key] extends number ? Key : never }[keyof Row] & string;

/** What a per-unit table sorts on: the unit's name, or one of the row's numeric columns. */
export type UnitSortKey<Row> = 'name' | NumericKey<Row>;

export interface SortState<Key extends string> {
  key: Key;
  asc: boolean;
}

/**
 * The rows of a per-unit table sorted on the chosen column (by name alphabetically, else by number), with the
 * sort state and `onSort`, which sorts on a column (a click on the sorted column reverses it; a new column
 * starts ascending for names, descending for numbers).
 */
export function useSortedRows<Row extends UnitRowLike>(rows: Row[] | undefined, initial: SortState<UnitSortKey<Row>>) {
  const [sort, setSort] = useState(initial);
  const sorted = useMemo(() => {
    const list = [...(rows ?? [])];
    const direction = sort.asc ? 1 : -1;
    list.sort((a, b) =>
      sort.key === 'name'
        ? direction * (a.unit?.name ?? '').localeCompare(b.unit?.name ?? '')
        : direction * ((a[sort.key as NumericKey<Row>] as number) - (b[sort.key as NumericKey<Row>] as number)),
    );
    return list;
  }, [rows, sort]);
  const onSort = (key: UnitSortKey<Row>) => setSort((current) => ({ key, asc: current.key === key ? !current.asc : key === 'name' }));
  return { sorted, sort, onSort };
}

/** A header cell that sorts its table on `sortKey` (see useSortedRows). */
function SortableHeaderCell<Key extends string>({
  sortKey,
  label,
  align = 'left',
  sort,
  onSort,
}: {
  sortKey: Key;
  label: string;
  align?: 'left' | 'right';
  sort: SortState<Key>;
  onSort: (key: Key) => void;
}) {
  const active = sort.key === sortKey;
  return (
    <TableCell align={align} sortDirection={active ? (sort.asc ? 'asc' : 'desc') : false}>
      <TableSortLabel active={active} direction={active && !sort.asc ? 'desc' : 'asc'} onClick={() => onSort(sortKey)}>
        {label}
      </TableSortLabel>
    </TableCell>
  );
}

/** A per-unit table's first cell: the unit's name linking to its page, and its Latin form when that differs. */
function UnitName({ unit }: { unit: { id: string; name: string; nameLatin: string } | null }) {
  const createPath = useCreatePath();
  if (!unit) return <>—</>;
  return (
    <>
      <Link to={createPath({ resource: 'orgUnits', id: unit.id, type: 'show' })}>{unit.name}</Link>
      {unit.nameLatin !== unit.name && (
        <Typography component="span" variant="body2" color="text.secondary">
          {' '}
          ({unit.nameLatin})
        </Typography>
      )}
    </>
  );
}

export interface UnitColumn<Row> {
  key: UnitSortKey<Row>;
  label: string;
  align?: 'left' | 'right';
  render: (row: Row) => ReactNode;
  width?: string;
  nowrap?: boolean;
}

interface UnitTableRow extends UnitRowLike {
  unitId: string;
  unit: { id: string; name: string; nameLatin: string } | null;
}

export interface UnitTableProps<Row extends UnitTableRow> {
  rows: Row[];
  /** The first column's header: "Unit", or the level's name. */
  nameLabel: string;
  columns: UnitColumn<Row>[];
  initialSort?: SortState<UnitSortKey<Row>>;
  /** False keeps the rows in the order given and the headers plain. */
  sortable?: boolean;
  /** A first column numbering the rows (a ranking). */
  numbered?: boolean;
  /** The unit's name as shown; by default linked to its page, with its Latin form. */
  nameOf?: (row: Row) => ReactNode;
  /** Narrow cells and a scrolling body under a fixed header (for a widget). */
  dense?: boolean;
  'aria-label'?: string;
}

/** The per-unit table of the drive and campaign pages and the dashboard: one row per unit, then the columns. */
export function UnitTable<Row extends UnitTableRow>({
  rows,
  nameLabel,
  columns,
  initialSort = { key: 'name', asc: true },
  sortable = true,
  numbered = false,
  nameOf,
  dense = false,
  'aria-label': ariaLabel,
}: UnitTableProps<Row>) {
  const { sorted, sort, onSort } = useSortedRows(rows, initialSort);
  const formatNumber = useFormatNumber();
  const cell = dense ? { px: 1 } : {};
  const header = (key: UnitSortKey<Row>, label: string, align: 'left' | 'right' = 'left') =>
    sortable ? (
      <SortableHeaderCell key={key} sortKey={key} label={label} align={align} sort={sort} onSort={onSort} />
    ) : (
      <TableCell key={key} align={align} sx={cell}>
        {label}
      </TableCell>
    );
  const table = (
    <Table size="small" stickyHeader={dense} aria-label={ariaLabel}>
      <TableHead>
        <TableRow>
          {numbered && <TableCell sx={cell}>#</TableCell>}
          {header('name', nameLabel)}
          {columns.map((column) => header(column.key, column.label, column.align))}
        </TableRow>
      </TableHead>
      <TableBody>
        {(sortable ? sorted : rows).map((row, index) => (
          <TableRow key={row.unitId} hover>
            {numbered && <TableCell sx={cell}>{formatNumber(index + 1)}</TableCell>}
            <TableCell sx={dense ? { ...cell, overflowWrap: 'anywhere' } : undefined}>
              {nameOf ? nameOf(row) : <UnitName unit={row.unit} />}
            </TableCell>
            {columns.map((column) => (
              <TableCell
                key={column.key}
                align={column.align}
                sx={{ ...cell, width: column.width, whiteSpace: column.nowrap ? 'nowrap' : undefined }}
              >
                {column.render(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return dense ? (
    <TableContainer sx={{ maxHeight: 360, mt: 1, border: 1, borderColor: 'divider', borderRadius: 1 }}>{table}</TableContainer>
  ) : (
    table
  );
}

interface Choice {
  id: string;
  name: string;
}

export interface BreakdownFiltersProps {
  levelLabel: string;
  levels: Choice[];
  level: string;
  onLevel: (level: string) => void;
  /** A phase picker, first offering `allLabel` (the whole campaign). */
  phases?: { label: string; allLabel: string; choices: Choice[]; value: string; onChange: (id: string) => void };
  /** Narrow pickers that share a widget's width. */
  compact?: boolean;
}

/** A per-unit breakdown's pickers: the level to break down at, and the phase where there are phases. */
export function BreakdownFilters({ levelLabel, levels, level, onLevel, phases, compact = false }: BreakdownFiltersProps) {
  const sx = compact ? { minWidth: 140, flex: '1 1 140px' } : { minWidth: 240 };
  return (
    <Stack direction="row" spacing={compact ? 1 : 2} useFlexGap sx={{ flexWrap: 'wrap', mb: compact ? 1 : 2 }}>
      <TextField select size="small" label={levelLabel} value={level} onChange={(event) => onLevel(event.target.value)} sx={sx}>
        {levels.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {choice.name}
          </MenuItem>
        ))}
      </TextField>
      {phases && (
        <TextField
          select
          size="small"
          label={phases.label}
          value={phases.value}
          onChange={(event) => phases.onChange(event.target.value)}
          sx={sx}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">{phases.allLabel}</MenuItem>
          {phases.choices.map((choice) => (
            <MenuItem key={choice.id} value={choice.id}>
              {choice.name}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Stack>
  );
}

export interface UnitBreakdownProps<Row extends UnitTableRow> extends Omit<UnitTableProps<Row>, 'rows'> {
  filters: BreakdownFiltersProps;
  rows: Row[] | undefined;
  loading: boolean;
  error: Error | null;
  /** Said when the level has no units. */
  emptyText: string;
  note?: string;
  'data-testid'?: string;
}

/** A record page's per-unit breakdown: the pickers, a note, then the table (or the error, progress, or "none"). */
export function UnitBreakdown<Row extends UnitTableRow>({
  filters,
  rows,
  loading,
  error,
  emptyText,
  note,
  'data-testid': testId,
  ...table
}: UnitBreakdownProps<Row>) {
  return (
    <Box sx={{ width: '100%' }} data-testid={testId}>
      <BreakdownFilters {...filters} />
      {note && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {note}
        </Typography>
      )}
      {error ? <Alert severity="error">{error.message}</Alert> : null}
      {loading && <LinearProgress />}
      {rows && rows.length === 0 && <Typography variant="body2">{emptyText}</Typography>}
      {rows && rows.length > 0 && <UnitTable rows={rows} {...table} />}
    </Box>
  );
}
