/**
 * What a room's Run and Test buttons type for a project, read from its files: the package.json scripts for a
 * Node project, pytest / uvicorn / manage.py for a Python one. Commands are one shell line each, run in the
 * room's sandbox from the workspace root. A server listens on `$PORT` when the caller sets it (a preview
 * does) and on 3000 otherwise, on 127.0.0.1 (the sandbox has only its own loopback).
 */

/** A command, and where it came from (shown next to the button). */
export type RoomScript = { readonly command: string; readonly source: string } | { readonly command: null; readonly reason: string };

export interface RoomScripts {
  readonly run: RoomScript;
  readonly test: RoomScript;
}

/** Python packages are installed into the workspace (sandbox/local/steps.ts), not into site-packages. */
const PY = 'PYTHONPATH=.python_packages PYTHONUNBUFFERED=1';
const PORT = '${PORT:-3000}';
/** `npm init`'s placeholder test script, which only fails. */
const NPM_PLACEHOLDER_TEST = /no test specified/;
const PYTHON_TEST_FILE = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/;

const none = (reason: string): RoomScript => ({ command: null, reason });

/**
 * The Run and Test commands of a project, from its framework (core/project/frameworks.ts) and its files
 * (path → text; binary files may map to an empty string).
 */
export function resolveRoomScripts(framework: string, files: ReadonlyMap<string, string>): RoomScripts {
  if (files.has('package.json')) return nodeScripts(files.get('package.json')!, files);
  const python = ['fastapi', 'django'].includes(framework) || [...files.keys()].some((p) => p.endsWith('.py') || p === 'requirements.txt');
  if (python) return { run: pythonRun(framework, files), test: pythonTest(files) };
  const reason = 'The project has no package.json and no Python files';
  return { run: none(reason), test: none(reason) };
}

function nodeScripts(manifest: string, files: ReadonlyMap<string, string>): RoomScripts {
  let scripts: Record<string, unknown>;
  let main: unknown;
  try {
    const parsed = JSON.parse(manifest) as { scripts?: unknown; main?: unknown };
    scripts = typeof parsed.scripts === 'object' && parsed.scripts !== null ? (parsed.scripts as Record<string, unknown>) : {};
    main = parsed.main;
  } catch {
    const reason = 'package.json is not valid JSON';
    return { run: none(reason), test: none(reason) };
  }
  const script = (name: string) =>
    typeof scripts[name] === 'string' && (scripts[name] as string).trim() ? (scripts[name] as string) : null;
  const test =
    script('test') && !NPM_PLACEHOLDER_TEST.test(script('test')!)
      ? { command: 'npm test', source: 'package.json "test"' }
      : none('package.json has no "test" script');
  const name = script('dev') ? 'dev' : script('start') ? 'start' : null;
  // npm's own default: with a server.js and no start script, `npm start` runs `node server.js`.
  if (!name && files.has('server.js')) return { run: { command: 'npm start', source: 'server.js (npm start)' }, test };
  if (!name && typeof main === 'string' && files.has(main.replace(/^\.\//, '')) && /^[\w./-]+$/.test(main))
    return { run: { command: `node ${main}`, source: 'package.json "main"' }, test };
  if (!name) return { run: none('package.json has no "dev" or "start" script'), test };
  const base = name === 'dev' ? 'npm run dev' : 'npm start';
  // Vite ignores PORT and listens on 5173 unless told otherwise.
  const vite = /(^|[\s;&|])vite(\s+(dev|serve)\b|\s*$|\s+--)/.test(script(name)!) && !/--port/.test(script(name)!);
  return {
    run: { command: vite ? `${base} -- --host 127.0.0.1 --port ${PORT} --strictPort` : base, source: `package.json "${name}"` },
    test,
  };
}

function pythonRun(framework: string, files: ReadonlyMap<string, string>): RoomScript {
  if (files.has('manage.py')) return { command: `${PY} python3 manage.py runserver 127.0.0.1:${PORT}`, source: 'manage.py runserver' };
  if (framework === 'django') return none('The Django project has no manage.py');
  const app = ['main.py', 'app/main.py', 'src/main.py', 'app.py'].find((p) => /\bFastAPI\s*\(/.test(files.get(p) ?? ''));
  if (app) {
    if (!/^uvicorn\b/im.test(files.get('requirements.txt') ?? '')) return none('uvicorn is not in requirements.txt');
    const module = `${app.slice(0, -'.py'.length).replace(/\//g, '.')}:app`;
    return { command: `${PY} python3 -m uvicorn ${module} --host 127.0.0.1 --port ${PORT} --reload`, source: `uvicorn ${module}` };
  }
  if (framework === 'fastapi') return none('No FastAPI app found (main.py or app/main.py creating FastAPI())');
  if (files.has('main.py')) return { command: `${PY} python3 main.py`, source: 'main.py' };
  return none('The project has no main.py');
}

function pythonTest(files: ReadonlyMap<string, string>): RoomScript {
  if (files.has('manage.py') && !/^pytest\b/im.test(files.get('requirements.txt') ?? ''))
    return { command: `${PY} python3 manage.py test`, source: 'manage.py test' };
  if (![...files.keys()].some((p) => PYTHON_TEST_FILE.test(p))) return none('The project has no test files (test_*.py or *_test.py)');
  return { command: `${PY} python3 -m pytest -q`, source: 'pytest' };
}
