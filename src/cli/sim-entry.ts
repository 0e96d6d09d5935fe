/**
 * The entry point of the prebuilt CLI bundle (dist-cli/sim.mjs, built by scripts/build-cli.mjs): `npm run sim`
 * starts Node on plain JavaScript instead of transpiling the sources with tsx on every call.
 */
import { runAsProcess } from './main';

runAsProcess(process.argv.slice(2));
