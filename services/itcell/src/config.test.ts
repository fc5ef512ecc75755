import { EnvReader } from '@sangathan/common';
import { loadConfig } from './config';

describe('itcell config', () => {
  it('listens on 4002 by default and reads ITCELL_PORT', () => {
    expect(loadConfig(new EnvReader({}))).toMatchObject({ name: 'itcell', port: 4002 });
    expect(loadConfig(new EnvReader({ ITCELL_PORT: '5999' })).port).toBe(5999);
  });
});
