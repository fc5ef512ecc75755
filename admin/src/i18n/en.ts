import englishMessages from 'ra-language-english';
import { app } from './app';
import { areas } from './areas';

export const en = {
  ...englishMessages,
  ...app.en,
  resources: Object.assign({}, ...areas.map((area) => area.en.resources)),
  enums: Object.assign({}, ...areas.map((area) => area.en.enums ?? {})),
  dashboard: Object.assign({}, ...areas.map((area) => area.en.dashboard ?? {})),
};
