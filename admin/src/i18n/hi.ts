import { app } from './app';
import { areas } from './areas';
import { raHindi } from './raHindi';

export const hi = {
  ...raHindi,
  ...app.hi,
  resources: Object.assign({}, ...areas.map((area) => area.hi.resources)),
  enums: Object.assign({}, ...areas.map((area) => area.hi.enums ?? {})),
  dashboard: Object.assign({}, ...areas.map((area) => area.hi.dashboard ?? {})),
};
