// Runs the image stage in a child process, so a test can SIGKILL it mid-run.
import { runImageStage } from '../../../assets-pipeline/images/stage.ts';

await runImageStage({ progress: false, log: () => {} });
