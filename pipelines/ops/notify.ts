// The optional notify command (ops.notify.command), e.g. a mail or Teams webhook script the council already
// has. It runs through the shell with the one-line summary on stdin and in $CSP_SUMMARY (never pasted into
// the command line, so nothing in a file name or an error can be run as a command). A notify command that
// fails is logged; it never changes the run's result.
import { spawn } from 'node:child_process';
import type { Config } from '../../core/config.js';
import type { Logger } from '../../core/logger.js';

export type NotifyConfig = Config['ops']['notify'];

export const shouldNotify = (
  cfg: NotifyConfig,
  opts: { failed: boolean; stale: boolean; held?: boolean; validationErrorsRose?: boolean },
): boolean =>
  !!cfg.command &&
  (cfg.on === 'always' || opts.failed || opts.stale || !!opts.held || opts.validationErrorsRose === true);

export async function runNotify(
  cfg: NotifyConfig,
  summary: string,
  env: Record<string, string>,
  log: Logger,
): Promise<boolean> {
  if (!cfg.command) return false;
  const command = cfg.command;
  const result = await new Promise<{ code: number | null; signal: string | null; output: string; error?: string }>(
    (resolve) => {
      const child = spawn(command, {
        shell: true,
        env: { ...process.env, ...env, CSP_SUMMARY: summary },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-2000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      const timer = setTimeout(() => child.kill('SIGKILL'), cfg.timeoutSeconds * 1000);
      child.on('error', (e) => {
        clearTimeout(timer);
        resolve({ code: null, signal: null, output, error: e.message });
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, output });
      });
      child.stdin.on('error', () => undefined); // a command that does not read stdin is fine
      child.stdin.end(summary + '\n');
    },
  );
  if (result.code === 0) {
    log.info({ notify: command }, 'notify: sent');
    return true;
  }
  const why =
    result.error ??
    (result.signal ? `stopped by ${result.signal} (over ${cfg.timeoutSeconds} s?)` : `exit ${result.code}`);
  log.warn(
    { notify: command, output: result.output.trim() },
    `notify: the command failed (${why}); check ops.notify.command. Its output: ${result.output.trim().split('\n').slice(-3).join(' / ') || '(none)'}`,
  );
  return false;
}
