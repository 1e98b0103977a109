import { runCommand } from '../../../bot/cli/index.js';
import { generateCommand } from './command.js';

// `npm run dataset -- --partnerships 400 --years 10`: the generated national dataset for the benchmark (not part of the product).
process.exitCode = await runCommand(generateCommand, process.argv.slice(2));
