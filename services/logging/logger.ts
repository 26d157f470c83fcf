import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { maskPii } from './mask';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level?: string;
  /** Where lines go; stdout by default. Tests pass a capturing stream. */
  destination?: DestinationStream;
}

/**
 * The project's structured logger. Every serialised line passes through `maskPii`, so mobile, ID card and
 * bank card numbers are masked wherever they appear: message, fields, error stacks.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: (line: string) => maskPii(line) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** A logger that writes nothing (unit tests that don't look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** A logger whose lines are kept in memory, for tests that check what was logged. */
export function captureLogger(level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (s: string) => void lines.push(s) } });
  return { logger, lines };
}
