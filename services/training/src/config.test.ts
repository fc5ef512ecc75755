import { EnvReader } from '@sangathan/common';
import { loadConfig } from './config';

describe('training config', () => {
  it('listens on 4003 by default and reads TRAINING_PORT', () => {
    expect(loadConfig(new EnvReader({}))).toMatchObject({ name: 'training', port: 4003 });
    expect(loadConfig(new EnvReader({ TRAINING_PORT: '5999' })).port).toBe(5999);
  });
});
