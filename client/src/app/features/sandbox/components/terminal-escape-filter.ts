import type { IDisposable, Terminal } from '@xterm/xterm';

/**
 * OSC commands a sandbox may not send to the browser: 52 reads or writes the clipboard; 4, 10–12 and
 * 104/110–112 set or query colours (a query's answer is typed into the shell as if the person had, a
 * way for output to inject input); 8 plants hyperlinks; 0–2 retitle the tab; 7, 9, 777 and 1337 reach
 * desktop notifications or file transfer in other terminals.
 */
export const BLOCKED_OSC = [0, 1, 2, 4, 7, 8, 9, 10, 11, 12, 52, 104, 110, 111, 112, 777, 1337] as const;

/** DCS requests that make the terminal answer on the input side (DECRQSS `$q`, XTGETTCAP `+q`). */
const BLOCKED_DCS = [
  { intermediates: '$', final: 'q' },
  { intermediates: '+', final: 'q' },
] as const;

/**
 * Swallows the escape sequences above before any other handler sees them: xterm.js runs the newest
 * handler first and stops at the first that returns true, so this is installed after every addon.
 * Plain text, colours (SGR), cursor movement and the cursor-position report stay as they are.
 */
export function filterTerminalEscapes(term: Pick<Terminal, 'parser'>): IDisposable {
  const swallow = () => true;
  const handlers = [
    ...BLOCKED_OSC.map((ident) => term.parser.registerOscHandler(ident, swallow)),
    ...BLOCKED_DCS.map((id) => term.parser.registerDcsHandler(id, swallow)),
  ];
  return { dispose: () => handlers.forEach((h) => h.dispose()) };
}
