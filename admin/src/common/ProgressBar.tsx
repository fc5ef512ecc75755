import { Box, LinearProgress, Typography } from '@mui/material';
import { useFormatNumber } from './locale';

/** achieved of target as a bar (capped at full) with the figures; the API's percent may exceed 100. */
export function ProgressBar({
  target,
  achieved,
  percent,
  wide = false,
}: {
  target: number;
  achieved: number;
  percent: number;
  wide?: boolean;
}) {
  const formatNumber = useFormatNumber();
  const color = percent >= 100 ? 'success' : percent >= 50 ? 'primary' : 'warning';
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: wide ? 320 : 200 }}>
      <Box sx={{ flex: 1 }}>
        <LinearProgress
          variant="determinate"
          value={Math.min(100, Math.max(0, percent))}
          color={color}
          sx={{ height: wide ? 10 : 6, borderRadius: 5 }}
          aria-label={`${formatNumber(percent, { maximumFractionDigits: 1 })}%`}
        />
      </Box>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap', minWidth: 48, textAlign: 'right' }}>
        {formatNumber(percent, { maximumFractionDigits: 1 })}%
      </Typography>
      {wide && (
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
          {formatNumber(achieved)} / {formatNumber(target)}
        </Typography>
      )}
    </Box>
  );
}
