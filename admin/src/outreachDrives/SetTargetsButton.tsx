import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { UnitInput, withLatin, useLevelLabel } from '../common';
import type { SangathanDataProvider } from '../dataProvider';

interface Row {
  unitId: string;
  unitName: string;
  target: string;
}

/** The "add a unit" box: any unit within the drive's root unit not yet in the list. */
function AddUnit({ onAdd, rootUnitId }: { onAdd: (unitId: string) => void; rootUnitId: string }) {
  const unitId = useWatch({ name: 'newUnitId' });
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <Box sx={{ flex: 1 }}>
        <UnitInput source="newUnitId" label="resources.outreachDrives.targets.addUnit" filter={{ withinUnit: rootUnitId }} />
      </Box>
      <Button startIcon={<AddIcon />} disabled={!unitId} onClick={() => onAdd(unitId)}>
        {translate('ra.action.add')}
      </Button>
    </Box>
  );
}

/**
 * Edits all the drive's targets at once through setDriveTargets (all or nothing; units left out lose
 * their target). Bad rows come back as "targets.<index>.<field>" and are shown on their row.
 */
export function SetTargetsButton() {
  const drive = useRecordContext();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const queryClient = useQueryClient();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [addKey, setAddKey] = useState(0);
  const levelLabel = useLevelLabel();
  const unitText = (unit: { name: string; nameLatin?: string; level?: string }) =>
    `${withLatin(unit.name, unit.nameLatin)} · ${levelLabel(unit.level)}`;

  if (!drive) return null;

  const start = async () => {
    setOpen(true);
    setLoading(true);
    setErrors({});
    try {
      const targets = await dataProvider.getAll('driveTargets', { filter: { driveId: drive.id } });
      const units = targets.length ? (await dataProvider.getMany('orgUnits', { ids: targets.map((target) => target.unitId) })).data : [];
      const names = new Map(units.map((unit) => [unit.id, unitText(unit as { name: string; nameLatin?: string; level?: string })]));
      setRows(
        targets
          .map((target) => ({ unitId: target.unitId, unitName: names.get(target.unitId) ?? target.unitId, target: String(target.target) }))
          .sort((a, b) => a.unitName.localeCompare(b.unitName)),
      );
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      setOpen(false);
    } finally {
      setLoading(false);
    }
  };

  const addUnit = async (unitId: string) => {
    if (rows.some((row) => row.unitId === unitId)) return;
    const { data: unit } = await dataProvider.getOne('orgUnits', { id: unitId });
    setRows((current) => [
      ...current,
      { unitId, unitName: unitText(unit as { name: string; nameLatin?: string; level?: string }), target: '0' },
    ]);
    setAddKey((key) => key + 1);
  };

  const save = async () => {
    setLoading(true);
    setErrors({});
    try {
      await dataProvider.mutate(
        `mutation SetDriveTargets($driveId: ID!, $targets: [DriveTargetInput!]!, $expectedVersion: Int) {
          setDriveTargets(driveId: $driveId, targets: $targets, expectedVersion: $expectedVersion) { id version }
        }`,
        {
          driveId: drive.id,
          targets: rows.map((row) => ({ unitId: row.unitId, target: Number(row.target) })),
          expectedVersion: drive.version,
        },
      );
      notify('resources.outreachDrives.targets.saved', { type: 'success' });
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['driveTargetLevels', drive.id] });
      refresh();
    } catch (error: any) {
      if (error?.status === 409) {
        notify('sangathan.errors.conflict', { type: 'warning', autoHideDuration: 15000 });
        setOpen(false);
        refresh();
      } else if (error?.status === 400) {
        const fields = { ...(error.body?.errors ?? {}) } as Record<string, unknown>;
        const root = (fields.root as { serverError?: string } | undefined)?.serverError;
        delete fields.root;
        const rowErrors = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]));
        // Row errors show on their rows; the general message only when no row is to blame.
        setErrors(Object.keys(rowErrors).length ? rowErrors : { root: root ?? translate('sangathan.errors.invalid') });
      } else {
        notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
      }
    } finally {
      setLoading(false);
    }
  };

  const rowError = (index: number) =>
    Object.entries(errors)
      .filter(([key]) => key === `targets.${index}` || key.startsWith(`targets.${index}.`))
      .map(([, message]) => message)
      .join('; ');

  return (
    <>
      <Button size="small" startIcon={<EditIcon />} onClick={start} sx={{ alignSelf: 'flex-start' }}>
        {translate('resources.outreachDrives.targets.edit')}
      </Button>
      <Dialog open={open} onClose={() => !loading && setOpen(false)} fullWidth maxWidth="md" aria-labelledby="set-targets-title">
        <DialogTitle id="set-targets-title">{translate('resources.outreachDrives.targets.title', { name: drive.name })}</DialogTitle>
        <DialogContent>
          {loading && <LinearProgress />}
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('resources.outreachDrives.targets.help')}
          </Alert>
          {errors.root && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {errors.root}
            </Alert>
          )}
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.driveTargets.fields.unitId')}</TableCell>
                <TableCell>{translate('resources.driveTargets.fields.target')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, index) => (
                <TableRow key={row.unitId}>
                  <TableCell>{row.unitName}</TableCell>
                  <TableCell>
                    <MuiTextField
                      size="small"
                      type="number"
                      value={row.target}
                      slotProps={{ htmlInput: { min: 0, 'aria-label': row.unitName } }}
                      error={!!rowError(index)}
                      helperText={rowError(index) || undefined}
                      onChange={(event) =>
                        setRows((current) => current.map((other, at) => (at === index ? { ...other, target: event.target.value } : other)))
                      }
                    />
                  </TableCell>
                  <TableCell align="right">
                    <IconButton
                      size="small"
                      aria-label={translate('ra.action.remove')}
                      onClick={() => setRows((current) => current.filter((_other, at) => at !== index))}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Box sx={{ mt: 2 }}>
            <Form key={addKey} record={{}}>
              <AddUnit onAdd={addUnit} rootUnitId={drive.unitId} />
            </Form>
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={loading}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={save} disabled={loading}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
