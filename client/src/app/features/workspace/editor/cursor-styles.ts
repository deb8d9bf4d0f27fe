import { safeColor, textOn } from '../models/presence.models';

/** A named, coloured cursor to style: a person's (y-monaco classes) or an agent's (our own decoration). */
export interface CursorStyle {
  readonly name: string;
  readonly color: string;
}

/** A string as a CSS string literal: quotes, backslashes and line breaks escaped, nothing can close the rule. */
export function cssString(text: string): string {
  const escaped = Array.from(text.slice(0, 40))
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (ch === '"' || ch === '\\' || code < 0x20 || code === 0x7f) {
        return `\\${code.toString(16)} `;
      }
      return ch;
    })
    .join('');
  return `"${escaped}"`;
}

/** `#rrggbb` → `rgba(r, g, b, alpha)`. */
function withAlpha(color: string, alpha: number): string {
  const hex = safeColor(color).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** A robot's head (antenna, face, eyes) in `fill`, as a CSS url: no emoji font needed. */
export function robotIcon(fill: string): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><g fill='${fill}'><rect x='7' y='0' width='2' height='3' rx='1'/><path fill-rule='evenodd' d='M5 3h6a4 4 0 0 1 4 4v4a4 4 0 0 1-4 4H5a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4Zm.5 4.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z'/></g></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

/** The label above a caret: the name on the cursor's colour, readable on it; agents' with a robot. */
function label(selector: string, { name, color }: CursorStyle, robot = false): string {
  const icon = robot
    ? `\n  background-image: ${robotIcon(textOn(color))};\n  background-repeat: no-repeat;\n  background-position: 4px 50%;\n  background-size: 10px 10px;\n  padding-left: 17px;`
    : '';
  return `${selector}::after {
  content: ${cssString(name)};
  position: absolute;
  top: -1.35em;
  left: -2px;
  padding: 0 4px;
  border-radius: 3px 3px 3px 0;
  background: ${safeColor(color)};
  color: ${textOn(color)};
  font: 600 11px/1.35em system-ui, sans-serif;
  white-space: nowrap;
  pointer-events: none;
  z-index: 10;${icon}
}`;
}

/**
 * The rules for another person's selection and caret. y-monaco names its decorations
 * `yRemoteSelection-<clientId>` and `yRemoteSelectionHead-<clientId>`; the colour and name come from the
 * server-issued token (never from what a client wrote in its presence).
 */
export function remoteCursorCss(clientId: number, style: CursorStyle): string {
  const id = Math.trunc(clientId);
  const color = safeColor(style.color);
  return `.yRemoteSelection-${id} { background-color: ${withAlpha(color, 0.25)}; }
.yRemoteSelectionHead-${id} {
  position: absolute;
  height: 100%;
  border-left: 2px solid ${color};
  box-sizing: border-box;
}
${label(`.yRemoteSelectionHead-${id}`, style)}`;
}

/** A CSS-class-safe token for an agent role ("coder" → "coder"; anything else dropped). */
export function agentClass(role: string): string {
  return `agentCursor-${role.replace(/[^a-z0-9_-]/gi, '').slice(0, 40) || 'agent'}`;
}

/** The rules for an agent's caret: a bar in its colour, its name with a robot. */
export function agentCursorCss(role: string, style: CursorStyle): string {
  const cls = `.${agentClass(role)}`;
  const color = safeColor(style.color);
  return `${cls} {
  position: absolute;
  height: 100%;
  border-left: 2px solid ${color};
  box-sizing: border-box;
}
${label(cls, style, true)}
.agentLine-${agentClass(role).slice('agentCursor-'.length)} { background-color: ${withAlpha(color, 0.12)}; }`;
}
