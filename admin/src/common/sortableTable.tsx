import { TableCell, TableSortLabel, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Link, useCreatePath } from 'react-admin';

/** A table row about one unit: sortable by the unit's name or by any of its numeric columns. */
interface UnitRowLike {
  unit: { name: string };
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
        ? direction * a.unit.name.localeCompare(b.unit.name)
        : direction * ((a[sort.key as NumericKey<Row>] as number) - (b[sort.key as NumericKey<Row>] as number)),
    );
    return list;
  }, [rows, sort]);
  const onSort = (key: UnitSortKey<Row>) => setSort((current) => ({ key, asc: current.key === key ? !current.asc : key === 'name' }));
  return { sorted, sort, onSort };
}

/** A header cell that sorts its table on `sortKey` (see useSortedRows). */
export function SortableHeaderCell<Key extends string>({
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
export function UnitNameCell({ unit }: { unit: { id: string; name: string; nameLatin: string } }) {
  const createPath = useCreatePath();
  return (
    <TableCell>
      <Link to={createPath({ resource: 'orgUnits', id: unit.id, type: 'show' })}>{unit.name}</Link>
      {unit.nameLatin !== unit.name && (
        <Typography component="span" variant="body2" color="text.secondary">
          {' '}
          ({unit.nameLatin})
        </Typography>
      )}
    </TableCell>
  );
}
