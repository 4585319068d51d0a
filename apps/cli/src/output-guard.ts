import { exitCodes } from './cli-error.ts';

/** Something that can be thrown away: an atomic output not yet committed. */
interface Abortable {
  abort(): Promise<void>;
}

const open = new Set<Abortable>();

/** Tracks an output until it is committed or aborted, so a signal can remove its temp file. */
export function guardOutput(sink: Abortable): () => void {
  open.add(sink);
  return () => open.delete(sink);
}

/** Aborts every open output: their temporary files go, their targets stay untouched. */
export async function abortOpenOutputs(): Promise<void> {
  const sinks = [...open];
  open.clear();
  await Promise.allSettled(sinks.map((sink) => sink.abort()));
}

/**
 * On Ctrl-C or a kill, an interrupted run must leave no half-written output (DESIGN.md §7):
 * remove the temp files, then exit with the shell's code for the signal.
 */
export function installSignalHandlers(): void {
  const handle = (code: number) => () => {
    void abortOpenOutputs().finally(() => process.exit(code));
  };
  process.once('SIGINT', handle(exitCodes.interrupted));
  process.once('SIGTERM', handle(exitCodes.terminated));
}
