/**
 * Reads one line from the terminal without showing it: raw mode, so the terminal does not
 * echo; Enter ends it, Backspace edits, Ctrl-C / Ctrl-D abort. From a pipe (not a TTY) it
 * reads the first line, which nothing echoes.
 */
export async function readSecret(
  prompt: string,
  {
    input = process.stdin,
    output = process.stderr,
  }: { input?: NodeJS.ReadStream; output?: NodeJS.WriteStream } = {},
): Promise<string> {
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) {
      chunks.push(chunk as Buffer);
      if (Buffer.concat(chunks).includes(10)) break;
    }
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  // echo off before the prompt shows: whatever is typed after it is never displayed
  input.setRawMode(true);
  input.resume();
  output.write(prompt);
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (b: Buffer) => {
        for (const ch of b.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            input.off('data', onData);
            output.write('\n');
            return resolve(typed);
          }
          if (ch === '\u0003' || ch === '\u0004') {
            input.off('data', onData);
            output.write('\n');
            return reject(new Error('cancelled'));
          }
          if (ch === '\u007f' || ch === '\b') typed = Array.from(typed).slice(0, -1).join('');
          else typed += ch;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
  }
}
