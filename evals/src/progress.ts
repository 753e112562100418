export interface Progress {
  tick(label: string, pass: boolean): void;
  done(): void;
}

/**
 * A progress bar on stderr. On a terminal it redraws one line; in CI logs (no TTY) it
 * prints a line at each quarter so the log stays short.
 */
export function createProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  enabled = true,
): Progress {
  let n = 0;
  let ok = 0;
  let lastQuarter = 0;
  const tty = stream.isTTY === true;
  const width = 28;
  const line = (label: string) => {
    const filled = total ? Math.round((n / total) * width) : width;
    const pct = total ? Math.floor((n / total) * 100) : 100;
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${n}/${total} ${pct}%  ✓${ok} ✗${n - ok}  ${label}`;
  };
  return {
    tick(label, pass) {
      n += 1;
      if (pass) ok += 1;
      if (!enabled) return;
      if (tty) {
        const cols = stream.columns ?? 100;
        stream.write(`\r\x1b[2K${line(label).slice(0, cols - 1)}`);
      } else {
        const quarter = Math.floor((n / total) * 4);
        if (quarter > lastQuarter) {
          lastQuarter = quarter;
          stream.write(`${line('')}\n`);
        }
      }
    },
    done() {
      if (enabled && tty) stream.write('\r\x1b[2K');
    },
  };
}
