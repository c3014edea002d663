/**
 * Astro's logger destination for this project (astro.config.mjs `logger.entrypoint`): what Astro
 * says goes through ./terminal.ts, which keeps the French summary, the server's address, and every
 * warning and error in full. Colour codes are removed when the output is not a terminal (a file, a
 * pipe, a CI log), where they would be raw `^[[2m` bytes. Errors go to the error stream, the rest to
 * the standard one, as Astro's own destination does.
 */
import { shownText, stripColours, type LogEvent } from './terminal.ts';

export default function terminalLogger(): { write(event: LogEvent): void } {
  return {
    write(event) {
      const text = shownText(event);
      if (text === undefined) return;
      const stream = event.level === 'error' ? process.stderr : process.stdout;
      const end = event.newLine ? '\n' : '';
      stream.write(`${stream.isTTY ? text : stripColours(text)}${end}`);
    },
  };
}
