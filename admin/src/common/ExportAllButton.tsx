import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, Dialog, DialogContent, DialogTitle, LinearProgress, Typography } from '@mui/material';
import jsonExport from 'jsonexport/dist';
import { useState } from 'react';
import { downloadCSV, useDataProvider, useListContext, useNotify, useResourceContext, useTranslate } from 'react-admin';
import type { SangathanDataProvider } from '../dataProvider';
import { useFormatNumber } from './locale';

/**
 * Exports everything the list's filter matches, not just the page shown and not capped: rows are
 * fetched 500 at a time with the API's cursor while a dialog shows how far it got.
 */
export function ExportAllButton() {
  const { filterValues, sort, total } = useListContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const exportAll = async () => {
    setProgress({ done: 0, total: total ?? 0 });
    try {
      const rows = await dataProvider.getAll(resource, { filter: filterValues, sort }, (done, all) => setProgress({ done, total: all }));
      const flat = rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Array.isArray(value) ? value.join('; ') : value])),
      );
      const csv = await new Promise<string>((resolve, reject) =>
        jsonExport(flat, (error: Error | null, text: string) => (error ? reject(error) : resolve(text))),
      );
      downloadCSV(csv, resource);
      notify('sangathan.export.done', { type: 'success', messageArgs: { smart_count: rows.length } });
    } catch (error) {
      notify('sangathan.export.failed', { type: 'error', messageArgs: { error: (error as Error).message } });
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<DownloadIcon />} onClick={exportAll} disabled={!!progress || total === 0}>
        {translate('ra.action.export')}
      </Button>
      <Dialog open={!!progress} aria-labelledby="export-progress-title">
        <DialogTitle id="export-progress-title">
          {translate('sangathan.export.title', { resource: translate(`resources.${resource}.name`, { smart_count: 2, _: resource }) })}
        </DialogTitle>
        <DialogContent sx={{ minWidth: 300 }}>
          <LinearProgress variant="determinate" value={progress?.total ? (100 * progress.done) / progress.total : 0} />
          <Typography variant="body2" sx={{ mt: 1 }} data-testid="export-progress">
            {progress && translate('sangathan.export.progress', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
          </Typography>
        </DialogContent>
      </Dialog>
    </>
  );
}
