// Action entry point: everything happens in run(), which reports its own failures.
import { run } from './github/run.js';

void run();
