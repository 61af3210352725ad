// `npx tsx assets-pipeline/models/cli.ts` — runs the model stage alone. Exit code 1 when a model failed
// (the others are still built and published).
import { runModelsWithProgress } from './run.ts';

process.exitCode = (await runModelsWithProgress()) ? 1 : 0;
