import { app } from './app';
import { areas } from './areas';
import { raVietnamese } from './raVietnamese';

export const vi = {
  ...raVietnamese,
  ...app.vi,
  resources: Object.assign({}, ...areas.map((area) => area.vi.resources)),
  enums: Object.assign({}, ...areas.map((area) => area.vi.enums ?? {})),
  dashboard: Object.assign({}, ...areas.map((area) => area.vi.dashboard ?? {})),
};
