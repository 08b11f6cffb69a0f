// `npm run build`'s bundling step: rolldown.config.mjs through rolldown's API, because its CLI
// lists every chunk it writes (about 120 lines in each `npm test`). Warnings and errors still print.
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

await build(config);
